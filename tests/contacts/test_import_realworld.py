"""`coffeechat import` on files written the way real exports write them, checked field by field.

The fixtures in fixtures/import/realworld are byte-for-byte what LinkedIn, Excel, iPhone,
Google Contacts, Outlook and Android produce (BOMs, CRLF, code pages, folded lines, photos),
and files people pick by mistake. Each import goes through the command line and the database.
"""

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from coffeechat.contacts.models import Contact, Organization, Tag

FIXTURES = Path(__file__).parent / "fixtures" / "import" / "realworld"


def run(path, *args, user="olivia"):
    out = StringIO()
    call_command("import", str(path), *args, "--user", user, stdout=out)
    return out.getvalue()


def run_json(path, *args):
    return json.loads(run(path, "--json", *args))


def fields(contact: Contact) -> dict:
    """A contact as someone comparing it with the file would read it."""
    return {
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "emails": contact.emails,
        "organization": contact.organization.name if contact.organization else "",
        "title": contact.title,
        "linkedin_url": contact.linkedin_url,
        "phone": contact.phone,
        "location": contact.location,
        "connected_on": contact.connected_on,
        "source": contact.source,
        "tags": sorted(tag.name for tag in contact.tags.all()),
        "notes": contact.notes,
        "research_notes": contact.research_notes,
    }


def person(owner, first_name, last_name) -> dict:
    return fields(Contact.objects.get(owner=owner, first_name=first_name, last_name=last_name))


def everything(owner):
    """Every row the owner has, to show that a refused file changed nothing."""
    return (
        sorted(fields(c).items().__repr__() for c in Contact.objects.filter(owner=owner)),
        sorted(Organization.objects.filter(owner=owner).values_list("name", flat=True)),
        sorted(Tag.objects.filter(owner=owner).values_list("name", flat=True)),
    )


LINKEDIN_BLANKS = {
    "emails": [],
    "phone": "",
    "location": "",
    "source": "linkedin",
    "tags": [],
    "notes": "",
    "research_notes": "",
}


# -- LinkedIn's Connections.csv, as downloaded and as Excel saves it again ---------------------


def test_a_2024_linkedin_export_with_bom_notes_and_crlf_imports_every_person_once(owner):
    result = run_json(FIXTURES / "linkedin_2024_bom_crlf.csv")
    assert result["format"] == "linkedin"
    # Jane's row is in the file twice (once with a trailing slash): the second merges.
    assert (result["created"], result["merged"], result["unchanged"]) == (6, 1, 1)
    assert result["skipped"] == []  # a row of bare commas is a blank spreadsheet row
    assert Contact.objects.filter(owner=owner).count() == 6


def test_linkedin_credentials_stay_in_the_last_name_and_quoted_commas_in_the_company(owner):
    run(FIXTURES / "linkedin_2024_bom_crlf.csv")
    assert person(owner, "Jane", "Doe, MBA") == {
        **LINKEDIN_BLANKS,
        "first_name": "Jane",
        "last_name": "Doe, MBA",
        "organization": "Goldfinch Capital, LLC",
        "title": "Associate",
        "linkedin_url": "https://www.linkedin.com/in/janedoe-mba",
        "connected_on": date(2024, 11, 5),
    }


def test_linkedin_doubled_quotes_an_http_url_and_a_padded_email_are_tidied(owner):
    run(FIXTURES / "linkedin_2024_bom_crlf.csv")
    assert person(owner, "Li Wei", "Chen PhD") == {
        **LINKEDIN_BLANKS,
        "first_name": "Li Wei",
        "last_name": "Chen PhD",
        "emails": ["liwei.chen@lab.example"],
        "organization": "Institute for Protein Design",
        "title": 'Postdoctoral Researcher, "Fold" group',
        "linkedin_url": "https://www.linkedin.com/in/li-wei-chen",
        "connected_on": date(2024, 10, 14),
    }


