"""Deciding what each parsed row does to the owner's contacts, then doing it.

Rows are matched against an in-memory index of the owner's contacts (LinkedIn
profile, then any email address, then name + organization), so a 30,000-row file
costs a handful of queries, not one per row. Matching never looks beyond the owner.
A merge only fills what is blank, adds email addresses and tags: it never replaces
something the person already wrote down. The whole import is one transaction.
"""

import contextlib
import functools
import gc
import operator

from django.db import transaction
from django.utils import timezone

from coffeechat.contacts.importing import rows
from coffeechat.contacts.importing.files import ParsedFile, parse_file
from coffeechat.contacts.importing.plan import CREATE, MERGE, SKIP, ImportResult, RowPlan
from coffeechat.contacts.importing.records import ImportRecord, profile_key
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
    )

    def __init__(self, contact, *, existing, row=None, org_name="", profile=None, tag_keys=()):
        self.contact = contact
        self.existing = existing
        self.row = row
        self.org_name = org_name[:255]
        self.profile = profile  # linkedin_key of contact.linkedin_url
        self.queued = False
        self.new_tags: dict[str, str] = {}
        self.tag_keys = set(tag_keys)
        self.changed: set[str] = set()

    @property
    def name(self):
        return self.contact.full_name

    def name_key(self):
        return _name_key(self.contact.first_name, self.contact.last_name, self.org_name)


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
    def __init__(self, owner):
        self.owner = owner
        self.by_linkedin: dict[str, _Person] = {}
        self.by_email: dict[str, _Person] = {}
        self.by_name: dict[str, _Person] = {}
        self.people: list[_Person] = []
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
            person = _Person(
                contact,
                existing=True,
                org_name=values[-1] or "",
                profile=profile_key(contact.linkedin_url),
                tag_keys=tag_names.get(contact.pk, ()),
            )
            self._remember(person, person.name_key())

    def _remember(self, person: _Person, name: str | None, emails=None):
        if person.profile:
            self.by_linkedin.setdefault(person.profile, person)
        for address in person.contact.emails if emails is None else emails:
            self.by_email.setdefault(email_key(address), person)
        if name:
            self.by_name.setdefault(name, person)

    def _match(self, record: ImportRecord, name: str | None):
        profile = record.profile
        if profile and profile in self.by_linkedin:
            return self.by_linkedin[profile], "same LinkedIn profile"
        for address in record.emails:
            person = self.by_email.get(email_key(address))
            if person is not None:
                return person, "same email address"
        person = self.by_name.get(name) if name else None
        if person is not None:
            theirs = person.profile
            if not (profile and theirs and profile != theirs):  # two profiles: two people
                return person, "same name and organization"
        return None, ""

    def plan(self, record: ImportRecord) -> RowPlan:
        if record.problem:
            return RowPlan(record.row, SKIP, record, reason=record.problem)
        name = _name_key(record.first_name, record.last_name, record.organization)
        person, why = self._match(record, name)
        if person is None:
            person = _Person(
                _Draft.of(record),
                existing=False,
                row=record.row,
                org_name=record.organization,
                profile=record.profile,
            )
            for tag in record.tags:
                person.new_tags.setdefault(tag.casefold(), tag)
            self.people.append(person)
            self._remember(person, name, record.emails)
            return RowPlan(record.row, CREATE, record, reason="new contact")
        changes = self._merge(person, record)
        if changes:
            if "linkedin_url" in changes:
                person.profile = record.profile
            self._remember(person, person.name_key(), record.emails)
        where = f"row {person.row} of this file" if not person.existing else person.name
        plan = RowPlan(
            record.row,
            MERGE,
            record,
            contact_id=person.contact.pk if person.existing else None,
            into_row=None if person.existing else person.row,
            target_name=person.name,
            changes=changes,
        )
        adds = ", ".join(_LABELS.get(c, c) for c in changes)
        plan.reason = f"{why} as {where}; " + (f"adds {adds}" if adds else "nothing new")
        return plan

    def _merge(self, person: _Person, record: ImportRecord) -> list[str]:
        contact, changes = person.contact, []
        for name, value in _values(record).items():
            if value and not getattr(contact, name):
                setattr(contact, name, _clip(name, value))
                changes.append(name)
        if record.organization and not person.org_name:
            person.org_name = record.organization[:255]
            changes.append("organization")
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
        tags = [t for t in record.tags if t.casefold() not in person.tag_keys]
        tags = [t for t in tags if t.casefold() not in person.new_tags]
        for tag in tags:
            person.new_tags[tag.casefold()] = tag
        if tags:
            changes.append("tags")
        if person.existing:
            person.changed.update(changes)
            if not person.queued:
                person.queued = True
                self.people.append(person)
        return changes


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
    """Plan the rows of ``parsed`` against ``owner``'s contacts and, unless dry_run, save."""
    # A dry run (the preview) only reads: no transaction, so SQLite's write lock stays free.
    writing = contextlib.nullcontext() if dry_run else transaction.atomic()
    with paused_gc(), writing:
        planner = _Planner(owner)
        plans = [planner.plan(record) for record in parsed.records]
        if not dry_run:
            _save(owner, planner.people)
    return ImportResult(
        filename=parsed.filename,
        format=parsed.format,
        rows=plans,
        dry_run=dry_run,
        headers=parsed.headers,
        mapping=parsed.mapping,
        samples=parsed.samples,
    )


@functools.lru_cache(maxsize=65536)
def _lookup_key(name: str) -> str:
    """How Organization and Tag names are told apart: ignoring case and repeated spaces."""
    return " ".join(name.split()).casefold()


def _save(owner, people: list[_Person]):
    now = timezone.now()
    new = [p for p in people if not p.existing]
    changed = [p for p in people if p.existing and p.changed]
    org_ids = _ensure_named(Organization, owner, [p.org_name for p in new + changed], 255)

    saved = (*FILLABLE, "emails", "connected_on", "source")
    values_of = operator.attrgetter(*saved)
    inserts = []
    for person in new:
        row = dict(zip(saved, values_of(person.contact), strict=True))
        row["owner_id"] = owner.pk
        row["organization_id"] = org_ids.get(_lookup_key(person.org_name))
        row["search_text"] = search_text(person.contact, Contact.search_sources)
        inserts.append(row)
    for person, pk in zip(new, rows.insert(Contact, inserts, now=now), strict=True):
        person.contact.pk = pk

    updates = []
    for person in changed:
        values = {"updated_at": now}
        for name in person.changed - {"tags"}:
            if name == "organization":
                values["organization_id"] = org_ids.get(_lookup_key(person.org_name))
            else:
                values[name] = getattr(person.contact, name)
        if person.changed & set(Contact.search_sources):
            values["search_text"] = search_text(person.contact, Contact.search_sources)
        updates.append((person.contact.pk, values))
    rows.update(Contact, updates)

    tag_ids = _ensure_named(Tag, owner, [name for p in people for name in p.new_tags.values()], 64)
    Through = Contact.tags.through
    links = [
        Through(contact_id=p.contact.pk, tag_id=tag_ids[_lookup_key(name)])
        for p in people
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
        parsed = parse_file(data, filename, fmt, mapping)
        return import_records(owner, parsed, dry_run=dry_run)


def plan_import(owner, data: bytes, filename: str, fmt=None, mapping=None) -> ImportResult:
    """What run_import would do, row by row, without writing anything (the preview)."""
    return run_import(owner, data, filename, fmt, mapping, dry_run=True)
