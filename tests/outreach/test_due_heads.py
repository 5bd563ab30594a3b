"""The home page asks the outreach agenda for its first few steps of each part (overdue,
today, coming up). The database then sends back only the requests that can be among
them (outreach/heads.py), and the steps are the ones the whole agenda lists first, for
both routines and any wait, whatever the hour the messages went out."""

import datetime
import random
import zoneinfo

import pytest
import time_machine
from django.db import connection

from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Contact, Organization
from coffeechat.due import ahead, part
from coffeechat.outreach import heads
from coffeechat.outreach.due import follow_up_items
from coffeechat.outreach.followup import follow_up_due
from coffeechat.outreach.models import Message

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
NOW = datetime.datetime(2026, 3, 11, 9, 30, tzinfo=NEW_YORK)  # a Wednesday, after DST began
TODAY = NOW.date()
State = Message.State


def sent(owner, contact, kind, at, **fields):
    message = Message.objects.create(
        owner=owner, contact=contact, kind=kind, subject="A question", body="Hi", **fields
    )
    Message.objects.filter(pk=message.pk).update(state=State.SENT, sent_at=at, created_at=at)
    return message


def busy_account(owner, seed, requests=70):
    """Requests sent over six weeks at any hour, some followed up (a few answered), some
    answered or let go; each to someone at their own organization, beside a colleague
    never written to (so 3B7's second person is always there)."""
    rng = random.Random(seed)
    for n in range(requests):
        organization = Organization.objects.create(owner=owner, name=f"Org {n}")
        person, colleague = (
            Contact.objects.create(
                owner=owner, first_name=f"{name}{n:02}", last_name="X", organization=organization
            )
            for name in ("P", "C")
        )
        at = NOW - datetime.timedelta(minutes=rng.randrange(0, 42 * 24 * 60))
        request = sent(owner, person, "request", at)
        roll = rng.random()
        if roll < 0.4:
            later = at + datetime.timedelta(minutes=rng.randrange(2 * 24 * 60, 16 * 24 * 60))
            if later < NOW:
                follow = sent(owner, person, "follow-up", later, follow_up_to=request)
                if rng.random() < 0.1:
                    Message.objects.filter(pk=follow.pk).update(state=State.REPLIED)
        elif roll < 0.45:
            Message.objects.filter(pk=request.pk).update(state=State.REPLIED)
        elif roll < 0.5:
            Message.objects.filter(pk=request.pk).update(no_reply_at=NOW)
    assert colleague  # the last pair was made


def heads_by_part(items, first):
    """{part: the due days of its first ``first`` items}."""
    found = {}
    for item in sorted(items, key=lambda item: item.due):
        found.setdefault(part(item.due, TODAY), []).append(item.due)
    return {key: days[:first] for key, days in found.items()}


def as_rows(items):
    return {tuple(sorted(item.as_json().items())) for item in items}


@pytest.mark.parametrize("use_3b7, wait_days", [(True, 7), (False, 7), (False, 10)])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_first_few_are_the_heads_of_the_whole_list(owner, seed, use_3b7, wait_days):
    Profile.objects.filter(owner=owner).update(
        time_zone="America/New_York", use_3b7=use_3b7, follow_up_after_days=wait_days
    )
    with time_machine.travel(NOW, tick=False):
        busy_account(owner, seed)
        for until in (None, ahead(TODAY)):
            everything = follow_up_items(owner, TODAY, until=until)
            for first in (1, 3):
                few = follow_up_items(owner, TODAY, until=until, first=first)

                assert as_rows(few) <= as_rows(everything)
                assert heads_by_part(few, first) == heads_by_part(everything, first)
                assert len(few) < len(everything)


def test_the_database_sends_only_the_requests_that_can_come_first(owner):
    Profile.objects.filter(owner=owner).update(time_zone="America/New_York", use_3b7=True)
    with time_machine.travel(NOW, tick=False):
        busy_account(owner, seed=4, requests=120)
        sql, params = heads.ranges_sql(
            connection, owner, TODAY, ahead(TODAY), NEW_YORK, wait_days=7, use_3b7=True, first=2
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ids = [pk for (pk,) in cursor.fetchall()]
    waiting = Message.objects.filter(
        owner=owner, kind="request", state=State.SENT, no_reply_at=None
    ).count()

    # 3 kinds of step (second person, follow-up, letting go) x 3 parts x 2 each, at most.
    assert len(ids) <= 3 * 3 * 2 < waiting


def test_a_step_counts_from_the_first_date_that_makes_it_due_that_day():
    def due(day):
        return follow_up_due(day, wait_days=7, use_3b7=True)  # 7 business days

    tuesday = datetime.date(2026, 3, 10)
    start = heads.earliest_counting_from(due, tuesday)

    assert start == datetime.date(2026, 2, 27)  # a Friday
    assert due(start) >= tuesday > due(start - datetime.timedelta(days=1))
    # Sent on the Saturday or the Sunday after: due the same Tuesday.
    assert due(start + datetime.timedelta(days=1)) == due(start + datetime.timedelta(days=2))
    assert due(start + datetime.timedelta(days=2)) == tuesday
