"""The restore reads a backup a piece at a time (issue 14): backup/reading.py and
files.restore_file. The round trips and the checks of each value are in test_backup.py;
the export written in chunks, in test_backup_streaming.py."""

import copy
import io
import json
import re

import pytest
from django.core.management import call_command

from coffeechat import backup
from coffeechat.accounts.models import Profile
from coffeechat.backup import BackupError, export_backup, reading, restore_file
from coffeechat.backup.fields import MAX_PROBLEMS_KEPT
from coffeechat.backup.files import RESTORE_CHUNK
from coffeechat.contacts.models import Contact
from tests.conftest import make_user
from tests.rich_account import GOLDEN, build_rich_account
from tests.test_backup import assert_nothing_written, without_time


@pytest.fixture
def rich_owner(owner):
    build_rich_account(owner)
    return owner


@pytest.fixture
def newcomer(db):
    user = make_user("nadia")
    Profile.objects.filter(owner=user).update(name="")
    return user


class CountingFile(io.BytesIO):
    """A binary file that remembers how many bytes were read from it."""

    def __init__(self, content: bytes):
        super().__init__(content)
        self.bytes_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        return data


def with_contacts(data: dict, count: int) -> dict:
    """``data`` with ``count`` plain contacts (ids 1 to count) in place of its own."""
    data = copy.deepcopy(data)
    model = {**data["contacts"][0], "organization": None, "referred_by": None, "tags": []}
    data["contacts"] = [
        {**model, "id": n, "first_name": f"Person {n}", "emails": [f"p{n}@example.com"]}
        for n in range(1, count + 1)
    ]
    for key in ("interviews", "next_steps", "keep_in_touch", "interactions", "messages"):
        data[key] = []
    data["interview_questions"] = data["interview_timeline"] = []
    return data


# -- reading -----------------------------------------------------------------------------------


def test_records_come_one_at_a_time_before_the_file_is_read_whole(rich_owner):
    content = backup.dump_backup(with_contacts(export_backup(rich_owner), 3_000)).encode()
    file = CountingFile(content)

    for key, value in reading.JsonStream(file).members():
        if key == "contacts":
            first = next(iter(value))
            break

    assert first["first_name"] == "Person 1"
    assert file.bytes_read < len(content) / 10


def test_the_restore_writes_its_first_contacts_before_reading_the_last(
    rich_owner, newcomer, monkeypatch
):
    content = backup.dump_backup(with_contacts(export_backup(rich_owner), 3 * RESTORE_CHUNK))
    file = CountingFile(content.encode())
    read_when_writing = []
    real = Contact.objects.bulk_create

    def bulk_create(objs, **kwargs):
        read_when_writing.append(file.bytes_read)
        return real(objs, **kwargs)

    monkeypatch.setattr(Contact.objects, "bulk_create", bulk_create)

    restore_file(newcomer, file)

    assert read_when_writing[0] < len(content) / 2
    assert Contact.objects.filter(owner=newcomer).count() == 3 * RESTORE_CHUNK


@pytest.mark.parametrize("read_size", [1, 2, 3, 7, 64])
def test_a_value_split_between_two_reads_is_read_whole(monkeypatch, read_size):
    monkeypatch.setattr(reading, "READ_SIZE", read_size)
    data = {
        "format": "coffeechat-backup",
        "version": 12345678901234567890,
        "profile": {"name": 'Zoë \u6771\u4eac \\ "quoted"', "n": -1.5e-7, "ok": True},
        "contacts": [{"id": 1, "notes": "\u00e9" * 40}, [], {}, None, 1234567, "x\ny"],
        "empty": [],
    }
    for text in (
        json.dumps(data),
        json.dumps(data, indent=3),
        json.dumps(data, ensure_ascii=False),
    ):
        members = reading.JsonStream(text.encode()).members()
        read = {
            key: list(value) if isinstance(value, reading.Items) else value
            for key, value in members
        }
        assert read == data


