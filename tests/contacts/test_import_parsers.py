"""The import parsers, on files written the way LinkedIn, Apple, Google and Outlook write them.

No database: these are pure functions from bytes to records.
"""

import codecs
from datetime import date
from pathlib import Path

import pytest

from coffeechat.contacts.importing import ImportFileError, parse_file
from coffeechat.contacts.importing.csvfile import cell_value, guess_mapping, source_of
from coffeechat.contacts.importing.records import NO_NAME, parse_date

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def parse(name, **kwargs):
    return parse_file((FIXTURES / name).read_bytes(), name, **kwargs)


def by_last_name(parsed):
    return {record.last_name: record for record in parsed.records if record.last_name}


# -- LinkedIn -------------------------------------------------------------------------------


def test_linkedin_export_with_notes_and_crlf_is_read_from_its_real_header():
    parsed = parse("linkedin_connections.csv")
    assert parsed.format == "linkedin"
    assert [r.row for r in parsed.records] == [5, 6, 7, 8, 9, 10, 11]
    zoe = parsed.records[0]
    assert (zoe.first_name, zoe.last_name) == ("Zoë", "Martin")
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-martin-4b1a2c3d"
    assert zoe.emails == []
    assert zoe.organization == "Acme Robotics"
    assert zoe.title == "Software Engineer"
    assert zoe.connected_on == date(2024, 1, 15)
    assert zoe.source == "linkedin"


def test_linkedin_quoted_commas_stay_inside_their_cells():
    people = by_last_name(parse("linkedin_connections.csv"))
    assert people["Núñez"].organization == "Harbor Bank, N.A."
    assert people["Núñez"].title == "Analyst, Risk & Compliance"
    assert people["Núñez"].emails == ["jose.nunez@example.com"]
    assert people["Raman"].organization == "Smith, Jones & Co."
    assert people["Raman"].title == "VP, Strategy"
    assert people["Ho, MBA"].first_name == "Grace"


def test_linkedin_non_ascii_names_survive():
    people = by_last_name(parse("linkedin_connections.csv"))
    assert people["娜"].first_name == "李"
    assert people["娜"].organization == "清华大学"
    assert people["Núñez"].first_name == "José"


def test_linkedin_row_with_no_name_is_marked_with_its_spreadsheet_row():
    nameless = [r for r in parse("linkedin_connections.csv").records if r.problem]
    assert [(r.row, r.problem) for r in nameless] == [(8, NO_NAME)]


def test_linkedin_blank_company_and_email_are_blank_not_missing():
    sam = by_last_name(parse("linkedin_connections.csv"))["O'Brien"]
    assert sam.organization == ""
    assert sam.emails == []
    assert sam.title == "Student at Wellesley College"


def test_linkedin_export_without_notes_and_with_lf():
    parsed = parse("linkedin_no_notes_lf.csv")
    assert parsed.format == "linkedin"
    ada, mateus, _ = parsed.records
    assert ada.row == 2
    # The trailing slash goes; the canonical form is https://www.linkedin.com/in/...
    assert ada.linkedin_url == "https://www.linkedin.com/in/ada-singh"
    assert mateus.linkedin_url == "https://www.linkedin.com/in/mateus-oliveira-9f8e7d"
    assert mateus.organization == "Oliveira, Costa & Filhos"
    assert mateus.connected_on == date(2021, 2, 2)


def test_linkedin_older_header_without_url_quoted_and_with_bom():
    parsed = parse("linkedin_2019.csv")
    assert parsed.format == "linkedin"
    eleanor, tahani = parsed.records
    assert (eleanor.first_name, eleanor.last_name) == ("Eleanor", "Shellstrop")
    assert eleanor.emails == ["eleanor@example.org"]
    assert eleanor.linkedin_url == ""
    assert eleanor.connected_on == date(2019, 2, 14)
    assert tahani.title == "Director, Development"
    assert tahani.emails == []


