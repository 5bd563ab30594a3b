"""A console command starts quickly: it loads what it uses and nothing more.

`coffeechat due` builds page addresses, so it loads the URL patterns, but not the pages'
code behind them (coffeechat/lazyviews.py); the libraries that only some pages need
(vCard, iCalendar, name and address parsing) wait for their first use, the message
checker's patterns are compiled when a message is checked, and the migration files are
read only when the database may need migrating. The times are in bench/README.md
("console start"); this pins the causes, which do not depend on the machine.
"""

import json
import os
import re
import subprocess
import sys

from coffeechat.outreach.checker import check_document
from coffeechat.outreach.checker.patterns import LazyPattern, lazy

LOADED_LATE = ["vobject", "icalendar", "nameparser", "email_validator"]
A_MIGRATION = "coffeechat.contacts.migrations.0001_initial"
# A page's code: coffeechat.views and each app's views. The log-in and password pages
# (accounts) are Django's own class-based views and load with the patterns.
PAGE_CODE = re.compile(r"coffeechat(?:\.(?!accounts\b)\w+)?\.views\b")

REPORT = """
import json, sys
from coffeechat import cli
try:
    cli.main(["coffeechat", *sys.argv[2:]])
except SystemExit:
    pass
from coffeechat.outreach.checker import structure
with open(sys.argv[1], "w") as out:
    json.dump({
        "modules": sorted(sys.modules),
        "greeting_compiled": structure._GREETING._compiled is not None,
    }, out)
"""


def start(tmp_path, *args, stdin=""):
    """Run ``coffeechat ARGS`` in a new process; what it had loaded when it finished."""
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    report = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-c", REPORT, str(report), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
    )
    assert report.exists(), done.stderr
    return done, json.loads(report.read_text())


def test_due_loads_no_file_format_library_no_migration_and_no_checker_pattern(tmp_path):
    created, _ = start(tmp_path, "createuser", "ann", "--password", "a long pass phrase 7")
    assert created.returncode == 0, created.stderr

    done, loaded = start(tmp_path, "due", "--json")

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    assert "coffeechat.urls" in loaded["modules"]  # the addresses were built
    assert [name for name in loaded["modules"] if PAGE_CODE.match(name)] == []
    assert [name for name in LOADED_LATE if name in loaded["modules"]] == []
    assert A_MIGRATION not in loaded["modules"]
    assert not loaded["greeting_compiled"]


def test_a_new_database_is_still_migrated_by_the_first_command(tmp_path):
    done, loaded = start(tmp_path, "due", "--json")

    assert "there are no accounts yet" in done.stderr
    assert A_MIGRATION in loaded["modules"]  # the fresh database was built


def test_check_compiles_the_patterns_it_uses(tmp_path):
    done, loaded = start(tmp_path, "check", stdin="Dear Ada,\n\nWould you have 20 minutes?\n")

    assert "Would you" not in done.stderr
    assert loaded["greeting_compiled"]


def test_a_lazy_pattern_matches_as_the_compiled_one_does():
    pattern = lazy(r"\b(?:hi|hello)\b", 0)

    assert isinstance(pattern, LazyPattern) and pattern._compiled is None
    assert pattern.pattern == r"\b(?:hi|hello)\b"
    assert pattern._compiled is None  # reading its source compiles nothing
    assert [m.group() for m in pattern.finditer("hello there, hi")] == ["hello", "hi"]
    assert pattern.sub("hey", "hi Ada") == "hey Ada"
    assert pattern._compiled is not None


def test_the_checker_finds_the_same_with_lazy_patterns():
    report = check_document("Hi,\nCan you get me a job at your company?\n", kind="request")

    assert "job-ask" in {finding.rule for finding in report.findings}
