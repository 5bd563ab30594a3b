"""`coffeechat export` and `coffeechat restore` with real files."""

import copy
import csv
import io
import json
import os
import subprocess
import sys
from io import StringIO

import pytest
import vobject
from django.core.management import call_command

from coffeechat.accounts.models import Profile
from coffeechat.backup import export_backup
from coffeechat.contacts.models import Contact, Organization, Tag
from tests.conftest import make_user
from tests.rich_account import GOLDEN, build_rich_account, same_data


@pytest.fixture
def rich_owner(owner):
    build_rich_account(owner)
    return owner


@pytest.fixture
def newcomer(db):
    return make_user("nadia")


def export(*args):
    out = StringIO()
    call_command("export", *args, stdout=out)
    return out.getvalue()


def fails(capsys, command, *args):
    """Run a command that must fail; return what it printed on stderr."""
    with pytest.raises(SystemExit) as exit_info:
        call_command(command, *args, stdout=StringIO())
    assert exit_info.value.code == 1
    return capsys.readouterr().err


def without_time(data):
    data = copy.deepcopy(data)
    data.pop("exported_at")
    return data


def snapshot(user):
    return without_time(export_backup(user)), Profile.objects.get(owner=user).name


# -- export ----------------------------------------------------------------------------------


def test_export_writes_a_json_backup_that_restore_reads_back(rich_owner, newcomer, tmp_path):
    target = tmp_path / "backup.json"

    said = export(str(target), "--user", "olivia")
    out = StringIO()
    call_command("restore", str(target), "--user", "nadia", stdout=out)

    assert "Wrote the JSON backup of olivia to" in said
    assert json.loads(target.read_text("utf-8"))["format"] == "coffeechat-backup"
    assert out.getvalue().strip() == (
        "Restored 3 organizations, 5 tags, 4 contacts, 4 interviews, 3 next steps, "
        "2 keep-in-touch cadences, 3 interactions, 3 message templates, 7 messages "
        "and the profile into the account 'nadia'."
    )
    assert without_time(export_backup(newcomer)) == without_time(export_backup(rich_owner))


def test_the_json_export_holds_interviews_and_messages_too(rich_owner):
    data = json.loads(export("-", "--format", "json", "--user", "olivia"))

    assert {key: len(data[key]) for key in ("interviews", "messages", "next_steps")} == {
        "interviews": 4,
        "messages": 7,
        "next_steps": 3,
    }
    assert data["messages"][3]["follow_up_to"] == 3
    assert without_time(data) == without_time(export_backup(rich_owner))


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("contacts.csv", lambda b: b.startswith(b"\xef\xbb\xbfFirst Name,Last Name,Emails")),
        ("contacts.vcf", lambda b: b.startswith(b"BEGIN:VCARD\r\nVERSION:3.0")),
        ("backup.JSON", lambda b: json.loads(b)["version"] == 2),
    ],
)
def test_the_format_is_guessed_from_the_file_name(rich_owner, tmp_path, name, check):
    export(str(tmp_path / name), "--user", "olivia")
    assert check((tmp_path / name).read_bytes())


def test_format_wins_over_the_file_name(rich_owner, tmp_path):
    target = tmp_path / "contacts.txt"
    export(str(target), "--format", "vcard", "--user", "olivia")
    cards = list(vobject.readComponents(target.read_text("utf-8")))
    assert len(cards) == 4


def test_an_unknown_ending_asks_for_a_format(rich_owner, tmp_path, capsys):
    err = fails(capsys, "export", str(tmp_path / "contacts.xlsx"), "--user", "olivia")
    assert "cannot tell the format from" in err
    assert "--format json, csv or vcard" in err
    assert not (tmp_path / "contacts.xlsx").exists()


def test_a_dash_writes_to_stdout(rich_owner):
    text = export("-", "--format", "csv", "--user", "olivia")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert "First Name" in rows[0]  # no byte-order mark in front of the header on a pipe
    assert {row["First Name"] for row in rows} == {"Ada", "José", "Zoë", ""}


def test_stdout_needs_a_format(rich_owner, capsys):
    assert "--format" in fails(capsys, "export", "-", "--user", "olivia")


def test_an_existing_file_is_kept_unless_forced(rich_owner, tmp_path, capsys):
    target = tmp_path / "contacts.csv"
    target.write_text("precious")

    err = fails(capsys, "export", str(target), "--user", "olivia")
    assert "already exists; add --force to replace it" in err
    assert target.read_text() == "precious"

    export(str(target), "--force", "--user", "olivia")
    assert target.read_bytes().startswith(b"\xef\xbb\xbfFirst Name")


