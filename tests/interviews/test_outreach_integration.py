"""Interviews and outreach messages move each other along through model methods."""

import time_machine

from coffeechat.interviews.models import Interview
from coffeechat.interviews.thanks import thank_you_points
from coffeechat.outreach.models import Message
from tests.interviews.conftest import at, scheduled

S = Interview.Stage


def message(interview, kind, **fields):
    return Message.objects.create(
        owner=interview.owner,
        contact=interview.contact,
        interview=interview,
        kind=kind,
        subject="Hello",
        body="Hi",
        **fields,
    )


def test_sending_the_request_marks_the_interview_requested(interview):
    request = message(interview, "request")
    request.mark_sent()
    interview.refresh_from_db()
    assert interview.stage == S.REQUESTED
    assert interview.timeline.last().text == "Asked for a conversation: “Hello”"


def test_a_reply_leaves_it_waiting_to_be_scheduled(interview):
    request = message(interview, "request")
    request.mark_sent()
    request.mark_replied()
    interview.refresh_from_db()
    assert interview.stage == S.REQUESTED and interview.replied_at is not None
    page_step = "answered. Agree a date and time"
    from django.utils import timezone

    from coffeechat.interviews.next_step import next_step

    assert page_step in next_step(interview, timezone.now(), prepared=False).text


def test_sending_the_thank_you_marks_it_thanked(owner):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 3, 14))
    with time_machine.travel(at(2026, 3, 3, 16), tick=False):
        interview.mark_done()
        thanks = message(interview, "thank-you")
        thanks.mark_sent()
    interview.refresh_from_db()
    assert interview.stage == S.THANKED
    assert interview.thanked_at == at(2026, 3, 3, 16)


def test_a_thank_you_for_a_meeting_left_unmarked_marks_it_done_and_thanked(owner):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 3, 14))
    with time_machine.travel(at(2026, 3, 3, 16), tick=False):
        message(interview, "thank-you").mark_sent()
    interview.refresh_from_db()
    assert interview.stage == S.THANKED


def test_other_messages_only_land_on_the_timeline(owner):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 3, 14))
        message(interview, "running-late").mark_sent()
    interview.refresh_from_db()
    assert interview.stage == S.SCHEDULED
    assert interview.timeline.last().text == "Running late sent"


def test_the_thank_you_draft_is_filled_from_the_reflection_and_next_steps(owner_client, owner):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 3, 14))
    with time_machine.travel(at(2026, 3, 3, 15), tick=False):
        interview.mark_done()
        owner_client.post(
            f"/interviews/{interview.pk}/reflect/",
            {"r_advice": "Talk to three more people in grid storage. Then decide."},
        )
        owner_client.post(
            f"/interviews/{interview.pk}/todos/",
            {"kind": "research", "text": "read the DOE storage report"},
        )
        response = owner_client.post(f"/interviews/{interview.pk}/thank-you/")
    draft = Message.objects.get(kind="thank-you")
    assert response["Location"] == draft.get_absolute_url()
    assert draft.state == "draft" and draft.interview == interview
    assert draft.subject == "Thank you, Ada"
    assert "Talk to three more people in grid storage" in draft.body
    assert "read the DOE storage report" in draft.body
    assert interview.timeline.last().text == "Drafted the thank-you"


def test_a_thank_you_with_no_next_step_yet_leaves_that_sentence_out(owner_client, owner):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 3, 14))
    with time_machine.travel(at(2026, 3, 3, 15), tick=False):
        interview.mark_done()
        owner_client.post(f"/interviews/{interview.pk}/reflect/", {"r_advice": "Learn SQL."})
        owner_client.post(f"/interviews/{interview.pk}/thank-you/")
    body = Message.objects.get(kind="thank-you").body
    assert "your advice: “Learn SQL”." in body
    assert "{{" not in body and "I plan to" not in body


def test_the_draft_button_waits_for_the_meeting(owner_client, interview):
    response = owner_client.post(f"/interviews/{interview.pk}/thank-you/", follow=True)
    assert "mark the meeting done first" in response.text
    assert not Message.objects.exists()


def test_top_points_come_from_advice_then_learning_then_notes():
    assert thank_you_points({"learned": "How grants work."}, [], "", []) == ("how grants work", "")
    assert thank_you_points({"advice": "Talk to more people. Soon."}, [], "", [])[0] == (
        "your advice: “Talk to more people”"
    )
    assert thank_you_points({}, ["", "The lab hires in May. Also X."], "", ["Apply in April"]) == (
        "this: the lab hires in May",
        "apply in April",
    )
    assert thank_you_points({}, [], "", []) == ("", "")
    assert (
        thank_you_points({"learned": "Maria's lab is hiring."}, [], "", [])[0]
        == "this: Maria's lab is hiring"
    )
