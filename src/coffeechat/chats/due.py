"""The network's meetings in the volunteer's agenda and calendar feed.

When a volunteer accepts a request, the student's side is an interview of their own
(chats/meeting.py), which the interviews app already puts in the student's agenda. The
volunteer has no interview: this provider gives them the conversations they agreed to,
today and in the next six days (or up to ``until`` when asked for what is ahead), and
``EVENTS`` puts each one in their calendar feed at its time, with the same UID as the
invite they may have downloaded, so a calendar that has both keeps one.
"""

import datetime

from django.conf import settings

from coffeechat.chats import ical
from coffeechat.chats.models import ChatRequest
from coffeechat.due import DueItem, DueKind, firsts
from coffeechat.interviews.models import Mode
from coffeechat.links import url_pattern
from coffeechat.zones import local_day_bounds, user_zone

DAYS_AHEAD = 6  # as the interviews' meetings
PAST_DAYS = 60  # how long a held conversation stays in the feed


def _agreed(user):
    return ChatRequest.objects.filter(volunteer__owner=user, state=ChatRequest.State.ACCEPTED)


def _student(first, last, username):
    return " ".join(part for part in (first, last) if part) or username


def agreed_conversations(user, today, until=None, first=None):
    if not settings.NETWORK:  # on a laptop there are no requests: not even a query
        return
    zone = user_zone(user)
    last = max(until or today, today + datetime.timedelta(days=DAYS_AHEAD))
    start, end = local_day_bounds(today, zone)[0], local_day_bounds(last, zone)[1]
    rows = (
        _agreed(user)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .order_by("starts_at", "id")
        .values_list(
            "id",
            "starts_at",
            "mode",
            "duration_minutes",
            "student__first_name",
            "student__last_name",
            "student__username",
        )
    )
    modes = dict(Mode.choices)
    url = url_pattern("chats:detail")
    for pk, starts_at, mode, minutes, given, family, username in firsts(
        rows, lambda row: row[1].astimezone(zone).date(), today, first
    ):
        name = _student(given, family, username)
        local = starts_at.astimezone(zone)
        yield DueItem(
            kind="network-meeting",
            contact_id=None,
            contact=name,
            due=local.date(),
            title=f"Talk with {name}, who asked through the network, at {local:%H:%M} "
            f"({modes.get(mode, mode).lower()})",
            url=url.format(pk),
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=minutes),
        )


def agreed_events(user, *, now: datetime.datetime, base_url: str = "") -> list:
    if not settings.NETWORK:
        return []
    rows = (
        _agreed(user)
        .filter(starts_at__gte=now - datetime.timedelta(days=PAST_DAYS))
        .select_related("volunteer", "student")
        .order_by("starts_at", "id")
    )
    return [
        ical.event(
            request, for_volunteer=True, url=base_url + request.get_absolute_url(), stamp=now
        )
        for request in rows
    ]


KINDS = [
    # In the calendar feed as a timed event (EVENTS), not as an all-day one.
    DueKind("network-meeting", "Conversation you agreed to", 12, all_day=False),
]
PROVIDERS = [agreed_conversations]
EVENTS = [agreed_events]
