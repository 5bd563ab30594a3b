import re

import pytest

from coffeechat.contacts.models import Contact, Organization


@pytest.fixture
def ada(owner):
    org = Organization.objects.create(owner=owner, name="Ionic Labs")
    contact = Contact.objects.create(
        owner=owner,
        first_name="Ada",
        last_name="Singh",
        title="Battery chemist",
        organization=org,
        field="Chemistry",
        emails=["ada@ioniclabs.example"],
        source="faculty",
        notes="Met at the chemistry open house.",
    )
    contact.set_tags(["batteries", "boston"])
    return contact


def test_the_list_shows_the_owners_contacts(owner_client, ada):
    response = owner_client.get("/contacts/")
    assert response.status_code == 200
    assert "Ada Singh" in response.text
    assert "Ionic Labs" in response.text


def test_a_new_user_sees_what_to_do_first(owner_client):
    response = owner_client.get("/contacts/")
    assert "Add your first contact" in response.text
    assert "Import LinkedIn connections" in response.text


def test_the_detail_page_shows_the_contact(owner_client, ada):
    response = owner_client.get(f"/contacts/{ada.pk}/")
    assert response.status_code == 200
    assert "Battery chemist" in response.text
    assert "ada@ioniclabs.example" in response.text
    assert "batteries" in response.text


def test_adding_a_contact_creates_its_organization_and_tags(owner_client, owner):
    response = owner_client.post(
        "/contacts/new/",
        {
            "first_name": "Grace",
            "last_name": "Ho",
            "organization_name": "Harbor Bank",
            "emails_text": "grace@harbor.example, g.ho@alumni.example",
            "source": "alum",
            "tags_text": "finance, alumni",
        },
    )
    contact = Contact.objects.get(owner=owner, first_name="Grace")
    assert response.status_code == 302
    assert response.url == f"/contacts/{contact.pk}/"
    assert contact.organization.name == "Harbor Bank"
    assert contact.emails == ["grace@harbor.example", "g.ho@alumni.example"]
    assert sorted(t.name for t in contact.tags.all()) == ["alumni", "finance"]


def test_referred_by_offers_nobody_rather_than_dashes(owner_client, ada):
    page = owner_client.get("/contacts/new/").text
    referred_by = re.search(r'<select name="referred_by".*?</select>', page, re.S).group()
    assert '<option value="" selected>Nobody</option>' in referred_by
    assert "---" not in page


def test_the_detail_page_offers_to_plan_a_conversation_once(owner_client, ada):
    page = owner_client.get(f"/contacts/{ada.pk}/").text
    assert page.count(">Plan a conversation</a>") == 1


def test_the_notes_card_does_not_repeat_its_heading(owner_client, ada):
    page = owner_client.get(f"/contacts/{ada.pk}/").text
    card = re.search(r'<article id="notes">.*?</article>', page, re.S).group()
    headings = re.findall(r"<h[23][^>]*>(.*?)</h[23]>", card)
    assert headings == ["Notes and research", "Notes", "Research"]