def test_linkedin_emoji_a_blank_company_and_a_position_over_two_lines(owner):
    run(FIXTURES / "linkedin_2024_bom_crlf.csv")
    sam = person(owner, "Sam 🚀", "Patel")
    assert sam["organization"] == ""
    assert sam["title"] == "Student Part-time barista"
    assert sam["linkedin_url"] == "https://www.linkedin.com/in/sampatel"
    assert sam["connected_on"] == date(2024, 10, 1)


def test_linkedin_cyrillic_names_and_a_url_without_its_scheme(owner):
    run(FIXTURES / "linkedin_2024_bom_crlf.csv")
    anna = person(owner, "Анна", "Иванова")
    assert anna["organization"] == "Яндекс"
    assert anna["linkedin_url"].startswith("https://www.linkedin.com/in/%d0%b0%d0%bd")
    assert person(owner, "Mohammed", "Al-Farsi")["linkedin_url"] == (
        "https://www.linkedin.com/in/malfarsi"
    )


def test_linkedin_a_country_host_and_a_french_company_name(owner):
    run(FIXTURES / "linkedin_2024_bom_crlf.csv")
    chloe = person(owner, "Chloé", "Dubois")
    assert chloe["linkedin_url"].endswith("linkedin.com/in/chloe-dubois")
    assert chloe["organization"] == "L'Oréal"
    assert chloe["title"] == "Chargée de recrutement"
    assert chloe["emails"] == ["chloe@dubois.example"]
    assert chloe["connected_on"] == date(2020, 1, 2)


def test_importing_the_linkedin_export_twice_adds_nothing(owner):
    run(FIXTURES / "linkedin_2024_bom_crlf.csv")
    before = everything(owner)
    again = run_json(FIXTURES / "linkedin_2024_bom_crlf.csv")
    assert (again["created"], again["merged"], again["unchanged"]) == (0, 7, 7)
    assert everything(owner) == before


def test_linkedin_resaved_by_excel_in_windows_1252_with_us_dates(owner):
    result = run_json(FIXTURES / "linkedin_excel_windows.csv")
    assert (result["format"], result["created"], result["skipped"]) == ("linkedin", 2, [])
    assert person(owner, "Zoë", "Martin") == {
        **LINKEDIN_BLANKS,
        "first_name": "Zoë",
        "last_name": "Martin",
        "organization": "Acme Robotics",
        "title": "Software Engineer",
        "linkedin_url": "https://www.linkedin.com/in/zoe-martin-4b1a2c3d",
        "connected_on": date(2024, 1, 15),
    }
    jose = person(owner, "José", "Núñez")
    assert jose["organization"] == "Harbor Bank, N.A."
    assert jose["emails"] == ["jose.nunez@example.com"]
    assert jose["connected_on"] == date(2023, 3, 3)


def test_linkedin_resaved_by_a_european_excel_with_semicolons_is_still_linkedin(owner):
    result = run_json(FIXTURES / "linkedin_excel_semicolon.csv")
    assert (result["format"], result["created"], result["skipped"]) == ("linkedin", 2, [])
    zoe = person(owner, "Zoë", "Martin")
    assert zoe["source"] == "linkedin"
    assert zoe["connected_on"] == date(2024, 1, 15)  # written 15/01/2024
    priya = person(owner, "Priya", "Raman")
    assert priya["organization"] == "Smith, Jones & Co."
    assert priya["title"] == "VP, Strategy"
    assert priya["emails"] == ["priya@raman.example"]
    assert priya["connected_on"] == date(2020, 11, 1)  # written 01.11.2020


def test_linkedin_saved_as_excel_unicode_text_utf16_with_tabs(owner):
    result = run_json(FIXTURES / "linkedin_excel_unicode_text.txt")
    assert (result["format"], result["created"], result["skipped"]) == ("linkedin", 2, [])
    li = person(owner, "李", "娜")
    assert li["organization"] == "清华大学, 北京"
    assert li["linkedin_url"] == "https://www.linkedin.com/in/li-na-12345"
    assert li["connected_on"] == date(2022, 2, 28)
    assert li["source"] == "linkedin"


