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
      "contacts": [{"id": 1, "organization": 1, "tags": [1], "referred_by": 2, ...}]
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

Adding a section (for a later app: messages, interviews, to-dos, templates...)
------------------------------------------------------------------------------
Create ``<your app>/backup.py``; coffeechat imports it (apps in INSTALLED_APPS order) the
first time a backup is made or read, after the core sections below. In it::

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
- A section refers only to sections registered before it (``needs``). On export ``ctx.ref``
  turns a database id into a file id; on parse ``row.ref`` checks that the file id exists;
  on restore ``ctx.pk`` turns it into the id of the row just created.
- Keep ``required=False`` (the default) for new sections: files made before the section existed
  then still restore, with that section empty. A section the running coffeechat does not know
  is refused rather than silently dropped.
- A new plain model field needs no change here: ``plain_fields`` picks it up, and since it
  is not in ``V1_FIELDS`` older files without it still restore (it gets its default). In
  your own section, pass ``optional={"new_field"}`` to ``row.values`` for the same effect.
  A new link (ForeignKey, ManyToMany) needs code, like ``organization`` and ``tags`` below.
  Renaming or changing the meaning of a field needs ``VERSION`` + 1 and an entry in
  ``UPGRADES`` that rewrites an older file into the new shape before it is parsed.
- ``auto_now``/``auto_now_add`` timestamps are restored exactly: create the rows, then set
  the timestamps with ``bulk_update`` (which, unlike ``save``, does not touch them).
- Add the app's models to ``test_the_backup_covers_every_field`` in tests/test_backup.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from django.utils.text import get_text_list

import coffeechat
from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Contact, Organization, Tag

FORMAT = "coffeechat-backup"
VERSION = 1
# version -> function rewriting a file of that version into the next version's shape.
UPGRADES: dict[int, Callable[[dict], dict]] = {}
HEADER_KEYS = ("format", "version", "exported_at", "coffeechat_version")
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


# -- sections ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One part of the file: how to export it, check it and restore it."""

    key: str
    export: Callable[[Any, ExportContext], Any]
    parse: Callable[[Any, ParseContext], Any]
    restore: Callable[[Any, Any, RestoreContext], int | None]
    # How many of these records the user already has; any makes the account non-empty.
    count: Callable[[Any], int] = lambda user: 0
    label: tuple[str, str] = ("record", "records")
    required: bool = False
    needs: tuple[str, ...] = ()


_sections: dict[str, Section] = {}
_discovered = False


def register(section: Section) -> None:
    if section.key in HEADER_KEYS or section.key in _sections:
        raise ImproperlyConfigured(f"backup section {section.key!r} is registered twice.")
    for need in section.needs:
        if need not in _sections:
            raise ImproperlyConfigured(
                f"backup section {section.key!r} needs {need!r}, which must be registered first."
            )
    _sections[section.key] = section


def sections() -> list[Section]:
    """Every section, in the order they are exported and restored."""
    global _discovered
    if not _discovered:
        _discovered = True
        for app in apps.get_app_configs():
            if app.name.startswith("coffeechat.") and module_has_submodule(app.module, "backup"):
                import_module(f"{app.name}.backup")
    return list(_sections.values())


# -- contexts the sections work with ---------------------------------------------------------


class ExportContext:
    """Hands out file ids: 1, 2, 3... per section, in the order records are exported."""

    def __init__(self):
        self._ids: dict[str, dict[Any, int]] = defaultdict(dict)

    def number(self, section: str, pk) -> int:
        ids = self._ids[section]
        ids[pk] = len(ids) + 1
        return ids[pk]

    def ref(self, section: str, pk) -> int | None:
        """The file id of a record an earlier section exported (None stays None)."""
        # .get: a link to a row this user does not own (never made by coffeechat) is dropped
        # rather than exported.
        return None if pk is None else self._ids[section].get(pk)


