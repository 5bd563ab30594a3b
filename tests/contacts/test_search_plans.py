"""On SQLite the contact search reads its FTS5 index (contacts migration 0009) rather
than every contact of the account, whatever the words. PostgreSQL's choice between its
trigram index and the owner's rows depends on the account's size, so it is measured at
50,000 contacts in bench/README.md rather than pinned here."""

import random

import pytest
from django.db import connection

from bench.generate import make_contacts, make_organizations, make_owner, make_tags
from coffeechat.contacts.search import search_contacts

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")


def test_every_search_reads_the_text_index(db):
    owner = make_owner("searcher")
    rng = random.Random(7)
    make_contacts(owner, rng, make_organizations(owner, rng, 50), make_tags(owner, rng), 300)

    for typed in ["quennerstedt", "engineer", "boston alumni", "a"]:
        query = search_contacts(owner, q=typed).values_list("pk", flat=True).query
        sql, params = query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " | ".join(row[-1] for row in cursor.fetchall())
        assert plan.count("contacts_contact_fts VIRTUAL TABLE") == len(typed.split()), plan
