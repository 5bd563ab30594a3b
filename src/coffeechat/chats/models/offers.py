"""Other times from the volunteer: instead of taking one of the student's times, the
volunteer offers one to three of their own; the student picks one, and that is the yes.

While an offer waits, the request stays open (it has been answered, so the volunteer is
not reminded) and the student has at least ``CHOOSE_WITHIN`` to choose, with one
reminder ``CHOOSE_NUDGE`` before it closes.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from coffeechat.chats import slots
from coffeechat.chats.refusal import RequestRefused

MAX_OFFERED = 3
CHOOSE_WITHIN = dt.timedelta(days=7)
CHOOSE_NUDGE = dt.timedelta(days=2)  # the student is reminded once, this long before
FURTHEST = dt.timedelta(days=120)
KEY = "%Y-%m-%dT%H:%MZ"


class OfferMixin:
    """The offer's moves on ``ChatRequest`` (its fields ``offered`` and ``offered_at``)."""

    def offered_starts(self) -> list[dt.datetime]:
        starts = [slots.parse_key(key) for key in self.offered or []]
        return [start for start in starts if start is not None]

    def offer(self, starts: list[dt.datetime], *, place: str = "", now=None):
        """The volunteer offers other times; offering again replaces the first offer."""
        now = now or timezone.now()
        self._refuse_unless_open()
        starts = sorted(set(starts))
        if not 1 <= len(starts) <= MAX_OFFERED:
            raise RequestRefused(f"Offer one to {MAX_OFFERED} times.", self)
        if any(start <= now for start in starts):
            raise RequestRefused("One of those times has already passed; offer later ones.", self)
        if any(start > now + FURTHEST for start in starts):
            raise RequestRefused("Offer times within the next four months.", self)
        fields = {
            "offered": [start.astimezone(dt.UTC).strftime(KEY) for start in starts],
            "offered_at": now,
            "answered_at": self.answered_at or now,
            "reminded_at": None,  # the one reminder now goes to the student, if needed
            "expires_at": max(self.expires_at, now + CHOOSE_WITHIN),
            "place": place.strip()[:500] or self.place,
        }
        with transaction.atomic():
            changed = type(self).objects.filter(pk=self.pk, state=self.State.OPEN).update(**fields)
            if not changed:
                raise RequestRefused("This request was answered or expired a moment ago.", self)
        for name, value in fields.items():
            setattr(self, name, value)
        return self

    def choose(self, starts_at: dt.datetime, *, now=None):
        """The student takes one of the offered times: the conversation is set."""
        now = now or timezone.now()
        self._refuse_unless_open()
        if starts_at not in self.offered_starts():
            raise RequestRefused("Choose one of the times offered.", self)
        return self.accept(starts_at, place=self.place, now=now)
