"""Reminders and expiry: what the periodic task does, as a function of the time."""

import datetime as dt

from django.db import transaction

from coffeechat.chats.models import ChatRequest
from coffeechat.chats.notify import (
    choose_reminder_notice,
    expired_notice,
    reminder_notice,
    tomorrow_notices,
)
from coffeechat.chats.notify_after import how_it_went_notices, thank_you_notice
from coffeechat.interviews.models import due_to_thank
from coffeechat.notifications.notify import notify_all

BATCH = 500
# A meeting is looked back on by the first run once the longest conversation would be
# over; one that started longer ago than this (the worker was down for days) is left
# alone rather than asked about late.
AFTER_WINDOW = dt.timedelta(days=2)


def tick(now: dt.datetime) -> tuple[int, int]:
    """Remind and expire what is due at ``now``; (reminded, expired). Reminded counts
    both the volunteers asked to answer and the students asked to choose a time.

    Each step claims and tells in one transaction (the notices, and on PostgreSQL the
    mail jobs, are rows in the same database): a worker killed halfway leaves nothing
    claimed, and the next run does it all, once. Notices go out a batch at a time, in a
    few queries each, so a run over many requests stays short."""
    with transaction.atomic():
        reminded = ChatRequest.remind_quiet(now)
        for batch in _batches(reminded):
            notify_all([reminder_notice(request) for request in batch])
        nudged = ChatRequest.remind_to_choose(now)
        for batch in _batches(nudged):
            notify_all([choose_reminder_notice(request) for request in batch])
    with transaction.atomic():
        expired = ChatRequest.expire_overdue(now)
        for batch in _batches(expired):
            notify_all([expired_notice(request) for request in batch])
    tell_tomorrows_meetings(now)
    tell_after_meetings(now)
    return len(reminded) + len(nudged), len(expired)


def tell_tomorrows_meetings(now: dt.datetime) -> int:
    """A word to both people the day before (a meeting starting in the next 24 hours, at
    least an hour away). The notice's key carries the meeting's sequence, so each time
    it is set is told once however often this runs, and a moved meeting is told again."""
    upcoming = ChatRequest.objects.filter(
        state=ChatRequest.State.ACCEPTED,
        starts_at__gt=now + dt.timedelta(hours=1),
        starts_at__lte=now + dt.timedelta(hours=24),
    ).select_related("student__profile", "volunteer__owner")
    notices = [notice for request in upcoming for notice in tomorrow_notices(request)]
    return _told(notices)


def tell_after_meetings(now: dt.datetime) -> int:
    """Once a meeting is over: ask both how it went, and remind the student of the
    thank-you if it hasn't gone out (the interview's own rule, ``due_to_thank``). Each
    meeting is claimed once, in the transaction that writes its notices."""
    told = 0
    with transaction.atomic():
        ended = ChatRequest.claim_ended(now, AFTER_WINDOW)
        for batch in _batches(ended):
            notices = []
            for chat in batch:
                notices += how_it_went_notices(chat)
                if chat.interview is not None and due_to_thank(chat.interview, now):
                    notices.append(thank_you_notice(chat))
            told += _told(notices)
    return told


def _told(notices) -> int:
    """Tell ``notices`` at once; how many were new (not told before)."""
    return sum(row is not None for row in notify_all(notices)) if notices else 0


def _batches(ids: list[int]):
    """The requests of ``ids``, loaded ``BATCH`` at a time with the people they name."""
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        yield list(
            ChatRequest.objects.filter(pk__in=chunk).select_related(
                "student__profile", "volunteer__owner", "interview"
            )
        )
