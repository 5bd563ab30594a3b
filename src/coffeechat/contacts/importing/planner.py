"""Matching an import's rows against the owner's contacts and the contacts earlier rows
create, and deciding what each row does (the plan the preview shows).

Rows are matched against in-memory indexes of the owner's contacts (LinkedIn profile, then
any email address, then name + organization), so a 30,000-row file costs a handful of
queries, not one per row. Matching never looks beyond the owner. A merge only fills what
is blank, adds email addresses and tags: it never replaces something the person already
wrote down.
"""

from coffeechat.contacts.importing import keys
from coffeechat.contacts.importing.keys import BITS
from coffeechat.contacts.importing.people import Created, Draft, New, Person
from coffeechat.contacts.importing.plan import CREATE, MERGE, SKIP, RowPlan
from coffeechat.contacts.importing.records import ImportRecord, profile_key
from coffeechat.contacts.models import Contact, Source
from coffeechat.contacts.normalize import email_key

LABELS = {
    "first_name": "first name",
    "last_name": "last name",
    "linkedin_url": "LinkedIn URL",
    "research_notes": "research notes",
    "connected_on": "date connected",
    "source": "how you know them",
    "emails": "email",
}

# A file that creates at most this many contacts (LinkedIn caps connections at 30,000) is
# read once: their records, about 0.7 KB each, are kept from planning to saving. A bigger
# one is read again to save, so its memory does not grow with it.
KEEP_CREATED = 30_000


