"""The agenda's queries on PostgreSQL use their indexes and are planned on good guesses
(issue 14): at a few thousand rows, with other people's data beside the student's, every
query the home page and the agenda page make is explained with ANALYZE, and none reads a
big table from end to end, none is planned on a row count off by more than ten times (a
misestimate made the planner switch on JIT at 4x the bench account), none is compiled.

PostgreSQL only (skipped on SQLite, whose planner is another matter: the bench times it).
"""

import datetime
import json
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.accounts.models import Profile
from tests.conftest import make_user

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="reads PostgreSQL's EXPLAIN"
)

NOW = datetime.datetime(2025, 11, 12, 10, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
# The tables that grow with an account: read through an index, never scanned whole.
BIG = {
    "contacts_contact",
    "outreach_message",
    "interviews_interview",
    "interviews_interaction",
    "interviews_nextstep",
    "interviews_timelineentry",
    "interviews_interviewquestion",
}
# A guess off by more than this many times, on a node of at least MANY rows, is a bad plan.
OFF_BY = 10
MANY = 200
# A whole-table read counts as a bad plan only past this many rows thrown away: PostgreSQL
# may rightly read a thousand rows whole rather than look a few up, and its choice there
# turns on its sample (one CI run scanned the 1,000 interviews to keep 17).
SCAN_MANY = 1500


def nodes(plan, under_limit=False):
    """Every node of ``plan`` with whether a Limit above it may have stopped it early."""
    yield plan, under_limit
    below = under_limit or plan["Node Type"] == "Limit"
    for child in plan.get("Plans", ()):
        yield from nodes(child, below)


def rows(node):
    return node["Actual Rows"] * node.get("Actual Loops", 1)


def problems(sql):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        (explained,) = cursor.fetchone()
    if isinstance(explained, str):
        explained = json.loads(explained)
    [top] = explained
    found = []
    if "JIT" in top:
        found.append("compiled with JIT")
    for node, under_limit in nodes(top["Plan"]):
        kind, table = node["Node Type"], node.get("Relation Name", "")
        if node.get("Actual Loops", 0) == 0:
            continue  # never run
        # Reading a big table to keep a small part of it: an index was not used.
        removed = node.get("Rows Removed by Filter", 0)
        if (
            kind == "Seq Scan"
            and table in BIG
            and removed >= SCAN_MANY
            and removed > OFF_BY * rows(node)
        ):
            found.append(f"reads all of {table} to keep {rows(node)} rows")
        # Reading all of a big table to join it with a few rows.
        if kind == "Hash Join":
            for child in node["Plans"]:
                if (
                    child["Node Type"] == "Seq Scan"
                    and child.get("Relation Name") in BIG
                    and rows(child) >= MANY
                    and rows(child) > OFF_BY * max(1, rows(node))
                ):
                    found.append(f"reads all of {child['Relation Name']} to join {rows(node)} rows")
        # A guess far off. Bitmap And/Or nodes report no rows; a Bitmap Index Scan counts
        # index entries, dead row versions too (its Bitmap Heap Scan above has the rows,
        # and the same guess); under a Limit, a node stops early on purpose.
        if kind in ("BitmapAnd", "BitmapOr", "Bitmap Index Scan") or under_limit:
            continue
        guessed, actual = node["Plan Rows"], node["Actual Rows"]
        if max(guessed, actual) >= MANY and max(guessed, actual) > OFF_BY * max(
            1, min(guessed, actual)
        ):
            found.append(f"{kind} on {table or '-'}: guessed {guessed} rows, found {actual}")
    return found


@pytest.fixture
def accounts(db):
    from bench.generate import generate

    student = make_user("student", time_zone="America/New_York", use_3b7=True)
    with time_machine.travel(NOW, tick=False):
        # Someone else's account beside the student's: an owner's rows are a share of each
        # table, as on a career office's server, not the whole of it.
        for owner, seed in ((make_user("other"), 7), (student, 20240115)):
            generate(
                owner,
                contacts=2500,
                organizations=600,
                with_interviews=True,
                with_messages=True,
                interviews=500,
                messages=5000,
                seed=seed,
            )
    Profile.objects.filter(owner=student).update(time_zone="America/New_York", use_3b7=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return student


def test_the_agenda_queries_use_their_indexes_on_good_estimates(accounts, client):
    client.force_login(accounts)
    with time_machine.travel(NOW, tick=False):
        client.get("/")  # the first request stores the time zone in the session
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
            assert client.get("/agenda/").status_code == 200
        found = {}
        for query in captured.captured_queries:
            sql = query["sql"]
            if sql.lstrip().upper().startswith("SELECT") and "django_session" not in sql:
                bad = problems(sql)
                if bad:
                    found[sql[:300]] = bad
    assert not found, json.dumps(found, indent=2)
