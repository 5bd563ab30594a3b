"""App processes that start together on a database that needs migrating migrate it once:
the others wait on a PostgreSQL advisory lock, then find nothing left to do."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections

from coffeechat.commands import ensure_migrated

STARTING = 3


@pytest.mark.django_db(transaction=True)
def test_processes_starting_together_migrate_once():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite is one person's laptop: one process, nothing to race")
    call_command("migrate", "agenda", "zero", verbosity=0)
    start = threading.Barrier(STARTING)
    failures = []

    def start_process():
        try:
            start.wait()
            ensure_migrated()
        except Exception as error:  # what a process that crashed at start would show
            failures.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=start_process) for _ in range(STARTING)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        call_command("migrate", verbosity=0)  # whatever happened, leave the schema whole
    assert failures == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM agenda_calendarfeed")
        assert cursor.fetchone() == (0,)
