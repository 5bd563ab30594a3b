"""The home page asks the keep-in-touch clock for its first few check-ins of each part
(overdue, today, coming up); the database then sends back only those that can be among
them, and they are the same people the whole agenda lists first."""

import datetime
import zoneinfo

import pytest
import time_machine

from coffeechat.contacts.models import Contact
from coffeechat.conversations import due as keeping
from coffeechat.due import COMING_UP, OVERDUE, ahead, part
from coffeechat.due import TODAY as TODAY_PART
from coffeechat.interviews.models import Interaction, Interview, KeepInTouch
from coffeechat.zones import user_zone

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
NOW = datetime.datetime(2026, 3, 4, 9, 0, tzinfo=NEW_YORK)
TODAY = NOW.date()
CADENCES = (30, 60, None)  # None: met, and no cadence chosen: the default (90 days)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def many_check_ins(owner, frozen):
    """For each cadence, six people overdue, two due today and six coming up, each last
    in touch on a different day (so that no two share a check-in day)."""
    owner.profile.time_zone = "America/New_York"
    owner.profile.save()
    n = 0
    for cadence in CADENCES:
        days = cadence or KeepInTouch.DEFAULT_DAYS
        for offset in (*range(1, 7), 0, 0, *range(-6, 0)):
            n += 1
            contact = Contact.objects.create(owner=owner, first_name=f"P{n:02}", last_name="X")
            Interview.objects.create(
                owner=owner,
                contact=contact,
                stage=Interview.Stage.KEEPING_IN_TOUCH,
                starts_at=NOW - datetime.timedelta(days=400),
            )
            if cadence:
                KeepInTouch.objects.create(owner=owner, contact=contact, cadence_days=cadence)
            # Same-day pairs (offset 0) an hour apart, and ``n`` minutes apart overall.
            moment = NOW - datetime.timedelta(days=days + offset * 3, minutes=n)
            Interaction.objects.create(
                owner=owner, contact=contact, kind="call", happened_at=moment
            )
    return owner


def head_of_each_part(items, first):
    """{part: the first ``first`` (due day, name) of that part}."""
    heads = {}
    for item in sorted(items, key=lambda item: (item.due, item.contact)):
        heads.setdefault(part(item.due, TODAY), []).append((item.due, item.contact))
    return {key: rows[:first] for key, rows in heads.items()}


def test_the_first_few_are_the_heads_of_the_whole_list(many_check_ins):
    everything = list(keeping.keep_in_touch(many_check_ins, TODAY, until=ahead(TODAY)))
    first_three = list(keeping.keep_in_touch(many_check_ins, TODAY, until=ahead(TODAY), first=3))

    assert len(everything) == 42
    assert {key: len(rows) for key, rows in head_of_each_part(everything, 99).items()} == {
        OVERDUE: 18,
        TODAY_PART: 6,
        COMING_UP: 18,
    }
    heads, whole = head_of_each_part(first_three, 3), head_of_each_part(everything, 3)
    # Overdue and coming up: every check-in falls on its own day, so the heads are exact.
    assert heads[OVERDUE] == whole[OVERDUE] and heads[COMING_UP] == whole[COMING_UP]
    # Today: six people share the day; any three of them are its first three.
    assert [day for day, _name in heads[TODAY_PART]] == [TODAY] * 3


def test_the_database_sends_only_the_first_of_each_cadence_in_each_part(many_check_ins):
    zone = user_zone(many_check_ins)
    rows = list(keeping._due_clocks(many_check_ins, TODAY, ahead(TODAY), zone, first=3))

    # 3 cadences x (3 overdue + 2 today + 3 coming up), not all 42 people.
    assert len(rows) == 3 * (3 + 2 + 3)
    everyone = list(keeping._due_clocks(many_check_ins, TODAY, ahead(TODAY), zone))
    assert len(everyone) == 42
