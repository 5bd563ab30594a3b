"""Every environment variable coffeechat reads is documented, and every documented one is read."""

import re
from pathlib import Path

from coffeechat import env

DOCS = Path(__file__).resolve().parents[1] / "docs" / "CONFIGURATION.md"


def documented_variables():
    return set(re.findall(r"^\| `([A-Z_]+)` \|", DOCS.read_text(), re.MULTILINE))


def test_every_variable_read_is_documented(settings):
    assert env.VARIABLES, "settings should have read some variables"
    missing = env.VARIABLES - documented_variables()
    assert not missing, f"document these in docs/CONFIGURATION.md: {sorted(missing)}"


def test_every_documented_variable_is_read(settings):
    stale = documented_variables() - env.VARIABLES
    assert not stale, f"docs/CONFIGURATION.md lists variables nothing reads: {sorted(stale)}"
