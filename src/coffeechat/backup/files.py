"""Whole backup files: reading and writing the JSON, and export, check and restore of one
user's data through every section (registry.py). The file's shape and the rules for
sections are in docs/BACKUP.md."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.text import get_text_list

import coffeechat
from coffeechat.backup.fields import (
    ExportContext,
    ParseContext,
    RestoreContext,
    is_int,
    parse_datetime,
)
from coffeechat.backup.registry import HEADER_KEYS, Section, app_upgrades, sections

FORMAT = "coffeechat-backup"
# 2: an interview's "about the person" became the contact's research note (interviews).
VERSION = 2
# version -> function rewriting a file's header of that version into the next version's
# shape; apps rewrite their own sections (``UPGRADES`` in their backup.py, app_upgrades).
UPGRADES: dict[int, Callable[[dict], dict]] = {}
MAX_PROBLEMS_SHOWN = 12


def upgrade_steps(version: int) -> list[Callable[[dict], dict]]:
    """What rewrites a file of ``version`` into the next version's shape, in order."""
    return [*([UPGRADES[version]] if version in UPGRADES else []), *app_upgrades(version)]


class BackupError(Exception):
    """The file cannot be restored; ``problems`` says why, one plain sentence each."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(self.describe())

    def describe(self, limit: int = MAX_PROBLEMS_SHOWN) -> str:
        shown = self.problems[:limit]
        if len(self.problems) == 1:
            return shown[0]
        text = "; ".join(shown)
        if len(self.problems) > limit:
            text += f"; and {len(self.problems) - limit} more problems"
        return text


# -- reading and writing the file ------------------------------------------------------------


def dump_backup(data: dict) -> str:
    """The backup as pretty, UTF-8-friendly JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_backup(content: bytes | str) -> dict:
    """Parse a backup file's bytes, with a clear message when it is not JSON at all."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BackupError(
                "the file is not a coffeechat backup: it is not text (UTF-8). "
                "Choose the .json file that coffeechat's JSON export made."
            ) from None
    try:
        data = json.loads(content)
    except RecursionError:
        raise BackupError(
            "the file is nested too deeply to be a coffeechat backup. Choose the .json file "
            "that coffeechat's JSON export made, unchanged."
        ) from None
    except json.JSONDecodeError as error:
        raise BackupError(
            f"the file is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}). Choose the .json file that coffeechat's JSON export made, unchanged."
        ) from None
    if not isinstance(data, dict):
        raise BackupError(
            "the file is JSON but not a coffeechat backup (it should hold one object with "
            '"format": "coffeechat-backup").'
        )
    return data


# -- export and restore ------------------------------------------------------------------------


def _header() -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().astimezone(dt.UTC).isoformat(),
        "coffeechat_version": coffeechat.__version__,
    }


@contextlib.contextmanager
def _snapshot():
    """One consistent view of the data for the whole export, even while the web app
    writes: a transaction, and on PostgreSQL one snapshot for all its queries (a section
    reads its rows in chunks, after numbering them)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def export_backup(user) -> dict:
    """Everything ``user`` has in coffeechat, as a JSON-ready dict."""
    ctx = ExportContext()
    data = _header()
    with _snapshot():
        for section in sections():
            value = section.export(user, ctx)
            data[section.key] = value if isinstance(value, dict | list) else list(value)
    return data


def write_backup(user, write: Callable[[str], Any]) -> None:
    """The same text as ``dump_backup(export_backup(user))``, handed to ``write`` piece by
    piece: a section's records are read in chunks and written one by one, so the memory
    it takes does not grow with the number of records (a 300,000-contact export no longer
    builds the whole file, and a dict of it, first)."""
    ctx = ExportContext()
    with _snapshot():
        write("{")
        separator = "\n"
        for key, value in _header().items():
            _write_member(write, separator, key, value)
            separator = ",\n"
        for section in sections():
            _write_member(write, separator, section.key, section.export(user, ctx))
        write("\n}\n")


