"""Saving an import's plan: the contacts it creates, read again from their rows a batch at
a time with what later rows added, then the existing contacts' changes, then the tags."""

import operator
from collections.abc import Iterable
from itertools import islice

from django.utils import timezone

from coffeechat.contacts.importing import keys, rows
from coffeechat.contacts.importing.files import ParsedFile
from coffeechat.contacts.importing.keys import FILLABLE
from coffeechat.contacts.importing.people import Created, Draft, New
from coffeechat.contacts.importing.planner import Planner
from coffeechat.contacts.importing.records import ImportRecord
from coffeechat.contacts.models import Contact, Organization, Tag
from coffeechat.textsearch import index_text

BATCH = 500

# Contacts saved per statement (or per COPY on PostgreSQL) while the file is read again.
SAVE_BATCH = 10_000


def save(owner, planner: Planner, parsed: ParsedFile):
    """Save the plan: the contacts to create, from the records the planner kept or read
    again from their rows, a batch at a time, with what later rows added; then the
    existing contacts' changes, then the tags."""
    now = timezone.now()
    changed = [p for p in planner.changed if p.changed]
    org_names = [name for _, name in sorted(planner.org_names.values())]
    org_ids = ensure_named(Organization, owner, org_names, 255)
    tag_names = [name for _, name in sorted(planner.tag_names.values())]
    tag_ids = ensure_named(Tag, owner, tag_names, 64)
    Through = Contact.tags.through

    created, count = planner.created, len(planner.created)
    records = planner.created_records
    planner.created_records = None  # let go as they are saved
    made = _created_rows(owner, created, parsed if records is None else _consumed(records), org_ids)
    for start in range(0, count, SAVE_BATCH):
        size = min(SAVE_BATCH, count - start)
        tagged: list[tuple[int, New]] = []
        ids = rows.insert(Contact, _rows(made, size, tagged), now=now, count=size)
        links = [
            Through(contact_id=ids[position], tag_id=tag_ids[keys.lookup_key(name)])
            for position, person in tagged
            for name in person.new_tags.values()
        ]
        Through.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)
    next(made, None)  # ends the reading: as far as the next record, and checks the count

    updates = []
    for existing in changed:
        values = {"updated_at": now}
        for name in existing.changed - {"tags"}:
            if name == "organization":
                values["organization_id"] = org_ids.get(keys.lookup_key(existing.org_name))
            else:
                values[name] = getattr(existing.contact, name)
        if existing.changed & set(Contact.search_sources):
            values["search_text"] = keys.search_text(existing.contact)
        updates.append((existing.contact.pk, values))
    rows.update(Contact, updates)

    links = [
        Through(contact_id=p.contact.pk, tag_id=tag_ids[keys.lookup_key(name)])
        for p in planner.changed
        if p.new_tags
        for name in p.new_tags.values()
    ]
    Through.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)


def _created_rows(owner, created: Created, records: Iterable[ImportRecord], org_ids: dict):
    """(its New or None, its row) of each contact to create, in order: read from its record
    (a row of the file that is not one of them is passed over), with what later rows
    added."""
    saved = (*FILLABLE, "emails", "connected_on", "source")
    values_of = operator.attrgetter(*saved)
    index, count = 0, len(created)
    for record in records:
        if index == count:
            return
        if record.row != created.rows[index] or record.problem:
            continue
        contact = Draft.of(record)
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
        row["organization_id"] = org_ids.get(keys.lookup_key(org_name))
        row["search_text"] = keys.search_text(contact)
        yield person, row
        index += 1
    if index != count:  # pragma: no cover - the file read differently the second time
        raise RuntimeError("the import file's rows changed between planning and saving")


def _rows(made, size: int, tagged: list):
    """The next ``size`` rows of ``made``, noting (position, New) of those with tags."""
    for position, (person, row) in enumerate(islice(made, size)):
        if person is not None and person.new_tags:
            tagged.append((position, person))
        yield row


def _consumed(records: list):
    """The items of ``records``, each let go as soon as it is given."""
    records.reverse()
    while records:
        yield records.pop()


def ensure_named(model, owner, names, max_length) -> dict[str, int]:
    """{lookup key of each name: id} of the owner's Organizations or Tags, creating the
    missing ones in one statement."""
    wanted = {}  # lookup key of the name as the file has it -> the name as it is stored
    for name in names:
        if name and not name.isspace():
            wanted.setdefault(keys.lookup_key(name), " ".join(name.split())[:max_length])
    if not wanted:
        return {}

    def stored():
        return {
            keys.lookup_key(name): pk
            for pk, name in model.objects.filter(owner=owner).values_list("pk", "name")
        }

    ids = stored()
    stored_names = {keys.lookup_key(name): name for name in wanted.values()}
    missing = [
        {"owner_id": owner.pk, "name": name, "search_name": index_text(name)}
        for key, name in stored_names.items()
        if key not in ids
    ]
    if missing:
        # ignore_conflicts: another request may have just added the same name.
        rows.insert(model, missing, ignore_conflicts=True)
        ids = stored()
    return {key: ids[keys.lookup_key(name)] for key, name in wanted.items()}
