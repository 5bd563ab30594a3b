"""A student asks a volunteer from the volunteer's page: a sample to start from, the
checker's errors block sending, two or three times inside the volunteer's windows, and
the limits that protect volunteers."""

import datetime as dt
import threading

import pytest
from django.db import connection
from django.test import Client

from coffeechat.chats.models import ChatRequest, RequestRefused
from coffeechat.community.models import VolunteerProfile
from coffeechat.notifications.models import Notification
from tests.chats.conftest import NOW
from tests.community.conftest import client_for
from tests.community.world import make_profile, open_request, person

GOOD = (
    "Dear Vera,\n\nI'm Sam, studying biology at Wellesley. Your work as a nurse practitioner "
    "at Harbor Clinic is the kind I hope to learn about: how do night shifts shape the "
    "work? Would you have 20 minutes for a conversation in the next two weeks? I've "
    "suggested a few times below.\n\nThank you for considering it,\nSam"
)
TUESDAY = "2026-03-03T23:00Z"  # 18:00 in Boston
THURSDAY = "2026-03-05T23:00Z"


def ask_data(**fields):
    data = {
        "topic": "field",
        "body": GOOD,
        "duration_minutes": "20",
        "mode": "video",
        "times": [TUESDAY, THURSDAY],
        "action": "send",
    }
    return {**data, **fields}


def test_the_ask_page_starts_from_a_sample_the_checker_refuses_until_it_is_filled(world):
    page = client_for(world.student).get(f"/network/requests/ask/{world.profile.pk}/?topic=role")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Dear Vera" in text and "Nurse practitioner" in text
    assert "[your question about the role]" in text
    assert 'data-rule="placeholder"' in text  # the blank is an error until it is filled
    assert "Tue 3 Mar, 18:00 their time (23:00 yours)" in text


def test_a_request_with_a_checker_error_is_not_sent(world):
    client = client_for(world.student)
    body = GOOD.replace("how do night shifts", "could you get me a job, and how do night shifts")
    page = client.post(f"/network/requests/ask/{world.profile.pk}/", ask_data(body=body))
    assert page.status_code == 200
    assert "Fix what the checker marks" in page.content.decode()
    assert not ChatRequest.objects.exists()


def test_a_good_request_is_sent_and_the_volunteer_is_told_by_email(
    world, smtp_settings, smtp_server, django_capture_on_commit_callbacks
):
    _, received = smtp_server
    client = client_for(world.student)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/network/requests/ask/{world.profile.pk}/", ask_data())
    chat = ChatRequest.objects.get()
    assert response.status_code == 302 and response.url == f"/network/requests/{chat.pk}/"
    assert chat.proposed == [TUESDAY, THURSDAY]
    assert chat.expires_at == NOW + dt.timedelta(days=14)
    notice = Notification.objects.get(owner=world.volunteer)
    assert notice.subject == "Sam Student would like a conversation"
    (mail,) = received
    assert mail["To"] == "vera@alumni.example"
    unsubscribe = "".join(mail["List-Unsubscribe"].split())  # a long header is folded
    assert unsubscribe.startswith("<http://127.0.0.1:8000/notifications/unsubscribe/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    kinds = [part.get_content_type() for part in mail.walk()]
    assert "text/plain" in kinds and "text/html" in kinds


def test_asking_for_their_times_needs_no_proposed_times(world):
    client = client_for(world.student)
    client.post(
        f"/network/requests/ask/{world.profile.pk}/", ask_data(times=[], ask_for_theirs="on")
    )
    assert ChatRequest.objects.get().proposed == []


@pytest.mark.parametrize(
    "times,error",
    [
        ([TUESDAY], "Choose 2 or 3 times"),
        (["2026-03-03T12:00Z", THURSDAY], "Select a valid choice"),  # 07:00 in Boston
    ],
)
def test_times_must_be_two_or_three_inside_their_windows(world, times, error):
    page = client_for(world.student).post(
        f"/network/requests/ask/{world.profile.pk}/", ask_data(times=times)
    )
    assert error in page.content.decode()
    assert not ChatRequest.objects.exists()


def ask(world, student=None, profile=None, body=GOOD, **fields):
    return ChatRequest.ask(
        student or world.student,
        profile or world.profile,
        topic="field",
        body=body,
        proposed=[],
        student_time_zone="Europe/London",
        **fields,
    )


def test_the_model_refuses_a_checker_error_whoever_calls_it(world):
    with pytest.raises(RequestRefused, match="checker"):
        ask(world, body=GOOD.replace("how do night shifts", "what is your salary, and how do"))


def test_one_open_request_per_pair(world):
    ask(world)
    with pytest.raises(RequestRefused, match="already have a request waiting"):
        ask(world)


def test_a_student_has_at_most_three_waiting(world, settings):
    for name in ("ana", "ben", "cy"):
        open_request(world.student, make_profile(person(name, "volunteer")))
    with pytest.raises(RequestRefused, match="3 requests waiting"):
        ask(world)
    settings.NETWORK_OPEN_REQUESTS = 4
    ask(world)


def test_a_volunteer_gets_at_most_their_monthly_number(world):
    VolunteerProfile.objects.filter(pk=world.profile.pk).update(monthly_capacity=1)
    world.profile.refresh_from_db()
    ask(world, student=person("tia", "student"))
    with pytest.raises(RequestRefused, match="all the requests they offer this month"):
        ask(world)


def test_a_paused_volunteer_takes_no_requests(world):
    world.profile.pause(NOW.date() + dt.timedelta(days=10))
    with pytest.raises(RequestRefused, match="isn't taking requests"):
        ask(world)


@pytest.mark.django_db(transaction=True)
def test_two_students_at_the_same_moment_cannot_both_take_the_last_place(settings):
    """Real threads, each with its own connection, as two server processes would be."""
    from tests.community.world import build_world

    settings.NETWORK = True
    world = build_world()
    world.chat.delete()
    VolunteerProfile.objects.filter(pk=world.profile.pk).update(monthly_capacity=1)
    students = [person(f"racer{n}", "student") for n in range(4)]
    start, results = threading.Barrier(len(students)), []

    def race(student):
        try:
            start.wait()
            ask(world, student=student)
            results.append("sent")
        except RequestRefused:
            results.append("refused")
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=race, args=(s,)) for s in students]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["refused", "refused", "refused", "sent"]
    assert ChatRequest.objects.count() == 1


