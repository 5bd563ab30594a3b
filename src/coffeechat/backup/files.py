"""Whole backup files: reading and writing the JSON, and export, check and restore of one
user's data through every section (registry.py). The file's shape and the rules for
sections are in docs/BACKUP.md."""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import itertools
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.text import get_text_list

import coffeechat
from coffeechat.backup.errors import BackupError
from coffeechat.backup.fields import (
    ExportContext,
    ParseContext,
    RestoreContext,
    is_int,
    parse_datetime,
)
from coffeechat.backup.reading import (
    NOT_AN_OBJECT,
    NOT_TEXT,
    TOO_DEEP,
    Items,
    JsonStream,
    not_json,
)
from coffeechat.backup.registry import HEADER_KEYS, Section, app_upgrades, sections

FORMAT = "coffeechat-backup"
# 2: an interview's "about the person" became the contact's research note (interviews).
VERSION = 2
# version -> function rewriting a file's header of that version into the next version's
# shape; apps rewrite their own sections (``UPGRADES`` in their backup.py, app_upgrades).
UPGRADES: dict[int, Callable[[dict], dict]] = {}


def upgrade_steps(version: int) -> list[Callable[[dict], dict]]:
    """What rewrites a file of ``version`` into the next version's shape, in order."""
    return [*([UPGRADES[version]] if version in UPGRADES else []), *app_upgrades(version)]


# -- reading and writing the file ------------------------------------------------------------


def dump_backup(data: dict) -> str:
    """The backup as pretty, UTF-8-friendly JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_backup(content: bytes | str) -> dict:
    """Parse a whole backup file's bytes, with a clear message when it is not JSON at all.
    (A restore reads the file in pieces instead: ``restore_file``.)"""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BackupError(NOT_TEXT, about_file=True) from None
    try:
        data = json.loads(content)
    except RecursionError:
        raise BackupError(TOO_DEEP, about_file=True) from None
    except json.JSONDecodeError as error:
        raise not_json(error.lineno, error.colno, error.msg) from None
    if not isinstance(data, dict):
        raise BackupError(NOT_AN_OBJECT, about_file=True)
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


# -- restore -----------------------------------------------------------------------------------

# Records checked and written at a time: a restore holds this many (and two ids for each
# record before them), whatever the size of the file.
RESTORE_CHUNK = 1_000


def _check_header(header: dict) -> int:
    """The file's version, once its "format" and "version" say it can be read."""
    if header.get("format") != FORMAT:
        found = f"is {header['format']!r}" if "format" in header else "is missing"
        raise BackupError(
            f'the file is not a coffeechat backup: its "format" should be "{FORMAT}" but '
            f"{found}. Choose the .json file that coffeechat's JSON export made (CSV and "
            "vCard files are for importing contacts).",
            about_file=True,
        )
    version = header.get("version")
    if not is_int(version) or version < 1:
        raise BackupError(
            f'the backup\'s "version" should be a number from 1 up, not {version!r}.',
            about_file=True,
        )
    if version > VERSION:
        raise BackupError(
            f"this backup was made by a newer coffeechat (backup version {version}); this "
            f"coffeechat reads versions up to {VERSION}. Upgrade coffeechat, then restore again.",
            about_file=True,
        )
    return version


def existing_data(user) -> list[str]:
    """What the user already has, like ["3 contacts", "1 tag"]; empty for a fresh account."""
    found = []
    for section in sections():
        count = section.count(user)
        if count:
            found.append(f"{count} {section.label[0] if count == 1 else section.label[1]}")
    return found


def restore_file(user, file) -> RestoreSummary:
    """Recreate the backup in ``file`` (a file object, binary or text, or the file's bytes)
    in ``user``'s empty account, all or nothing; what `coffeechat restore` and the Export
    page use.

    The file is read a piece at a time (backup/reading.py), and each section's records are
    checked and written in chunks of ``RESTORE_CHUNK``, in one transaction. Every problem
    is noted and reading goes on, writing nothing more; at the end, any problem rolls the
    whole transaction back and a ``BackupError`` lists them all. So the memory a restore
    takes does not grow with the file, except for two ids per record.

    Sections are restored in the registry's order, each after those it needs. The export
    writes them in that order; a file that has one before a section it needs (edited by
    hand, say) has it held in a temporary file until then. A file of an older version is
    read whole instead, to be rewritten by its upgrade steps (``upgrade_steps``).
    """
    return _Restore(user).run(JsonStream(file).members())


def restore_backup(user, data: dict) -> RestoreSummary:
    """``restore_file`` for a file already decoded whole (``load_backup``)."""
    if not isinstance(data, dict):
        raise BackupError(
            "the file is not a coffeechat backup (it should be one JSON object).", about_file=True
        )
    return _Restore(user).run(iter(data.items()))


class _Held:
    """A section's list that came before a section it needs: kept in a temporary file (one
    element a line) until it can be restored."""

    def __init__(self, items: Items):
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - closed by close()
        self.file.write('{"items": [')
        separator = "\n"
        for item in items:
            self.file.write(separator + json.dumps(item, ensure_ascii=False))
            separator = ",\n"
        self.file.write("\n]}\n")

    def items(self) -> Items:
        self.file.seek(0)
        return Items(item for _, items in JsonStream(self.file).members() for item in items)

    def whole(self) -> list:
        items = list(self.items())
        self.close()
        return items

    def close(self) -> None:
        self.file.close()


