"""`coffeechat import FILE`: the command line a student (or a script) runs."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from coffeechat.contacts.models import Contact, Organization, Tag
from tests.conftest import make_user

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def run(*args, user="olivia"):
    out = StringIO()
    call_command("import", *map(str, args), "--user", user, stdout=out)
    return out.getvalue()


def counts(owner):
    return (
        Contact.objects.filter(owner=owner).count(),
        Organization.objects.filter(owner=owner).count(),
        Tag.objects.filter(owner=owner).count(),
    )


def test_it_prints_what_it_did_and_the_skipped_rows(owner):
    out = run(FIXTURES / "linkedin_connections.csv")
    lines = out.splitlines()
    assert lines[0] == "Created 6, merged 0, skipped 1."
    assert "row 8: no name" in out
    assert Contact.objects.filter(owner=owner).count() == 6


def test_json_output_is_the_promised_shape(owner):
    out = run(FIXTURES / "linkedin_connections.csv", "--json")
    result = json.loads(out)
    assert result["created"] == 6
    assert result["merged"] == 0
    assert result["skipped"] == [
        {"row": 8, "reason": "no name: the first, last and full name are all blank"}
    ]
    assert list(result)[:3] == ["created", "merged", "skipped"]
    again = json.loads(run(FIXTURES / "linkedin_connections.csv", "--json"))
    assert (again["created"], again["merged"]) == (0, 6)


def test_dry_run_says_so_and_saves_nothing(owner):
    out = run(FIXTURES / "apple_30.vcf", "--dry-run")
    assert out.startswith("Would create 2, merge 0, skip 1")
    assert "card 3: a card for an organization" in out
    assert counts(owner) == (0, 0, 0)


def test_format_can_be_forced_and_columns_mapped(owner):
    out = run(
        FIXTURES / "spreadsheet_semicolon.csv",
        "--format",
        "csv",
        "--map",
        "Notes=tags",
        "--map",
        "Role=",
        "--json",
    )
    assert json.loads(out)["created"] == 1
    renee = Contact.objects.get(owner=owner)
    assert renee.title == ""
    assert [t.name for t in renee.tags.all()] == ["Rencontrée au forum"]


@pytest.mark.parametrize(
    "name,problem",
    [
        ("photo.png", "this is a PNG image, not a contacts export."),
        ("not_contacts.txt", "no header row found"),
        ("cut_off.vcf", "no complete vCard"),
        ("empty.csv", "the file is empty"),
    ],
)
def test_a_broken_file_exits_1_with_one_line_and_changes_nothing(owner, capsys, name, problem):
    run(FIXTURES / "linkedin_connections.csv")
    before = counts(owner)
    with pytest.raises(SystemExit) as exit_info:
        run(FIXTURES / name, "--json")
    assert exit_info.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    error_lines = captured.err.strip().splitlines()
    assert len(error_lines) == 1
    assert error_lines[0].startswith(f"coffeechat import: {name}: ")
    assert problem in error_lines[0]
    assert counts(owner) == before


def test_a_missing_file_is_named(owner, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run("/nowhere/Connections.csv")
    assert exit_info.value.code == 1
    assert "/nowhere/Connections.csv: no such file." in capsys.readouterr().err


def test_a_bad_map_is_explained(owner, capsys):
    with pytest.raises(SystemExit):
        run(FIXTURES / "spreadsheet_semicolon.csv", "--map", "Name=nickname")
    assert "'nickname' is not a field" in capsys.readouterr().err


def test_it_imports_for_the_user_named_only(owner, outsider):
    run(FIXTURES / "google_30.vcf", user="oscar")
    assert Contact.objects.filter(owner=outsider).count() == 1
    assert counts(owner) == (0, 0, 0)


def test_the_real_console_script_on_a_fresh_home(tmp_path):
    """`coffeechat import` as installed, in its own process and data directory."""
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    cli = [sys.executable, "-m", "coffeechat.cli"]
    subprocess.run([*cli, "createuser", "ana", "--password", "quiet-river-58"], env=env, check=True)
    done = subprocess.run(
        [*cli, "import", str(FIXTURES / "outlook_21.vcf"), "--json"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "created": 2,
        "merged": 0,
        "skipped": [],
        "unchanged": 0,
        "format": "vcard",
        "dry_run": False,
    }
    broken = subprocess.run(
        [*cli, "import", str(FIXTURES / "photo.png")], env=env, capture_output=True, text=True
    )
    assert broken.returncode == 1
    assert broken.stderr.strip() == (
        "coffeechat import: photo.png: this is a PNG image, not a contacts export. "
        "Choose the Connections.csv, .vcf or .csv file your contacts were exported to."
    )


def test_two_accounts_need_user(db, capsys):
    make_user("ana")
    make_user("ben")
    with pytest.raises(SystemExit):
        call_command("import", str(FIXTURES / "google_30.vcf"))
    assert "--user" in capsys.readouterr().err