def test_a_volunteer_cannot_ask_and_an_outsider_cannot_open_a_request(world):
    chat = ask(world)
    assert (
        client_for(world.volunteer).get(f"/network/requests/ask/{world.profile.pk}/").status_code
        == 403
    )
    other = person("otis", "student")
    assert client_for(other).get(f"/network/requests/{chat.pk}/").status_code == 404
    assert client_for(world.adviser).get(f"/network/requests/{chat.pk}/").status_code == 403
    assert Client().get(f"/network/requests/{chat.pk}/").status_code == 302


def test_the_student_can_withdraw_a_waiting_request(world):
    chat = ask(world)
    client_for(world.student).post(f"/network/requests/{chat.pk}/withdraw/")
    chat.refresh_from_db()
    assert chat.state == "withdrawn"
    ask(world)  # and ask again


def test_a_volunteer_whose_month_is_full_leaves_the_taking_requests_filter_until_next_month(
    world, clock
):
    VolunteerProfile.objects.filter(pk=world.profile.pk).update(monthly_capacity=1)
    world.profile.refresh_from_db()
    taking = VolunteerProfile.objects.taking_requests
    assert world.profile in taking(NOW.date())
    chat = ask(world, student=person("tia", "student"))
    assert world.profile not in taking(NOW.date())
    page = client_for(world.student).get(f"/network/people/{world.profile.pk}/")
    assert "No requests left this month" in page.content.decode()
    assert world.profile in taking(dt.date(2026, 4, 1))  # a new month, a new allowance
    chat.withdraw()  # a withdrawn request gives its place back
    assert world.profile in taking(NOW.date())


def test_the_volunteer_page_says_how_many_requests_are_left_this_month(world):
    ask(world)
    page = client_for(world.student).get(f"/network/people/{world.profile.pk}/")
    assert "Taking requests: 3 more this month" in page.content.decode()
    own = client_for(world.volunteer).get("/network/profile/")
    assert "with 3 still open this month" in own.content.decode()


def test_a_deactivated_volunteer_closes_what_was_waiting_with_a_kind_word(world):
    chat = ask(world)
    world.profile.deactivate()
    chat.refresh_from_db()
    assert chat.state == "declined"
    assert "no longer offering conversations" in chat.decline_words()
    note = Notification.objects.filter(owner=world.student).latest("pk")
    assert "can't meet this time" in note.subject
