"""The volunteer answers: accept (a proposed time or another), decline kindly, pause."""

import datetime as dt

import icalendar
import time_machine

from coffeechat.chats.models import ChatRequest
from coffeechat.interviews.models import Interview
from coffeechat.notifications.models import Notification
from tests.chats.conftest import NOW
from tests.community.conftest import client_for
from tests.community.world import make_profile, open_request, person

TUESDAY = "2026-03-03T23:00Z"
THURSDAY = "2026-03-05T23:00Z"


def waiting(world, **fields):
    fields.setdefault("proposed", [TUESDAY, THURSDAY])
    fields.setdefault("student_time_zone", "Europe/London")
    return open_request(world.student, world.profile, **fields)


def test_the_inbox_lists_what_waits_and_only_the_volunteer_sees_it(world):
    chat = waiting(world)
    page = client_for(world.volunteer).get("/network/requests/inbox/").content.decode()
    assert "Sam Student" in page and f"/network/requests/{chat.pk}/" in page
    detail = client_for(world.volunteer).get(f"/network/requests/{chat.pk}/").content.decode()
    # Worded for the reader: the volunteer's own clock is "yours" on their page.
    assert "Tue 3 Mar, 23:00 their time (18:00 yours)" in detail
    mine = client_for(world.student).get(f"/network/requests/{chat.pk}/").content.decode()
    assert "Tue 3 Mar, 18:00 their time (23:00 yours)" in mine
    assert client_for(world.student).get("/network/requests/inbox/").status_code == 403


def test_accepting_a_proposed_time_schedules_it_for_both(
    world, smtp_settings, smtp_server, django_capture_on_commit_callbacks
):
    _, received = smtp_server
    chat = waiting(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.volunteer).post(
            f"/network/requests/{chat.pk}/accept/",
            {"time": THURSDAY, "place": "https://meet.example/vera"},
        )
    assert response.status_code == 302
    chat.refresh_from_db()
    assert chat.state == "accepted"
    assert chat.starts_at == dt.datetime(2026, 3, 5, 23, tzinfo=dt.UTC)
    # The student's own conversation: scheduled, with the request on its timeline.
    interview = Interview.objects.get(owner=world.student)
    assert chat.interview == interview
    assert interview.stage == Interview.Stage.SCHEDULED
    assert interview.starts_at == chat.starts_at and interview.time_zone == "Europe/London"
    timeline = [entry.text for entry in interview.timeline.all()]
    assert "Asked Vera Núñez through the school's network on 2 Mar" in timeline
    assert "Vera Núñez accepted your request" in timeline
    # Shared now, as the volunteer chose: the email is on the student's contact.
    assert interview.contact.emails == ["vera@alumni.example"]
    page = client_for(world.student).get(f"/network/people/{world.profile.pk}/")
    assert "vera@alumni.example" in page.content.decode()
    # Both are told, each with the invite on their own clock.
    assert {m["To"] for m in received} == {"sam@students.example.edu", "vera@alumni.example"}
    for mail in received:
        (ics,) = [p for p in mail.walk() if p.get_content_type() == "text/calendar"]
        event = icalendar.Calendar.from_ical(ics.get_payload(decode=True)).walk("VEVENT")[0]
        assert event["UID"] == f"network-request-{chat.pk}@coffeechat.invalid"
        assert event.decoded("DTSTART").astimezone(dt.UTC) == chat.starts_at
    zones = {
        m["To"]: str(
            icalendar.Calendar.from_ical(
                next(p for p in m.walk() if p.get_content_type() == "text/calendar").get_payload(
                    decode=True
                )
            )
            .walk("VEVENT")[0]
            .decoded("DTSTART")
            .tzinfo
        )
        for m in received
    }
    assert zones == {
        "sam@students.example.edu": "Europe/London",
        "vera@alumni.example": "America/New_York",
    }
    plain = {
        m["To"]: next(p for p in m.walk() if p.get_content_type() == "text/plain")
        .get_payload(decode=True)
        .decode()
        for m in received
    }
    assert "Thu 5 Mar, 18:00 their time (23:00 yours)" in plain["sam@students.example.edu"]
    assert "Thu 5 Mar, 23:00 their time (18:00 yours)" in plain["vera@alumni.example"]


