import json

import pytest
from django.core.management import call_command

from coffeechat.contacts.models import Contact, Organization
from tests.conftest import make_user


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("contacts", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def ada(owner):
    org = Organization.objects.create(owner=owner, name="Ionic Labs")
    contact = Contact.objects.create(
        owner=owner,
        first_name="Ada",
        last_name="Singh",
        title="Chemist",
        organization=org,
        emails=["ada@ionic.example", "ada.singh@alumni.example"],
        source="faculty",
        linkedin_url="https://www.linkedin.com/in/adasingh",
    )
    contact.set_tags(["batteries"])
    return contact


def test_it_lists_contacts_as_json_with_the_documented_keys(ada):
    [row] = json.loads(run("list", "--json"))
    assert row == {
        "id": ada.pk,
        "first_name": "Ada",
        "last_name": "Singh",
        "email": "ada@ionic.example",
        "emails": ["ada@ionic.example", "ada.singh@alumni.example"],
        "organization": "Ionic Labs",
        "title": "Chemist",
        "field": "",
        "phone": "",
        "linkedin_url": "https://www.linkedin.com/in/adasingh",
        "location": "",
        "source": "faculty",
        "tags": ["batteries"],
        "connected_on": None,
    }


def test_a_contact_without_email_or_organization_has_nulls(owner):
    Contact.objects.create(owner=owner, first_name="Bo")
    [row] = json.loads(run("list", "--json"))
    assert row["email"] is None
    assert row["emails"] == []
    assert row["organization"] is None


def test_search_narrows_the_list(ada, owner):
    Contact.objects.create(owner=owner, first_name="Grace", last_name="Ho")
    names = [row["first_name"] for row in json.loads(run("list", "--search", "ionic", "--json"))]
    assert names == ["Ada"]


def test_with_two_accounts_it_needs_user_and_then_shows_only_theirs(ada, outsider):
    Contact.objects.create(owner=outsider, first_name="Oscar", last_name="Secret")
    with pytest.raises(SystemExit):
        run("list", "--json")
    mine = json.loads(run("list", "--json", "--user", "olivia"))
    theirs = json.loads(run("--user", "oscar", "list", "--json"))
    assert [r["first_name"] for r in mine] == ["Ada"]
    assert [r["first_name"] for r in theirs] == ["Oscar"]


def test_plain_output_names_each_contact(ada):
    assert "Ada Singh" in run("list")


def test_an_empty_account_is_told_how_to_add_contacts(db):
    make_user("solo")
    assert "coffeechat import" in run("list")
