"""The request clock: one reminder to the volunteer at day 7, expiry at day 14 with a
kind word to the student; each exactly once, however often the task runs."""

import datetime as dt

from coffeechat.chats.clock import tick
from coffeechat.chats.models import ChatRequest
from coffeechat.chats.tasks import run_request_clock
from coffeechat.notifications.models import Notification
from tests.chats.conftest import NOW
from tests.community.conftest import client_for
from tests.community.world import make_profile, open_request, person

DAY = dt.timedelta(days=1)


def test_a_reminder_at_day_seven_then_expiry_at_day_fourteen_each_once(world):
    chat = open_request(world.student, world.profile, created_at=NOW)
    assert tick(NOW + 6 * DAY) == (0, 0)
    assert tick(NOW + 7 * DAY) == (1, 0)
    assert tick(NOW + 7 * DAY + dt.timedelta(minutes=10)) == (0, 0)
    assert tick(NOW + 13 * DAY) == (0, 0)
    assert tick(NOW + 14 * DAY) == (0, 1)
    assert tick(NOW + 15 * DAY) == (0, 0)
    chat.refresh_from_db()
    assert chat.state == "expired" and chat.reminded_at == NOW + 7 * DAY
    kinds = sorted(Notification.objects.values_list("owner__username", "kind"))
    assert kinds == [("sam", "expiry"), ("vera", "reminder")]


def test_an_answered_request_is_neither_reminded_nor_expired(world):
    chat = open_request(world.student, world.profile, created_at=NOW)
    chat.decline("busy")
    assert tick(NOW + 20 * DAY) == (0, 0)


def test_a_request_found_late_expires_without_a_reminder_first(world):
    open_request(world.student, world.profile, created_at=NOW)
    assert tick(NOW + 15 * DAY) == (0, 1)
    assert not Notification.objects.filter(kind="reminder").exists()


def test_the_periodic_task_runs_the_clock(world, clock):
    open_request(world.student, world.profile, created_at=NOW - 14 * DAY)
    run_request_clock(timestamp=int(NOW.timestamp()))
    assert ChatRequest.objects.get().state == "expired"


def test_the_expired_request_shows_the_student_others_who_fit(world):
    other = make_profile(person("nia", "volunteer", name="Nia Nurse"))
    chat = open_request(world.student, world.profile, created_at=NOW - 14 * DAY)
    tick(NOW)
    page = client_for(world.student).get(f"/network/requests/{chat.pk}/").content.decode()
    assert "Two weeks went by" in page and other.name in page


def test_both_hear_the_day_before_once_and_again_if_it_moves(world):
    from coffeechat.chats.clock import tell_tomorrows_meetings

    chat = open_request(world.student, world.profile, created_at=NOW)
    chat.accept(NOW + 3 * DAY)
    assert tell_tomorrows_meetings(NOW + DAY) == 0  # two days ahead: not yet
    assert tell_tomorrows_meetings(NOW + 2 * DAY + dt.timedelta(hours=1)) == 2
    assert tell_tomorrows_meetings(NOW + 2 * DAY + dt.timedelta(hours=2)) == 0
    chat.reschedule(NOW + 3 * DAY + dt.timedelta(hours=3), now=NOW + 2 * DAY)
    assert tell_tomorrows_meetings(NOW + 2 * DAY + dt.timedelta(hours=4)) == 2
    subjects = set(Notification.objects.filter(kind="meeting").values_list("subject", flat=True))
    assert subjects == {
        "Tomorrow: your conversation with Vera Núñez",
        "Tomorrow: your conversation with Sam Student",
    }


def _queries_to_expire(world, students: int, start: dt.datetime) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for index in range(students):
        student = person(f"s{start.day}x{index}", "student", name=f"Student {index}")
        open_request(student, world.profile, created_at=start)
    with CaptureQueriesContext(connection) as queries:
        assert tick(start + 14 * DAY) == (0, students)
    return len(queries)


def test_the_clock_tells_many_expiries_in_as_many_queries_as_a_few(world, settings):
    settings.EMAIL_HOST = ""
    few = _queries_to_expire(world, 2, NOW - 40 * DAY)
    many = _queries_to_expire(world, 9, NOW - 20 * DAY)
    assert many == few
    assert Notification.objects.filter(kind="expiry").count() == 11
