"""A complete, versioned JSON backup of one user's data, and its exact restore.

The file
--------
::

    {
      "format": "coffeechat-backup",
      "version": 1,
      "exported_at": "2026-11-25T14:03:00.123456+00:00",
      "coffeechat_version": "0.1.0",
      "profile": {"name": "...", "school": "...", ...},
      "organizations": [{"id": 1, "name": "Ionic Labs", ...}],
      "tags": [{"id": 1, "name": "batteries"}],
      "contacts": [{"id": 1, "organization": 1, "tags": [1], "referred_by": 2, ...}],
      "interviews": [{"id": 1, "contact": 1, "stage": "scheduled", ...}],
      ...
      "messages": [{"id": 2, "contact": 1, "interview": 1, "follow_up_to": 1, ...}]
    }

Records link to each other by ids that belong to the file, not the database: each section
numbers its records 1, 2, 3... in database order. Two exports of the same data are therefore
identical, whichever account or database they came from, and a file can never point at
another user's rows.

``restore_backup`` reads the whole file before it writes anything: the format and version,
every required key, the type and limits of every value, and every reference. Any problem
stops it with a ``BackupError`` listing what is wrong, and nothing is written. It restores only
into an account with no data yet (the profile may be filled in; it is overwritten), and does
all its writing in one transaction.

What is in it
-------------
The core sections (``core``): profile, organizations, tags, contacts. Then each app's
``<app>/backup.py``: interviews with their questions and timeline, next steps, keep-in-touch
cadences and interactions (interviews/backup.py); message templates and messages
(outreach/backup.py). Left out on purpose: the calendar feed's secret token (agenda/backup.py
says why; a restored account gets a new calendar address), logins and passwords.

Adding a section
----------------
Create ``<your app>/backup.py``; coffeechat imports it (apps in INSTALLED_APPS order) the
first time a backup is made or read, after the core sections (backup/core.py). For a model
whose rows belong to one user, ``model_section`` (backup/model_sections.py) does the work:
every field, links checked and mapped, timestamps restored exactly::

    backup.model_section(
        "next_steps",
        Todo,
        label=("next step", "next steps"),
        links={"interview": ("interviews", True), "contact": ("contacts", True)},
        fields={"kind", "text", "due_date", "done_at", "created_at"},  # today's fields
    )

Anything else is three functions and a ``Section``, as core.py does; by hand it looks like::

    from coffeechat import backup
    from coffeechat.interviews.models import Interview

    def export_interviews(user, ctx):
        return [
            {
                "id": ctx.number("interviews", interview.pk),
                "contact": ctx.ref("contacts", interview.contact_id),
                **backup.encode_fields(interview, backup.plain_fields(Interview)),
            }
            for interview in Interview.objects.owned_by(user).order_by("pk")
        ]

    def parse_interviews(raw, ctx):            # check everything; write nothing
        rows = ctx.rows(raw, "interviews")
        ctx.declare_ids("interviews", rows)
        records = []
        for row in rows:
            records.append({
                "id": row.id,
                "contact": row.ref("contact", "contacts", null=False),
                "values": row.values(Interview, backup.plain_fields(Interview)),
            })
            row.no_other_keys()
        return records

    def restore_interviews(user, records, ctx):  # every value is already checked
        for record in records:
            interview = Interview(owner=user, **record["values"],
                                  contact_id=ctx.pk("contacts", record["contact"]))
            ...
        return len(records)

    backup.register(backup.Section(
        "interviews", export_interviews, parse_interviews, restore_interviews,
        count=lambda user: Interview.objects.owned_by(user).count(),
        label=("interview", "interviews"),
        needs=("contacts",),
    ))

Rules for sections:
- A section refers only to sections registered before it (``needs``), and sections are
  exported and restored in the order they were registered. On export ``ctx.ref`` turns a
  database id into a file id; on parse ``row.ref`` checks that the file id exists; on restore
  ``ctx.pk`` turns it into the id of the row just created. A link within one section (a
  contact's referrer, a follow-up's request) may point anywhere in it: create every row
  first, then set those links.
- When a section you need belongs to an app listed *after* yours in INSTALLED_APPS, import
  that app's backup module at the top of yours: it registers there and then, before your
  sections, and discovery later finds it already imported. outreach/backup.py does this for
  interviews (messages point at interviews).
- An id kept in a plain value (outreach's ``template_key`` "mine-<id>") is a link too: write
  it as a file id on export and map it back on restore.
- Keep ``required=False`` (the default) for new sections: files made before the section existed
  then still restore, with that section empty (a version 1 file from before interviews and
  messages restores with none). A section the running coffeechat does not know
  is refused rather than silently dropped.
- A new plain model field needs no change here: ``plain_fields`` picks it up, and since it
  is not in ``V1_FIELDS`` older files without it still restore (it gets its default). In
  your own section, leave it out of ``model_section``'s ``fields`` (or pass
  ``optional={"new_field"}`` to ``row.values``) for the same effect.
  A new link (ForeignKey, ManyToMany) needs code, like ``organization`` and ``tags`` in core.py.
  Renaming or changing the meaning of a field needs ``VERSION`` + 1 and an entry in
  ``UPGRADES`` that rewrites an older file into the new shape before it is parsed.
- ``auto_now``/``auto_now_add`` timestamps are restored exactly: create the rows, then set
  the timestamps with ``QuerySet.update`` (which, unlike ``save``, leaves them as given).
- Records that exist only as part of another section's (an interview's questions) are left
  out of the restore summary and of "this account already has...": ``listed=False``, or
  return None from restore and leave ``count`` alone.
- Add the app's models to ``test_the_backup_covers_every_field`` in tests/test_backup.py, and
  some of their records to tests/rich_account.py, so that the round-trip tests cover them.

The package: this module reads and writes whole files; ``registry`` keeps the sections;
``fields`` checks values and maps ids; ``core`` holds the four core sections;
``model_sections`` builds the usual section for one model.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import get_text_list

import coffeechat
from coffeechat.backup import core
from coffeechat.backup.fields import (
    ExportContext,
    ParseContext,
    RestoreContext,
    Row,
    _is_int,
    _parse_datetime,
    decode_value,
    encode_fields,
    plain_fields,
)
from coffeechat.backup.model_sections import model_section
from coffeechat.backup.registry import HEADER_KEYS, Section, register, sections

V1_FIELDS = core.V1_FIELDS

__all__ = [
    "BackupError",
    "ExportContext",
    "ParseContext",
    "RestoreContext",
    "RestoreSummary",
    "Row",
    "Section",
    "V1_FIELDS",
    "decode_value",
    "dump_backup",
    "encode_fields",
    "existing_data",
    "export_backup",
    "load_backup",
    "model_section",
    "parse_backup",
    "plain_fields",
    "register",
    "restore_backup",
    "sections",
]

FORMAT = "coffeechat-backup"
VERSION = 1
# version -> function rewriting a file of that version into the next version's shape.
UPGRADES: dict[int, Callable[[dict], dict]] = {}
MAX_PROBLEMS_SHOWN = 12


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


def export_backup(user) -> dict:
    """Everything ``user`` has in coffeechat, as a JSON-ready dict."""
    ctx = ExportContext()
    data = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().astimezone(dt.UTC).isoformat(),
        "coffeechat_version": coffeechat.__version__,
    }
    with transaction.atomic():  # one consistent snapshot, even while the web app writes
        for section in sections():
            data[section.key] = section.export(user, ctx)
    return data


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
    if not _is_int(version) or version < 1:
        raise BackupError(f'the backup\'s "version" should be a number from 1 up, not {version!r}.')
    if version > VERSION:
        raise BackupError(
            f"this backup was made by a newer coffeechat (backup version {version}); this "
            f"coffeechat reads versions up to {VERSION}. Upgrade coffeechat, then restore again."
        )
    while version < VERSION:
        data = UPGRADES[version](data)
        version += 1

    ctx = ParseContext()
    exported_at = data.get("exported_at")
    if not isinstance(exported_at, str):
        ctx.problem("“exported_at”", "is missing" if exported_at is None else "should be text")
    else:
        try:
            _parse_datetime(exported_at)
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