# -- vCards from phones and address books -----------------------------------------------------


def test_an_iphone_export_with_a_folded_photo_labels_and_social_profiles(owner):
    result = run_json(FIXTURES / "iphone_export.vcf")
    assert (result["format"], result["created"], result["skipped"]) == ("vcard", 3, [])
    assert person(owner, "Hiro", "Nakamura") == {
        "first_name": "Hiro",
        "last_name": "Nakamura",
        "emails": ["hiro@yamato.example"],
        "organization": "Yamato Games",
        "title": "Narrative Designer",
        "linkedin_url": "https://www.linkedin.com/in/hiro-nakamura",
        "phone": "+81 90-5555-0123",
        "location": "",
        "connected_on": None,
        "source": "other",
        "tags": [],
        "notes": "",
        "research_notes": "Website: https://hiro.example/portfolio",
    }


def test_an_iphone_linkedin_profile_given_only_as_a_user_name(owner):
    run(FIXTURES / "iphone_export.vcf")
    adaeze = person(owner, "Adaeze", "Okonkwo")
    assert adaeze["linkedin_url"] == "https://www.linkedin.com/in/adaeze-okonkwo"
    assert adaeze["organization"] == "Lagos Teaching Hospital"
    assert adaeze["research_notes"] == "Department: Cardiology"
    assert adaeze["notes"] == "Met at the global health mixer.\nAsked about residency in the US."
    # x-apple:minjun-kim, without an x-user parameter
    assert person(owner, "Min-jun", "Kim")["linkedin_url"] == (
        "https://www.linkedin.com/in/minjun-kim"
    )


def test_a_google_contacts_vcard_keeps_every_email_escapes_and_chosen_groups(owner):
    result = run_json(FIXTURES / "google_contacts_export.vcf")
    assert (result["created"], result["skipped"]) == (2, [])
    assert person(owner, "Rosa María", "Delgado") == {
        "first_name": "Rosa María",
        "last_name": "Delgado",
        "emails": ["rosa.delgado@mail.example", "rdelgado@unidos.example", "rosa@delgado.example"],
        "organization": "Unidos Consulting",
        "title": "Senior Manager",
        "linkedin_url": "https://www.linkedin.com/in/rosamdelgado",
        "phone": "+52 55 5555 0147",
        "location": "",
        "connected_on": None,
        "source": "alum",  # from the group "Alumni"
        "tags": ["Alumni", "Mentors"],
        "notes": (
            "Alum (2009). Likes questions about, e.g., hiring; culture.\n"
            "Second line with a back\\slash."
        ),
        "research_notes": "Department: People Analytics",
    }
    assert person(owner, "Tomás", "Ortega")["tags"] == []  # only myContacts and starred


def test_an_outlook_vcard_in_windows_1252_keeps_unescaped_commas(owner):
    result = run_json(FIXTURES / "outlook_windows1252.vcf")
    assert (result["created"], result["skipped"]) == (1, [])
    assert person(owner, "Jürgen", "Müller") == {
        "first_name": "Jürgen",
        "last_name": "Müller",
        "emails": ["j.mueller@baeckerei.example"],
        "organization": "Bäckerei Müller GmbH",
        "title": "Geschäftsführer",
        "linkedin_url": "",
        "phone": "+49 30 5555 0100",
        "location": "",
        "connected_on": None,
        "source": "other",
        "tags": [],
        "notes": (
            "Kennt viele Leute in der Branche, sehr hilfsbereit. Fragen Sie ihn nach dem "
            "Praktikum im Sommer.\nZweite Zeile."
        ),
        "research_notes": "Department: Vertrieb",
    }


