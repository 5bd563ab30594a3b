"""The import parsers and the backup framework stand below the apps, at run time too.

import-linter checks the imports as written; this checks what importing them loads, in a
fresh Python without Django set up: the parsers load no Django at all (and read a file),
and the backup framework loads no coffeechat app.
"""

import ast
import os
import subprocess
import sys

PARSERS = """
import sys
from coffeechat.contacts.importing import formats, files, stored
from coffeechat.contacts.importing import parse_file
assert parse_file(b"First Name,Last Name\\nAnn,Lee\\n", "x.csv").records[0].full_name == "Ann Lee"
print(sorted(m for m in sys.modules if m == "django" or m.startswith(("django.", "coffeechat."))))
"""

BACKUP = """
import sys
import coffeechat.backup
print(sorted(m for m in sys.modules if m.startswith("coffeechat.")))
"""


def loaded(code: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return ast.literal_eval(out.stdout)  # the list of module names the code printed


def test_the_import_parsers_load_no_django_and_no_model():
    modules = loaded(PARSERS)
    assert not [m for m in modules if m == "django" or m.startswith("django.")]
    assert not [m for m in modules if m.endswith(".models") or ".importing.apply" in m]
    assert "coffeechat.contacts.importing.vcard" in modules


def test_the_backup_framework_loads_no_app():
    modules = loaded(BACKUP)
    assert [m for m in modules if not m.startswith("coffeechat.backup")] == ["coffeechat.text"]
