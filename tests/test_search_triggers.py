"""Every SQLite full-text index keeps its three triggers after all the migrations ran.

A migration that makes SQLite rebuild a table (adding a NOT NULL column does) drops the
triggers with the old table, and the index then silently stops following the rows."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_every_full_text_index_still_has_its_triggers():
    if connection.vendor != "sqlite":
        pytest.skip("full-text tables are SQLite's; PostgreSQL uses trigram indexes")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
        )
        indexes = [name for (name,) in cursor.fetchall()]
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in cursor.fetchall()}
    assert indexes, "the directory's search index should exist"
    for index in indexes:
        assert {f"{index}_ai", f"{index}_ad", f"{index}_au"} <= triggers, index
