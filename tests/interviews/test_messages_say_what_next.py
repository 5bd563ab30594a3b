"""What the interview pages say after a move or a refused form: what happened, what next."""

import datetime
import html

import pytest

from coffeechat.interviews.models import Interview, NextStep
from tests.interviews.conftest import make_contact, make_interview, scheduled

S = Interview.Stage
A_GOOD_MEETING = {
    "date": "2026-03-14",
    "start_time": "14:30",
    "time_zone": "UTC",
    "duration_minutes": "30",
    "mode": "video",
}


def post_schedule(client, interview, **changes):
    """The schedule form with a good meeting, changed by ``changes`` (None leaves one out)."""
    data = {k: v for k, v in {**A_GOOD_MEETING, **changes}.items() if v is not None}
    return client.post(f"/interviews/{interview.pk}/schedule/", data)


def test_marking_met_says_to_reflect_and_thank_instead_of_naming_the_stage(owner_client, owner):
    past = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=2)
    interview = scheduled(owner, past)
    response = owner_client.post(f"/interviews/{interview.pk}/move/done/", follow=True)
    interview.refresh_from_db()
    assert interview.stage == S.DONE
    assert "Now: done." not in response.text
    assert "Marked as met." in response.text
    assert "thank Ada within a day" in response.text


def test_each_move_has_its_own_note(owner_client, interview):
    response = owner_client.post(f"/interviews/{interview.pk}/move/request/", follow=True)
    assert "Marked as asked. When Ada answers, record it here." in response.text
    response = owner_client.post(f"/interviews/{interview.pk}/move/decline/", follow=True)
    assert "Thank Ada for answering, and try someone else." in response.text


def test_a_next_step_without_text_says_what_to_write(owner_client, interview):
    response = owner_client.post(
        f"/interviews/{interview.pk}/todos/", {"kind": "other", "text": ""}, follow=True
    )
    assert not NextStep.objects.exists()
    text = html.unescape(response.text)
    assert "That next step wasn't added. Say what the step is" in text
    assert "What exactly?:" not in text


def test_scheduling_without_a_day_or_time_says_what_to_pick(owner_client, interview):
    response = post_schedule(owner_client, interview, date=None, start_time=None)
    assert response.status_code == 200
    assert "Pick the day you agreed to meet." in response.text
    assert "Pick the time you agreed, e.g. 14:30." in response.text
    assert "This field is required." not in response.text


def test_scheduling_with_a_garbled_time_gives_an_example(owner_client, interview):
    response = post_schedule(owner_client, interview, start_time="3 in the afternoon")
    assert "Give the time as hours and minutes, e.g. 14:30." in response.text
    interview.refresh_from_db()
    assert interview.starts_at is None


def test_a_referral_without_a_name_asks_for_the_first_name(owner_client, interview):
    response = owner_client.post(f"/interviews/{interview.pk}/referral/", {"first_name": ""})
    assert response.status_code == 400
    assert "Give at least their first name." in response.text


def test_the_empty_next_steps_page_explains_where_steps_come_from(owner_client):
    page = owner_client.get("/interviews/todos/")
    assert 'id="todos-empty"' in page.text
    assert "Reflect page" in page.text
    assert 'href="/interviews/"' in page.text
    finished = owner_client.get("/interviews/todos/?show=done")
    assert "When you mark a next step done, it moves here." in finished.text


def test_a_next_steps_done_button_names_its_step(owner_client, owner):
    interview = make_interview(owner, make_contact(owner))
    NextStep.objects.create(
        owner=owner, interview=interview, contact=interview.contact, text="Email the lab manager"
    )
    page = owner_client.get("/interviews/todos/")
    assert 'id="todos-empty"' not in page.text
    assert 'Done<span class="visually-hidden">: Email the lab manager</span>' in page.text


def test_each_questions_save_button_says_which_question(owner_client, interview):
    owner_client.post(f"/interviews/{interview.pk}/questions/own/", {"text": "What surprised you?"})
    page = owner_client.get(f"/interviews/{interview.pk}/prepare/")
    assert 'Save<span class="visually-hidden"> question 1</span>' in page.text


def test_scheduling_with_a_garbled_day_gives_the_format(owner_client, interview):
    response = post_schedule(owner_client, interview, date="14 March")
    assert "Write the date as YYYY-MM-DD, e.g. 2026-03-14." in response.text
    interview.refresh_from_db()
    assert interview.starts_at is None


@pytest.mark.parametrize(
    "due_date",
    [
        "next tuesday",
        "3/11/2026",  # 11 March in the US, 3 November almost everywhere else: not guessed
    ],
)
def test_a_next_step_with_a_garbled_date_says_the_format(owner_client, interview, due_date):
    response = owner_client.post(
        f"/interviews/{interview.pk}/todos/",
        {"kind": "other", "text": "Read the review", "due_date": due_date},
        follow=True,
    )
    assert not NextStep.objects.exists()
    assert "Write the date as YYYY-MM-DD, e.g. 2026-03-14, or leave it empty." in response.text
