"""Deciding what each parsed row does to the owner's contacts, then doing it.

Rows are matched against an in-memory index of the owner's contacts (LinkedIn
profile, then any email address, then name + organization), so a 30,000-row file
costs a handful of queries, not one per row. Matching never looks beyond the owner.
A merge only fills what is blank, adds email addresses and tags: it never replaces
something the person already wrote down. The whole import is one transaction.

Memory stays bounded whatever the file's size: the records are read one at a time, twice
(once to plan, once to save what the plan creates, in batches), and a contact the file
creates is remembered between the two only by what later rows of the file need to match
it and to know what a merge into it adds (``_New``, some 70 bytes, plus its keys in the
indexes). Existing contacts are held in full (``_Person``): that grows with the account,
not with the file.
"""

import contextlib
import ctypes
import ctypes.util
import functools
import gc
import hashlib
import operator
from array import array

from django.db import transaction
from django.utils import timezone

from coffeechat.contacts.importing import rows
from coffeechat.contacts.importing.files import ParsedFile, parse_file
from coffeechat.contacts.importing.plan import (
    CREATE,
    KEPT_ROWS,
    MERGE,
    SKIP,
    ImportResult,
    RowPlan,
)
from coffeechat.contacts.importing.records import ImportRecord, parse_date, profile_key
from coffeechat.contacts.models import Contact, Organization, Source, Tag, search_text
from coffeechat.contacts.normalize import email_key, fold, organization_key
from coffeechat.textsearch import index_text

BATCH = 500

# Plain fields a merge may fill when the contact has them blank.
FILLABLE = (
    "first_name",
    "last_name",
    "title",
    "field",
    "phone",
    "linkedin_url",
    "location",
    "notes",
    "research_notes",
)
_LABELS = {
    "first_name": "first name",
    "last_name": "last name",
    "linkedin_url": "LinkedIn URL",
    "research_notes": "research notes",
    "connected_on": "date connected",
    "source": "how you know them",
    "emails": "email",
}


class _Draft:
    """A contact's importable fields, as light as can be: one per existing contact and
    per contact the file will create (tens of thousands, so no model instances)."""

    __slots__ = (*FILLABLE, "emails", "connected_on", "source", "pk")
    LOADED = ("pk", *FILLABLE, "emails", "connected_on", "source")

    @classmethod
    def loaded(cls, values):
        draft = cls()
        for name, value in zip(cls.LOADED, values, strict=False):
            setattr(draft, name, value)
        draft.emails = draft.emails or []
        return draft

    @classmethod
    def of(cls, record: ImportRecord):
        limit = _max_lengths()  # slicing within the limit returns the same string
        draft = cls()
        draft.pk = None
        draft.first_name = record.first_name[: limit["first_name"]]
        draft.last_name = record.last_name[: limit["last_name"]]
        draft.title = record.title[: limit["title"]]
        draft.field = record.field[: limit["field"]]
        draft.phone = record.phone[: limit["phone"]]
        draft.linkedin_url = record.linkedin_url[: limit["linkedin_url"]]
        draft.location = record.location[: limit["location"]]
        draft.notes = record.notes
        draft.research_notes = _research_notes(record)
        draft.emails = list(record.emails)
        draft.connected_on = record.connected_on
        draft.source = record.source or Source.OTHER
        return draft

    full_name = Contact.full_name


class _Person:
    """A contact as the import sees it: an existing one or one this file will create."""

    __slots__ = (
        "contact",
        "existing",
        "row",
        "org_name",
        "profile",
        "new_tags",
        "tag_keys",
        "changed",
        "queued",
        "order",
    )

    def __init__(self, contact, *, existing, row=None, org_name="", profile=None, tag_keys=()):
        self.contact = contact
        self.existing = existing
        self.row = row
        self.org_name = org_name[:255]
        self.profile = profile  # linkedin_key of contact.linkedin_url
        self.queued = False
        # Made when first needed: most contacts never get one (an empty set is 216 bytes).
        self.new_tags: dict[str, str] | None = None
        self.tag_keys = tag_keys or _NOTHING
        self.changed: set[str] | None = None
        self.order = 0

    @property
    def name(self):
        return self.contact.full_name

    def name_key(self):
        return _name_key(self.contact.first_name, self.contact.last_name, self.org_name)