class ParseContext:
    """Collects problems and the ids each section declares, so references can be checked."""

    def __init__(self):
        self.problems: list[str] = []
        self._ids: dict[str, set[int]] = defaultdict(set)

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}" if where else message)

    def rows(self, raw, section: str) -> list[Row]:
        """The section's list of objects, each wrapped for reading."""
        if not isinstance(raw, list):
            self.problem(section, f"should be a list, not {_kind(raw)}")
            return []
        rows = []
        for index, item in enumerate(raw, start=1):
            where = f"{section}, item {index}"
            if isinstance(item, dict):
                rows.append(Row(self, item, where))
            else:
                self.problem(where, f"should be an object, not {_kind(item)}")
        return rows

    def declare_ids(self, section: str, rows: list[Row]) -> None:
        """Read each row's "id" (a positive whole number, unique in the section)."""
        for row in rows:
            value = row.take("id")
            if value is _MISSING:
                continue
            if not _is_int(value) or value < 1:
                row.problem("id", f"should be a whole number from 1 up, not {value!r}")
            elif value in self._ids[section]:
                row.problem("id", f"{value} is used twice in {section}")
            else:
                self._ids[section].add(value)
                row.id = value

    def known(self, section: str, file_id: int) -> bool:
        return file_id in self._ids[section]


_MISSING = object()


class Row:
    """One object in a section, read key by key; every problem is noted with where it is."""

    def __init__(self, ctx: ParseContext, data: dict, where: str):
        self.ctx = ctx
        self.data = data
        self.where = where
        self.id: int | None = None
        self._read: set[str] = set()

    def problem(self, key: str, message: str) -> None:
        self.ctx.problem(f"{self.where}, “{key}”", message)

    def take(self, key: str, required: bool = True):
        self._read.add(key)
        if key not in self.data:
            if required:
                self.problem(key, "is missing")
            return _MISSING
        return self.data[key]

    def values(self, model, names, optional=()) -> dict:
        """Checked Python values for these model fields (only those that were valid)."""
        values = {}
        for name in names:
            model_field = model._meta.get_field(name)
            raw = self.take(name, required=name not in optional)
            if raw is _MISSING:
                continue
            try:
                values[name] = decode_value(model_field, raw)
            except ValueError as error:
                self.problem(name, str(error))
        return values

    def ref(self, key: str, section: str, null: bool = True) -> int | None:
        """A file id pointing at a record of ``section`` (None when the link is empty)."""
        raw = self.take(key)
        if raw is _MISSING or (raw is None and null):
            return None
        if not _is_int(raw):
            self.problem(key, f"should be the id of one of the {section} in this file, not {raw!r}")
        elif not self.ctx.known(section, raw):
            self.problem(key, f"points to {section} id {raw}, which is not in this file")
        else:
            return raw
        return None

    def refs(self, key: str, section: str) -> list[int]:
        raw = self.take(key)
        if raw is _MISSING:
            return []
        if not isinstance(raw, list):
            self.problem(key, f"should be a list of {section} ids, not {_kind(raw)}")
            return []
        found = []
        for item in raw:
            if not _is_int(item):
                self.problem(key, f"should hold {section} ids, but holds {item!r}")
            elif not self.ctx.known(section, item):
                self.problem(key, f"points to {section} id {item}, which is not in this file")
            elif item not in found:
                found.append(item)
        return found

    def texts(self, key: str) -> list[str]:
        raw = self.take(key)
        if raw is _MISSING:
            return []
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            self.problem(key, f"should be a list of text values, not {raw!r}")
            return []
        return raw

    def no_other_keys(self) -> None:
        for key in self.data:
            if key not in self._read:
                self.problem(
                    key,
                    "is not something this coffeechat knows (was the file made by a newer "
                    "version?)",
                )


class RestoreContext:
    """Maps each section's file ids to the database ids of the rows just created."""

    def __init__(self):
        self._pks: dict[str, dict[int, Any]] = defaultdict(dict)

    def remember(self, section: str, file_id: int, pk) -> None:
        self._pks[section][file_id] = pk

    def pk(self, section: str, file_id: int | None):
        return None if file_id is None else self._pks[section][file_id]


# -- converting values -------------------------------------------------------------------------


def encode_fields(obj, names) -> dict:
    """JSON-ready values of ``obj``'s fields: dates and times as ISO 8601 text."""
    encoded = {}
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, dt.datetime):
            value = value.astimezone(dt.UTC).isoformat()
        elif isinstance(value, dt.date):
            value = value.isoformat()
        encoded[name] = value
    return encoded