def test_a_volunteer_asked_for_their_time_offers_one_on_their_own_clock(world):
    chat = waiting(world, proposed=[])
    client_for(world.volunteer).post(
        f"/network/requests/{chat.pk}/accept/", {"other_date": "2026-03-09", "other_time": "12:30"}
    )
    chat.refresh_from_db()
    # 12:30 in Boston on 9 March is 16:30 UTC (daylight time began on the 8th).
    assert chat.starts_at == dt.datetime(2026, 3, 9, 16, 30, tzinfo=dt.UTC)


def test_an_answer_twice_is_refused_kindly(world):
    chat = waiting(world)
    client = client_for(world.volunteer)
    client.post(f"/network/requests/{chat.pk}/accept/", {"time": TUESDAY})
    response = client.post(f"/network/requests/{chat.pk}/decline/", {"reason": "busy"}, follow=True)
    assert "accepted already" in response.content.decode()
    chat.refresh_from_db()
    assert chat.state == "accepted"


def test_declining_tells_the_student_kindly_and_shows_others_who_fit(world):
    other = make_profile(person("nia", "volunteer", name="Nia Nurse"))
    chat = waiting(world)
    client_for(world.volunteer).post(
        f"/network/requests/{chat.pk}/decline/",
        {"reason": "fit", "note": "Nia knows night shifts better than I do."},
    )
    chat.refresh_from_db()
    assert chat.state == "declined"
    notice = Notification.objects.get(owner=world.student)
    assert "someone else in the network could help you more" in notice.text
    assert "Nia knows night shifts" in notice.text
    page = client_for(world.student).get(f"/network/requests/{chat.pk}/").content.decode()
    assert "Others who may fit" in page and other.name in page


def test_declining_for_another_reason_needs_a_word(world):
    chat = waiting(world)
    page = client_for(world.volunteer).post(
        f"/network/requests/{chat.pk}/decline/", {"reason": "other", "note": " "}, follow=True
    )
    assert "Write a few words" in page.content.decode()
    chat.refresh_from_db()
    assert chat.is_open


def test_pausing_declines_everything_waiting_with_a_kind_note(world):
    first = waiting(world)
    second = open_request(person("tia", "student"), world.profile)
    response = client_for(world.volunteer).post(
        "/network/requests/inbox/pause/",
        {"until": "2026-04-01", "note": "Back in April, ask me again then!"},
        follow=True,
    )
    assert "2 waiting requests were declined kindly" in response.content.decode()
    for chat in (first, second):
        chat.refresh_from_db()
        assert chat.state == "declined" and chat.decline_reason == "paused"
    assert "Back in April" in Notification.objects.get(owner=world.student).text
    world.profile.refresh_from_db()
    assert world.profile.paused_until == dt.date(2026, 4, 1)


def test_pausing_from_the_profile_page_declines_what_waits_too(world):
    chat = waiting(world)
    client_for(world.volunteer).post("/network/profile/pause/", {"until": "2026-04-01"})
    chat.refresh_from_db()
    assert chat.state == "declined" and chat.decline_reason == "paused"
    assert Notification.objects.filter(owner=world.student, kind="answer").exists()


def test_the_invite_download_is_each_persons_own(world):
    chat = waiting(world)
    chat.accept(dt.datetime(2026, 3, 3, 23, tzinfo=dt.UTC))
    for user, zone in ((world.student, "Europe/London"), (world.volunteer, "America/New_York")):
        response = client_for(user).get(f"/network/requests/{chat.pk}/invite.ics")
        assert response["Content-Type"].startswith("text/calendar")
        event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
        assert str(event.decoded("DTSTART").tzinfo) == zone
        assert event["SEQUENCE"] == 0


def test_a_meeting_can_not_be_set_in_the_past(world):
    chat = waiting(world)
    with time_machine.travel(NOW + dt.timedelta(days=5), tick=False):
        page = client_for(world.volunteer).post(
            f"/network/requests/{chat.pk}/accept/", {"time": TUESDAY}, follow=True
        )
    assert "already passed" in page.content.decode()
    assert ChatRequest.objects.get(pk=chat.pk).is_open


def test_the_volunteer_sees_the_name_the_student_gave_coffeechat(world):
    # An account made with `coffeechat createuser --name` has its name on the profile only,
    # and a student may change it there later.
    world.student.profile.name = "Samira Stone"
    world.student.profile.save()
    chat = waiting(world)
    inbox = client_for(world.volunteer).get("/network/requests/inbox/").content.decode()
    assert "Samira Stone" in inbox and "Sam Student" not in inbox
    assert chat.student_name() == "Samira Stone"