_NOTHING: frozenset = frozenset()

# A bit per thing a merge may fill, set when the contact has it (for "source": when it is
# not Source.OTHER): how a _New knows what a later row of the file would add.
_BITS = {
    name: 1 << n for n, name in enumerate((*FILLABLE, "organization", "connected_on", "source"))
}


def _key(text: str) -> int:
    """What the indexes hold for a LinkedIn profile, an email address or a name key: a
    128-bit digest of it, an int of 44 bytes where the text takes some 85 (a 300,000-row
    file has two per row). Two different texts get one digest with a chance of about one
    in 10^38 (BLAKE2b), so matching is as exact as comparing the texts."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return int.from_bytes(digest, "big")


class _Created:
    """The contacts this file creates, in row order, as arrays: for each, its row, which
    fields it has (``filled``: a bit per field a merge may fill, see _BITS) and its
    profile's key. The indexes point at a contact by its position here (an int).

    A contact that holds more (email addresses, tags, a name part that is blank or too
    long, what later rows added) also has a _New, in ``more``; most of a LinkedIn file's
    have none. Their full values are read again from their rows when they are saved.
    """

    def __init__(self):
        self.columns = _Columns()
        self.rows, self.filled, self.profiles = (
            self.columns.rows,
            self.columns.filled,
            self.columns.profiles,
        )
        self.more: dict[int, _New] = {}

    def __len__(self):
        return len(self.rows)

    def add(self, record: ImportRecord, profile: int | None) -> int:
        index = len(self.rows)
        filled = 0
        for name, value in _values(record).items():
            if value:
                filled |= _BITS[name]
        if record.organization:
            filled |= _BITS["organization"]
        if record.connected_on:
            filled |= _BITS["connected_on"]
        if (record.source or Source.OTHER) != Source.OTHER:
            filled |= _BITS["source"]
        self.rows.append(record.row)
        self.filled.append(filled)
        self.profiles.append(profile)
        limit = _max_lengths()
        first, last, org = record.first_name, record.last_name, record.organization
        # The name key is worked out again after a merge from the parts as saved (clipped):
        # it can differ from the row's only when a part is blank (a merge may fill it) or
        # too long.
        if (
            not (first and last and org)
            or len(first) > limit["first_name"]
            or len(last) > limit["last_name"]
            or len(org) > 255
        ):
            parts = (first[: limit["first_name"]], last[: limit["last_name"]], org[:255])
        else:
            parts = None
        if parts or record.emails or record.tags:
            person = self.person(index)
            person.parts = parts
            person.emails = tuple(record.emails)
            for tag in record.tags:
                if person.new_tags is None:
                    person.new_tags = {}
                person.new_tags.setdefault(tag.casefold(), tag)
        return index

    def person(self, index: int) -> "_New":
        person = self.more.get(index)
        if person is None:
            person = self.more[index] = _New(self.columns, index)
        return person


class _Columns:
    """_Created's arrays, which its _New objects read and write (without pointing back at
    _Created, whose ``more`` points at them: no reference cycle, so all of it is freed as
    soon as the import is done, with the cycle collector paused or not)."""

    __slots__ = ("rows", "filled", "profiles")

    def __init__(self):
        self.rows = array("q")
        self.filled = array("H")
        self.profiles: list[int | None] = []


class _New:
    """A contact this file creates, with what a merge into it needs beyond _Created's
    arrays: its email addresses, its tags, its name's parts when a merge may change its
    name key, and what merges added (``patch``)."""

    __slots__ = ("store", "index", "emails", "parts", "patch", "new_tags")
    existing = False
    tag_keys = _NOTHING

    def __init__(self, store: _Columns, index: int):
        self.store = store
        self.index = index
        self.emails: tuple[str, ...] = ()
        self.parts: tuple[str, str, str] | None = None
        self.patch: dict | None = None
        self.new_tags: dict[str, str] | None = None

    @property
    def row(self) -> int:
        return self.store.rows[self.index]

    @property
    def order(self) -> int:
        """Where the import first met it: its row (see _Planner._touch)."""
        return self.row

    @property
    def profile(self) -> int | None:
        return self.store.profiles[self.index]

    @profile.setter
    def profile(self, key: int | None):
        self.store.profiles[self.index] = key

    @property
    def filled(self) -> int:
        return self.store.filled[self.index]

    @filled.setter
    def filled(self, bits: int):
        self.store.filled[self.index] = bits

    def name_key(self):
        """The name key after a merge, when it may have changed; None when it can't have."""
        if self.parts is None:
            return None
        patch = self.patch or {}
        first, last, org = self.parts
        return _name_key(
            patch.get("first_name", first),
            patch.get("last_name", last),
            patch.get("organization", org),
        )


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """normalize.fold, remembered: first names and organizations repeat a lot."""
    return " ".join(text.split()).casefold() if text.isascii() else fold(text)


