"""Exports that coffeechat's own importer takes back without doubling anyone."""

import pytest

from coffeechat.contacts.exporting import contacts_csv, contacts_to_export, contacts_vcard
from coffeechat.contacts.importing import run_import
from coffeechat.contacts.models import Contact
from tests.conftest import make_user
from tests.rich_account import build_rich_account


@pytest.fixture
def rich_owner(owner):
    build_rich_account(owner)
    return owner


@pytest.fixture
def newcomer(db):
    return make_user("nadia")


def details(user, *, source=False):
    """What an address book carries, per contact, for comparing two accounts."""
    found = {
        contact.full_name: {
            "first_name": contact.first_name,
            "last_name": contact.last_name,
            "emails": contact.emails,
            "organization": contact.organization.name if contact.organization else "",
            "title": contact.title,
            "phone": contact.phone,
            "linkedin_url": contact.linkedin_url,
            "location": contact.location,
            "notes": contact.notes,
            "tags": sorted(tag.name for tag in contact.tags.all()),
            "source": contact.source,
        }
        for contact in contacts_to_export(user)
    }
    if not source:  # how you know someone is coffeechat's own; address books have no place for it
        for values in found.values():
            del values["source"]
    return found


def test_exporting_vcards_and_importing_them_back_into_the_same_account_creates_nothing(
    rich_owner,
):
    before = details(rich_owner, source=True)
    vcf = contacts_vcard(contacts_to_export(rich_owner))

    result = run_import(rich_owner, vcf, "coffeechat-contacts.vcf")

    assert result.format == "vcard"
    assert result.created == 0
    assert result.merged == 4
    assert result.unchanged == 4, [row.reason for row in result.rows]
    assert result.skipped == []
    assert Contact.objects.filter(owner=rich_owner).count() == 4
    assert details(rich_owner, source=True) == before


def test_importing_the_same_vcards_twice_still_creates_nothing(rich_owner):
    vcf = contacts_vcard(contacts_to_export(rich_owner))
    run_import(rich_owner, vcf, "coffeechat-contacts.vcf")

    assert run_import(rich_owner, vcf, "coffeechat-contacts.vcf").created == 0
    assert Contact.objects.filter(owner=rich_owner).count() == 4


def test_exporting_vcards_into_an_empty_account_recreates_each_contact(rich_owner, newcomer):
    vcf = contacts_vcard(contacts_to_export(rich_owner))

    result = run_import(newcomer, vcf, "coffeechat-contacts.vcf")

    assert result.created == 4
    assert details(newcomer) == details(rich_owner)


def test_a_nameless_contacts_card_is_skipped_not_invented(owner, newcomer):
    Contact.objects.create(owner=owner, emails=["who@somewhere.example"])
    Contact.objects.create(owner=owner, first_name="Min", last_name="Lee")
    vcf = contacts_vcard(contacts_to_export(owner))

    result = run_import(newcomer, vcf, "coffeechat-contacts.vcf")

    assert result.created == 1
    assert len(result.skipped) == 1
    assert run_import(owner, vcf, "coffeechat-contacts.vcf").created == 0


def test_exporting_csv_and_importing_it_back_into_the_same_account_creates_nothing(rich_owner):
    content = contacts_csv(contacts_to_export(rich_owner))

    result = run_import(rich_owner, content, "coffeechat-contacts.csv")

    assert result.created == 0
    assert result.merged == 4
    assert Contact.objects.filter(owner=rich_owner).count() == 4


# The importer does not yet take our CSV back in full; see the reasons. strict=True: once it
# does, these report XPASS as a failure, so the markers get removed.
IMPORTER_MISSES = pytest.mark.xfail(
    strict=True,
    reason="importer: (1) linkedin.is_header takes any CSV with First Name, Last Name and "
    "Connected On for LinkedIn's export; (2) csvfile's email rule does not match 'Emails'; "
    "(3) csvfile keeps the apostrophe our export puts before a cell starting with + - = @",
)


@IMPORTER_MISSES
def test_importing_our_csv_back_into_the_same_account_changes_nothing(rich_owner):
    before = details(rich_owner, source=True)
    content = contacts_csv(contacts_to_export(rich_owner))

    result = run_import(rich_owner, content, "coffeechat-contacts.csv")

    assert result.unchanged == 4, [row.reason for row in result.rows]
    assert details(rich_owner, source=True) == before


@IMPORTER_MISSES
def test_the_csvs_columns_are_recognized_by_the_importer(rich_owner):
    content = contacts_csv(contacts_to_export(rich_owner))

    result = run_import(rich_owner, content, "c.csv", dry_run=True)

    assert result.format == "csv"
    mapping = result.mapping

    assert {header: field for header, field in mapping.items() if field} == {
        "First Name": "first_name",
        "Last Name": "last_name",
        "Emails": "email",
        "Organization": "organization",
        "Title": "title",
        "Field": "field",
        "Phone": "phone",
        "LinkedIn URL": "linkedin_url",
        "Location": "location",
        "Tags": "tags",
        "Notes": "notes",
        "Connected on": "connected_on",
    }


@IMPORTER_MISSES
def test_exporting_csv_into_an_empty_account_recreates_each_contact(rich_owner, newcomer):
    content = contacts_csv(contacts_to_export(rich_owner))

    result = run_import(newcomer, content, "coffeechat-contacts.csv")

    assert result.created == 4
    assert details(newcomer) == details(rich_owner)
    ada = Contact.objects.get(owner=newcomer, first_name="Ada")
    assert str(ada.connected_on) == "2024-01-15"