# -- any JSON layout ---------------------------------------------------------------------------


def one_line(data):
    return json.dumps(data, ensure_ascii=False)


def odd_whitespace(data):
    return "\r\n\t " + json.dumps(data, indent="\t", separators=(" ,\r\n", " :  ")) + " \n\n"


def sections_in_reverse(data):
    return json.dumps(dict(reversed(data.items())), indent=1)


def sections_before_the_header(data):
    header = {key: data[key] for key in backup.registry.HEADER_KEYS}
    rest = {key: value for key, value in data.items() if key not in header}
    return json.dumps({**rest, **header})


@pytest.mark.parametrize(
    "layout", [one_line, odd_whitespace, sections_in_reverse, sections_before_the_header]
)
def test_any_json_layout_restores_the_same_account(rich_owner, newcomer, layout):
    first = export_backup(rich_owner)

    restore_file(newcomer, layout(first).encode())

    assert without_time(export_backup(newcomer)) == without_time(first)


def test_a_text_file_object_and_a_byte_order_mark_are_fine(rich_owner, newcomer):
    text = "\ufeff" + backup.dump_backup(export_backup(rich_owner))

    restore_file(newcomer, io.StringIO(text))

    assert Contact.objects.filter(owner=newcomer).count() == 4


def test_an_older_version_is_read_whole_and_upgraded(newcomer):
    summary = restore_file(newcomer, io.BytesIO(GOLDEN.read_bytes()))

    assert "Restored 3 organizations, 5 tags, 4 contacts" in str(summary)


def test_a_referral_to_a_contact_further_down_a_big_file_is_kept(rich_owner, newcomer):
    data = with_contacts(export_backup(rich_owner), 2 * RESTORE_CHUNK + 5)
    last = len(data["contacts"])
    data["contacts"][0]["referred_by"] = last
    data["contacts"][last - 1]["referred_by"] = 1  # a circle, across chunks

    restore_file(newcomer, backup.dump_backup(data).encode())

    first = Contact.objects.get(owner=newcomer, first_name="Person 1")
    assert first.referred_by.first_name == f"Person {last}"
    assert first.referred_by.referred_by == first


# -- problems ----------------------------------------------------------------------------------


def test_a_problem_in_the_last_record_of_a_big_section_writes_nothing(rich_owner, newcomer):
    data = with_contacts(export_backup(rich_owner), 2 * RESTORE_CHUNK + 500)
    data["contacts"][-1]["connected_on"] = "last Tuesday"
    data["contacts"][0]["referred_by"] = 99_999

    with pytest.raises(BackupError) as error:
        restore_file(newcomer, backup.dump_backup(data).encode())

    assert error.value.problems == [
        f"contacts, item {2 * RESTORE_CHUNK + 500}, “connected_on”: 'last Tuesday' is not a "
        "date; write it as YYYY-MM-DD, e.g. 2026-03-14",
        "contacts, item 1, “referred_by”: points to contacts id 99999, which is not in this file",
    ]
    assert_nothing_written(newcomer)


def test_a_missing_section_is_named_first_among_many_problems(rich_owner, newcomer):
    data = with_contacts(export_backup(rich_owner), 30)
    for contact in data["contacts"]:
        contact["connected_on"] = "soon"
    del data["organizations"]

    with pytest.raises(BackupError) as error:
        restore_file(newcomer, backup.dump_backup(data).encode())

    assert error.value.problems[0] == "organizations: is missing from the file"
    assert error.value.count == 31


def test_past_the_kept_problems_they_are_counted(rich_owner, newcomer):
    data = with_contacts(export_backup(rich_owner), MAX_PROBLEMS_KEPT + 200)
    for contact in data["contacts"]:
        contact["title"] = 7

    with pytest.raises(BackupError) as error:
        restore_file(newcomer, backup.dump_backup(data).encode())

    assert len(error.value.problems) == MAX_PROBLEMS_KEPT
    assert error.value.count == MAX_PROBLEMS_KEPT + 200
    assert str(error.value).endswith(f"; and {MAX_PROBLEMS_KEPT + 200 - 12} more problems")
    assert_nothing_written(newcomer)