class Planner:
    """Matches rows against the owner's contacts and the contacts earlier rows create.

    The indexes map the _key of a LinkedIn profile, an email address and a name key to an
    existing contact (a Person) or to a contact the file creates (its position in
    ``created``, an int).
    """

    def __init__(self, owner, *, keep_created: bool = False):
        self.owner = owner
        # The records of the contacts to create, for saving them without reading the file
        # again; dropped (None) once there are more than KEEP_CREATED. Not for a dry run.
        self.created_records: list[ImportRecord] | None = [] if keep_created else None
        self.by_linkedin: dict[int, Person | int] = {}
        self.by_email: dict[int, Person | int] = {}
        self.by_name: dict[int, Person | int] = {}
        self.created = Created()
        self.changed: list[Person] = []  # existing contacts a row merges into
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
        for values in contacts.values_list(*Draft.LOADED, "organization__name"):
            contact = Draft.loaded(values)
            profile = profile_key(contact.linkedin_url)
            person = Person(
                contact,
                existing=True,
                org_name=values[-1] or "",
                profile=keys.key(profile) if profile else None,
                tag_keys=tag_names.get(contact.pk),
            )
            self._remember(person, person.profile, _indexed_name(person), _emails(contact.emails))

    def _remember(self, value, profile: int | None, name: int | None, emails: list[int]):
        """Index ``value`` by the keys (keys.key) of its profile, name and email addresses."""
        if profile:
            self.by_linkedin.setdefault(profile, value)
        for address in emails:
            self.by_email.setdefault(address, value)
        if name:
            self.by_name.setdefault(name, value)

    def _match(self, profile: int | None, name: int | None, emails: list[int]):
        if profile and profile in self.by_linkedin:
            return self.by_linkedin[profile], "same LinkedIn profile"
        for address in emails:
            found = self.by_email.get(address)
            if found is not None:
                return found, "same email address"
        found = self.by_name.get(name) if name else None
        if found is not None:
            theirs = found.profile if isinstance(found, Person) else self.created.profiles[found]
            if not (profile and theirs and profile != theirs):  # two profiles: two people
                return found, "same name and organization"
        return None, ""

    def _org_name(self, existing: bool, order: int, name: str):
        # The contacts to create come first, then the existing ones, each in their order.
        if name and not name.isspace():
            key = keys.lookup_key(name)
            where = (existing, order)
            seen = self.org_names.get(key)
            if seen is None or where < seen[0]:
                self.org_names[key] = (where, name)

    def _tag_name(self, person, tag: str):
        key = keys.lookup_key(tag)
        if key:
            where = (person.order, len(person.new_tags))
            seen = self.tag_names.get(key)
            if seen is None or where < seen[0]:
                self.tag_names[key] = (where, tag)

    def touch(self, person, record: ImportRecord):
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
        profile = keys.key(record.profile) if record.profile else None
        name = keys.name_key(record.first_name, record.last_name, record.organization)
        name = keys.key(name) if name else None
        emails = _emails(record.emails)
        found, why = self._match(profile, name, emails)
        if found is None:
            index = self.created.add(record, profile)
            new = self.created.more.get(index)
            for place, tag in enumerate(new.new_tags.values() if new and new.new_tags else ()):
                if key := keys.lookup_key(tag):
                    self.tag_names.setdefault(key, ((record.row, place), tag))
            self._org_name(False, record.row, record.organization[:255])
            self._remember(index, profile, name, emails)
            if self.created_records is not None:
                self.created_records.append(record)
                if len(self.created_records) > KEEP_CREATED:
                    self.created_records = None
            if keep:
                self.kept[record.row] = record
                return CREATE, None, RowPlan(record.row, CREATE, record, reason="new contact")
            return CREATE, None, None
        if isinstance(found, Person):
            person = found
            changes = self._merge(person, record)
        else:
            person = self.created.person(found)
            changes = self._merge_new(person, record)
        if changes:
            if "linkedin_url" in changes:
                person.profile = profile
            self._remember(found, person.profile, _indexed_name(person), emails)
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
        adds = ", ".join(LABELS.get(c, c) for c in changes)
        plan.reason = f"{why} as {where}; " + (f"adds {adds}" if adds else "nothing new")
        return MERGE, changes, plan

    def _name(self, person) -> str:
        if person.existing:
            return person.contact.full_name
        # A kept row merges only into a contact an earlier, so also kept, row created.
        record = self.kept.get(person.row)
        if record is None:  # pragma: no cover - see above
            return ""
        limit, patch = keys.max_lengths(), person.patch or {}
        first = patch.get("first_name", record.first_name[: limit["first_name"]])
        last = patch.get("last_name", record.last_name[: limit["last_name"]])
        return " ".join(part for part in (first, last) if part) or "(no name)"

    def _merge(self, person: Person, record: ImportRecord) -> list[str]:
        if not person.queued:
            person.queued = True
            self.touch(person, record)
            self.changed.append(person)
        contact, changes = person.contact, []
        for name, value in keys.fillable(record).items():
            if value and not getattr(contact, name):
                setattr(contact, name, keys.clip(name, value))
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

    def _merge_new(self, person: New, record: ImportRecord) -> list[str]:
        """_merge for a contact this file creates: the same decisions, made from what it
        has (``filled``), with what is added kept in its ``patch``."""
        changes, filled = [], person.filled
        patch = person.patch if person.patch is not None else {}
        for name, value in keys.fillable(record).items():
            if value and not filled & BITS[name]:
                patch[name] = keys.clip(name, value)
                filled |= BITS[name]
                changes.append(name)
        if record.organization and not filled & BITS["organization"]:
            patch["organization"] = record.organization[:255]
            filled |= BITS["organization"]
            changes.append("organization")
            self._org_name(False, person.order, patch["organization"])
        known = {email_key(a) for a in person.emails}
        added = [a for a in record.emails if email_key(a) not in known]
        if added:
            person.emails = (*person.emails, *added)
            changes.append("emails")
        if record.connected_on and not filled & BITS["connected_on"]:
            patch["connected_on"] = record.connected_on
            filled |= BITS["connected_on"]
            changes.append("connected_on")
        if record.source != Source.OTHER and not filled & BITS["source"]:
            patch["source"] = record.source
            filled |= BITS["source"]
            changes.append("source")
        if self._add_tags(person, record.tags):
            changes.append("tags")
        if patch:
            person.patch = patch
        person.filled = filled
        return changes


def _indexed_name(person) -> int | None:
    """The key of ``person``'s name key (see keys.name_key), None when it has none."""
    name = person.name_key()
    return keys.key(name) if name else None


def _emails(addresses) -> list[int]:
    return [keys.key(email_key(address)) for address in addresses] if addresses else []
