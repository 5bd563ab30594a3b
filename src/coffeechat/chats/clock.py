"""Reminders and expiry: what the periodic task does, as a function of the time."""

import datetime as dt

from django.db import transaction

from coffeechat.chats.models import ChatRequest
from coffeechat.chats.notify import tell_expired, tell_reminder, tell_tomorrow

BATCH = 500


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


def _load(ids: list[int]):
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        yield from ChatRequest.objects.filter(pk__in=chunk).select_related(
            "student__profile", "volunteer__owner"
        )