@functools.lru_cache(maxsize=65536)
def _organization_key(name: str) -> str:
    return organization_key(name)


def _name_key(first: str, last: str, organization: str) -> str | None:
    """normalize.name_key, at the speed a 30,000-row file needs.

    Folding the parts one by one gives the same key as folding "first last" (folding
    works character by character, then collapses spaces) and lets the parts be cached.
    """
    first, last = _fold(first or ""), _fold(last or "")
    full = f"{first} {last}" if first and last else first or last
    return f"{full}|{_organization_key(organization or '')}" if full else None


@functools.cache
def _max_lengths() -> dict[str, int]:
    return {f.name: f.max_length for f in Contact._meta.concrete_fields if f.max_length}


def _clip(name: str, value):
    if not value:
        return value
    limit = _max_lengths().get(name)
    return value[:limit] if limit and isinstance(value, str) and len(value) > limit else value


def _research_notes(record: ImportRecord) -> str:
    """The file's research notes, then the department and websites coffeechat has no field
    for. (A LinkedIn row has none of them: three blank strings to look at.)"""
    if not (record.department or record.websites or record.research_notes):
        return ""
    lines = []
    if record.department:
        lines.append(f"Department: {record.department}")
    lines.extend(f"Website: {url}" for url in record.websites)
    return "\n\n".join(part for part in (record.research_notes, "\n".join(lines)) if part)


def _values(record: ImportRecord) -> dict:
    return {
        "first_name": record.first_name,
        "last_name": record.last_name,
        "title": record.title,
        "field": record.field,
        "phone": record.phone,
        "linkedin_url": record.linkedin_url,
        "location": record.location,
        "notes": record.notes,
        "research_notes": _research_notes(record),
    }