def decode_value(model_field: models.Field, raw):
    """The Python value for ``raw`` checked against the model field; ValueError explains."""
    if raw is None:
        if model_field.null:
            return None
        raise ValueError("is empty (null) but must have a value")
    if isinstance(model_field, models.DateTimeField):
        value = _parse_datetime(raw)
    elif isinstance(model_field, models.DateField):
        value = _parse_date(raw)
    elif isinstance(model_field, models.CharField | models.TextField):
        if not isinstance(raw, str):
            raise ValueError(f"should be text, not {_kind(raw)}")
        value = raw
    elif isinstance(model_field, models.BooleanField):
        if not isinstance(raw, bool):
            raise ValueError(f"should be true or false, not {raw!r}")
        value = raw
    elif isinstance(model_field, models.IntegerField):
        if not _is_int(raw):
            raise ValueError(f"should be a whole number, not {raw!r}")
        value = raw
    elif isinstance(model_field, models.JSONField):
        value = raw
    else:  # pragma: no cover - a new field type needs a rule here
        raise ImproperlyConfigured(f"no backup rule for {type(model_field).__name__}")
    try:
        model_field.run_validators(value)
        model_field.validate(value, None)
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from None
    return value


def _parse_date(raw) -> dt.date:
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    raise ValueError(f"{raw!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14")


def _parse_datetime(raw) -> dt.datetime:
    value = None
    if isinstance(raw, str):
        with contextlib.suppress(ValueError):
            value = dt.datetime.fromisoformat(raw)
    if value is None:
        raise ValueError(f"{raw!r} is not a date and time; write it like 2026-03-14T15:30:00+00:00")
    if timezone.is_naive(value):
        raise ValueError(f"{raw!r} has no time zone; add one, e.g. +00:00 for UTC")
    return value


def _ascii_lower(text: str) -> str:
    # Only ASCII, as SQLite's LOWER() does: where the database allows two names, so do we;
    # PostgreSQL, which folds all letters, reports its stricter clashes on insert instead.
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


# -- the core sections: profile, organizations, tags, contacts -------------------------------


def plain_fields(model) -> list[str]:
    """The model's own values (no ids, no links), in the order the model declares them.

    A field added to a model later is backed up without touching this module; files made
    before it existed lack it, so it is optional on restore (see ``V1_FIELDS``).
    """
    return [f.name for f in model._meta.concrete_fields if not f.primary_key and not f.is_relation]


# The fields every version 1 file has. Missing ones are errors; any other field of the model
# was added later and may be missing from older files (the record then gets its default).
V1_FIELDS = {
    Profile: {
        "name",
        "school",
        "class_year",
        "major",
        "interests",
        "availability",
        "signature",
        "time_zone",
    },
    Organization: {"name", "website", "industry", "notes"},
    Tag: {"name"},
    Contact: {
        "first_name",
        "last_name",
        "title",
        "field",
        "emails",
        "phone",
        "linkedin_url",
        "location",
        "source",
        "notes",
        "research_notes",
        "connected_on",
        "created_at",
        "updated_at",
    },
}


def read_values(row: Row, model) -> dict:
    names = plain_fields(model)
    return row.values(model, names, optional=set(names) - V1_FIELDS[model])


def _export_profile(user, ctx):
    return encode_fields(Profile.for_user(user), plain_fields(Profile))


def _parse_profile(raw, ctx):
    if not isinstance(raw, dict):
        ctx.problem("profile", f"should be an object, not {_kind(raw)}")
        return {}
    row = Row(ctx, raw, "profile")
    values = read_values(row, Profile)
    row.no_other_keys()
    return values


def _restore_profile(user, values, ctx):
    profile = Profile.for_user(user)
    for name, value in values.items():
        setattr(profile, name, value)
    profile.save()
    return None


def _export_named(model, section):
    def export(user, ctx):
        names = plain_fields(model)
        return [
            {"id": ctx.number(section, obj.pk), **encode_fields(obj, names)}
            for obj in model.objects.owned_by(user).order_by("pk")
        ]

    return export


def _parse_named(model, section):
    def parse(raw, ctx):
        rows = ctx.rows(raw, section)
        ctx.declare_ids(section, rows)
        records = []
        seen: dict[str, int] = {}
        for position, row in enumerate(rows, start=1):
            values = read_values(row, model)
            row.no_other_keys()
            name_key = _ascii_lower(values.get("name", ""))
            if name_key in seen:
                row.problem(
                    "name",
                    f"{values['name']!r} is also the name of item {seen[name_key]} (capital "
                    f"letters aside); each of the {section} needs its own name",
                )
            seen.setdefault(name_key, position)
            records.append((row.id, values))
        return records

    return parse


