"""A filled template reads like a person wrote it, or asks the student to write the part
it can't fill."""

import datetime

import pytest

from coffeechat.contacts.models import Contact, Organization
from coffeechat.outreach.models import Message
from tests.outreach.conftest import make_message


def drafted(client, contact, **params):
    response = client.get("/outreach/compose/", {"contact": contact.pk, **params})
    return response.context["form"].initial["body"]


@pytest.fixture
def anita(owner):
    return Contact.objects.create(
        owner=owner,
        first_name="Anita",
        last_name="Singh",
        source="faculty",
        field="Electrochemistry",
        research_notes="Runs the battery chemistry lab; 2024 paper on anodes",
    )


def test_a_research_note_that_is_not_a_phrase_is_left_for_the_student_to_write(owner_client, anita):
    body = drafted(owner_client, anita)

    assert "Runs the battery chemistry lab" not in body
    assert "interested in {{ their_work }}" in body  # the checker asks for it


def test_the_phrase_the_student_gives_goes_into_the_sentence(owner_client, anita):
    body = drafted(owner_client, anita, their_work="your 2024 paper on anodes")

    assert "I was especially interested in your 2024 paper on anodes, and your path" in body


def test_the_alum_template_uses_the_detail_about_their_work(owner_client, owner):
    bank = Organization.objects.create(owner=owner, name="Harbor Bank")
    sam = Contact.objects.create(
        owner=owner, first_name="Sam", field="Finance", title="Financial Advisor", organization=bank
    )

    body = drafted(owner_client, sam, template="alum-request", their_work="your talk on budgeting")

    assert "I came across your talk on budgeting" in body
    assert "into finance at Harbor Bank" in body
    assert "Finance" not in body and "Financial Advisor" not in body


def test_the_referral_template_has_a_field_to_fill_their_field(owner_client, owner, anita):
    lin = Contact.objects.create(owner=owner, first_name="Lin", referred_by=anita)

    without = owner_client.get("/outreach/compose/", {"contact": lin.pk})
    body = drafted(owner_client, lin, their_field="Battery Recycling")

    assert 'name="their_field"' in without.text
    assert "exploring careers in battery recycling" in body
    assert "{{ their_field }}" not in body


def test_a_follow_up_keeps_the_greeting_of_the_request(owner_client, owner, anita):
    request = make_message(
        owner,
        anita,
        sent_on=datetime.date(2026, 3, 2),
        body="Dear Professor Singh,\n\nI'm Olivia, a chemistry student.",
    )

    body = owner_client.get("/outreach/compose/", {"follow_up_to": request.pk}).context["form"]
    first_line = body.initial["body"].splitlines()[0]

    assert first_line == "Dear Professor Singh,"
    assert Message.objects.count() == 1