class _Planner:
    """Matches rows against the owner's contacts and the contacts earlier rows create.

    The indexes map the _key of a LinkedIn profile, an email address and a name key to an
    existing contact (a _Person) or to a contact the file creates (its position in
    ``created``, an int).
    """

    def __init__(self, owner):
        self.owner = owner
        self.by_linkedin: dict[int, _Person | int] = {}
        self.by_email: dict[int, _Person | int] = {}
        self.by_name: dict[int, _Person | int] = {}
        self.created = _Created()
        self.changed: list[_Person] = []  # existing contacts a row merges into
        # The first spelling of each organization and tag the import may create, and where
        # it came from (``order``; for a tag, then its place among the contact's), as the
        # import saw them: the spelling that names a new Organization or Tag.
        self.org_names: dict[str, tuple[tuple[bool, int], str]] = {}
        self.tag_names: dict[str, tuple[tuple[int, int], str]] = {}
        self.kept: dict[int, ImportRecord] = {}  # the records of the kept plans, by row
        self._load()

    def _load(self):
        tag_names: dict[int, set[str]] = {}
        tagged = Contact.tags.through.objects.filter(contact__owner=self.owner).values_list(
            "contact_id", "tag__name"
        )
        for contact_id, tag_name in tagged:
            tag_names.setdefault(contact_id, set()).add(tag_name.casefold())
        contacts = Contact.objects.filter(owner=self.owner).order_by("id")
        for values in contacts.values_list(*_Draft.LOADED, "organization__name"):
            contact = _Draft.loaded(values)
            profile = profile_key(contact.linkedin_url)
            person = _Person(
                contact,
                existing=True,
                org_name=values[-1] or "",
                profile=_key(profile) if profile else None,
                tag_keys=tag_names.get(contact.pk),
            )
            self._remember(person, person.profile, person.name_key(), contact.emails)

    def _remember(self, value, profile: int | None, name: str | None, emails):
        if profile:
            self.by_linkedin.setdefault(profile, value)
        for address in emails:
            self.by_email.setdefault(_key(email_key(address)), value)
        if name:
            self.by_name.setdefault(_key(name), value)

    def _match(self, record: ImportRecord, profile: int | None, name: str | None):
        if profile and profile in self.by_linkedin:
            return self.by_linkedin[profile], "same LinkedIn profile"
        for address in record.emails:
            found = self.by_email.get(_key(email_key(address)))
            if found is not None:
                return found, "same email address"
        found = self.by_name.get(_key(name)) if name else None
        if found is not None:
            theirs = found.profile if isinstance(found, _Person) else self.created.profiles[found]
            if not (profile and theirs and profile != theirs):  # two profiles: two people
                return found, "same name and organization"
        return None, ""

    def _org_name(self, existing: bool, order: int, name: str):
        # The contacts to create come first, then the existing ones, each in their order.
        if name and not name.isspace():
            key = _lookup_key(name)
            where = (existing, order)
            seen = self.org_names.get(key)
            if seen is None or where < seen[0]:
                self.org_names[key] = (where, name)

    def _tag_name(self, person, tag: str):
        key = _lookup_key(tag)
        if key:
            where = (person.order, len(person.new_tags))
            seen = self.tag_names.get(key)
            if seen is None or where < seen[0]:
                self.tag_names[key] = (where, tag)

    def _touch(self, person, record: ImportRecord):
        # One contact is met first at each row, so the row orders them (and costs no int).
        person.order = record.row

    def plan(self, record: ImportRecord, keep: bool):
        """(action, changes of a merge, RowPlan when ``keep`` else None) of ``record``."""
        if record.problem:
            return (
                SKIP,
                None,
                RowPlan(record.row, SKIP, record, reason=record.problem) if keep else None,
            )
        profile = _key(record.profile) if record.profile else None
        name = _name_key(record.first_name, record.last_name, record.organization)
        found, why = self._match(record, profile, name)
        if found is None:
            index = self.created.add(record, profile)
            new = self.created.more.get(index)
            for place, tag in enumerate(new.new_tags.values() if new and new.new_tags else ()):
                if key := _lookup_key(tag):
                    self.tag_names.setdefault(key, ((record.row, place), tag))
            self._org_name(False, record.row, record.organization[:255])
            self._remember(index, profile, name, record.emails)
            if keep:
                self.kept[record.row] = record
                return CREATE, None, RowPlan(record.row, CREATE, record, reason="new contact")
            return CREATE, None, None
        if isinstance(found, _Person):
            person = found
            changes = self._merge(person, record)
        else:
            person = self.created.person(found)
            changes = self._merge_new(person, record)
        if changes:
            if "linkedin_url" in changes:
                person.profile = profile
            self._remember(found, person.profile, person.name_key(), record.emails)
        if not keep:
            return MERGE, changes, None
        self.kept[record.row] = record
        where = f"row {person.row} of this file" if not person.existing else self._name(person)
        plan = RowPlan(
            record.row,
            MERGE,
            record,
            contact_id=person.contact.pk if person.existing else None,
            into_row=None if person.existing else person.row,
            target_name=self._name(person),
            changes=changes,
        )
        adds = ", ".join(_LABELS.get(c, c) for c in changes)
        plan.reason = f"{why} as {where}; " + (f"adds {adds}" if adds else "nothing new")
        return MERGE, changes, plan

    def _name(self, person) -> str:
        if person.existing:
            return person.contact.full_name
        # A kept row merges only into a contact an earlier, so also kept, row created.
        record = self.kept.get(person.row)
        if record is None:  # pragma: no cover - see above
            return ""
        limit, patch = _max_lengths(), person.patch or {}
        first = patch.get("first_name", record.first_name[: limit["first_name"]])
        last = patch.get("last_name", record.last_name[: limit["last_name"]])
        return " ".join(part for part in (first, last) if part) or "(no name)"

    def _merge(self, person: _Person, record: ImportRecord) -> list[str]:
        if not person.queued:
            person.queued = True
            self._touch(person, record)
            self.changed.append(person)
        contact, changes = person.contact, []
        for name, value in _values(record).items():
            if value and not getattr(contact, name):
                setattr(contact, name, _clip(name, value))
                changes.append(name)
        if record.organization and not person.org_name:
            person.org_name = record.organization[:255]
            changes.append("organization")
            self._org_name(True, person.order, person.org_name)
        known = {email_key(a) for a in contact.emails or []}
        added = [a for a in record.emails if email_key(a) not in known]
        if added:
            contact.emails = [*(contact.emails or []), *added]
            changes.append("emails")
        if record.connected_on and not contact.connected_on:
            contact.connected_on = record.connected_on
            changes.append("connected_on")
        if record.source != Source.OTHER and contact.source == Source.OTHER:
            contact.source = record.source
            changes.append("source")
        if self._add_tags(person, [t for t in record.tags if t.casefold() not in person.tag_keys]):
            changes.append("tags")
        if changes:
            if person.changed is None:
                person.changed = set()
            person.changed.update(changes)
        return changes

    def _add_tags(self, person, tags) -> bool:
        """Give ``person`` those of ``tags`` it doesn't have yet; whether any were new."""
        added = False
        for tag in tags:
            if tag.casefold() in (person.new_tags or ()):
                continue
            if person.new_tags is None:
                person.new_tags = {}
            self._tag_name(person, tag)
            person.new_tags[tag.casefold()] = tag
            added = True
        return added

    def _merge_new(self, person: _New, record: ImportRecord) -> list[str]:
        """_merge for a contact this file creates: the same decisions, made from what it
        has (``filled``), with what is added kept in its ``patch``."""
        changes, filled = [], person.filled
        patch = person.patch if person.patch is not None else {}
        for name, value in _values(record).items():
            if value and not filled & _BITS[name]:
                patch[name] = _clip(name, value)
                filled |= _BITS[name]
                changes.append(name)
        if record.organization and not filled & _BITS["organization"]:
            patch["organization"] = record.organization[:255]
            filled |= _BITS["organization"]
            changes.append("organization")
            self._org_name(False, person.order, patch["organization"])
        known = {email_key(a) for a in person.emails}
        added = [a for a in record.emails if email_key(a) not in known]
        if added:
            person.emails = (*person.emails, *added)
            changes.append("emails")
        if record.connected_on and not filled & _BITS["connected_on"]:
            patch["connected_on"] = record.connected_on
            filled |= _BITS["connected_on"]
            changes.append("connected_on")
        if record.source != Source.OTHER and not filled & _BITS["source"]:
            patch["source"] = record.source
            filled |= _BITS["source"]
            changes.append("source")
        if self._add_tags(person, record.tags):
            changes.append("tags")
        if patch:
            person.patch = patch
        person.filled = filled
        return changes


