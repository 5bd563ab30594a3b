"""The request clock on a real `coffeechat worker` against PostgreSQL, with the worker's
clock moved by libfaketime: the day-7 reminder and the day-14 expiry each happen exactly
once, and a worker killed in the middle of the expiry leaves nothing half done: another
worker picks the job up and finishes it."""

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from coffeechat.chats.models import ChatRequest
from coffeechat.notifications.models import Notification
from tests.community.world import build_world, open_request

LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")
pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the queue lives in PostgreSQL"),
    pytest.mark.skipif(not LIBFAKETIME.exists(), reason="needs libfaketime (make faketime)"),
    pytest.mark.django_db(transaction=True),
]
DAY = dt.timedelta(days=1)


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(at: dt.datetime, home: Path) -> subprocess.Popen:
    """`coffeechat worker` whose clock reads ``at`` when it starts, then runs on."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_ALLOW_ASYNC", "PYTEST"))
    }
    env.update(
        DATABASE_URL=database_url(),
        COFFEECHAT_HOME=str(home),
        COFFEECHAT_TASKS_IN_PROCESS="off",
        LD_PRELOAD=str(LIBFAKETIME),
        FAKETIME="@" + at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S"),
        FAKETIME_DONT_FAKE_MONOTONIC="1",
        TZ="UTC",
    )
    coffeechat = shutil.which("coffeechat", path=str(Path(sys.executable).parent))
    return subprocess.Popen(
        [coffeechat, "worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(home / f"worker-{at:%d%H%M}.log").open("ab"),
        start_new_session=True,
    )


def stop(worker: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


def wait_for(condition, timeout=60.0, what=""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"waited {timeout:.0f} s for {what}; the queue: {jobs()}")


def jobs() -> list:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, task_name, status, lock, worker_id, attempts FROM procrastinate_jobs "
            "ORDER BY id"
        )
        return cursor.fetchall()


def notices(kind: str) -> int:
    return Notification.objects.filter(kind=kind).count()


def clock_job_running() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs "
            "WHERE task_name = 'run_request_clock' AND status = 'doing'"
        )
        return cursor.fetchone()[0] > 0


def test_a_reminder_and_an_expiry_happen_once_and_survive_a_killed_worker(tmp_path):
    world = build_world()
    for user in (world.student, world.volunteer):  # notices only: no mail to send
        user.email = ""
        user.save()
    asked = dt.datetime.now(dt.UTC)
    world.chat.delete()
    chat = open_request(world.student, world.profile, created_at=asked)

    # Day 7: two workers at once, one reminder.
    workers = [start_worker(asked + 7 * DAY + dt.timedelta(minutes=1), tmp_path) for _ in range(2)]
    try:
        wait_for(lambda: notices("reminder") == 1, what="the reminder")
        time.sleep(3)  # room for a second one, which must not come
    finally:
        for worker in workers:
            stop(worker)
    assert notices("reminder") == 1

    # Day 14: the expiry starts, but the request's row is held by someone else, so the
    # worker is stuck in the middle of the task when it is killed.
    with psycopg.connect(database_url().replace("postgres://", "postgresql://")) as holder:
        holder.execute(f"SELECT 1 FROM chats_chatrequest WHERE id = {chat.pk} FOR UPDATE")
        doomed = start_worker(asked + 14 * DAY + dt.timedelta(minutes=1), tmp_path)
        try:
            wait_for(clock_job_running, what="the clock job to start")
            time.sleep(1)
        finally:
            stop(doomed, signal.SIGKILL)
        holder.rollback()
    chat.refresh_from_db()
    assert chat.state == "open" and notices("expiry") == 0  # nothing half done

    # Once the dead worker has missed its heartbeats, the next worker takes its job back.
    time.sleep(31)
    survivor = start_worker(asked + 14 * DAY + dt.timedelta(minutes=12), tmp_path)
    try:
        wait_for(lambda: notices("expiry") == 1, timeout=90, what="the expiry")
        wait_for(lambda: not clock_job_running(), what="the clock jobs to finish")
        time.sleep(3)
    finally:
        stop(survivor)
    chat.refresh_from_db()
    assert chat.state == "expired"
    assert (notices("reminder"), notices("expiry")) == (1, 1)
    assert ChatRequest.objects.count() == 1
