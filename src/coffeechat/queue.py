"""The task queue: work that must not run while a page waits (sending mail, reminders,
expiry, the daily digest).

On PostgreSQL it is Procrastinate: jobs are rows in the same database (no other server),
with periodic tasks, retries and locks, run by ``coffeechat worker`` on as many machines
as needed. On SQLite (one person on a laptop) the same tasks run in process, right after
the transaction that asked for them commits.

Apps declare their tasks in their own ``tasks.py`` with ``task`` and ``periodic`` from
here (Procrastinate finds those modules) and ask for one with ``later()``, never
``Task.defer`` directly. Each task is a small function that is safe to run twice: it
claims its work with an UPDATE that only matches rows still in the state it expects, or
relies on a unique key.
"""

import functools
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction

log = logging.getLogger(__name__)


def task(*args: Any, **kwargs: Any):
    """``@task(...)``: Procrastinate's, looked up when used (the app is a stand-in until
    Django is ready, and the real one after)."""
    return _app().task(*args, **kwargs)


def periodic(*args: Any, **kwargs: Any):
    """``@periodic(cron=..., periodic_id=...)`` above ``@task``: run on a schedule by the
    worker; two workers never run the same moment twice."""
    return _app().periodic(*args, **kwargs)


def _app():
    # Procrastinate (and psycopg under it) take a tenth of a second to import: only the
    # modules that declare tasks pay for it, so the console commands start without it.
    from procrastinate.contrib.django import app

    return app


def in_process() -> bool:
    """Do tasks run in this process (SQLite, or COFFEECHAT_TASKS_IN_PROCESS) rather than
    on a worker?"""
    return bool(getattr(settings, "TASKS_IN_PROCESS", True))


def later(job: Callable, /, **kwargs: Any) -> None:
    """Run ``job(**kwargs)`` once the current transaction commits: on a worker when the
    queue is on (the job is written in the same transaction, so it exists only if the
    data it is about does), else in this process."""
    if in_process():
        transaction.on_commit(functools.partial(run_now, job, kwargs))
    else:
        job.defer(**kwargs)


def later_many(job: Callable, /, kwargs_list: list[dict[str, Any]]) -> None:
    """``later`` for many runs of one task: on the queue, one statement defers them all."""
    if in_process():
        for kwargs in kwargs_list:
            transaction.on_commit(functools.partial(run_now, job, kwargs))
    elif kwargs_list:
        job.batch_defer(*kwargs_list)


def run_now(job: Callable, kwargs: dict) -> None:
    """Run a task here; a failure is logged, never shown to the person whose click
    caused it (the task is safe to run again, and the next periodic run retries)."""
    try:
        job(**kwargs)
    except Exception:
        log.exception("task %s failed in process", getattr(job, "name", job))