@functools.cache
def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to do
        return None


def give_back_memory():
    """Hand the memory an import used back to the system, once it is done with it.

    An import frees a few hundred thousand small objects at its end, but Python returns a
    block of its memory (an arena, 1 MB) only when nothing in it is alive, and the caches
    below put one long-lived entry in nearly every block made while they fill: emptied,
    the blocks go back, and the next import in the same web worker (the confirmation after
    the preview) does not start from this one's peak. glibc's malloc_trim then returns
    what malloc itself holds.
    """
    for cache in (_fold, _organization_key, _lookup_key, parse_date):
        cache.cache_clear()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@contextlib.contextmanager
def paused_gc():
    """Hold off CPython's cycle collector while tens of thousands of small objects are made.

    It would otherwise walk all of them again and again (a third of a 30,000-row import's
    time); an import makes no reference cycles that need it, and it runs again after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Everything made meanwhile sits in the youngest generation, and the first
            # collection would scan it all at once; freeze-then-unfreeze files it with the
            # oldest objects instead, for the next full collection (rare, and not now).
            gc.freeze()
            gc.enable()
            gc.unfreeze()


def import_records(owner, parsed: ParsedFile, *, dry_run: bool = False) -> ImportResult:
    """Plan the rows of ``parsed`` against ``owner``'s contacts and, unless dry_run, save.

    The rows are read one at a time (twice when saving); the result keeps the plans of the
    first KEPT_ROWS rows, and only counts the others.
    """
    # A dry run (the preview) only reads: no transaction, so SQLite's write lock stays free.
    writing = contextlib.nullcontext() if dry_run else transaction.atomic()
    kept, skipped, total = [], [], 0
    counts = {CREATE: 0, MERGE: 0, SKIP: 0}
    unchanged = 0
    with paused_gc(), writing:
        planner = _Planner(owner)
        for record in parsed:
            action, changes, plan = planner.plan(record, total < KEPT_ROWS)
            total += 1
            counts[action] += 1
            if action == SKIP:
                skipped.append((record.row, record.problem))
            elif action == MERGE and not changes:
                unchanged += 1
            if plan is not None:
                kept.append(plan)
        planner.kept = {}
        if not dry_run:
            _save(owner, planner, parsed)
    del planner
    give_back_memory()
    return ImportResult(
        filename=parsed.filename,
        format=parsed.format,
        rows=kept,
        dry_run=dry_run,
        headers=parsed.headers,
        mapping=parsed.mapping,
        samples=parsed.samples,
        total=total,
        created=counts[CREATE],
        merged=counts[MERGE],
        unchanged=unchanged,
        skipped_rows=skipped,
    )


@functools.lru_cache(maxsize=65536)
def _lookup_key(name: str) -> str:
    """How Organization and Tag names are told apart: ignoring case and repeated spaces."""
    return " ".join(name.split()).casefold()


# Contacts saved per statement (or per COPY on PostgreSQL) while the file is read again.
SAVE_BATCH = 10_000


def _save(owner, planner: _Planner, parsed: ParsedFile):
    """Save the plan: the contacts to create, read again from their rows a batch at a time
    with what later rows added, then the existing contacts' changes, then the tags."""
    now = timezone.now()
    changed = [p for p in planner.changed if p.changed]
    org_names = [name for _, name in sorted(planner.org_names.values())]
    org_ids = _ensure_named(Organization, owner, org_names, 255)
    tag_names = [name for _, name in sorted(planner.tag_names.values())]
    tag_ids = _ensure_named(Tag, owner, tag_names, 64)
    Through = Contact.tags.through

    saved = (*FILLABLE, "emails", "connected_on", "source")
    values_of = operator.attrgetter(*saved)
    created = planner.created
    index, count = 0, len(created)
    batch: list[tuple[_New | None, dict]] = []

    def flush():
        ids = rows.insert(Contact, [row for _, row in batch], now=now)
        links = [
            Through(contact_id=pk, tag_id=tag_ids[_lookup_key(name)])
            for (made, _), pk in zip(batch, ids, strict=True)
            if made is not None and made.new_tags
            for name in made.new_tags.values()
        ]
        Through.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)
        batch.clear()

    for record in parsed:
        if index == count:
            break
        if record.row != created.rows[index] or record.problem:
            continue
        contact = _Draft.of(record)
        org_name = record.organization[:255]
        person = created.more.get(index)
        if person is not None:
            for name, value in (person.patch or {}).items():
                if name == "organization":
                    org_name = value
                else:
                    setattr(contact, name, value)
            contact.emails = list(person.emails)
        row = dict(zip(saved, values_of(contact), strict=True))
        row["owner_id"] = owner.pk
        row["organization_id"] = org_ids.get(_lookup_key(org_name))
        row["search_text"] = search_text(contact, Contact.search_sources)
        batch.append((person, row))
        if len(batch) >= SAVE_BATCH:
            flush()
        index += 1
    if index != count:  # pragma: no cover - the file read differently the second time
        raise RuntimeError("the import file's rows changed between planning and saving")
    if batch:
        flush()

    updates = []
    for existing in changed:
        values = {"updated_at": now}
        for name in existing.changed - {"tags"}:
            if name == "organization":
                values["organization_id"] = org_ids.get(_lookup_key(existing.org_name))
            else:
                values[name] = getattr(existing.contact, name)
        if existing.changed & set(Contact.search_sources):
            values["search_text"] = search_text(existing.contact, Contact.search_sources)
        updates.append((existing.contact.pk, values))
    rows.update(Contact, updates)

    links = [
        Through(contact_id=p.contact.pk, tag_id=tag_ids[_lookup_key(name)])
        for p in planner.changed
        if p.new_tags
        for name in p.new_tags.values()
    ]
    Through.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)