def test_linkedin_rows_shorter_or_longer_than_the_header():
    data = (
        b"First Name,Last Name,Email Address,Company,Position,Connected On\n"
        b"Ada,Singh\n"
        b"Bo,Chen,,Acme,Analyst,15 Jan 2024,stray\n"
    )
    ada, bo = parse_file(data, "Connections.csv").records
    assert (ada.first_name, ada.organization, ada.connected_on) == ("Ada", "", None)
    assert (bo.organization, bo.linkedin_url, bo.connected_on) == ("Acme", "", date(2024, 1, 15))


def test_linkedin_profile_url_header_variant():
    data = (
        b"First Name,Last Name,Profile URL,Company,Position,Connected On\n"
        b"Al,Bo,linkedin.com/in/al-bo,X,Y,2024-03-01\n"
    )
    record = parse_file(data, "Connections.csv").records[0]
    assert record.linkedin_url == "https://www.linkedin.com/in/al-bo"
    assert record.connected_on == date(2024, 3, 1)


def test_a_plain_csv_with_linkedin_like_names_is_not_taken_for_linkedin():
    parsed = parse_file(b"First Name,Last Name,Company\nAda,Singh,Ionic Labs\n", "people.csv")
    assert parsed.format == "csv"
    assert parsed.records[0].source == "other"
    assert parsed.records[0].organization == "Ionic Labs"


def test_linkedin_can_be_forced_and_refuses_a_file_that_is_not_one():
    with pytest.raises(ImportFileError, match="no LinkedIn header"):
        parse("google_contacts.csv", fmt="linkedin")


LINKEDIN_NOTES = 'Notes:\r\n"Email addresses show only for connections who allow it."\r\n\r\n'


@pytest.mark.parametrize("preamble", ["", LINKEDIN_NOTES], ids=["header first", "after the notes"])
@pytest.mark.parametrize(
    "header",
    [
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
        "First Name,Last Name,Email Address,Company,Position,Connected On",
        '"First Name","Last Name","Email Address","Company","Position","Connected On"',
        "First Name,Last Name,Profile URL,Company,Position",
        "first name,last name,url,company,position,connected on,",  # a trailing empty column
    ],
)
def test_every_linkedin_header_is_taken_for_linkedin_with_or_without_its_notes(preamble, header):
    data = f"{preamble}{header}\r\nAda,Singh,,,,\r\n".encode()
    parsed = parse_file(data, "Connections.csv")
    assert parsed.format == "linkedin"
    assert parsed.records[0].source == "linkedin"


@pytest.mark.parametrize(
    "lines,kept",
    [
        # coffeechat's own export: more than LinkedIn writes, so some other program's file
        (
            "First Name,Last Name,Emails,Organization,Tags,Connected on\n"
            "Ada,Singh,ada@ionic.example,Ionic,labs,2024-01-15",
            ("emails", ["ada@ionic.example"]),
        ),
        ("First Name,Last Name,Company,Connected On,Notes\nAda,Singh,Ionic,,x", ("notes", "x")),
        (
            "First Name,Last Name,URL,Company,Phone\nAda,Singh,,Ionic,555 0100",
            ("phone", "555 0100"),
        ),
    ],
)
def test_a_csv_with_columns_linkedin_does_not_write_is_read_as_a_csv(lines, kept):
    parsed = parse_file(f"{lines}\n".encode(), "p.csv")
    assert parsed.format == "csv"
    (ada,) = parsed.records
    assert (ada.organization, ada.source) == ("Ionic", "other")
    name, value = kept
    assert getattr(ada, name) == value


