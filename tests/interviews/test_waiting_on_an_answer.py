"""A conversation waiting on an answer says what the follow-up rules say, with dates."""

import datetime
import html

import time_machine

from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Organization
from coffeechat.conversations import moves
from coffeechat.outreach.models import Message
from tests.interviews.conftest import make_contact

UTC = datetime.UTC


def at(day, hour=12):
    return datetime.datetime(2025, 11, day, hour, tzinfo=UTC)


def sent_request(owner, contact, day=3):
    """A request sent from the contact's page on Monday 3 Nov 2025 (it starts a conversation)."""
    request = Message.objects.create(
        owner=owner, contact=contact, kind="request", subject="Hello", body="Hi"
    )
    with time_machine.travel(at(day), tick=False):
        moves.sent(request)
    request.refresh_from_db()
    return request


def step_on(client, request, day):
    with time_machine.travel(at(day), tick=False):
        page = client.get(request.interview.get_absolute_url())
    assert page.status_code == 200
    return html.unescape(page.text)


def test_before_the_wait_is_over_it_names_the_day_to_follow_up(owner_client, owner, contact):
    request = sent_request(owner, contact)
    page = step_on(owner_client, request, 5)
    assert "Wait for Ada Okafor to answer. No reply by Mon 10 Nov? Follow up once." in page


def test_once_the_wait_is_over_it_links_to_the_follow_up(owner_client, owner, contact):
    request = sent_request(owner, contact)
    page = step_on(owner_client, request, 10)
    assert "No answer from Ada Okafor since you wrote: time to follow up" in page
    assert f'href="/outreach/compose/?follow_up_to={request.pk}"' in page
    assert "Write the follow-up" in page


def test_after_an_unanswered_follow_up_it_suggests_letting_go(owner_client, owner, contact):
    request = sent_request(owner, contact)
    follow_up = Message.objects.create(
        owner=owner, contact=contact, kind="follow-up", follow_up_to=request, body="Hi again"
    )
    with time_machine.travel(at(10), tick=False):
        moves.sent(follow_up)
    page = step_on(owner_client, request, 12)
    assert "You followed up. If Ada Okafor still hasn't answered by Mon 17 Nov" in page
    page = step_on(owner_client, request, 17)
    assert "No answer to your follow-up either. Let this one go" in page
    assert f'href="/outreach/messages/{request.pk}/"' in page


def test_with_3b7_day_3_suggests_a_second_person_and_dates_the_follow_up(owner_client, owner):
    Profile.objects.filter(owner=owner).update(use_3b7=True)
    volta = Organization.objects.create(owner=owner, name="Volta Labs")
    ada = make_contact(owner, organization=volta)
    request = sent_request(owner, ada, day=7)  # a Friday
    page = step_on(owner_client, request, 12)  # Wednesday: business day 3
    assert "with 3B7, write to a second person at Volta Labs if you haven't yet" in page
    assert "The follow-up to Ada Okafor is due on Tue 18 Nov." in page


def test_an_answer_ends_the_waiting(owner_client, owner, contact):
    request = sent_request(owner, contact)
    with time_machine.travel(at(6), tick=False):
        moves.answered(request)
    page = step_on(owner_client, request, 12)
    assert "Ada Okafor answered. Agree a date and time" in page
    assert "Write the follow-up" not in page
