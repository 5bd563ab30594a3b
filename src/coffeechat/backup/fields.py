"""Reading and writing records: file ids, checked values, and where a problem is.

A section's export numbers its records with ``ExportContext``; its parse reads each
object through ``Row``, which checks every value against the model field it is for and
notes problems with their place in the file; its restore maps file ids to new database
ids with ``RestoreContext``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from typing import Any

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.utils import timezone

from coffeechat.backup.bulk import update_each
from coffeechat.backup.reading import Items
from coffeechat.text import without_nul

# Rows read from the database at a time by an export: its memory is bounded by this many
# records (and their ids), whatever the size of the account.
EXPORT_CHUNK = 2_000


class ExportContext:
    """Hands out file ids: 1, 2, 3... per section, in the order records are exported."""

    def number_all(self, section: str, queryset):
        """Number ``queryset``'s rows 1, 2, 3... in primary key order, reading only their
        ids, and return the queryset of those rows in that order, to be read in chunks
        (``.iterator(chunk_size=EXPORT_CHUNK)``). Every row has its file id before any is
        written, so a link within the section may point forward."""
        ordered = queryset.order_by("pk")
        last = None
        for pk in ordered.values_list("pk", flat=True).iterator(chunk_size=10 * EXPORT_CHUNK):
            self.number(section, pk)
            last = pk
        return ordered.none() if last is None else ordered.filter(pk__lte=last)

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


# Problems kept to be shown; beyond these a restore only counts them (a file with a
# problem in each of 300,000 records would otherwise fill the memory with messages).
MAX_PROBLEMS_KEPT = 1_000


class FileIds:
    """A section's file ids: a set of ints, kept as one number while they run 1, 2, 3...
    (as every export numbers them), so 300,000 ids take no room."""

    def __init__(self):
        self.upto = 0  # 1 to upto are all in
        self.others: set[int] = set()

    def add(self, value: int) -> None:
        if value == self.upto + 1:
            self.upto += 1
            while self.others and self.upto + 1 in self.others:
                self.others.remove(self.upto + 1)
                self.upto += 1
        else:
            self.others.add(value)

    def __contains__(self, value) -> bool:
        return 1 <= value <= self.upto or value in self.others


class ParseContext:
    """Collects problems and the ids each section declares, so references can be checked.

    A restore reads a section's records in turn (``each_row``), so a link within the
    section may point at a record not read yet: ``Row.ref`` lets it through and notes it,
    and ``end_section`` names those whose record never came.
    """

    def __init__(self):
        self.problems: list[str] = []
        self.more = 0  # problems found beyond MAX_PROBLEMS_KEPT
        self._ids: dict[str, FileIds] = defaultdict(FileIds)
        self.current: str | None = None
        # For the section being read: links ahead of the records they point at, and what a
        # check keeps from one chunk of records to the next (``memo``).
        self._ahead: list[tuple[str, str, str, int]] = []
        self.memo: dict = {}

    def problem(self, where: str, message: str, first: bool = False) -> None:
        """Note a problem; ``first`` puts it before those noted so far (one about the
        whole file, found at its end, is then among those shown)."""
        text = f"{where}: {message}" if where else message
        if len(self.problems) >= MAX_PROBLEMS_KEPT:
            self.more += 1
            if not first:
                return
            self.problems.pop()  # the last one kept makes room
        if first:
            self.problems.insert(0, text)
        else:
            self.problems.append(text)

    def begin_section(self, section: str) -> None:
        self.current = section
        self._ahead = []
        self.memo = {}

    def end_section(self) -> None:
        """Every link that pointed ahead in the section just read must have found its record."""
        for where, key, section, file_id in self._ahead:
            if not self.known(section, file_id):
                self.problem(
                    f"{where}, “{key}”",
                    f"points to {section} id {file_id}, which is not in this file",
                )
        self.current = None
        self._ahead = []
        self.memo = {}

    def rows(self, raw, section: str) -> list[Row]:
        """The section's list of objects, each wrapped for reading."""
        return list(self._rows(raw, section))

    def each_row(self, raw, section: str):
        """The section's objects one at a time, each one's "id" declared as it comes: for a
        parse that yields its records (a generator), so that they are checked and written in
        chunks and never all held at once."""
        for row in self._rows(raw, section):
            self.declare_ids(section, [row])
            yield row

    def _rows(self, raw, section: str):
        if not isinstance(raw, list | Items):
            self.problem(section, f"should be a list, not {kind(raw)}")
            return
        for index, item in enumerate(raw, start=1):
            where = f"{section}, item {index}"
            if isinstance(item, dict):
                yield Row(self, item, where, index)
            else:
                self.problem(where, f"should be an object, not {kind(item)}")

    def declare_ids(self, section: str, rows: list[Row]) -> None:
        """Read each row's "id" (a positive whole number, unique in the section)."""
        for row in rows:
            value = row.take("id")
            if value is _MISSING:
                continue
            if not is_int(value) or value < 1:
                row.problem("id", f"should be a whole number from 1 up, not {value!r}")
            elif value in self._ids[section]:
                row.problem("id", f"{value} is used twice in {section}")
            else:
                self._ids[section].add(value)
                row.id = value

    def known(self, section: str, file_id: int) -> bool:
        return file_id in self._ids[section]

    def ahead(self, where: str, key: str, section: str, file_id: int) -> bool:
        """Whether a link to a record not read yet may still find it (it is in the section
        being read); if so it is checked at the section's end."""
        if section != self.current:
            return False
        self._ahead.append((where, key, section, file_id))
        return True


