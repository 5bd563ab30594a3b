"""Files made to hurt the importer (issue 15): each is refused with one clear line, through
the command and the web page, and nothing is written. Their full-size versions, with time
and memory measured, are in bench/hostile_import.py; these are the same shapes, just past
the limits."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from coffeechat.contacts.importing import ImportFileError, parse_file
from coffeechat.contacts.importing import pending as imports
from coffeechat.contacts.importing.vcard import (
    MAX_LINE_CHARS,
    MAX_LINES_PER_CARD,
    MAX_PARAMETERS,
)
from coffeechat.contacts.models import Contact, Organization, PendingImport, Tag


def card(*lines: str) -> bytes:
    return ("BEGIN:VCARD\r\nVERSION:3.0\r\n" + "".join(lines) + "END:VCARD\r\n").encode()


GOOD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@example.com\r\nEND:VCARD\r\n"


def many_parameters(count: int) -> bytes:
    return card("FN:P\r\n", "EMAIL" + ";TYPE=x" * count + ":p@example.com\r\n")


def folded_note(folds: int) -> bytes:
    return card("FN:F\r\n", "NOTE:a" + "\r\n x" * folds + "\r\n")


HOSTILE = [
    # issue 15's 19.6 MB file, in small: one line of parameters past the line limit
    (
        "parameters.vcf",
        many_parameters(MAX_LINE_CHARS // 7 + 1),
        f"card 1 has a line (EMAIL) of {7 * (MAX_LINE_CHARS // 7 + 1) + 19:,} characters",
    ),
    # past the parameters limit on a short line
    (
        "few_parameters.vcf",
        many_parameters(MAX_PARAMETERS + 1),
        f"card 1 has a line (EMAIL) with {MAX_PARAMETERS + 1} parameters; coffeechat reads up "
        f"to {MAX_PARAMETERS} on a line",
    ),
    # issue 15's folded note: each fold is three bytes, the line they make past the limit
    (
        "folded.vcf",
        folded_note(MAX_LINE_CHARS),
        f"card 1 has a line (NOTE) of {MAX_LINE_CHARS + 6:,} characters",
    ),
    # as many lines in one card as the file holds
    (
        "many_lines.vcf",
        card("FN:M\r\n", "X-A:b\r\n" * MAX_LINES_PER_CARD),
        f"card 1 has more than {MAX_LINES_PER_CARD:,} lines",
    ),
    # the same, after a good card: the whole file is refused, not only the bad card
    (
        "good_then_folded.vcf",
        GOOD.encode() + folded_note(MAX_LINE_CHARS),
        "card 2 has a line (NOTE) of",
    ),
]


def everything(owner):
    return (
        list(Contact.objects.filter(owner=owner).values_list("first_name", "last_name")),
        list(Organization.objects.filter(owner=owner).values_list("name", flat=True)),
        list(Tag.objects.filter(owner=owner).values_list("name", flat=True)),
    )


@pytest.mark.parametrize("name,data,problem", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_the_parser_refuses_it_with_one_line_that_says_why(name, data, problem):
    with pytest.raises(ImportFileError) as refused:
        parse_file(data, name)
    message = str(refused.value)
    assert message.startswith(f"{name}: ")
    assert problem in message
    assert "export the contacts again, or remove that line in a text editor" in message
    assert "\n" not in message


@pytest.mark.parametrize("name,data,problem", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_the_command_refuses_it_and_writes_nothing(owner, tmp_path, capsys, name, data, problem):
    Contact.objects.create(owner=owner, first_name="Kept", last_name="Here")
    before = everything(owner)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SystemExit) as exit_info:
        call_command("import", str(path), "--user", owner.username, stdout=StringIO())
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"coffeechat import: {name}: ")
    assert problem in err
    assert "Traceback" not in err
    assert everything(owner) == before


@pytest.mark.parametrize("name,data,problem", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_the_upload_page_refuses_it_and_keeps_nothing(owner, owner_client, name, data, problem):
    before = everything(owner)
    response = owner_client.post(
        "/contacts/import/", {"file": SimpleUploadedFile(name, data), "format": ""}
    )
    assert response.status_code == 400
    assert problem in response.text
    assert not PendingImport.objects.filter(owner=owner).exists()
    assert everything(owner) == before


def test_limits_leave_room_for_what_address_books_write():
    long_note = "NOTE:" + "word " * (MAX_LINE_CHARS // 5 - 2) + "\r\n"
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "QUJD" * 500_000 + "\r\n"  # 2 MB, skipped unread
    data = card("FN:Ann Lee\r\n", "EMAIL;TYPE=INTERNET;TYPE=WORK;TYPE=pref:a@example.com\r\n")
    data += card("FN:Bob Ray\r\n", long_note, photo, "CATEGORIES:friends\r\n")
    records = parse_file(data, "fine.vcf").records
    assert [(r.full_name, r.problem) for r in records] == [("Ann Lee", ""), ("Bob Ray", "")]
    assert records[0].emails == ["a@example.com"]
    assert len(records[1].notes) > MAX_LINE_CHARS * 0.9


# -- a CSV whose quoted cell holds a vCard's first line -----------------------------------------

QUOTED_CARD = (
    b"First Name,Last Name,Email,Notes\n"
    b'Ann,Lee,ann@example.com,"met\nBEGIN:VCARD\nEND:VCARD"\n'
    b"Bob,Ray,bob@example.com,ok\n"
)


@pytest.mark.parametrize("name", ["n.csv", "contacts.txt", "export"])
def test_a_csv_with_begin_vcard_inside_a_quoted_cell_is_read_as_the_csv(name):
    parsed = parse_file(QUOTED_CARD, name)
    assert parsed.format == "csv"
    assert [(r.full_name, r.emails) for r in parsed.records] == [
        ("Ann Lee", ["ann@example.com"]),
        ("Bob Ray", ["bob@example.com"]),
    ]
    assert parsed.records[0].notes == "met\nBEGIN:VCARD\nEND:VCARD"


def test_a_vcard_is_still_found_without_its_ending_and_after_a_preamble():
    assert parse_file(GOOD.encode(), "contacts").format == "vcard"
    assert parse_file(b"Exported by Foo\r\n\r\n" + GOOD.encode(), "contacts").format == "vcard"
    assert parse_file(b"Exported by Foo\r\n" + GOOD.encode(), "contacts.vcf").format == "vcard"


# -- the preview's parse is kept for the confirmation ----------------------------------------


def test_the_upload_is_parsed_once_for_the_preview_and_the_confirmation(
    owner, owner_client, monkeypatch
):
    data = GOOD.encode() + card("FN:Bob Ray\r\n", "CATEGORIES:Wellesley alumnae\r\n")
    response = owner_client.post(
        "/contacts/import/", {"file": SimpleUploadedFile("two.vcf", data), "format": ""}
    )
    assert response.status_code == 302
    pending = PendingImport.objects.get(owner=owner)
    assert pending.parsed

    def parse_again(*args, **kwargs):
        raise AssertionError("the file was parsed again")

    monkeypatch.setattr(imports, "parse_file", parse_again)
    preview = owner_client.get(response.url)
    assert "<strong>2</strong> to create" in preview.text
    done = owner_client.post(f"{response.url}confirm/")
    assert done.status_code == 302
    assert sorted(Contact.objects.filter(owner=owner).values_list("first_name", "source")) == [
        ("Ann", "other"),
        ("Bob", "alum"),
    ]


def test_a_pending_import_without_kept_records_is_parsed_again(owner, owner_client):
    pending = imports.start(owner, GOOD.encode(), "one.vcf")
    PendingImport.objects.filter(pk=pending.pk).update(parsed=b"from an older coffeechat")
    preview = owner_client.get(f"/contacts/import/{pending.pk}/")
    assert "<strong>1</strong> to create" in preview.text
    pending.refresh_from_db()
    assert imports.stored.load(pending.parsed) is not None
    owner_client.post(f"/contacts/import/{pending.pk}/confirm/")
    assert Contact.objects.filter(owner=owner, first_name="Ann").exists()


def test_kept_records_are_another_users_404(owner, outsider_client):
    pending = imports.start(owner, GOOD.encode(), "one.vcf")
    assert outsider_client.get(f"/contacts/import/{pending.pk}/").status_code == 404
    assert outsider_client.post(f"/contacts/import/{pending.pk}/confirm/").status_code == 404
    assert PendingImport.objects.filter(pk=pending.pk).exists()
