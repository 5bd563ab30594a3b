"""After a yes: either person moves or calls off the meeting; both calendars follow
with a higher SEQUENCE, and the student's own conversation moves with it."""

import datetime as dt

import icalendar

from coffeechat.interviews.models import Interview
from tests.community.conftest import client_for
from tests.community.world import open_request

THURSDAY = dt.datetime(2026, 3, 5, 23, tzinfo=dt.UTC)


def accepted(world):
    chat = open_request(world.student, world.profile, student_time_zone="Europe/London")
    chat.accept(THURSDAY)
    return chat


def invite_of(mail):
    (part,) = [p for p in mail.walk() if p.get_content_type() == "text/calendar"]
    return icalendar.Calendar.from_ical(part.get_payload(decode=True))


def test_the_student_moves_it_on_their_own_clock_and_both_get_a_new_sequence(
    world, smtp_settings, smtp_server, django_capture_on_commit_callbacks
):
    _, received = smtp_server
    chat = accepted(world)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.student).post(
            f"/network/requests/{chat.pk}/reschedule/", {"day": "2026-03-10", "time": "21:00"}
        )
    chat.refresh_from_db()
    assert chat.starts_at == dt.datetime(2026, 3, 10, 21, tzinfo=dt.UTC)  # London, winter
    assert chat.sequence == 1
    interview = Interview.objects.get(owner=world.student)
    assert interview.starts_at == chat.starts_at and interview.sequence == 1
    assert {mail["To"] for mail in received} == {"sam@students.example.edu", "vera@alumni.example"}
    for mail in received:
        event = invite_of(mail).walk("VEVENT")[0]
        assert event["SEQUENCE"] == 1
        assert event.decoded("DTSTART").astimezone(dt.UTC) == chat.starts_at


def test_the_volunteer_calls_it_off_and_the_student_is_told(
    world, smtp_settings, smtp_server, django_capture_on_commit_callbacks
):
    _, received = smtp_server
    chat = accepted(world)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.volunteer).post(
            f"/network/requests/{chat.pk}/cancel/", {"reason": "A work trip came up, sorry!"}
        )
    chat.refresh_from_db()
    assert chat.state == "cancelled" and chat.sequence == 1
    interview = Interview.objects.get(owner=world.student)
    assert interview.stage == Interview.Stage.CANCELLED
    (mail,) = received
    assert mail["To"] == "sam@students.example.edu"
    calendar = invite_of(mail)
    assert calendar["METHOD"] == "CANCEL"
    assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    page = client_for(world.student).get(f"/network/requests/{chat.pk}/").content.decode()
    assert "A work trip came up" in page


def test_a_waiting_request_cannot_be_moved_and_a_stranger_cannot_touch_it(world):
    chat = open_request(world.student, world.profile)
    page = client_for(world.student).post(
        f"/network/requests/{chat.pk}/reschedule/",
        {"day": "2026-03-10", "time": "21:00"},
        follow=True,
    )
    assert "Only an accepted conversation" in page.content.decode()
    assert client_for(world.adviser).post(f"/network/requests/{chat.pk}/cancel/").status_code == 403


def test_a_time_in_the_past_is_refused(world):
    chat = accepted(world)
    page = client_for(world.volunteer).post(
        f"/network/requests/{chat.pk}/reschedule/",
        {"day": "2026-03-01", "time": "09:00"},
        follow=True,
    )
    assert "already passed" in page.content.decode()
    chat.refresh_from_db()
    assert chat.sequence == 0


def test_a_thread_per_request_between_the_two_and_nobody_else(world):
    from coffeechat.notifications.models import Notification

    chat = open_request(world.student, world.profile)
    client_for(world.student).post(
        f"/network/requests/{chat.pk}/messages/", {"body": "Is a phone call all right?"}
    )
    client_for(world.volunteer).post(
        f"/network/requests/{chat.pk}/messages/", {"body": "Yes, phone is perfect."}
    )
    page = client_for(world.volunteer).get(f"/network/requests/{chat.pk}/").content.decode()
    assert page.index("Is a phone call all right?") < page.index("Yes, phone is perfect.")
    assert Notification.objects.get(owner=world.volunteer, kind="message").text == (
        "Is a phone call all right?"
    )
    assert Notification.objects.get(owner=world.student, kind="message").subject == (
        "Vera Núñez wrote to you"
    )
    stranger = client_for(world.adviser)
    assert (
        stranger.post(f"/network/requests/{chat.pk}/messages/", {"body": "hi"}).status_code == 403
    )
    assert chat.messages.count() == 2
