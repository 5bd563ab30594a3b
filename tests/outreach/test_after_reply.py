"""An answered request's page says what comes next and links to the conversation."""

import datetime

from django.utils import timezone

from coffeechat.interviews.models import Interview
from coffeechat.outreach.models import Message
from tests.outreach.conftest import make_message


def answered(owner, contact, **fields):
    message = make_message(owner, contact, sent_on=datetime.date(2025, 11, 3), **fields)
    Message.objects.filter(pk=message.pk).update(
        state=Message.State.REPLIED, replied_at=message.sent_at + datetime.timedelta(days=2)
    )
    message.refresh_from_db()
    return message


def test_an_answer_with_no_conversation_yet_offers_to_plan_one(owner_client, owner, ada):
    message = answered(owner, ada)
    page = owner_client.get(f"/outreach/messages/{message.pk}/")
    assert 'id="after-reply"' in page.text
    assert f'href="/interviews/new/?contact={ada.pk}"' in page.text


def test_an_answer_to_a_request_from_an_interview_offers_to_schedule_it(owner_client, owner, ada):
    interview = Interview.objects.create(owner=owner, contact=ada)
    message = answered(owner, ada, interview=interview)
    page = owner_client.get(f"/outreach/messages/{message.pk}/")
    assert f'href="/interviews/{interview.pk}/schedule/"' in page.text
    assert "/interviews/new/" not in page.text


def test_a_conversation_planned_from_the_contact_page_is_found_too(owner_client, owner, ada):
    message = answered(owner, ada)
    interview = Interview.objects.create(owner=owner, contact=ada)
    interview.schedule(
        timezone.make_aware(datetime.datetime(2025, 11, 12, 15)),
        time_zone="UTC",
        duration_minutes=20,
        mode="video",
    )
    page = owner_client.get(f"/outreach/messages/{message.pk}/")
    assert "is set for Wednesday 12 November 2025" in page.text
    assert f'href="/interviews/{interview.pk}/"' in page.text
    assert "/interviews/new/" not in page.text


def test_a_cancelled_conversation_is_not_offered_again(owner_client, owner, ada):
    message = answered(owner, ada)
    interview = Interview.objects.create(owner=owner, contact=ada)
    interview.cancel()
    page = owner_client.get(f"/outreach/messages/{message.pk}/")
    assert f'href="/interviews/new/?contact={ada.pk}"' in page.text


def test_a_sent_request_still_asks_whether_they_answered(owner_client, owner, ada):
    message = make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
    page = owner_client.get(f"/outreach/messages/{message.pk}/")
    assert 'id="after-reply"' not in page.text
    assert "Leave the date empty if they answered today." in page.text


def test_the_refusal_to_send_names_the_button_that_exists(owner_client, owner, ada):
    draft = make_message(owner, ada, body="Dear {{ their_title }}, could we talk?")
    response = owner_client.post(f"/outreach/messages/{draft.pk}/sent/", follow=True)
    assert "choose “Send anyway” on its page" in response.text
    draft.refresh_from_db()
    assert draft.state == Message.State.DRAFT
