"""Exports that coffeechat's own importer takes back without doubling anyone."""

import pytest

from coffeechat.contacts.exporting import contacts_csv, contacts_to_export, contacts_vcard
from coffeechat.contacts.importing.apply import run_import
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


def test_importing_our_csv_back_into_the_same_account_changes_nothing(rich_owner):
    before = details(rich_owner, source=True)
    content = contacts_csv(contacts_to_export(rich_owner))

    result = run_import(rich_owner, content, "coffeechat-contacts.csv")

    assert result.unchanged == 4, [row.reason for row in result.rows]
    assert details(rich_owner, source=True) == before


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
        "How you know them": "source",
        "Tags": "tags",
        "Notes": "notes",
        "Research notes": "research_notes",
        "Connected on": "connected_on",
    }
    # A name is no sure way to find the person who referred someone (two may share it, or
    # they may not be in the file): the JSON backup keeps referrals; a CSV import doesn't.
    assert mapping["Referred by"] == ""


def test_exporting_csv_into_an_empty_account_recreates_each_contact(rich_owner, newcomer):
    content = contacts_csv(contacts_to_export(rich_owner))

    result = run_import(newcomer, content, "coffeechat-contacts.csv")

    assert result.created == 4
    assert details(newcomer) == details(rich_owner)
    ada = Contact.objects.get(owner=newcomer, first_name="Ada")
    assert str(ada.connected_on) == "2024-01-15"


def everything(user):
    """Every field the CSV carries, per contact (all but who referred them)."""
    return {
        contact.full_name: {
            **details(user, source=True)[contact.full_name],
            "field": contact.field,
            "research_notes": contact.research_notes,
            "connected_on": contact.connected_on,
        }
        for contact in contacts_to_export(user)
    }


def test_our_csv_recreates_every_field_it_carries_in_an_empty_account(rich_owner, newcomer):
    content = contacts_csv(contacts_to_export(rich_owner))

    run_import(newcomer, content, "coffeechat-contacts.csv")

    assert everything(newcomer) == everything(rich_owner)
    ada = everything(newcomer)["Ada Singh"]
    assert ada["phone"] == "+1 617 555 0100"  # the export's apostrophe guard is gone again
    assert ada["source"] == "faculty"
    assert ada["field"] == "Chemistry"
    assert ada["research_notes"] == "Published on solid-state electrolytes."


def test_our_csv_is_not_taken_for_a_linkedin_export(rich_owner, newcomer):
    content = contacts_csv(contacts_to_export(rich_owner))

    result = run_import(newcomer, content, "coffeechat-contacts.csv")

    assert result.format == "csv"
    assert set(Contact.objects.filter(owner=newcomer).values_list("source", flat=True)) == {
        "faculty",
        "alum",
        "peer",
        "other",
    }


def test_cells_the_export_defused_come_back_as_they_were(owner, newcomer):
    Contact.objects.create(
        owner=owner,
        first_name="Mo",
        last_name="-Ali",
        title="@lab lead",
        phone="+44 20 7946 0000",
        location="=Paris",
        notes="-- met twice\n+ wants a follow-up",
        research_notes="=HYPERLINK(x)",
    )
    content = contacts_csv(contacts_to_export(owner))
    assert b"'+44 20 7946 0000" in content

    run_import(newcomer, content, "coffeechat-contacts.csv")

    assert everything(newcomer) == everything(owner)
