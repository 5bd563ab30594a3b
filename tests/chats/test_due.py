"""A conversation agreed through the network is in the volunteer's agenda and calendar
feed (chats/due.py), as the student's own conversation is in theirs; once called off,
it leaves both."""

import datetime as dt

import icalendar

from coffeechat.agenda.models import CalendarFeed
from tests.community.conftest import client_for
from tests.community.world import open_request

THURSDAY = dt.datetime(2026, 3, 5, 23, tzinfo=dt.UTC)  # 18:00 in New York


def agreed(world):
    chat = open_request(world.student, world.profile, student_time_zone="Europe/London")
    chat.accept(THURSDAY)
    world.volunteer.profile.time_zone = "America/New_York"
    world.volunteer.profile.save()
    return chat


def feed_events(client, user):
    token = CalendarFeed.for_user(user).token
    calendar = icalendar.Calendar.from_ical(client.get(f"/agenda/feed/{token}.ics").content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_volunteer_sees_the_conversation_they_agreed_to(world, client):
    chat = agreed(world)
    volunteer = client_for(world.volunteer)
    volunteer.get("/")  # the first request stores the time zone in the session
    row = 'data-kind="network-meeting" data-due="2026-03-05"'
    words = "Talk with Sam Student, who asked through the network, at 18:00 (video call)"
    for url in ("/", "/agenda/"):
        html = volunteer.get(url).text
        assert row in html and words in html, url
        assert f'href="/network/requests/{chat.pk}/"' in html
    event = feed_events(client, world.volunteer)[f"network-request-{chat.pk}@coffeechat.invalid"]
    assert event.start == THURSDAY and event.end == THURSDAY + dt.timedelta(minutes=30)
    assert str(event["SUMMARY"]) == "Conversation with Sam Student"
    assert str(event["URL"]).endswith(f"/network/requests/{chat.pk}/")


def test_the_student_has_it_once_as_their_own_conversation(world, client):
    chat = agreed(world)
    html = client_for(world.student).get("/agenda/").text
    assert 'data-kind="meeting"' in html and "network-meeting" not in html
    uids = set(feed_events(client, world.student))
    assert f"interview-{chat.interview_id}@coffeechat.invalid" in uids
    assert f"network-request-{chat.pk}@coffeechat.invalid" not in uids


def test_a_conversation_called_off_leaves_the_agenda_and_the_feed(world, client):
    chat = agreed(world)
    chat.cancel(world.volunteer, "Something came up")
    html = client_for(world.volunteer).get("/agenda/").text
    assert "network-meeting" not in html
    assert f"network-request-{chat.pk}@coffeechat.invalid" not in feed_events(
        client, world.volunteer
    )


def test_someone_elses_agreed_conversation_is_not_in_your_agenda(world):
    agreed(world)
    html = client_for(world.adviser).get("/agenda/").text
    assert "network-meeting" not in html
