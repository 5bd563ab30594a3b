"""The volunteer's side of an accepted request in their own agenda and calendar feed: the
student has their conversation (an interview) there already; the volunteer has the
request's meeting, the same event (one UID) as the emailed invite."""

import datetime as dt

import icalendar
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat import due
from coffeechat.agenda.models import CalendarFeed
from coffeechat.chats.due import agreed_conversations
from coffeechat.chats.models import ChatRequest
from tests.chats.conftest import NOW
from tests.community.conftest import client_for
from tests.community.world import make_profile, open_request, person

THURSDAY = dt.datetime(2026, 3, 5, 23, tzinfo=dt.UTC)  # 18:00 in Boston


def accepted(world, starts_at=THURSDAY):
    chat = open_request(world.student, world.profile, student_time_zone="Europe/London")
    chat.accept(starts_at)
    return chat


def feed_events(user):
    token = CalendarFeed.for_user(user).token
    response = client_for(user).get(f"/agenda/feed/{token}.ics")
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_the_volunteer_sees_the_conversation_in_their_agenda(world):
    volunteer_profile = world.volunteer.profile
    volunteer_profile.time_zone = "America/New_York"
    volunteer_profile.save()
    chat = accepted(world)
    page = client_for(world.volunteer).get("/agenda/").content.decode()
    assert "Talk with Sam Student, who asked through the network, at 18:00 (video call)" in page
    assert f'href="/network/requests/{chat.pk}/"' in page


def test_the_student_sees_it_once_as_their_own_conversation(world):
    accepted(world)
    kinds = [item.kind for item in due.due_items(world.student, NOW.date())]
    assert kinds.count("meeting") == 1 and "network-meeting" not in kinds


def test_the_feed_carries_the_invites_event_for_the_volunteer(world):
    chat = accepted(world)
    (event,) = feed_events(world.volunteer)
    assert str(event["UID"]) == f"network-request-{chat.pk}@coffeechat.invalid"
    assert event.decoded("DTSTART").astimezone(dt.UTC) == THURSDAY
    assert str(event["SUMMARY"]) == "Conversation with Sam Student"
    invite = client_for(world.volunteer).get(f"/network/requests/{chat.pk}/invite.ics")
    (emailed,) = icalendar.Calendar.from_ical(invite.content).walk("VEVENT")
    assert emailed["UID"] == event["UID"]


def test_a_called_off_or_unanswered_request_is_not_on_the_calendar(world):
    chat = accepted(world)
    chat.cancel(world.student, "sorry")
    open_request(world.student, make_profile(person("nia", "volunteer", name="Nia Nurse")))
    assert feed_events(world.volunteer) == []
    assert not list(agreed_conversations(world.volunteer, NOW.date()))


def test_only_the_next_week_is_in_the_agenda(world):
    accepted(world, starts_at=NOW + dt.timedelta(days=8))
    assert not list(agreed_conversations(world.volunteer, NOW.date()))
    assert list(agreed_conversations(world.volunteer, (NOW + dt.timedelta(days=3)).date()))


def test_the_agenda_asks_the_same_number_of_queries_however_many_meetings(world):
    def count():
        with CaptureQueriesContext(connection) as queries:
            list(agreed_conversations(world.volunteer, NOW.date()))
        return len(queries)

    accepted(world)
    one = count()
    for index in range(4):
        student = person(f"student{index}", "student", name=f"Student {index}")
        chat = open_request(student, world.profile)
        chat.accept(THURSDAY + dt.timedelta(hours=index + 1))
    assert ChatRequest.objects.filter(state="accepted").count() == 5
    assert count() == one


def test_on_a_laptop_the_agenda_asks_nothing_of_requests(world, settings):
    accepted(world)
    settings.NETWORK = False
    with CaptureQueriesContext(connection) as queries:
        assert list(agreed_conversations(world.volunteer, NOW.date())) == []
    assert len(queries) == 0
