"""Telling many people at once (a periodic run after the worker was down) costs the same
few queries however many there are, and keeps every rule of telling one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.notifications.models import Notification, Preferences
from coffeechat.notifications.notify import Notice, notify, notify_all
from tests.community.world import person


@pytest.fixture
def people(db, settings):
    settings.NETWORK = True
    settings.TASKS_IN_PROCESS = True
    users = [person(f"p{n}", "student") for n in range(30)]
    for user in users:
        user.email = f"{user.username}@students.example.edu"
        user.save()
    return users


def notices(users, tag="closed"):
    return [Notice(u, "expiry", "Closed", "x", key=f"request-{u.pk}-{tag}") for u in users]


def queries(calls) -> int:
    with CaptureQueriesContext(connection) as captured:
        calls()
    return len(captured.captured_queries)


def test_thirty_notices_cost_the_queries_of_three(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        few = queries(lambda: notify_all(notices(people[:3], "a")))
        many = queries(lambda: notify_all(notices(people, "b")))
    assert many == few
    assert Notification.objects.count() == 33


def test_a_notice_given_before_or_twice_in_one_call_is_given_once(people):
    notify(people[0], "expiry", "Closed", "x", key="request-1")
    told = notify_all(
        [
            Notice(people[0], "expiry", "Closed", "x", key="request-1"),
            Notice(people[1], "expiry", "Closed", "x", key="request-1"),
            Notice(people[1], "expiry", "Closed", "x", key="request-1"),
            Notice(people[2], "answer", "Yes", "x"),
        ]
    )
    assert [row is not None for row in told] == [False, True, False, True]
    assert Notification.objects.filter(owner=people[1]).count() == 1
    assert all(row.pk for row in told if row is not None)


def test_mail_is_queued_for_the_new_notices_of_people_who_want_it_now(
    people, django_capture_on_commit_callbacks
):
    Preferences.objects.create(owner=people[1], emailed=["answer"])  # not expiries
    Preferences.objects.create(owner=people[2], emailed=["expiry"], digest=True)
    people[3].email = ""
    people[3].save()
    notify(people[4], "expiry", "Closed", "x", key="request-old")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify_all(notices(people[:4]) + [Notice(people[4], "expiry", "C", "x", key="request-old")])
    assert len(callbacks) == 1  # only people[0]: email on, this kind, no digest, new