def test_a_part_given_twice_is_refused(rich_owner, newcomer):
    text = backup.dump_backup(export_backup(rich_owner))
    text = text.replace('"tags": [', '"tags": [],\n  "tags": [', 1)

    with pytest.raises(BackupError, match="“tags”: is in the file twice"):
        restore_file(newcomer, text.encode())

    assert_nothing_written(newcomer)


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.99])
def test_a_file_cut_short_says_so(rich_owner, newcomer, keep):
    content = backup.dump_backup(with_contacts(export_backup(rich_owner), 300)).encode()

    with pytest.raises(BackupError, match="stops before the backup ends .*cut short"):
        restore_file(newcomer, content[: int(len(content) * keep)])

    assert_nothing_written(newcomer)


def test_a_file_cut_in_the_middle_of_a_text_says_so(newcomer):
    content = b'{"format": "coffeechat-backup", "version": 2, "contacts": [{"notes": "Met at'

    with pytest.raises(BackupError, match="stops before the backup ends"):
        restore_file(newcomer, content)


def test_deep_nesting_inside_a_record_is_refused(newcomer):
    content = b'{"format": "coffeechat-backup", "version": 2, "contacts": [{"notes": '
    content += b"[" * 100_000 + b"]" * 100_000 + b"}]}"

    with pytest.raises(BackupError, match="nested too deeply"):
        restore_file(newcomer, CountingFile(content))

    assert_nothing_written(newcomer)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"First Name,Last Name\nAda,Singh\n",
            "not valid JSON (line 1, column 1: Expecting value)",
        ),
        (b"[1, 2]", "JSON but not a coffeechat backup"),
        (b"\xff\xfe\x00\x00garbage", "it is not text"),
        (b'{"format": "vcard", "version": 2}', 'its "format" should be "coffeechat-backup"'),
        (b'{"contacts": [], "tags": []}', '"format" should be "coffeechat-backup" but is missing'),
        (b'{"format": "coffeechat-backup", "version": 99}', "made by a newer coffeechat"),
        (b'{"format": "coffeechat-backup",\n "version": 2,\n "tags": [1 2]}', "(line 3, column"),
        (b'{"format": "coffeechat-backup", "version": 2} {}', "Extra data"),
    ],
)
def test_a_file_that_is_not_a_backup_says_so(newcomer, content, message):
    with pytest.raises(BackupError, match=re.escape(message)) as error:
        restore_file(newcomer, content)

    assert error.value.about_file
    assert_nothing_written(newcomer)


def test_a_broken_record_is_not_about_the_whole_file(rich_owner, newcomer):
    data = export_backup(rich_owner)
    data["tags"][0]["name"] = 5

    with pytest.raises(BackupError) as error:
        restore_file(newcomer, backup.dump_backup(data).encode())

    assert not error.value.about_file


def test_the_command_counts_every_problem_it_does_not_list(rich_owner, newcomer, tmp_path, capsys):
    data = with_contacts(export_backup(rich_owner), MAX_PROBLEMS_KEPT + 50)
    for contact in data["contacts"]:
        contact["title"] = 7
    path = tmp_path / "broken.json"
    path.write_text(backup.dump_backup(data), "utf-8")

    with pytest.raises(SystemExit):
        call_command("restore", str(path), "--user", "nadia", stdout=io.StringIO())

    said = capsys.readouterr().err
    assert f"has {MAX_PROBLEMS_KEPT + 50} problems:\n  - contacts, item 1, “title”" in said
    assert f"  ... and {MAX_PROBLEMS_KEPT + 50 - 30} more\nNothing was changed." in said
    assert_nothing_written(newcomer)