def _ensure_named(model, owner, names, max_length) -> dict[str, int]:
    """{lookup key of each name: id} of the owner's Organizations or Tags, creating the
    missing ones in one statement."""
    wanted = {}  # lookup key of the name as the file has it -> the name as it is stored
    for name in names:
        if name and not name.isspace():
            wanted.setdefault(_lookup_key(name), " ".join(name.split())[:max_length])
    if not wanted:
        return {}

    def stored():
        return {
            _lookup_key(name): pk
            for pk, name in model.objects.filter(owner=owner).values_list("pk", "name")
        }

    ids = stored()
    stored_names = {_lookup_key(name): name for name in wanted.values()}
    missing = [
        {"owner_id": owner.pk, "name": name, "search_name": index_text(name)}
        for key, name in stored_names.items()
        if key not in ids
    ]
    if missing:
        # ignore_conflicts: another request may have just added the same name.
        rows.insert(model, missing, ignore_conflicts=True)
        ids = stored()
    return {key: ids[_lookup_key(name)] for key, name in wanted.items()}


def run_import(
    owner,
    data: bytes,
    filename: str,
    fmt: str | None = None,
    mapping: dict | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import ``data`` (the bytes of ``filename``) into ``owner``'s contacts, in one transaction.

    ``fmt`` is a key of formats.FORMATS (detected when None); ``mapping``
    ({column header: field or ''}) overrides the guessed columns of a generic CSV.
    Returns an ImportResult; raises ImportFileError, writing nothing, when the file
    cannot be read. With ``dry_run`` the numbers are the same and nothing is written.
    """
    with paused_gc():
        # Not checked here: a damaged row raises ImportFileError while the rows are read,
        # inside the transaction, so nothing is written either way.
        parsed = parse_file(data, filename, fmt, mapping, check=False)
        return import_records(owner, parsed, dry_run=dry_run)


def plan_import(owner, data: bytes, filename: str, fmt=None, mapping=None) -> ImportResult:
    """What run_import would do, row by row, without writing anything (the preview)."""
    return run_import(owner, data, filename, fmt, mapping, dry_run=True)
