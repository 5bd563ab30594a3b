"""The whole path through plain forms, with the clock moved forward day by day, checking
what the home page's agenda and `coffeechat due` say is due at each step."""

import json
from io import StringIO

import time_machine
from django.core.management import call_command

from coffeechat.conversations import moves
from coffeechat.interviews.models import Interview
from coffeechat.outreach.models import Message
from tests.interviews.conftest import at

S = Interview.Stage


def due_kinds(owner_client, owner, when):
    with time_machine.travel(when, tick=False):
        page = owner_client.get("/")
        if page.status_code == 302:  # months later: the session has expired, log in again
            owner_client.force_login(owner)
            page = owner_client.get("/")
        out = StringIO()
        call_command("due", "--json", stdout=out)
    kinds = sorted({item["kind"] for item in json.loads(out.getvalue())})
    for kind in kinds:
        assert f'data-kind="{kind}"' in page.text, kind
    return kinds


def test_from_planning_to_keeping_in_touch(owner_client, new_york_owner, contact):
    client = owner_client
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        client.post(f"/interviews/new/?contact={contact.pk}", {"contact": contact.pk})
        interview = Interview.objects.get()
        # The request goes out through outreach; sending it moves the interview along.
        request = Message.objects.create(
            owner=new_york_owner, contact=contact, interview=interview, subject="Hi", body="Hi"
        )
        moves.sent(request)
    interview.refresh_from_db()
    assert interview.stage == S.REQUESTED
    with time_machine.travel(at(2026, 3, 4, 9), tick=False):
        moves.answered(request)
        client.post(
            f"/interviews/{interview.pk}/schedule/",
            {
                "date": "2026-03-06",
                "start_time": "15:00",
                "time_zone": "America/New_York",
                "duration_minutes": "20",
                "mode": "phone",
                "place": "+1 617 555 0100",
            },
        )
    assert due_kinds(client, new_york_owner, at(2026, 3, 4, 10)) == ["meeting", "prepare"]

    with time_machine.travel(at(2026, 3, 5, 9), tick=False):
        client.post(
            f"/interviews/{interview.pk}/prepare/",
            {"goal_learn": "What a research week looks like", "goal_decision": "Lab or industry"},
        )
        client.post(
            f"/interviews/{interview.pk}/questions/add/",
            {"keys": ["journey-start", "work-week", "close-referral"]},
        )
    assert due_kinds(client, new_york_owner, at(2026, 3, 5, 10)) == ["meeting"]

    with time_machine.travel(at(2026, 3, 6, 15, 10), tick=False):
        question = interview.questions.first()
        client.post(
            f"/interviews/{interview.pk}/notes/",
            {f"q-{question.pk}": "Summer lab programs", "free_notes": "Warm and direct"},
        )
        client.post(
            f"/interviews/{interview.pk}/referral/",
            {"first_name": "Noor", "organization": "Volta Labs"},
        )
    with time_machine.travel(at(2026, 3, 6, 15, 25), tick=False):
        client.post(f"/interviews/{interview.pk}/move/done/")
    interview.refresh_from_db()
    assert interview.stage == S.DONE
    assert due_kinds(client, new_york_owner, at(2026, 3, 6, 16)) == ["reflect", "thank-you"]

    with time_machine.travel(at(2026, 3, 6, 18), tick=False):
        client.post(
            f"/interviews/{interview.pk}/reflect/",
            {"r_advice": "Spend a summer in a lab first.", "interest_score": "5", "fit_score": "4"},
        )
        client.post(
            f"/interviews/{interview.pk}/todos/",
            {"kind": "application", "text": "apply to the summer lab program"},
        )
    # The day after, 25 hours after the end: the thank-you is overdue.
    assert due_kinds(client, new_york_owner, at(2026, 3, 7, 16, 21)) == ["thank-you", "todo"]

    with time_machine.travel(at(2026, 3, 7, 16, 30), tick=False):
        response = client.post(f"/interviews/{interview.pk}/thank-you/")
        thanks = Message.objects.get(kind="thank-you")
        assert response["Location"] == thanks.get_absolute_url()
        assert "Spend a summer in a lab first" in thanks.body
        moves.sent(thanks)
        client.post(f"/interviews/{interview.pk}/move/keep-in-touch/")
        todo = interview.todos.get()
        client.post(f"/interviews/todos/{todo.pk}/toggle/")
    interview.refresh_from_db()
    assert interview.stage == S.KEEPING_IN_TOUCH
    assert due_kinds(client, new_york_owner, at(2026, 3, 8, 9)) == []

    # 90 days after the thank-you (the last interaction), it's time to check in.
    assert due_kinds(client, new_york_owner, at(2026, 6, 4, 9)) == []
    assert due_kinds(client, new_york_owner, at(2026, 6, 5, 9)) == ["keep-in-touch"]
    with time_machine.travel(at(2026, 6, 5, 9), tick=False):
        client.force_login(new_york_owner)
        client.post(
            f"/interviews/contacts/{contact.pk}/interactions/",
            {"kind": "update", "day": "2026-06-05", "note": "Got into the lab program"},
        )
    assert due_kinds(client, new_york_owner, at(2026, 6, 6, 9)) == []
    assert due_kinds(client, new_york_owner, at(2026, 9, 3, 9)) == ["keep-in-touch"]

    noor = Interview.objects.get(contact__first_name="Noor")
    assert noor.stage == S.PLANNED and noor.contact.referred_by == contact