def test_a_csv_with_more_than_linkedin_columns_can_still_be_read_as_linkedin_if_chosen():
    data = b"First Name,Last Name,Company,Connected On,Notes\nAda,Singh,Ionic,15 Jan 2024,x\n"
    (record,) = parse_file(data, "p.csv", fmt="linkedin").records
    assert (record.organization, record.connected_on) == ("Ionic", date(2024, 1, 15))
    assert (record.source, record.notes) == ("linkedin", "")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("15 Jan 2024", date(2024, 1, 15)),
        ("2 Feb 2021", date(2021, 2, 2)),
        ("2024-01-15", date(2024, 1, 15)),
        ("01/15/2024", date(2024, 1, 15)),
        ("January 15, 2024", date(2024, 1, 15)),
        ("2024-01-15T09:30:00Z", date(2024, 1, 15)),
        ("", None),
        ("sometime last year", None),
    ],
)
def test_connected_on_dates_in_the_forms_exports_use(text, expected):
    assert parse_date(text) == expected


# -- vCard ---------------------------------------------------------------------------------


def test_outlook_vcard_21_quoted_printable_with_soft_line_breaks():
    parsed = parse("outlook_21.vcf")
    assert parsed.format == "vcard"
    sigrun, piotr = parsed.records
    assert (sigrun.first_name, sigrun.last_name) == ("Sigrún", "Björk")
    assert sigrun.organization == "Norður Energy"
    assert sigrun.department == "Research & Development"
    assert sigrun.title == "Senior Geologist"
    assert sigrun.notes == (
        "Met at the energy careers panel in Reykjavík.\n"
        "Happy to talk about field work and graduate school.\n"
        "Prefers email."
    )
    # PREF goes first even though it comes second in the card.
    assert sigrun.emails == ["sigrun.bjork@nordur.example", "sigrun@mail.example"]
    assert sigrun.phone == "+354 555 0101"
    assert sigrun.location == "Reykjavík, Iceland"
    assert sigrun.linkedin_url == "https://www.linkedin.com/in/sigrun-bjork"
    assert (piotr.row, piotr.first_name, piotr.last_name) == (2, "Piotr", "Kowalski")
    assert piotr.organization == "Contoso Ltd."


def test_quoted_printable_without_a_charset_in_a_windows_code_page():
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg\r\n"
        b"NOTE;ENCODING=QUOTED-PRINTABLE:Caf=E9 =\r\nmeeting\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:Bj=C3=B6rk;Sigr=C3=BAn\r\n"
        b"END:VCARD\r\n"
    )
    jorg, sigrun = parse_file(data, "old-phone.vcf").records
    assert (jorg.first_name, jorg.last_name, jorg.notes) == ("Jörg", "Müller", "Café meeting")
    assert (sigrun.first_name, sigrun.last_name) == ("Sigrún", "Björk")


def test_apple_vcard_30_groups_folds_several_emails_and_department():
    chidi, madhu, company = parse("apple_30.vcf").records
    assert (chidi.first_name, chidi.last_name) == ("Chidi", "Okafor")
    assert chidi.emails == [
        "c.okafor@lakeside.example",
        "chidi@philosophy.lakeside.example",
        "chidi.okafor@mail.example",
    ]
    assert chidi.organization == "Lakeside University"
    assert chidi.department == "Department of Philosophy"
    assert chidi.title == "Associate Professor"
    assert chidi.phone == "(617) 555-0142"
    assert chidi.location == "Boston, MA, United States"
    assert chidi.linkedin_url == "https://www.linkedin.com/in/chidi-okafor-phd"
    assert chidi.notes == (
        "Taught my ethics seminar. Suggested I ask the admissions office about the MA "
        "programme, and talk to Eleanor about consulting."
    )
    assert not chidi.problem


def test_apple_card_with_only_a_full_name_is_split_and_social_profile_used():
    _, madhu, _ = parse("apple_30.vcf").records
    assert (madhu.first_name, madhu.last_name) == ("Madhu", "Krishnan")
    assert madhu.linkedin_url == "https://www.linkedin.com/in/madhu-k"
    assert madhu.organization == "Verde Biotech"
    assert madhu.department == ""