def _chunks(records, size: int):
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class _Restore:
    """One restore: the file's members in, each section parsed and written as it comes."""

    def __init__(self, user):
        self.user = user
        self.known = {section.key: section for section in sections()}
        self.parse_ctx = ParseContext()
        self.restore_ctx = RestoreContext()
        self.header: dict[str, Any] = {}
        self.seen: set[str] = set()
        self.held: dict[str, Any] = {}  # sections waiting for their "needs" (or the header)
        self.done: set[str] = set()
        self.counts: dict[str, int] = {}
        self.reading = False  # the header is read and the file is of this version
        self.whole: dict | None = None  # an older file, read whole to be upgraded

    def run(self, members) -> RestoreSummary:
        try:
            with transaction.atomic():
                for key, value in members:
                    self._member(key, value)
                self._finish()
                if self.parse_ctx.problems:
                    raise BackupError(self.parse_ctx.problems, more=self.parse_ctx.more)
        except IntegrityError as error:
            raise BackupError(
                "the backup's records clash with each other (for example two organizations or "
                "tags whose names differ only in capital letters), so nothing was restored: "
                f"{error}"
            ) from None
        finally:
            for value in self.held.values():
                if isinstance(value, _Held):
                    value.close()
        return RestoreSummary(
            [
                (section, self.counts[key])
                for key, section in self.known.items()
                if key in self.counts
            ]
        )

    def _member(self, key: str, value) -> None:
        if key in self.seen:
            self.parse_ctx.problem(
                f"“{key}”", "is in the file twice; a backup has each of its parts once"
            )
            return
        self.seen.add(key)
        if key in HEADER_KEYS:
            self.header[key] = list(value) if isinstance(value, Items) else value
            if (
                not self.reading
                and self.whole is None
                and {"format", "version"} <= set(self.header)
            ):
                self._read_header()
        elif self.whole is not None:
            self.whole[key] = list(value) if isinstance(value, Items) else value
        elif not self.reading or (key in self.known and not self._ready(key)):
            self.held[key] = _Held(value) if isinstance(value, Items) else value
        elif key not in self.known:
            self._unknown(key)
        else:
            self._section(key, value)
            self._release()

    def _read_header(self) -> None:
        version = _check_header(self.header)
        if version < VERSION:
            self.whole = dict(self.header)
            for key, value in self.held.items():
                self.whole[key] = value.whole() if isinstance(value, _Held) else value
            self.held = {}
            return
        self._start()
        self.reading = True
        for key in [key for key in self.held if key not in self.known]:
            self._unknown(key)
            value = self.held.pop(key)
            if isinstance(value, _Held):
                value.close()
        self._release()

    def _start(self) -> None:
        found = existing_data(self.user)
        if found:
            raise BackupError(
                f"this account already has {get_text_list(found, 'and')}. A backup is "
                "restored only into an empty account, so nothing gets mixed up or doubled: "
                "create a new account and restore there."
            )

    def _ready(self, key: str) -> bool:
        return all(need in self.done for need in self.known[key].needs)

    def _release(self) -> None:
        """Restore the held sections whose needs are now restored, in the registry's order."""
        while ready := [key for key in self.known if key in self.held and self._ready(key)]:
            self._section(ready[0], self._take(ready[0]))

    def _take(self, key: str):
        value = self.held.pop(key)
        return value.items() if isinstance(value, _Held) else value

    def _unknown(self, key: str) -> None:
        self.parse_ctx.problem(
            f"“{key}”",
            "is a part of the backup this coffeechat does not know; upgrade coffeechat "
            "so that nothing in the file is lost",
        )

    def _finish(self) -> None:
        if not self.reading and self.whole is None:
            _check_header(self.header)  # raises: "format" or "version" is missing
        if self.whole is not None:
            data, version = self.whole, self.header["version"]
            while version < VERSION:
                for step in upgrade_steps(version):
                    data = step(data)
                version += 1
            self._start()
            self.reading = True
            for key in data:
                if key not in self.known and key not in HEADER_KEYS:
                    self._unknown(key)
            for key in self.known:
                if key in data:
                    self._section(key, data.pop(key))
        # Held to the end: sections that need one the file does not have.
        for key in list(self.known):
            if key in self.held:
                self._section(key, self._take(key))
        # Found at the end but about the whole file: listed first.
        ctx = self.parse_ctx
        for key, section in reversed(self.known.items()):
            if key not in self.done and section.required:
                ctx.problem(key, "is missing from the file", first=True)
        exported_at = self.header.get("exported_at")
        if not isinstance(exported_at, str):
            ctx.problem(
                "“exported_at”",
                "is missing" if exported_at is None else "should be text",
                first=True,
            )
        else:
            try:
                parse_datetime(exported_at)
            except ValueError as error:
                ctx.problem("“exported_at”", str(error), first=True)

    def _writing(self) -> bool:
        return not self.parse_ctx.problems

    def _section(self, key: str, value) -> None:
        """Check one section's records and, while the file has no problem, write them."""
        section, ctx = self.known[key], self.parse_ctx
        streams = inspect.isgeneratorfunction(section.parse)
        if not streams and isinstance(value, Items):
            value = list(value)
        ctx.begin_section(key)
        parsed = section.parse(value, ctx)
        if streams:
            count, wrote = None, False
            for chunk in _chunks(parsed, RESTORE_CHUNK):
                count, wrote = self._write(section, chunk, count), True
            if not wrote:
                count = self._write(section, [], count)
        else:
            count = self._write(section, parsed, None)
        ctx.end_section()
        if self._writing():
            self.restore_ctx.end_section()
        self.done.add(key)
        if count is not None:
            self.counts[key] = count

    def _write(self, section: Section, records, count: int | None) -> int | None:
        if not self._writing():
            return count
        written = section.restore(self.user, records, self.restore_ctx)
        return count if written is None else (count or 0) + written