def test_a_failed_write_leaves_no_file_behind(rich_owner, tmp_path, capsys, monkeypatch):
    target = tmp_path / "backup.json"

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    err = fails(capsys, "export", str(target), "--user", "olivia")

    assert "could not write" in err
    assert "No space left on device" in err
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_reported(rich_owner, tmp_path, capsys):
    err = fails(capsys, "export", str(tmp_path / "nope" / "backup.json"), "--user", "olivia")
    assert "does not exist; create it first" in err


def test_the_file_is_private_to_its_owner(rich_owner, tmp_path):
    target = tmp_path / "backup.json"
    export(str(target), "--user", "olivia")
    if os.name == "posix":
        assert target.stat().st_mode & 0o077 == 0


def test_export_needs_to_know_whose_data_with_several_accounts(
    rich_owner, newcomer, tmp_path, capsys
):
    assert "--user" in fails(capsys, "export", str(tmp_path / "b.json"))


# -- restore ---------------------------------------------------------------------------------


@pytest.fixture
def backup_file(rich_owner, tmp_path):
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(export_backup(rich_owner)), "utf-8")
    return path


def test_restore_says_when_the_file_is_missing(newcomer, tmp_path, capsys):
    err = fails(capsys, "restore", str(tmp_path / "gone.json"), "--user", "nadia")
    assert "gone.json: no such file." in err


def test_restore_refuses_a_file_that_is_not_json(newcomer, tmp_path, capsys):
    path = tmp_path / "contacts.csv"
    path.write_text("First Name,Last Name\nAda,Singh\n")

    err = fails(capsys, "restore", str(path), "--user", "nadia")

    assert "is not valid JSON" in err
    assert "Nothing was changed." in err
    assert not Contact.objects.filter(owner__username="nadia").exists()


def test_restore_refuses_json_that_is_not_a_backup(newcomer, tmp_path, capsys):
    path = tmp_path / "other.json"
    path.write_text('{"contacts": []}')

    err = fails(capsys, "restore", str(path), "--user", "nadia")

    assert 'its "format" should be "coffeechat-backup"' in err


def test_restore_lists_every_problem_and_changes_nothing(backup_file, newcomer, capsys):
    data = json.loads(backup_file.read_text("utf-8"))
    data["contacts"][0]["connected_on"] = "last spring"
    data["contacts"][1]["organization"] = 99
    backup_file.write_text(json.dumps(data), "utf-8")
    before = snapshot(newcomer)

    err = fails(capsys, "restore", str(backup_file), "--user", "nadia")

    assert "has 2 problems:\n  - contacts, item 1, “connected_on”" in err
    assert "\n  - contacts, item 2, “organization”: points to organizations id 99" in err
    assert snapshot(newcomer) == before


def test_restore_refuses_an_account_with_data_and_changes_nothing(backup_file, rich_owner, capsys):
    before = snapshot(rich_owner)

    err = fails(capsys, "restore", str(backup_file), "--user", "olivia")

    assert "already has 3 organizations, 5 tags, 4 contacts, 4 interviews," in err
    assert "3 message templates and 7 messages" in err
    assert "Nothing was changed." in err
    assert snapshot(rich_owner) == before
    assert Contact.objects.count() == 4
    assert Organization.objects.count() == 3
    assert Tag.objects.count() == 5


def test_restore_reads_stdin(backup_file, newcomer, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(backup_file.read_bytes())))
    call_command("restore", "-", "--user", "nadia", stdout=StringIO())
    assert Contact.objects.filter(owner=newcomer).count() == 4


def test_the_console_script_round_trips_a_backup(tmp_path):
    """The real `coffeechat` program, on a fresh data directory, as a person would run it."""
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path / "home")}
    env.pop("DATABASE_URL", None)

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "coffeechat.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run("createuser", "ana", "--password", "quiet-river-58").returncode == 0
    assert run("createuser", "ben", "--password", "quiet-river-58").returncode == 0
    saved = tmp_path / "saved.json"

    restored = run("restore", str(GOLDEN), "--user", "ana")
    exported = run("export", str(saved), "--user", "ana")
    into_ben = run("restore", str(saved), "--user", "ben")
    again = run("restore", str(saved), "--user", "ben")
    csv_out = run("export", "-", "--format", "csv", "--user", "ben")

    assert restored.returncode == 0, restored.stderr
    assert "Restored 3 organizations, 5 tags, 4 contacts and the profile" in restored.stdout
    assert exported.returncode == 0, exported.stderr
    assert into_ben.returncode == 0, into_ben.stderr
    assert again.returncode == 1
    assert "coffeechat restore: " in again.stderr
    assert "already has 3 organizations, 5 tags and 4 contacts" in again.stderr
    assert "Traceback" not in again.stderr
    golden = json.loads(GOLDEN.read_text("utf-8"))
    assert same_data(json.loads(saved.read_text("utf-8")), golden)
    assert "Ada,Singh,ada@ioniclabs.example; ada.singh@alumni.example" in csv_out.stdout