def test_apple_company_card_is_skipped_with_a_reason():
    company = parse("apple_30.vcf").records[2]
    assert company.row == 3
    assert "organization, not a person" in company.problem


def test_google_vcard_categories_become_tags_without_my_contacts():
    ana, nameless = parse("google_30.vcf").records
    assert (ana.first_name, ana.last_name) == ("Ana Lúcia", "Ferreira")
    assert ana.tags == ["Alumni", "Biotech"]
    assert ana.emails == ["ana.ferreira@verde.example", "analucia@mail.example"]
    assert ana.location == "São Paulo, SP, Brazil"
    assert ana.notes == (
        "Alumna, class of 2015. Open to short calls on Fridays; ask about the rotation programme."
    )
    assert (nameless.row, nameless.problem) == (2, NO_NAME)


def test_vcard_40_with_pref_number_and_tel_uri():
    (zoe,) = parse("contacts_40.vcf").records
    assert (zoe.first_name, zoe.last_name) == ("Zoë", "Martin")
    assert zoe.emails == ["zoe.martin@acme.example", "zoe@mail.example"]
    assert zoe.phone == "+1-555-555-0199"
    assert zoe.organization == "Acme Robotics"
    assert zoe.department == "Perception Team"
    assert zoe.tags == ["alumni", "robotics"]
    assert zoe.location == "Pittsburgh, PA, USA"


def test_google_escaped_urls_and_an_outlook_company_card():
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Roe\r\nN:Roe;Jane;;;\r\n"
        b"item1.URL:http\\://www.linkedin.com/in/jane-roe\r\nitem1.X-ABLabel:LinkedIn\r\n"
        b"ORG:Roe\\, Smith & Co.;Legal\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:;;;;\r\nFN:Contoso\r\nORG:Contoso\r\n"
        b"TEL;WORK:+1 425 555 0100\r\nEND:VCARD\r\n"
    )
    jane, company = parse_file(data, "contacts.vcf").records
    assert jane.linkedin_url == "https://www.linkedin.com/in/jane-roe"
    assert (jane.organization, jane.department) == ("Roe, Smith & Co.", "Legal")
    assert (company.row, company.problem) == (2, "a card for an organization, not a person")


def test_a_cut_off_card_after_good_ones_is_skipped_with_its_number():
    good = (FIXTURES / "contacts_40.vcf").read_bytes()
    data = good + b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half Written\r\n"
    records = parse_file(data, "contacts.vcf").records
    assert [(r.row, bool(r.problem)) for r in records] == [(1, False), (2, True)]
    assert "END:VCARD" in records[1].problem


def test_a_damaged_card_between_good_ones_does_not_lose_the_others():
    data = (
        b"BEGIN:VCARD\nVERSION:3.0\nN:One;Ann;;;\nFN:Ann One\nEND:VCARD\n"
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Bad\nBEGIN:VEVENT\nEND:VCARD\n"
        b"BEGIN:VCARD\nVERSION:3.0\nN:Three;Cy;;;\nFN:Cy Three\nEND:VCARD\n"
    )
    records = parse_file(data, "mixed.vcf").records
    assert [(r.row, r.last_name) for r in records if not r.problem] == [(1, "One"), (3, "Three")]
    assert records[1].row == 2 and "could not be read" in records[1].problem


# -- generic CSV -----------------------------------------------------------------------------


