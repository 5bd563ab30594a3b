"""The CSV and vCard files themselves: what is in them and that other programs can read them."""

import csv
import datetime as dt
import io

import pytest
import vobject

from coffeechat.contacts.exporting import (
    CSV_COLUMNS,
    FORMATS,
    contacts_csv,
    contacts_to_export,
    contacts_vcard,
    export_file,
    spreadsheet_safe,
)
from coffeechat.contacts.models import Contact, Organization
from tests.rich_account import build_rich_account


@pytest.fixture
def rich_owner(owner):
    build_rich_account(owner)
    return owner


def read_csv(content: bytes) -> list[dict]:
    assert content.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def by_first_name(rows):
    return {row["First Name"]: row for row in rows}


# -- CSV -----------------------------------------------------------------------------------------


def test_the_csv_has_one_row_per_contact_with_every_column(rich_owner):
    rows = read_csv(contacts_csv(contacts_to_export(rich_owner)))

    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == 4
    ada = by_first_name(rows)["Ada"]
    assert ada == {
        "First Name": "Ada",
        "Last Name": "Singh",
        "Emails": "ada@ioniclabs.example; ada.singh@alumni.example",
        "Organization": "Ionic Labs",
        "Title": "Battery chemist",
        "Field": "Chemistry",
        "Phone": "'+1 617 555 0100",
        "LinkedIn URL": "https://www.linkedin.com/in/ada-singh",
        "Location": "Boston, MA",
        "How you know them": "Faculty or professor",
        "Referred by": "Zoë",
        "Tags": "batteries; boston; ≠ ascii",
        "Notes": "Met at the open house.\nAsked about grad school.",
        "Research notes": "Published on solid-state electrolytes.",
        "Connected on": "2024-01-15",
    }


def test_the_csv_keeps_non_ascii_text(rich_owner):
    content = contacts_csv(contacts_to_export(rich_owner))

    josé = by_first_name(read_csv(content))["José"]
    assert josé["Last Name"] == "Núñez"
    assert josé["Organization"] == "Banco Señorial"
    assert josé["Referred by"] == "Ada Singh"
    assert "Núñez".encode() in content


def test_the_csv_rows_end_the_way_spreadsheets_expect(rich_owner):
    content = contacts_csv(contacts_to_export(rich_owner)).decode("utf-8-sig")
    assert content.startswith("First Name,Last Name,Emails,")
    assert content.count("\r\n") >= 5  # one per row; line breaks inside notes stay quoted


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Plain text = fine", "Plain text = fine"),
        ("", ""),
        ("'already quoted", "'already quoted"),
    ],
)
def test_cells_that_would_run_as_formulas_are_defused(value, safe):
    assert spreadsheet_safe(value) == safe


def test_no_cell_of_the_csv_can_start_a_formula(owner):
    org = Organization.objects.create(owner=owner, name="=cmd|'/C calc'!A0")
    contact = Contact.objects.create(
        owner=owner,
        first_name="=1+1",
        last_name="@evil",
        title="-10",
        organization=org,
        notes="+SUM(1,2)",
        research_notes='=IMPORTXML("x")',
        location="\t=2",
        emails=["=a@b.example"],
    )
    contact.set_tags(["=tag"])

    rows = list(
        csv.reader(io.StringIO(contacts_csv(contacts_to_export(owner)).decode("utf-8-sig")))
    )

    cells = [cell for row in rows[1:] for cell in row if cell]
    assert cells
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert "'=1+1" in rows[1]
    assert "'=cmd|'/C calc'!A0" in rows[1]


def test_an_empty_account_exports_just_the_header(owner):
    rows = read_csv(contacts_csv(contacts_to_export(owner)))
    assert rows == []


# -- vCard ---------------------------------------------------------------------------------------


def read_cards(content: bytes) -> dict:
    cards = list(vobject.readComponents(content.decode("utf-8")))
    return {card.fn.value: card for card in cards}


def test_each_contact_becomes_a_vcard_30_that_vobject_reads_back(rich_owner):
    content = contacts_vcard(contacts_to_export(rich_owner))

    cards = read_cards(content)
    assert content.count(b"BEGIN:VCARD") == 4
    assert content.count(b"VERSION:3.0") == 4
    ada = cards["Ada Singh"]
    assert ada.n.value.given == "Ada"
    assert ada.n.value.family == "Singh"
    assert ada.org.value == ["Ionic Labs"]
    assert ada.title.value == "Battery chemist"
    assert ada.tel.value == "+1 617 555 0100"
    assert ada.url.value == "https://www.linkedin.com/in/ada-singh"
    assert ada.adr.value.city == "Boston, MA"
    assert ada.note.value == "Met at the open house.\nAsked about grad school."
    assert ada.categories.value == ["batteries", "boston", "≠ ascii"]


def test_the_first_email_is_the_preferred_one(rich_owner):
    ada = read_cards(contacts_vcard(contacts_to_export(rich_owner)))["Ada Singh"]

    emails = ada.contents["email"]
    assert [line.value for line in emails] == ["ada@ioniclabs.example", "ada.singh@alumni.example"]
    assert emails[0].params["TYPE"] == ["INTERNET", "PREF"]
    assert emails[1].params["TYPE"] == ["INTERNET"]


def test_vcards_keep_non_ascii_and_punctuation(owner):
    org = Organization.objects.create(owner=owner, name="Banco; Señorial, S.A.")
    Contact.objects.create(
        owner=owner,
        first_name="José",
        last_name="Núñez",
        organization=org,
        notes="Line one; with, punctuation\nLine two: " + "long " * 30,
    )

    card = read_cards(contacts_vcard(contacts_to_export(owner)))["José Núñez"]

    assert card.org.value == ["Banco; Señorial, S.A."]
    assert card.note.value == "Line one; with, punctuation\nLine two: " + "long " * 30


def test_a_contact_without_a_name_is_shown_by_its_address(owner):
    Contact.objects.create(owner=owner, emails=["who@somewhere.example"])
    Contact.objects.create(owner=owner)

    cards = list(vobject.readComponents(contacts_vcard(contacts_to_export(owner)).decode()))

    assert sorted(card.fn.value for card in cards) == ["", "who@somewhere.example"]


def test_empty_details_are_left_out_of_the_card(owner):
    Contact.objects.create(owner=owner, first_name="Min", last_name="Lee")

    card = read_cards(contacts_vcard(contacts_to_export(owner)))["Min Lee"]

    assert set(card.contents) == {"version", "n", "fn"}


# -- the table of formats ------------------------------------------------------------------------


def test_download_names_carry_the_date():
    day = dt.date(2026, 11, 25)
    assert FORMATS["vcard"].filename(day) == "coffeechat-contacts-2026-11-25.vcf"
    assert FORMATS["csv"].filename(day) == "coffeechat-contacts-2026-11-25.csv"
    assert FORMATS["json"].filename(day) == "coffeechat-backup-2026-11-25.json"


def test_export_file_refuses_an_unknown_format(owner):
    with pytest.raises(ValueError, match="use one of json, csv, vcard"):
        export_file(owner, "xlsx")
