"""When to follow up: dates in, dates out. No database, no clock.

The rules (docs/OUTREACH.md explains them to users):

* A request sent on day D with no reply needs a follow-up on D + the wait the student
  chose (calendar days, 7 by default). It is due *on* that day: ``today >= due``.
* With Dalton's 3B7 routine the clock counts business days (Monday to Friday) instead:
  on business day 3 without a reply, write to a second person at the same organization;
  on business day 7, follow up once with the first person.
* One follow-up only. When the follow-up has waited as long again without a reply, the
  student lets it go ("no reply") and tries someone else.
* A reply at any point ends all of it.
"""

import datetime
import functools
from dataclasses import dataclass

SECOND_CONTACT_BUSINESS_DAYS = 3
FOLLOW_UP_BUSINESS_DAYS = 7


@functools.lru_cache(maxsize=2048)  # the agenda asks for the same few dates again and again
def add_business_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` business days after ``start`` (weekends skipped, holidays not)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def follow_up_due(sent_on: datetime.date, *, wait_days: int, use_3b7: bool) -> datetime.date:
    """The day a follow-up to a message sent on ``sent_on`` becomes due."""
    if use_3b7:
        return add_business_days(sent_on, FOLLOW_UP_BUSINESS_DAYS)
    return sent_on + datetime.timedelta(days=wait_days)


def second_contact_due(sent_on: datetime.date) -> datetime.date:
    """3B7's day 3: when to write to a second person at the same organization."""
    return add_business_days(sent_on, SECOND_CONTACT_BUSINESS_DAYS)


@dataclass(frozen=True)
class Thread:
    """What is known about one request and its follow-up, as dates."""

    request_sent_on: datetime.date
    follow_up_sent_on: datetime.date | None = None
    replied: bool = False
    let_go: bool = False  # the student already marked it as no reply


# The steps an unanswered request can call for: also the keys of their due kinds
# (outreach/due.py) and of the request's status (``WAIT`` while none is due yet).
FOLLOW_UP = "follow-up"
SECOND_CONTACT = "second-contact"
TRY_SOMEONE_ELSE = "try-someone-else"
WAIT = "wait"


@dataclass(frozen=True)
class Step:
    kind: str  # FOLLOW_UP, SECOND_CONTACT or TRY_SOMEONE_ELSE
    due: datetime.date


def next_steps(
    thread: Thread, today: datetime.date, *, wait_days: int, use_3b7: bool
) -> list[Step]:
    """What is due on ``today`` for this thread, if anything."""
    if thread.replied or thread.let_go:
        return []
    steps = []
    if thread.follow_up_sent_on is None:
        if use_3b7:
            second = second_contact_due(thread.request_sent_on)
            if today >= second:
                steps.append(Step(SECOND_CONTACT, second))
        due = follow_up_due(thread.request_sent_on, wait_days=wait_days, use_3b7=use_3b7)
        if today >= due:
            steps.append(Step(FOLLOW_UP, due))
    else:
        give_up = follow_up_due(thread.follow_up_sent_on, wait_days=wait_days, use_3b7=use_3b7)
        if today >= give_up:
            steps.append(Step(TRY_SOMEONE_ELSE, give_up))
    return steps