def test_google_contacts_csv_mapping_is_guessed_from_its_headers():
    parsed = parse("google_contacts.csv")
    assert parsed.format == "csv"
    assert parsed.mapping["First Name"] == "first_name"
    assert parsed.mapping["Middle Name"] == ""
    assert parsed.mapping["Organization Name"] == "organization"
    assert parsed.mapping["Organization Title"] == "title"
    assert parsed.mapping["E-mail 1 - Label"] == ""
    assert parsed.mapping["E-mail 1 - Value"] == "email"
    assert parsed.mapping["Labels"] == "tags"
    ana, wen, nameless = parsed.records
    assert (ana.first_name, ana.last_name) == ("Ana", "Ferreira")
    assert ana.emails == ["ana.ferreira@verde.example", "analucia@mail.example"]
    assert ana.tags == ["Alumni", "Biotech"]
    assert ana.linkedin_url == "https://www.linkedin.com/in/analuciaferreira"
    assert ana.location == "São Paulo"
    assert ana.department == "Research"
    # Google packs several addresses into one cell with ":::".
    assert wen.emails == ["wzhou@lakeside.example", "wen.zhou@mail.example"]
    # The address cell spans three lines, so the spreadsheet row is not the text line.
    assert (wen.row, nameless.row) == (3, 4)
    assert nameless.problem == NO_NAME


def test_outlook_csv_uses_job_title_not_the_courtesy_title():
    parsed = parse("outlook_contacts.csv")
    assert parsed.mapping["Title"] == ""
    assert parsed.mapping["Job Title"] == "title"
    (piotr,) = parsed.records
    assert piotr.title == "Recruiter"
    assert piotr.organization == "Contoso Ltd."
    assert piotr.department == "Talent"
    assert piotr.phone == "+48 22 555 0100"
    assert piotr.location == "Warsaw"
    assert piotr.tags == ["Recruiters", "Poland"]


def test_semicolon_spreadsheet_in_windows_1252_with_a_full_name_column():
    renee, nameless = parse("spreadsheet_semicolon.csv").records
    assert (renee.first_name, renee.last_name) == ("Renée", "Dubois")
    assert renee.organization == "Société Générale"
    assert renee.title == "Analyste"
    assert (nameless.row, nameless.problem) == (3, NO_NAME)


def test_the_mapping_can_be_changed_column_by_column():
    parsed = parse("spreadsheet_semicolon.csv", mapping={"Role": "", "Notes": "tags"})
    assert parsed.mapping["Name"] == "full_name"
    assert parsed.records[0].title == ""
    assert parsed.records[0].tags == ["Rencontrée au forum"]


def test_a_mapping_that_names_no_column_of_the_file_is_refused():
    with pytest.raises(ImportFileError, match="no column named 'Nickname'"):
        parse("spreadsheet_semicolon.csv", mapping={"Nickname": "full_name"})


def test_a_mapping_without_any_name_column_is_refused():
    with pytest.raises(ImportFileError, match="no column holds a name"):
        parse("spreadsheet_semicolon.csv", mapping={"Name": ""})


@pytest.mark.parametrize(
    "headers,expected",
    [
        (["Full Name", "Email"], {"Full Name": "full_name", "Email": "email"}),
        (["Given Name", "Family Name"], {"Given Name": "first_name", "Family Name": "last_name"}),
        (["Name", "First Name", "Last Name"], {"Name": "", "First Name": "first_name"}),
        (["Company", "Position", "LinkedIn"], {"Position": "title", "LinkedIn": "linkedin_url"}),
        (["Industry", "City", "Tags"], {"Industry": "field", "City": "location", "Tags": "tags"}),
        (["Favourite colour"], {"Favourite colour": ""}),
        (
            ["First Name", "Last Name", "Display Name", "Primary Email", "Secondary Email"],
            {"Display Name": "", "Primary Email": "email", "Secondary Email": "email"},
        ),
        (["Work City", "Mobile Number"], {"Work City": "location", "Mobile Number": "phone"}),
        (["Name", "Emails", "Email addresses"], {"Emails": "email", "Email addresses": "email"}),
        (
            ["Name", "How you know them", "Research notes", "Referred by"],
            {
                "How you know them": "source",
                "Research notes": "research_notes",
                "Referred by": "",
            },
        ),
    ],
)
def test_guess_mapping_reads_common_header_names(headers, expected):
    guessed = guess_mapping(headers)
    assert {h: guessed[h] for h in expected} == expected