def test_unescaped_commas_in_a_title_and_note_are_kept_whole(owner, tmp_path):
    card = tmp_path / "phone.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Okoye;Ngozi\r\nTITLE:VP, Sales\r\n"
        b"NOTE:Met in Boston, at the fair, with Sam\r\nCATEGORIES:Alumni,Mentors\r\n"
        b"END:VCARD\r\n"
    )
    run(card)
    ngozi = person(owner, "Ngozi", "Okoye")
    assert ngozi["title"] == "VP, Sales"
    assert ngozi["notes"] == "Met in Boston, at the fair, with Sam"
    assert ngozi["tags"] == ["Alumni", "Mentors"]


def test_an_android_21_export_with_quoted_printable_chinese_and_a_base64_photo(owner):
    result = run_json(FIXTURES / "android_21_photo.vcf")
    assert (result["created"], result["skipped"]) == (2, [])
    li = person(owner, "娜", "李")
    assert li["emails"] == ["lina@mail.example"]
    assert li["phone"] == "+86 138 5555 0123"
    assert li["organization"] == "Tsinghua University"
    assert person(owner, "Tunde", "Adeyemi")["emails"] == ["tunde@adeyemi.example"]


def test_a_vcard_40_in_lower_case_with_extra_name_parts_and_odd_cards(owner):
    result = run_json(FIXTURES / "vcard40_lowercase.vcf")
    assert result["created"] == 3
    assert result["skipped"] == [
        {"row": 2, "reason": "a card for an organization, not a person"},
        {"row": 4, "reason": "no name: the first, last and full name are all blank"},
    ]
    assert person(owner, "Jane", "Public") == {
        "first_name": "Jane",
        "last_name": "Public",
        "emails": ["jane.public@uni.example", "JQP@mail.example"],
        "organization": "Commonwealth University",
        "title": "Associate Dean",
        "linkedin_url": "https://www.linkedin.com/in/janeqpublic",
        "phone": "+1-617-555-0188",
        "location": "Cambridge, MA, USA",
        "connected_on": None,
        "source": "faculty",  # from the category "faculty"
        "tags": ["faculty", "public health"],
        "notes": "Line one\nLine two",
        "research_notes": "Department: School of Public Health",
    }
    # A card with only FN, and one with an empty N: the full name is split.
    assert person(owner, "Only", "Fullname")["emails"] == []
    assert person(owner, "Empty", "Person")["emails"] == ["enp@example.com"]
    assert not Organization.objects.filter(owner=owner, name="Nameless Org Inc.").exists()


def test_a_utf8_vcard_folded_in_the_middle_of_a_letter_reads_as_utf8(owner):
    run(FIXTURES / "octet_folded_utf8.vcf")
    elodie = person(owner, "Élodie", "Béland")
    assert elodie["notes"] == (
        "Rencontrée au salon de l'étudiant à Montréal; très sympathique, "
        "élève-ingénieure à Polytechnique."
    )


def test_the_same_cards_with_lf_line_ends_give_the_same_contacts(owner, tmp_path):
    lf = tmp_path / "iphone_lf.vcf"
    lf.write_bytes((FIXTURES / "iphone_export.vcf").read_bytes().replace(b"\r\n", b"\n"))
    run(lf)
    crlf_owner_view = everything(owner)
    Contact.objects.filter(owner=owner).delete()
    Organization.objects.filter(owner=owner).delete()
    run(FIXTURES / "iphone_export.vcf")
    assert everything(owner) == crlf_owner_view


# -- files that are not contacts: one line, exit status 1, nothing changed ---------------------


def _huge_line(path: Path):
    path.write_bytes(b"x" * 3_000_000)


def _one_line_of_commas(path: Path):
    path.write_bytes(b"," * 5_000_000)


def _huge_cell(path: Path):
    header = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    path.write_bytes(header + b'Ann,Lee,,,"' + b"y" * 200_000 + b'",Boss,1 Jan 2024\r\n')


