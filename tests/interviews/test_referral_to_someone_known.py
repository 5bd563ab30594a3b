"""A suggested person the student already has is offered, not made again."""

import uuid

import pytest

from coffeechat.contacts.models import Contact, Organization
from coffeechat.interviews.models import Interview


@pytest.fixture
def lin(owner):
    volta = Organization.objects.create(owner=owner, name="Volta Labs Inc.")
    return Contact.objects.create(
        owner=owner,
        first_name="Lin",
        last_name="Wú",
        organization=volta,
        emails=["lin@volta.example"],
    )


def refer(client, interview, **fields):
    data = {"first_name": "", "last_name": "", "organization": "", "once": str(uuid.uuid4())}
    data.update(fields)
    return client.post(f"/interviews/{interview.pk}/referral/", data)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ({"first_name": "lin", "last_name": "Wu", "organization": "Volta Labs"}, "name and org"),
        ({"first_name": "Lindsay", "last_name": "W", "email": "LIN@volta.example"}, "email"),
    ],
)
def test_the_person_already_there_is_offered(owner_client, interview, lin, typed, why):
    response = refer(owner_client, interview, **typed)

    assert response.status_code == 200
    assert "is already in your contacts" in response.text
    assert f'name="person" value="{lin.pk}"' in response.text
    assert Contact.objects.filter(first_name__iexact="lin").count() == 1


def test_using_them_notes_the_suggestion_and_plans_one_conversation(owner_client, interview, lin):
    response = refer(
        owner_client,
        interview,
        first_name="Lin",
        last_name="Wu",
        organization="Volta Labs",
        note="Runs the pilot line",
        person=lin.pk,
    )

    assert response.status_code == 302
    lin.refresh_from_db()
    assert lin.referred_by == interview.contact
    assert "Runs the pilot line" in lin.notes
    assert Interview.objects.filter(contact=lin).count() == 1
    assert Contact.objects.count() == 2


def test_a_conversation_already_under_way_is_not_doubled(owner_client, owner, interview, lin):
    Interview.plan(owner, lin)

    refer(owner_client, interview, first_name="Lin", last_name="Wu", person=lin.pk)

    assert Interview.objects.filter(contact=lin).count() == 1


def test_someone_else_can_still_be_added_with_the_same_name(owner_client, interview, lin):
    refer(
        owner_client,
        interview,
        first_name="Lin",
        last_name="Wu",
        organization="Volta Labs",
        new_anyway="1",
    )

    assert Contact.objects.filter(last_name__in=["Wu", "Wú"]).count() == 2


def test_a_different_person_is_added_straight_away(owner_client, interview, lin):
    response = refer(owner_client, interview, first_name="Lin", last_name="Wu", organization="Acme")

    assert response.status_code == 302
    assert Contact.objects.filter(organization__name="Acme").count() == 1


def test_someone_elses_contact_cannot_be_chosen(owner_client, interview, outsider):
    theirs = Contact.objects.create(owner=outsider, first_name="Lin", last_name="Wu")

    response = refer(owner_client, interview, first_name="Lin", person=theirs.pk)

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.referred_by is None


def test_a_name_typed_without_an_organization_offers_the_person_of_that_name(
    owner_client, interview, lin
):
    response = refer(owner_client, interview, first_name="Lin", last_name="Wu")

    assert "is already in your contacts" in response.text
    assert "the same name." in response.text
    assert f'name="person" value="{lin.pk}"' in response.text


def test_the_same_name_at_another_organization_is_someone_else(owner_client, interview, lin):
    response = refer(
        owner_client, interview, first_name="Lin", last_name="Wu", organization="Harbor Bank"
    )

    assert response.status_code == 302
    assert Contact.objects.filter(first_name__iexact="lin").count() == 2
