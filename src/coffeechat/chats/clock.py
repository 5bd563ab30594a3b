"""Reminders and expiry: what the periodic task does, as a function of the time."""

import datetime as dt

from django.db import transaction

from coffeechat.chats.models import ChatRequest
from coffeechat.chats.notify import tell_expired, tell_reminder, tell_tomorrow
from coffeechat.chats.notify_after import tell_how_it_went, tell_thank_you_due
from coffeechat.interviews.models import due_to_thank

BATCH = 500
# A meeting is looked back on by the first run once the longest conversation would be
# over; one that started longer ago than this (the worker was down for days) is left
# alone rather than asked about late.
AFTER_WINDOW = dt.timedelta(days=2)


def tick(now: dt.datetime) -> tuple[int, int]:
    """Remind and expire what is due at ``now``; (reminded, expired).

    Each step claims and tells in one transaction (the notices, and on PostgreSQL the
    mail jobs, are rows in the same database): a worker killed halfway leaves nothing
    claimed, and the next run does it all, once."""
    with transaction.atomic():
        reminded = ChatRequest.remind_quiet(now)
        for request in _load(reminded):
            tell_reminder(request)
    with transaction.atomic():
        expired = ChatRequest.expire_overdue(now)
        for request in _load(expired):
            tell_expired(request)
    tell_tomorrows_meetings(now)
    tell_after_meetings(now)
    return len(reminded), len(expired)


def tell_tomorrows_meetings(now: dt.datetime) -> int:
    """A word to both people the day before (a meeting starting in the next 24 hours, at
    least an hour away). The notice's key carries the meeting's sequence, so each time
    it is set is told once however often this runs, and a moved meeting is told again."""
    told = 0
    upcoming = ChatRequest.objects.filter(
        state=ChatRequest.State.ACCEPTED,
        starts_at__gt=now + dt.timedelta(hours=1),
        starts_at__lte=now + dt.timedelta(hours=24),
    ).select_related("student__profile", "volunteer__owner")
    for request in upcoming:
        told += tell_tomorrow(request)
    return told


def tell_after_meetings(now: dt.datetime) -> int:
    """Once a meeting is over: ask both how it went, and remind the student of the
    thank-you if it hasn't gone out (the interview's own rule, ``due_to_thank``). Each
    meeting is claimed once, in the transaction that writes its notices."""
    told = 0
    with transaction.atomic():
        ended = ChatRequest.claim_ended(now, AFTER_WINDOW)
        for chat in _load(ended):
            told += tell_how_it_went(chat)
            if chat.interview is not None and due_to_thank(chat.interview, now):
                told += tell_thank_you_due(chat)
    return told


def _load(ids: list[int]):
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        yield from ChatRequest.objects.filter(pk__in=chunk).select_related(
            "student__profile", "volunteer__owner", "interview"
        )
