"""A create form sent twice (a double click, Back and send again) makes one thing."""

import re
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client

from coffeechat.contacts.models import Contact, Organization
from coffeechat.interviews.models import Interview, NextStep
from coffeechat.outreach.models import Message
from coffeechat.submissions.models import Submission


def token_in(html):
    return re.search(r'name="once" value="([0-9a-f-]{36})"', html).group(1)


@pytest.fixture
def ada(owner):
    return Contact.objects.create(owner=owner, first_name="Ada", last_name="Singh")


def draft(contact, once):
    return {
        "contact": contact.pk,
        "channel": "email",
        "kind": "request",
        "subject": "A question about batteries",
        "body": "Hi Ada, would you have 20 minutes for a call next week?",
        "action": "save",
        "once": once,
    }


def test_every_create_form_carries_a_fresh_token(owner_client, ada):
    pages = [
        "/contacts/new/",
        "/contacts/organizations/new/",
        "/outreach/templates/new/",
        f"/outreach/compose/?contact={ada.pk}",
        f"/interviews/new/?contact={ada.pk}",
    ]
    tokens = [token_in(owner_client.get(url).text) for url in pages]
    tokens.append(token_in(owner_client.get(pages[0]).text))

    assert len(set(tokens)) == len(tokens)


def test_a_draft_sent_twice_is_saved_once_and_the_second_leads_to_it(owner_client, ada):
    once = token_in(owner_client.get(f"/outreach/compose/?contact={ada.pk}").text)

    first = owner_client.post("/outreach/compose/", draft(ada, once))
    second = owner_client.post("/outreach/compose/", draft(ada, once), follow=True)

    assert Message.objects.filter(contact=ada).count() == 1
    assert second.redirect_chain[0][0] == first.url
    assert "already sent, so nothing new was made" in second.text


def test_two_fresh_forms_make_two_drafts(owner_client, ada):
    for _ in range(2):
        once = token_in(owner_client.get(f"/outreach/compose/?contact={ada.pk}").text)
        owner_client.post("/outreach/compose/", draft(ada, once))

    assert Message.objects.filter(contact=ada).count() == 2


def test_a_form_with_errors_can_be_sent_again_once_fixed(owner_client):
    once = str(uuid.uuid4())
    owner_client.post("/contacts/new/", {"first_name": "", "last_name": "", "once": once})
    owner_client.post(
        "/contacts/new/",
        {"first_name": "Grace", "last_name": "Ho", "source": "other", "once": once},
    )
    owner_client.post(
        "/contacts/new/",
        {"first_name": "Grace", "last_name": "Ho", "source": "other", "once": once},
    )

    assert list(Contact.objects.values_list("first_name", flat=True)) == ["Grace"]


def test_someone_elses_token_does_not_stop_my_form(owner_client, outsider_client, owner):
    once = str(uuid.uuid4())
    outsider_client.post("/contacts/organizations/new/", {"name": "Volta", "once": once})
    owner_client.post("/contacts/organizations/new/", {"name": "Volta", "once": once})

    assert Organization.objects.filter(owner=owner).count() == 1
    assert Organization.objects.count() == 2


def test_a_next_step_and_a_referral_are_made_once(owner_client, owner, ada):
    interview = Interview.objects.create(owner=owner, contact=ada, stage="done")
    once = str(uuid.uuid4())
    for _ in range(2):
        owner_client.post(
            f"/interviews/{interview.pk}/todos/",
            {"kind": "research", "text": "Read her paper", "once": once},
        )
    referral = {"first_name": "Lin", "last_name": "Wu", "once": str(uuid.uuid4())}
    for _ in range(2):
        owner_client.post(f"/interviews/{interview.pk}/referral/", referral)

    assert NextStep.objects.count() == 1
    assert Contact.objects.filter(first_name="Lin").count() == 1


def test_a_garbled_token_is_ignored_rather_than_refused(owner_client):
    response = owner_client.post(
        "/contacts/new/",
        {"first_name": "Grace", "last_name": "Ho", "source": "other", "once": "'; drop"},
    )

    assert response.status_code == 302
    assert not Submission.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_sends_of_one_form_make_one_draft(owner, ada):
    """Real threads, each with its own connection, on SQLite and on PostgreSQL."""
    once = str(uuid.uuid4())
    start = threading.Barrier(4, timeout=20)
    statuses = []

    def send():
        client = Client()
        client.force_login(owner)
        start.wait()
        try:
            statuses.append(client.post("/outreach/compose/", draft(ada, once)).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [302] * 4
    assert Message.objects.filter(contact=ada).count() == 1