BROKEN = [
    ("whitespace_only.csv", "the file is empty; export your contacts again."),
    ("random_bytes.csv", "this is not a text file (it holds binary data); choose the"),
    ("bank_statement.csv", "no header row found"),
    ("pdf_renamed.csv", "this is a PDF document, not a contacts export. Choose the"),
    ("connections_xlsx.csv", "this is an Excel workbook (.xlsx), not a CSV file; open it"),
    ("linkedin_data_export_zip.csv", "unzip it and import the Connections.csv inside."),
    ("zip_of_photos.csv", "this is a zip archive, not a contacts export; unzip it"),
    ("truncated_mid_card.vcf", "no complete vCard in it (BEGIN:VCARD without END:VCARD)"),
    ("html_export.csv", "no header row found"),
    ("unterminated_quote.csv", 'row 2: a quote mark (") opened there is never closed'),
    ("huge_line.csv", "no header row found"),
    ("one_line_of_commas.csv", "no header row found"),
    ("huge_cell.csv", "row 2: a cell is longer than 131,072 characters"),
    ("linkedin_header_only.csv", "LinkedIn's header is there but no connections follow it"),
    ("linkedin_own_profile.csv", "this is LinkedIn's Profile.csv, your own profile"),
    ("csv_header_only.csv", "the header is there but no rows follow it"),
]


@pytest.mark.parametrize("name,problem", BROKEN)
def test_a_broken_file_exits_1_with_one_line_naming_it_and_changes_nothing(
    owner, capsys, tmp_path, name, problem
):
    run(FIXTURES / "google_contacts_export.vcf")
    before = everything(owner)
    capsys.readouterr()
    path = FIXTURES / name
    made = {
        "huge_line.csv": _huge_line,
        "one_line_of_commas.csv": _one_line_of_commas,
        "huge_cell.csv": _huge_cell,
    }
    if name in made:  # too big to keep in the repository
        path = tmp_path / name
        made[name](path)
    with pytest.raises(SystemExit) as exit_info:
        run(path)
    assert exit_info.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"coffeechat import: {name}: ")
    assert problem in lines[0]
    assert "Traceback" not in captured.err
    assert everything(owner) == before


@pytest.mark.parametrize("name", ["unterminated_quote.csv", "truncated_mid_card.vcf"])
def test_a_broken_file_is_refused_by_a_dry_run_too(owner, capsys, name):
    with pytest.raises(SystemExit) as exit_info:
        run(FIXTURES / name, "--dry-run")
    assert exit_info.value.code == 1
    assert f"{name}: " in capsys.readouterr().err


def test_a_linkedin_file_cut_off_inside_a_quoted_cell_imports_no_one(owner, capsys, tmp_path):
    whole = (FIXTURES / "linkedin_2024_bom_crlf.csv").read_bytes()
    cut = tmp_path / "Connections.csv"
    cut.write_bytes(whole[: whole.index(b"Postdoctoral") + 5])
    with pytest.raises(SystemExit):
        run(cut)
    assert "Connections.csv: the CSV is damaged at row 6" in capsys.readouterr().err
    assert Contact.objects.filter(owner=owner).count() == 0


@pytest.mark.parametrize(
    "written,read",
    [
        ("05 Nov 2024", date(2024, 11, 5)),  # LinkedIn
        ("5 Nov 2024", date(2024, 11, 5)),
        ("11/5/2024", date(2024, 11, 5)),  # Excel in the US
        ("5-Nov-24", date(2024, 11, 5)),
        ("15/01/2024", date(2024, 1, 15)),  # can only be day first
        ("03/04/2024", date(2024, 3, 4)),  # could be either: month first, as in the US
        ("05.11.2024", date(2024, 11, 5)),
        ("2024-11-05 00:00:00", date(2024, 11, 5)),  # a spreadsheet's date and time
        ("Nov 5 2024", date(2024, 11, 5)),
        ("31/31/2024", None),
    ],
)
def test_connected_on_as_linkedin_and_spreadsheets_write_it(owner, tmp_path, written, read):
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        f"Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,Analyst,{written}\r\n",
        encoding="utf-8",
    )
    run(path)
    assert person(owner, "Ann", "Lee")["connected_on"] == read