def _write_member(write, separator: str, key: str, value) -> None:
    """One top-level '"key": value', laid out as json.dumps(indent=2) lays it out."""
    write(f"{separator}  {json.dumps(key, ensure_ascii=False)}: ")
    if isinstance(value, dict | str | int | float | bool) or value is None:
        write(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        return
    opening = "[\n    "
    for item in value:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        write(opening + text)
        opening = ",\n    "
    write("[]" if opening == "[\n    " else "\n  ]")


@dataclass
class RestoreSummary:
    counts: list[tuple[Section, int]] = field(default_factory=list)

    def __str__(self):
        return self.describe()

    def describe(self, into: str = "") -> str:
        """'Restored 2 organizations, 1 tag, 3 contacts and the profile[ into ...].'"""
        parts = [
            f"{count} {section.label[0] if count == 1 else section.label[1]}"
            for section, count in self.counts
        ]
        where = f" into {into}" if into else ""
        return "Restored " + get_text_list(parts + ["the profile"], "and") + where + "."

    def count(self, key: str) -> int:
        return next((n for section, n in self.counts if section.key == key), 0)


def parse_backup(data: dict) -> dict[str, Any]:
    """Check the whole file; return each section's checked records, or raise BackupError."""
    if not isinstance(data, dict):
        raise BackupError("the file is not a coffeechat backup (it should be one JSON object).")
    if data.get("format") != FORMAT:
        found = f"is {data['format']!r}" if "format" in data else "is missing"
        raise BackupError(
            f'the file is not a coffeechat backup: its "format" should be "{FORMAT}" but '
            f"{found}. Choose the .json file that coffeechat's JSON export made (CSV and "
            "vCard files are for importing contacts)."
        )
    version = data.get("version")
    if not is_int(version) or version < 1:
        raise BackupError(f'the backup\'s "version" should be a number from 1 up, not {version!r}.')
    if version > VERSION:
        raise BackupError(
            f"this backup was made by a newer coffeechat (backup version {version}); this "
            f"coffeechat reads versions up to {VERSION}. Upgrade coffeechat, then restore again."
        )
    while version < VERSION:
        for step in upgrade_steps(version):
            data = step(data)
        version += 1

    ctx = ParseContext()
    exported_at = data.get("exported_at")
    if not isinstance(exported_at, str):
        ctx.problem("“exported_at”", "is missing" if exported_at is None else "should be text")
    else:
        try:
            parse_datetime(exported_at)
        except ValueError as error:
            ctx.problem("“exported_at”", str(error))
    known = {section.key: section for section in sections()}
    for key in data:
        if key not in known and key not in HEADER_KEYS:
            ctx.problem(
                f"“{key}”",
                "is a part of the backup this coffeechat does not know; upgrade coffeechat "
                "so that nothing in the file is lost",
            )
    parsed = {}
    for section in known.values():
        if section.key in data:
            parsed[section.key] = section.parse(data[section.key], ctx)
        elif section.required:
            ctx.problem(section.key, "is missing from the file")
    if ctx.problems:
        raise BackupError(ctx.problems)
    return parsed


def existing_data(user) -> list[str]:
    """What the user already has, like ["3 contacts", "1 tag"]; empty for a fresh account."""
    found = []
    for section in sections():
        count = section.count(user)
        if count:
            found.append(f"{count} {section.label[0] if count == 1 else section.label[1]}")
    return found


def restore_backup(user, data: dict) -> RestoreSummary:
    """Recreate a backup's data in ``user``'s empty account, all or nothing."""
    parsed = parse_backup(data)
    ctx = RestoreContext()
    summary = RestoreSummary()
    try:
        with transaction.atomic():
            found = existing_data(user)
            if found:
                raise BackupError(
                    f"this account already has {get_text_list(found, 'and')}. A backup is "
                    "restored only into an empty account, so nothing gets mixed up or doubled: "
                    "create a new account and restore there."
                )
            for section in sections():
                if section.key not in parsed:  # an optional section the file predates
                    continue
                count = section.restore(user, parsed[section.key], ctx)
                if count is not None:
                    summary.counts.append((section, count))
    except IntegrityError as error:
        raise BackupError(
            "the backup's records clash with each other (for example two organizations or tags "
            f"whose names differ only in capital letters), so nothing was restored: {error}"
        ) from None
    return summary
