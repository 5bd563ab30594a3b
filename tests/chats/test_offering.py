"""None of the student's times suit: the volunteer offers up to three of theirs, the
student chooses one, and that is the yes; an offer left unchosen closes kindly."""

import datetime as dt

from coffeechat.chats.clock import tick
from coffeechat.chats.models import ChatRequest
from coffeechat.notifications.models import Notification
from tests.chats.conftest import NOW
from tests.chats.test_answering import waiting
from tests.community.conftest import client_for

DAY = dt.timedelta(days=1)
# 12:30 and 17:00 in Boston on Monday 9 March (daylight time from the 8th): 16:30 and
# 21:00 UTC; 16:30 and 21:00 in London, where summer time starts later.
OFFER = {"day_1": "2026-03-09", "time_1": "12:30", "day_2": "2026-03-09", "time_2": "17:00"}
FIRST = dt.datetime(2026, 3, 9, 16, 30, tzinfo=dt.UTC)
SECOND = dt.datetime(2026, 3, 9, 21, 0, tzinfo=dt.UTC)


def offered(world, **extra):
    chat = waiting(world)
    response = client_for(world.volunteer).post(
        f"/network/requests/{chat.pk}/offer/", OFFER | extra, follow=True
    )
    assert response.status_code == 200
    chat.refresh_from_db()
    return chat, response.content.decode()


def test_the_volunteer_offers_times_on_their_clock_and_the_student_hears_on_theirs(world):
    chat, page = offered(world, place="https://meet.example/vera")
    assert chat.state == "open" and chat.offered_starts() == [FIRST, SECOND]
    assert "Offered. Sam Student will choose one of your times." in page
    assert "Mon 9 Mar, 16:30 their time (12:30 yours)" in page
    (notice,) = Notification.objects.filter(owner=world.student, kind="answer")
    assert notice.subject == "Vera Núñez offered other times"
    assert "Mon 9 Mar, 12:30 their time (16:30 yours)" in notice.text
    inbox = client_for(world.volunteer).get("/network/requests/inbox/").content.decode()
    assert "you offered other times; Sam Student chooses by 16 Mar" in inbox
    mine = client_for(world.student).get(chat.get_absolute_url()).content.decode()
    assert "Vera Núñez offered other times" in mine and "Choose this time" in mine


def test_choosing_an_offered_time_sets_the_meeting_for_both(world):
    chat, _ = offered(world, place="https://meet.example/vera")
    client_for(world.student).post(
        f"/network/requests/{chat.pk}/choose/", {"time": "2026-03-09T21:00Z"}
    )
    chat.refresh_from_db()
    assert chat.state == "accepted" and chat.starts_at == SECOND
    assert chat.place == "https://meet.example/vera"
    assert chat.answered_at == NOW  # the answer was the offer, not the choice
    invites = Notification.objects.filter(key__startswith=f"request-{chat.pk}-meeting-")
    assert {n.owner for n in invites} == {world.student, world.volunteer}


def test_only_an_offered_time_can_be_chosen(world):
    chat, _ = offered(world)
    page = client_for(world.student).post(
        f"/network/requests/{chat.pk}/choose/", {"time": "2026-03-10T21:00Z"}, follow=True
    )
    assert "Select a valid choice" in page.content.decode()
    chat.refresh_from_db()
    assert chat.state == "open" and chat.starts_at is None


def test_a_half_given_or_past_time_is_refused_with_what_to_fix(world):
    chat = waiting(world)
    volunteer = client_for(world.volunteer)
    url = f"/network/requests/{chat.pk}/offer/"
    half = volunteer.post(url, {"day_1": "2026-03-09", "time_1": "12:30", "day_2": "2026-03-10"})
    assert "Time 2: give both a day and a time, or neither." in half.content.decode()
    past = volunteer.post(url, {"day_1": "2026-03-01", "time_1": "12:30"})
    assert "already passed" in past.content.decode()
    chat.refresh_from_db()
    assert chat.offered == [] and chat.offered_at is None


def test_an_offer_is_an_answer_the_volunteer_is_not_reminded_of(world):
    chat, _ = offered(world)
    assert tick(NOW + 7 * DAY + dt.timedelta(minutes=1)) == (0, 0)
    assert not Notification.objects.filter(kind="reminder").exists()


def test_an_offer_left_unchosen_closes_with_words_that_fit(world):
    chat = waiting(world, created_at=NOW - 12 * DAY)
    chat.offer([FIRST, SECOND])
    # The student has a week from the offer, beyond the request's own 14 days, and is
    # reminded once two days before it closes.
    assert tick(NOW + 3 * DAY) == (0, 0)
    assert tick(NOW + 5 * DAY) == (1, 0)
    assert tick(NOW + 6 * DAY) == (0, 0)
    nudge = Notification.objects.get(kind="reminder")
    assert nudge.owner == world.student and nudge.subject == "Choose a time with Vera Núñez"
    assert "closes on 9 Mar at 17:00" in nudge.text  # 17:00 UTC is 17:00 in London
    assert tick(NOW + 7 * DAY) == (0, 1)
    chat.refresh_from_db()
    assert chat.state == ChatRequest.State.EXPIRED
    notice = Notification.objects.get(kind="expiry")
    assert "None of the times Vera Núñez offered was chosen in time" in notice.text
    page = client_for(world.student).get(chat.get_absolute_url()).content.decode()
    assert "None of the times Vera Núñez offered was chosen in time" in page