@pytest.mark.parametrize(
    "cell,value",
    [
        ("'+1 617 555 0100", "+1 617 555 0100"),
        ("'=SUM(A1:A3)", "=SUM(A1:A3)"),
        ("'-", "-"),
        ("'@ioniclabs", "@ioniclabs"),
        ("'\tindented", "indented"),
        ("'\nafter a carriage return", "after a carriage return"),
        ("  '+44 20 7946 0000  ", "+44 20 7946 0000"),
        ("'", "'"),
        ("'tis the season", "'tis the season"),
        ("O'Brien", "O'Brien"),
        ("+1 617 555 0100", "+1 617 555 0100"),
    ],
)
def test_the_apostrophe_that_defuses_a_formula_is_dropped_and_no_other(cell, value):
    assert cell_value(cell) == value


def test_defused_cells_are_read_without_their_apostrophe():
    data = (
        b"Name,Phone,Notes,Tags\n"
        b"Ada Singh,'+1 617 555 0100,\"'=not a formula\nsecond line\",'-dash\n"
    )
    (ada,) = parse_file(data, "people.csv").records
    assert ada.phone == "+1 617 555 0100"
    assert ada.notes == "=not a formula\nsecond line"
    assert ada.tags == ["-dash"]


@pytest.mark.parametrize(
    "text,source",
    [
        ("Alum", "alum"),
        ("alum", "alum"),
        ("Alumna", "alum"),
        ("Faculty or professor", "faculty"),
        ("career-adviser", "career-adviser"),
        ("Career advisor", "career-adviser"),
        ("  LinkedIn ", "linkedin"),
        ("Alumni platform", "alumni-platform"),
        ("", "other"),
        ("met at the career fair", None),
    ],
)
def test_how_you_know_them_is_read_from_labels_and_values(text, source):
    assert source_of(text) == source


def test_words_of_your_own_for_how_you_know_them_are_kept_in_the_notes():
    data = b"Name,How you know them,Notes\nAda Singh,Career fair,Asked about labs\nBo Chen,Alum,\n"
    ada, bo = parse_file(data, "people.csv").records
    assert ada.source == "other"
    assert ada.notes == "Asked about labs\n\nHow you know them: Career fair"
    assert (bo.source, bo.notes) == ("alum", "")


# -- decoding and detection ------------------------------------------------------------------


def test_utf16_with_bom_is_decoded():
    text = "First Name,Last Name,Company\r\nZoë,Martin,Acme\r\n"
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    (record,) = parse_file(data, "people.csv").records
    assert (record.first_name, record.organization) == ("Zoë", "Acme")


@pytest.mark.parametrize(
    "name,problem",
    [
        ("photo.png", "PNG image"),
        ("not_contacts.txt", "no header row found"),
        ("cut_off.vcf", "no complete vCard"),
        ("empty.csv", "empty"),
    ],
)
def test_unreadable_files_raise_one_line_naming_the_file(name, problem):
    with pytest.raises(ImportFileError) as error:
        parse(name)
    message = str(error.value)
    assert message.startswith(f"{name}: ")
    assert problem in message
    assert "\n" not in message


def test_binary_data_without_a_known_signature_is_refused():
    data = bytes(range(256)) * 8
    with pytest.raises(ImportFileError, match="not a text file"):
        parse_file(data, "export.csv")


def test_an_excel_workbook_gets_told_to_save_as_csv():
    with pytest.raises(ImportFileError, match="save it as CSV"):
        parse_file(b"PK\x03\x04" + b"\x00" * 100, "contacts.xlsx")


def test_vcf_file_with_no_card_says_so():
    with pytest.raises(ImportFileError, match="no vCard in it"):
        parse_file(b"First Name,Last Name\nA,B\n", "contacts.vcf")


def test_an_unknown_format_name_is_refused():
    with pytest.raises(ImportFileError, match="unknown format"):
        parse("google_contacts.csv", fmt="excel")
