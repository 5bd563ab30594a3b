"""coffeechat.queue: a task asked for with later() runs once the transaction commits, in
process on SQLite, as a job in the queue's table on PostgreSQL."""

import logging

import pytest
from django.db import connection, transaction

from coffeechat import queue

ran = []


@queue.task(name="tests_record")
def record(value: str) -> None:
    ran.append(value)


@queue.task(name="tests_fail")
def fail() -> None:
    raise RuntimeError("the mail server is down")


@pytest.fixture(autouse=True)
def clean():
    ran.clear()


def test_in_process_a_task_runs_only_when_the_transaction_commits(
    db, settings, django_capture_on_commit_callbacks
):
    settings.TASKS_IN_PROCESS = True
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queue.later(record, value="hello")
        assert ran == []
    assert ran == ["hello"]


def test_in_process_a_rolled_back_transaction_runs_nothing(db, settings):
    settings.TASKS_IN_PROCESS = True
    with pytest.raises(ValueError), transaction.atomic():
        queue.later(record, value="never")
        raise ValueError
    assert ran == []


def test_in_process_a_failing_task_is_logged_not_raised(
    db, settings, caplog, django_capture_on_commit_callbacks
):
    settings.TASKS_IN_PROCESS = True
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        queue.later(fail)
    assert "tests_fail failed in process" in caplog.text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the queue lives in PostgreSQL")
def test_on_postgresql_a_task_becomes_a_job_in_the_same_transaction(db, settings):
    settings.TASKS_IN_PROCESS = False
    with transaction.atomic():
        queue.later(record, value="later")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT args->>'value', status FROM procrastinate_jobs WHERE task_name = %s",
            ["tests_record"],
        )
        assert cursor.fetchall() == [("later", "todo")]
    assert ran == []
