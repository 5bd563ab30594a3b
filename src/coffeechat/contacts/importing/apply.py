"""Deciding what each parsed row does to the owner's contacts, then doing it.

Rows are matched against an in-memory index of the owner's contacts (LinkedIn
profile, then any email address, then name + organization), so a 30,000-row file
costs a handful of queries, not one per row. Matching never looks beyond the owner.
A merge only fills what is blank, adds email addresses and tags: it never replaces
something the person already wrote down. The whole import is one transaction.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from coffeechat.contacts.importing.files import ParsedFile
from coffeechat.contacts.importing.records import FORMAT_NAMES, ImportRecord
from coffeechat.contacts.models import Contact, Organization, Source, Tag
from coffeechat.contacts.normalize import email_key, linkedin_key, name_key

CREATE, MERGE, SKIP = "create", "merge", "skip"
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


@dataclass
class RowPlan:
    """What one row of the file does: create a contact, merge into one, or nothing."""

    row: int
    action: str
    record: ImportRecord
    reason: str = ""
    contact_id: int | None = None  # the existing contact a merge goes into
    into_row: int | None = None  # or the earlier row of this file it repeats
    target_name: str = ""
    changes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    filename: str
    format: str
    rows: list[RowPlan]
    dry_run: bool = False
    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    samples: dict[str, str] = field(default_factory=dict)

    @property
    def created(self) -> int:
        return sum(1 for row in self.rows if row.action == CREATE)

    @property
    def merged(self) -> int:
        return sum(1 for row in self.rows if row.action == MERGE)

    @property
    def unchanged(self) -> int:
        """Merged rows that had nothing new to add (a file imported again)."""
        return sum(1 for row in self.rows if row.action == MERGE and not row.changes)

    @property
    def skipped(self) -> list[dict]:
        return [{"row": r.row, "reason": r.reason} for r in self.rows if r.action == SKIP]

    @property
    def format_name(self) -> str:
        return FORMAT_NAMES.get(self.format, self.format)

    def as_json(self) -> dict:
        return {
            "created": self.created,
            "merged": self.merged,
            "skipped": self.skipped,
            "unchanged": self.unchanged,
            "format": self.format,
            "dry_run": self.dry_run,
        }

    def summary(self) -> str:
        """'Created 12, merged 3, skipped 1.' (or what a dry run would do)."""
        counts = (self.created, self.merged, len(self.skipped))
        if self.dry_run:
            return "Would create {}, merge {}, skip {} (a dry run: nothing was saved).".format(
                *counts
            )
        return "Created {}, merged {}, skipped {}.".format(*counts)


class _Person:
    """A contact as the import sees it: an existing one or one this file will create."""

    __slots__ = (
        "contact",
        "existing",
        "row",
        "org_name",
        "new_tags",
        "tag_keys",
        "changed",
        "queued",
    )

    def __init__(self, contact, *, existing, row=None, org_name="", tag_keys=()):
        self.contact = contact
        self.existing = existing
        self.row = row
        self.org_name = org_name[:255]
        self.queued = False
        self.new_tags: dict[str, str] = {}
        self.tag_keys = set(tag_keys)
        self.changed: set[str] = set()

    @property
    def name(self):
        return self.contact.full_name

    def linkedin(self):
        return linkedin_key(self.contact.linkedin_url)

    def name_key(self):
        return name_key(self.contact.first_name, self.contact.last_name, self.org_name)


def _clip(name: str, value):
    limit = Contact._meta.get_field(name).max_length
    return value[:limit] if limit and isinstance(value, str) else value


def _research_notes(record: ImportRecord) -> str:
    lines = []
    if record.department:
        lines.append(f"Department: {record.department}")
    lines.extend(f"Website: {url}" for url in record.websites)
    return "\n".join(lines)


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
        contacts = Contact.objects.filter(owner=self.owner).select_related("organization")
        for contact in contacts.order_by("id"):
            person = _Person(
                contact,
                existing=True,
                org_name=contact.organization.name if contact.organization else "",
                tag_keys=tag_names.get(contact.pk, ()),
            )
            self._remember(person)

    def _remember(self, person: _Person):
        key = person.linkedin()
        if key:
            self.by_linkedin.setdefault(key, person)
        for address in person.contact.emails or []:
            self.by_email.setdefault(email_key(address), person)
        key = person.name_key()
        if key:
            self.by_name.setdefault(key, person)

    def _match(self, record: ImportRecord):
        key = linkedin_key(record.linkedin_url) if record.linkedin_url else None
        if key and key in self.by_linkedin:
            return self.by_linkedin[key], "same LinkedIn profile"
        for address in record.emails:
            person = self.by_email.get(email_key(address))
            if person is not None:
                return person, "same email address"
        key_by_name = name_key(record.first_name, record.last_name, record.organization)
        person = self.by_name.get(key_by_name) if key_by_name else None
        if person is not None:
            theirs = person.linkedin()
            if not (key and theirs and key != theirs):  # two profiles: two people
                return person, "same name and organization"
        return None, ""

    def plan(self, record: ImportRecord) -> RowPlan:
        if record.problem:
            return RowPlan(record.row, SKIP, record, reason=record.problem)
        person, why = self._match(record)
        if person is None:
            contact = Contact(
                owner=self.owner,
                emails=list(record.emails),
                connected_on=record.connected_on,
                source=record.source or Source.OTHER,
                **{name: _clip(name, value) for name, value in _values(record).items()},
            )
            person = _Person(contact, existing=False, row=record.row, org_name=record.organization)
            for tag in record.tags:
                person.new_tags.setdefault(tag.casefold(), tag)
            self.people.append(person)
            self._remember(person)
            return RowPlan(record.row, CREATE, record, reason="new contact")
        changes = self._merge(person, record)
        self._remember(person)
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


def import_records(owner, parsed: ParsedFile, *, dry_run: bool = False) -> ImportResult:
    """Plan the rows of ``parsed`` against ``owner``'s contacts and, unless dry_run, save."""
    with transaction.atomic():
        planner = _Planner(owner)
        rows = [planner.plan(record) for record in parsed.records]
        if not dry_run:
            _save(owner, planner.people)
    return ImportResult(
        filename=parsed.filename,
        format=parsed.format,
        rows=rows,
        dry_run=dry_run,
        headers=parsed.headers,
        mapping=parsed.mapping,
        samples=parsed.samples,
    )


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _save(owner, people: list[_Person]):
    now = timezone.now()
    new = [p for p in people if not p.existing]
    changed = [p for p in people if p.existing and p.changed]

    org_ids = _ensure_named(Organization, owner, [p.org_name for p in new + changed], 255)
    for person in new:
        person.contact.organization_id = org_ids.get(_fold(person.org_name))
    for person in changed:
        if "organization" in person.changed:
            person.contact.organization_id = org_ids.get(_fold(person.org_name))

    # SQLite and PostgreSQL both return the new ids, which the tag links need.
    Contact.objects.bulk_create([p.contact for p in new], batch_size=BATCH)

    fields = set()
    for person in changed:
        person.contact.updated_at = now
        fields.update(person.changed)
    fields.discard("tags")
    if changed:
        Contact.objects.bulk_update(
            [p.contact for p in changed], sorted(fields | {"updated_at"}), batch_size=BATCH
        )

    tag_ids = _ensure_named(Tag, owner, [name for p in people for name in p.new_tags.values()], 64)
    Through = Contact.tags.through
    links = [
        Through(contact_id=p.contact.pk, tag_id=tag_ids[_fold(name)])
        for p in people
        for name in p.new_tags.values()
    ]
    Through.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)


def _ensure_named(model, owner, names, max_length) -> dict[str, int]:
    """{folded name: id} of the owner's Organizations or Tags, creating missing ones."""
    wanted = {}
    for name in names:
        name = " ".join((name or "").split())[:max_length]
        if name:
            wanted.setdefault(_fold(name), name)
    if not wanted:
        return {}
    ids = {}
    for pk, name in model.objects.filter(owner=owner).values_list("pk", "name"):
        ids.setdefault(_fold(name), pk)
    missing = [model(owner=owner, name=name) for key, name in wanted.items() if key not in ids]
    if missing:
        model.objects.bulk_create(missing, batch_size=BATCH)
        for pk, name in model.objects.filter(owner=owner).values_list("pk", "name"):
            ids.setdefault(_fold(name), pk)
    return ids
