"""The keep-in-touch clock reads its first few check-ins of each cadence and part straight
from the lasttouch_check_in index, each range up to its LIMIT, on both databases: the
home page's cost does not grow with the number of people tracked."""

import datetime

import pytest
import time_machine
from django.db import connection

from coffeechat.contacts.models import Contact
from coffeechat.conversations.due import due_clocks_sql
from coffeechat.due import ahead
from coffeechat.interviews.models import Interaction, KeepInTouch
from coffeechat.zones import user_zone

NOW = datetime.datetime(2026, 3, 4, 14, 0, tzinfo=datetime.UTC)
TODAY = NOW.date()
RANGES = len(KeepInTouch.CADENCES) * 3  # overdue, today, coming up


@pytest.fixture
def tracked(owner):
    with time_machine.travel(NOW, tick=False):
        for n in range(40):
            contact = Contact.objects.create(owner=owner, first_name=f"P{n}", last_name="X")
            KeepInTouch.set_cadence(contact, KeepInTouch.CADENCES[n % 4][0])
            Interaction.objects.create(
                owner=owner,
                contact=contact,
                kind="call",
                happened_at=NOW - datetime.timedelta(days=n * 5),
            )
        yield owner


def plan_of(owner, first):
    sql, params = due_clocks_sql(
        connection, owner, TODAY, ahead(TODAY), user_zone(owner), first=first
    )
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return " | ".join(row[-1] for row in cursor.fetchall())
        # A table this small is cheaper to read whole; what is pinned here is that the
        # index can answer every range, as it does once the table is big.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return " | ".join(row[0] for row in cursor.fetchall())


def test_every_cadence_and_part_is_a_range_of_the_index(tracked):
    plan = plan_of(tracked, first=11)

    assert plan.count("lasttouch_check_in") == RANGES, plan
    if connection.vendor == "postgresql":
        assert plan.count("Limit") >= RANGES, plan
        assert "Seq Scan on conversations_lasttouch" not in plan, plan
    else:
        # Each range comes out of the index in order, with no sort before its LIMIT: the
        # step after each search of the index is the scan of what it found.
        steps = plan.split(" | ")
        searches = [i for i, step in enumerate(steps) if "lasttouch_check_in" in step]
        assert all(steps[i + 1].startswith("SCAN r") for i in searches), plan


def test_the_whole_list_reads_one_range_per_cadence(tracked):
    plan = plan_of(tracked, first=None)

    assert plan.count("lasttouch_check_in") == len(KeepInTouch.CADENCES), plan
