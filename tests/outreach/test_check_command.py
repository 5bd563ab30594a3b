"""`coffeechat check [FILE|-]`: the checker as a student (or a test harness) runs it."""

import io
import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from coffeechat.accounts.models import Profile
from tests.conftest import make_user

GOOD = """Subject: Clark sophomore curious about wildlife biology

Hi Dr. Reyes,

I'm a sophomore studying biology at Clark University. Your work on urban coyotes caught
my attention when I read your piece in the Worcester Telegram. Would you have 20 minutes
for a phone call next week to talk about how you got into wildlife research? I'm free
Tuesday and Thursday afternoons.

Thank you,
Ana
"""
JOB_ASK = GOOD.replace(
    "next week to talk", "next week, and could you refer me for an internship, to talk"
)
NOTE = (
    "Hi Jamal, I'm a senior at Michigan studying industrial engineering, and I noticed you "
    "have spent several years on logistics at Amazon. Would you be open to a 20-minute chat "
    "about your experience there sometime next month? Thank you so much!"
)


def run(*args, stdin=None):
    """Run the command; returns (exit status, stdout)."""
    out = StringIO()
    status = 0
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    try:
        call_command("check", *map(str, args), stdout=out)
    except SystemExit as exit_info:
        status = exit_info.code
    finally:
        sys.stdin = old_stdin
    return status, out.getvalue()


def write(tmp_path, text, name="message.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_email_exits_0_and_says_what_it_checked(db, tmp_path):
    status, out = run(write(tmp_path, GOOD))
    assert status == 0
    assert "Errors" not in out
    assert "checked as email request" in out
    assert "words" in out and "characters" in out


def test_an_error_exits_1_and_is_listed_with_its_line_and_column(db, tmp_path):
    status, out = run(write(tmp_path, JOB_ASK))
    assert status == 1
    assert out.startswith("Errors (1):")
    line = next(line for line in out.splitlines() if "job-ask" in line)
    assert line.split()[0] == "6:64"  # where the asking sentence starts in the file


def test_json_is_the_promised_shape_with_offsets_into_the_file(db, tmp_path):
    status, out = run(write(tmp_path, JOB_ASK), "--json")
    data = json.loads(out)
    assert status == 1
    assert {"findings", "words", "characters"} <= set(data)
    (job,) = [f for f in data["findings"] if f["rule"] == "job-ask"]
    assert job["severity"] == "error" and job["message"]
    assert JOB_ASK[job["start"] : job["end"]].startswith("Would you have 20 minutes")
    assert "no-subject" not in {f["rule"] for f in data["findings"]}


def test_it_reads_standard_input_with_a_dash_or_no_file(db):
    assert run("-", "--json", stdin=GOOD)[0] == 0
    status, out = run("--json", stdin=JOB_ASK)
    assert status == 1 and json.loads(out)["findings"]


def test_a_linkedin_note_over_the_limit_is_an_error(db, tmp_path):
    path = write(tmp_path, NOTE + "\n")
    status, out = run(path, "--channel", "linkedin", "--json")
    data = json.loads(out)
    assert status == 1
    assert data["characters"] == len(NOTE) > 200
    assert "over-limit" in {f["rule"] for f in data["findings"]}


def test_premium_and_limit_change_the_linkedin_limit(db, tmp_path):
    path = write(tmp_path, NOTE)
    assert run(path, "--channel", "linkedin", "--premium")[0] == 0
    assert run(path, "--channel", "linkedin", "--limit", str(len(NOTE)))[0] == 0
    assert run(path, "--channel", "linkedin", "--premium", "--limit", str(len(NOTE) - 1))[0] == 1


def test_subject_and_kind_options(db, tmp_path):
    body = GOOD.split("\n", 2)[2]  # without its Subject line
    _, out = run(write(tmp_path, body), "--json")
    assert "no-subject" in {f["rule"] for f in json.loads(out)["findings"]}
    _, out = run(write(tmp_path, body), "--json", "--subject", "A question from Clark")
    assert "no-subject" not in {f["rule"] for f in json.loads(out)["findings"]}
    thanks = "Hi Jo,\n\nThank you for meeting me. Your advice on field jobs helped.\n\nAna"
    _, out = run(write(tmp_path, thanks), "--kind", "thank-you", "--json")
    assert json.loads(out)["kind"] == "thank-you"


def test_it_works_without_any_account(db, tmp_path):
    assert run(write(tmp_path, GOOD))[0] == 0


def test_it_uses_the_only_accounts_profile(db, tmp_path):
    user = make_user("ana", name="Ana Quixwell", school="Clarkston")
    Profile.objects.filter(owner=user).update(linkedin_premium=True, dictionary="coyotewatch")
    body = NOTE.replace("Amazon", "coyotewatch")
    _, out = run(write(tmp_path, body), "--channel", "linkedin", "--json")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "over-limit" not in rules  # Premium from the profile
    assert "spelling" not in rules  # the user's own word


def test_an_unknown_user_is_refused(db, tmp_path, capsys):
    status, _ = run(write(tmp_path, GOOD), "--user", "nobody")
    assert status == 1
    assert "no account named 'nobody'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["/no/such/file.txt"], "there is no file"),
        (["--channel", "linkedin", "--limit", "0", "-"], "--limit must be a positive"),
    ],
)
def test_bad_input_gets_one_clear_line(db, capsys, args, problem):
    status, _ = run(*args, stdin="Hi")
    assert status == 1
    assert problem in capsys.readouterr().err


def test_a_file_that_is_not_utf8_is_refused(db, tmp_path, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    status, _ = run(path)
    assert status == 1
    assert "not UTF-8" in capsys.readouterr().err


def test_the_console_script_reads_stdin_and_sets_the_exit_status(tmp_path):
    """The real `coffeechat check`, as the held-out message set is run through it."""
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "coffeechat.cli", "check", "--json"]
    good = subprocess.run(command, input=GOOD, capture_output=True, text=True, env=env)
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["findings"] is not None
    bad = subprocess.run(
        [*command, "--channel", "linkedin"], input=NOTE, capture_output=True, text=True, env=env
    )
    assert bad.returncode == 1
    assert "over-limit" in {f["rule"] for f in json.loads(bad.stdout)["findings"]}
