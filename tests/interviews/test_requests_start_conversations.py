"""A request for a conversation belongs to a conversation, wherever it was written."""

import datetime

import time_machine

from coffeechat.conversations import moves
from coffeechat.interviews.models import Interview
from coffeechat.outreach.models import Message
from tests.interviews.conftest import make_contact, make_interview

S = Interview.Stage


def request_to(contact, **fields):
    """A request written from the contact's page: no conversation attached."""
    fields = {"kind": "request", "subject": "Hello", "body": "Hi", **fields}
    return Message.objects.create(owner=contact.owner, contact=contact, **fields)


def test_sending_a_request_from_the_contact_page_starts_a_conversation(owner, contact):
    request = request_to(contact)
    moves.sent(request)
    [interview] = Interview.objects.filter(contact=contact)
    request.refresh_from_db()
    assert request.interview == interview
    assert interview.stage == S.REQUESTED
    assert [e.text for e in interview.timeline.order_by("at", "id")] == [
        "Planned a conversation with Ada Okafor",
        "Asked for a conversation: “Hello”",
    ]


def test_a_conversation_already_planned_takes_the_request(owner, contact):
    planned = make_interview(owner, contact)
    moves.sent(request_to(contact))
    assert list(Interview.objects.filter(contact=contact)) == [planned]
    planned.refresh_from_db()
    assert planned.stage == S.REQUESTED


def test_a_finished_conversation_is_left_alone_and_a_new_one_starts(owner, contact):
    old = make_interview(owner, contact, stage=S.KEEPING_IN_TOUCH)
    moves.sent(request_to(contact))
    new = Interview.objects.filter(contact=contact).exclude(pk=old.pk).get()
    assert new.stage == S.REQUESTED
    old.refresh_from_db()
    assert old.stage == S.KEEPING_IN_TOUCH


def test_the_answer_then_moves_the_conversation_on(owner, contact):
    request = request_to(contact)
    moves.sent(request)
    moves.answered(request)
    interview = Interview.objects.get(contact=contact)
    assert interview.stage == S.REQUESTED and interview.replied_at is not None


def test_planning_a_conversation_takes_in_a_request_already_answered(owner, contact):
    """Requests sent before this rule existed (or restored from a backup) join the
    conversation planned afterwards, answer and follow-up included."""
    sent = datetime.datetime(2026, 3, 2, 15, tzinfo=datetime.UTC)
    request = request_to(contact, state="replied", sent_at=sent, replied_at=sent)
    follow_up = request_to(contact, kind="follow-up", state="sent", sent_at=sent)
    follow_up.follow_up_to = request
    follow_up.save()
    with time_machine.travel(datetime.datetime(2026, 3, 5, 9, tzinfo=datetime.UTC)):
        interview = moves.plan(owner, contact)
    request.refresh_from_db()
    follow_up.refresh_from_db()
    assert request.interview == interview and follow_up.interview == interview
    assert interview.stage == S.REQUESTED
    assert interview.replied_at == sent


def test_a_request_let_go_is_not_taken_in(owner, contact):
    sent = datetime.datetime(2026, 3, 2, 15, tzinfo=datetime.UTC)
    request_to(contact, state="sent", sent_at=sent, no_reply_at=sent)
    interview = moves.plan(owner, contact)
    assert interview.stage == S.PLANNED
    assert not interview.messages.exists()


def test_someone_else_s_request_is_never_taken_in(owner, outsider, contact):
    theirs = make_contact(outsider, "Ada", "Okafor")
    moves.sent(request_to(theirs))
    interview = moves.plan(owner, contact)
    assert interview.stage == S.PLANNED
    assert Interview.objects.filter(owner=outsider).get().messages.count() == 1


def test_the_plan_page_takes_in_the_request(owner_client, owner, contact):
    request = request_to(contact)
    moves.sent(request)
    Interview.objects.all().delete()  # as if sent before conversations started themselves
    request.refresh_from_db()
    response = owner_client.post("/interviews/new/", {"contact": contact.pk})
    interview = Interview.objects.get(contact=contact)
    assert response.status_code == 302 and response.url == interview.get_absolute_url()
    assert interview.stage == S.REQUESTED


def test_plan_a_conversation_opens_the_one_under_way(owner_client, owner, contact):
    moves.sent(request_to(contact))
    under_way = Interview.objects.get(contact=contact)
    response = owner_client.get(f"/interviews/new/?contact={contact.pk}", follow=True)
    assert response.redirect_chain == [(under_way.get_absolute_url(), 302)]
    assert "Your conversation with Ada Okafor is already under way" in response.text
    response = owner_client.post("/interviews/new/", {"contact": contact.pk})
    assert response.url == under_way.get_absolute_url()
    assert Interview.objects.filter(contact=contact).count() == 1


def test_a_new_conversation_can_follow_a_finished_one(owner_client, owner, contact):
    make_interview(owner, contact, stage=S.KEEPING_IN_TOUCH)
    page = owner_client.get(f"/interviews/new/?contact={contact.pk}")
    assert page.status_code == 200
    owner_client.post("/interviews/new/", {"contact": contact.pk})
    assert Interview.objects.filter(contact=contact, stage=S.PLANNED).count() == 1


def test_a_request_to_someone_already_scheduled_joins_that_conversation(owner, contact):
    scheduled = make_interview(owner, contact, stage=S.SCHEDULED)
    request = request_to(contact)
    moves.sent(request)
    request.refresh_from_db()
    assert request.interview == scheduled
    assert Interview.objects.filter(contact=contact).count() == 1
