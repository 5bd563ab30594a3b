"""On PostgreSQL the contact list's queries read indexes (bench/README.md, session 10): the
search's matches are read back by primary key, never by a scan or a join of the owner's
contacts; the first and last pages read the name index from their end and stop after
the page, never sorting every contact. Whether the planner takes the trigram indexes for
the words depends on the account's size (3,000 contacts are read faster whole; at 50,000
it takes them), so that is measured in bench/README.md rather than pinned here."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.generate import make_contacts, make_organizations, make_owner, make_tags

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans")


@pytest.fixture
def account(db):
    owner = make_owner("planner")
    rng = random.Random(7)
    organizations = make_organizations(owner, rng, 900)
    make_contacts(owner, rng, organizations, make_tags(owner, rng), 3000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE contacts_contact, contacts_organization, contacts_contact_tags")
    return owner


IDS = '"contacts_contact"."id" AS "pk" FROM'  # the query that lists the page's ids


def plan_of(client, url) -> str:
    """The plan of the query that lists the ids of the page at ``url``."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    [sql] = [q["sql"] for q in captured if IDS in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def client(account, client):
    client.force_login(account)
    return client


@pytest.mark.parametrize("typed", ["engineer", "quennerstedt", "boston alumni", "eng fin"])
def test_the_search_reads_its_matches_back_by_primary_key(client, typed):
    plan = plan_of(client, f"/contacts/?q={typed}")
    outer = plan.split("\n  ->  ")[-1]

    assert outer.startswith("Index Scan using contacts_contact_pkey"), plan
    assert "Index Cond: (id = ANY ($" in outer, plan
    assert "Join" not in plan and "HashAggregate" not in plan, plan


def test_the_organizations_names_have_a_trigram_index(db):
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "contacts_organization")
    assert indexes["contacts_organization_search_name_trgm"]["type"] == "gin"


def test_the_last_page_reads_the_name_index_backwards(client):
    plan = plan_of(client, "/contacts/?page=60")

    assert "Index Scan Backward using contact_by_name" in plan, plan
    assert "Sort" not in plan, plan


def test_the_first_page_reads_the_name_index_forwards(client):
    plan = plan_of(client, "/contacts/")

    assert "Index Scan using contact_by_name" in plan, plan
    assert "Sort" not in plan, plan