def _restore_named(model, section):
    def restore(user, records, ctx):
        objs = _create_all(model, [model(owner=user, **values) for _, values in records])
        for (file_id, _), obj in zip(records, objs, strict=True):
            ctx.remember(section, file_id, obj.pk)
        return len(objs)

    return restore


def _export_contacts(user, ctx):
    contacts = (
        Contact.objects.owned_by(user)
        .order_by("pk")
        .prefetch_related(models.Prefetch("tags", queryset=Tag.objects.only("pk")))
    )
    ids = {contact.pk: ctx.number("contacts", contact.pk) for contact in contacts}
    return [
        {
            "id": ids[contact.pk],
            **encode_fields(contact, plain_fields(Contact)),
            "organization": ctx.ref("organizations", contact.organization_id),
            "referred_by": ids.get(contact.referred_by_id),
            "tags": sorted(
                file_id
                for file_id in (ctx.ref("tags", tag.pk) for tag in contact.tags.all())
                if file_id is not None
            ),
        }
        for contact in contacts
    ]


def _parse_contacts(raw, ctx):
    rows = ctx.rows(raw, "contacts")
    ctx.declare_ids("contacts", rows)  # first, so referred_by may point anywhere in the list
    records = []
    for row in rows:
        values = read_values(row, Contact)
        if "emails" in values and not (
            isinstance(values["emails"], list) and all(isinstance(e, str) for e in values["emails"])
        ):
            row.problem("emails", f"should be a list of addresses, not {values['emails']!r}")
        records.append(
            {
                "id": row.id,
                "values": values,
                "organization": row.ref("organization", "organizations"),
                "referred_by": row.ref("referred_by", "contacts"),
                "tags": row.refs("tags", "tags"),
            }
        )
        row.no_other_keys()
    return records


def _restore_contacts(user, records, ctx):
    contacts = _create_all(
        Contact,
        [
            Contact(
                owner=user,
                **record["values"],
                organization_id=ctx.pk("organizations", record["organization"]),
            )
            for record in records
        ],
    )
    for record, contact in zip(records, contacts, strict=True):
        ctx.remember("contacts", record["id"], contact.pk)
    # Now every contact exists, referrals can point anywhere (even in a circle), and the
    # timestamps that auto_now/auto_now_add overwrote on insert can be put back. One small
    # UPDATE per contact: bulk_update's CASE expressions are several times slower here.
    for record, contact in zip(records, contacts, strict=True):
        Contact.objects.filter(pk=contact.pk).update(
            referred_by_id=ctx.pk("contacts", record["referred_by"]),
            created_at=record["values"]["created_at"],
            updated_at=record["values"]["updated_at"],
        )
    Through = Contact.tags.through
    Through.objects.bulk_create(
        [
            Through(contact_id=contact.pk, tag_id=ctx.pk("tags", tag_id))
            for record, contact in zip(records, contacts, strict=True)
            for tag_id in record["tags"]
        ],
        batch_size=500,
    )
    return len(contacts)


def _create_all(model, objs):
    """Insert ``objs`` and return them with their new primary keys."""
    if connection.features.can_return_rows_from_bulk_insert:
        return model.objects.bulk_create(objs, batch_size=500)
    for obj in objs:  # pragma: no cover - databases without INSERT ... RETURNING
        obj.save(force_insert=True)
    return objs


register(
    Section(
        "profile",
        _export_profile,
        _parse_profile,
        _restore_profile,
        label=("profile", "profile"),
        required=True,
    )
)
register(
    Section(
        "organizations",
        _export_named(Organization, "organizations"),
        _parse_named(Organization, "organizations"),
        _restore_named(Organization, "organizations"),
        count=lambda user: Organization.objects.owned_by(user).count(),
        label=("organization", "organizations"),
        required=True,
    )
)
register(
    Section(
        "tags",
        _export_named(Tag, "tags"),
        _parse_named(Tag, "tags"),
        _restore_named(Tag, "tags"),
        count=lambda user: Tag.objects.owned_by(user).count(),
        label=("tag", "tags"),
        required=True,
    )
)
register(
    Section(
        "contacts",
        _export_contacts,
        _parse_contacts,
        _restore_contacts,
        count=lambda user: Contact.objects.owned_by(user).count(),
        label=("contact", "contacts"),
        required=True,
        needs=("organizations", "tags"),
    )
)


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