_MISSING = object()


class Row:
    """One object in a section, read key by key; every problem is noted with where it is."""

    def __init__(self, ctx: ParseContext, data: dict, where: str, position: int = 0):
        self.ctx = ctx
        self.data = data
        self.where = where
        self.position = position  # the item's number in its section, from 1
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
        if not is_int(raw):
            self.problem(key, f"should be the id of one of the {section} in this file, not {raw!r}")
        elif self.ctx.known(section, raw) or self.ctx.ahead(self.where, key, section, raw):
            return raw
        else:
            self.problem(key, f"points to {section} id {raw}, which is not in this file")
        return None

    def refs(self, key: str, section: str) -> list[int]:
        raw = self.take(key)
        if raw is _MISSING:
            return []
        if not isinstance(raw, list):
            self.problem(key, f"should be a list of {section} ids, not {kind(raw)}")
            return []
        found = []
        for item in raw:
            if not is_int(item):
                self.problem(key, f"should hold {section} ids, but holds {item!r}")
            elif not (
                self.ctx.known(section, item) or self.ctx.ahead(self.where, key, section, item)
            ):
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
        return without_nul(raw)

    def no_other_keys(self) -> None:
        for key in self.data:
            if key not in self._read:
                self.problem(
                    key,
                    "is not something this coffeechat knows (was the file made by a newer "
                    "version?)",
                )


class RestoreContext:
    """Maps each section's file ids to the database ids of the rows just created.

    Records are written in chunks, so a link within a section may point at a record not
    written yet: ``link_later`` keeps it (two ids) and ``end_section`` sets it once the
    whole section is in.
    """

    def __init__(self):
        self._pks: dict[str, dict[int, Any]] = defaultdict(dict)
        self._later: dict[tuple, list[tuple[Any, int]]] = defaultdict(list)

    def remember(self, section: str, file_id: int, pk) -> None:
        self._pks[section][file_id] = pk

    def pk(self, section: str, file_id: int | None):
        return None if file_id is None else self._pks[section][file_id]

    def has(self, section: str, file_id: int | None) -> bool:
        return file_id in self._pks[section]

    def link_later(self, model, name: str, pk, section: str, file_id: int) -> None:
        """Set ``model`` row ``pk``'s link ``name`` to ``section``'s record ``file_id`` once
        the section is written."""
        self._later[(model, name, section)].append((pk, file_id))

    def end_section(self) -> None:
        for (model, name, section), links in self._later.items():
            field = model._meta.get_field(name)
            for start in range(0, len(links), EXPORT_CHUNK):
                update_each(
                    model,
                    [field],
                    [
                        [self.pk(section, file_id), pk]
                        for pk, file_id in links[start : start + EXPORT_CHUNK]
                    ],
                )
        self._later.clear()


# -- converting values -------------------------------------------------------------------------


def plain_fields(model) -> list[str]:
    """The model's own values (no ids, no links, nothing derived from the others such as a
    search column), in the order the model declares them.

    A field added to a model later is backed up without touching this module; files made
    before it existed lack it, so it is optional on restore (see ``core.V1_FIELDS``).
    """
    return [
        f.name
        for f in model._meta.concrete_fields
        if not (f.primary_key or f.is_relation or getattr(f, "derived", False))
    ]


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
        value = parse_datetime(raw)
    elif isinstance(model_field, models.DateField):
        value = parse_date(raw)
    elif isinstance(model_field, models.CharField | models.TextField):
        if not isinstance(raw, str):
            raise ValueError(f"should be text, not {kind(raw)}")
        value = without_nul(raw)
    elif isinstance(model_field, models.BooleanField):
        if not isinstance(raw, bool):
            raise ValueError(f"should be true or false, not {raw!r}")
        value = raw
    elif isinstance(model_field, models.IntegerField):
        if not is_int(raw):
            raise ValueError(f"should be a whole number, not {raw!r}")
        value = raw
    elif isinstance(model_field, models.JSONField):
        value = without_nul(raw)
    else:  # pragma: no cover - a new field type needs a rule here
        raise ImproperlyConfigured(f"no backup rule for {type(model_field).__name__}")
    try:
        model_field.run_validators(value)
        model_field.validate(value, None)
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from None
    return value


def parse_date(raw) -> dt.date:
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    raise ValueError(f"{raw!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14")


def parse_datetime(raw) -> dt.datetime:
    value = None
    if isinstance(raw, str):
        with contextlib.suppress(ValueError):
            value = dt.datetime.fromisoformat(raw)
    if value is None:
        raise ValueError(f"{raw!r} is not a date and time; write it like 2026-03-14T15:30:00+00:00")
    if timezone.is_naive(value):
        raise ValueError(f"{raw!r} has no time zone; add one, e.g. +00:00 for UTC")
    return value


def ascii_lower(text: str) -> str:
    # Only ASCII, as SQLite's LOWER() does: where the database allows two names, so do we;
    # PostgreSQL, which folds all letters, reports its stricter clashes on insert instead.
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def kind(value) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def read_values(row: Row, model, v1_fields: set[str]) -> dict:
    """Every plain field of ``model`` from ``row``: those of ``v1_fields`` (every version 1
    file has them) required, any added since optional (an older file lacks them)."""
    names = plain_fields(model)
    return row.values(model, names, optional=set(names) - set(v1_fields))
