"""The contacts' part of the backup (the rules are in docs/BACKUP.md): ``organizations``,
``tags`` and ``contacts``, each contact pointing at its organization, its tags and the
contact who referred them (anywhere in the list, even in a circle).

These three are required: every file since version 1 has them.
"""

from django.db import models

from coffeechat import backup
from coffeechat.backup.fields import EXPORT_CHUNK, ascii_lower
from coffeechat.contacts.models import Contact, Organization, Tag

# The fields every version 1 file has. Missing ones are errors; any other field of the model
# was added later and may be missing from older files (the record then gets its default).
V1_FIELDS = {
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


def _export_named(model, section):
    def export(user, ctx):
        names = backup.plain_fields(model)
        rows = ctx.number_all(section, model.objects.owned_by(user))
        for obj in rows.iterator(chunk_size=EXPORT_CHUNK):
            yield {"id": ctx.ref(section, obj.pk), **backup.encode_fields(obj, names)}

    return export


def _parse_named(model, section):
    # Generators, like the contacts': a restore takes their records in chunks.
    def parse(raw, ctx):
        seen: dict[str, int] = {}
        for row in ctx.each_row(raw, section):
            values = backup.read_values(row, model, V1_FIELDS[model])
            row.no_other_keys()
            name_key = ascii_lower(values.get("name", ""))
            if name_key in seen:
                row.problem(
                    "name",
                    f"{values['name']!r} is also the name of item {seen[name_key]} (capital "
                    f"letters aside); each of the {section} needs its own name",
                )
            seen.setdefault(name_key, row.position)
            yield (row.id, values)

    return parse


def _restore_named(model, section):
    def restore(user, records, ctx):
        objs = backup.create_all(model, [model(owner=user, **values) for _, values in records])
        for (file_id, _), obj in zip(records, objs, strict=True):
            ctx.remember(section, file_id, obj.pk)
        return len(objs)

    return restore


def _export_contacts(user, ctx):
    # Numbered first, so that referred_by may point anywhere; then read in chunks, each
    # with its tags (one IN over one chunk's ids, never over every contact's).
    rows = ctx.number_all("contacts", Contact.objects.owned_by(user)).prefetch_related(
        models.Prefetch("tags", queryset=Tag.objects.only("pk"))
    )
    names = backup.plain_fields(Contact)
    for contact in rows.iterator(chunk_size=EXPORT_CHUNK):
        yield {
            "id": ctx.ref("contacts", contact.pk),
            **backup.encode_fields(contact, names),
            "organization": ctx.ref("organizations", contact.organization_id),
            "referred_by": ctx.ref("contacts", contact.referred_by_id),
            "tags": sorted(
                file_id
                for file_id in (ctx.ref("tags", tag.pk) for tag in contact.tags.all())
                if file_id is not None
            ),
        }


def _parse_contacts(raw, ctx):
    # One contact at a time; a referred_by pointing further down the list is checked when
    # the list ends (ParseContext.end_section).
    for row in ctx.each_row(raw, "contacts"):
        values = backup.read_values(row, Contact, V1_FIELDS[Contact])
        if "emails" in values and not (
            isinstance(values["emails"], list) and all(isinstance(e, str) for e in values["emails"])
        ):
            row.problem("emails", f"should be a list of addresses, not {values['emails']!r}")
        record = {
            "id": row.id,
            "values": values,
            "organization": row.ref("organization", "organizations"),
            "referred_by": row.ref("referred_by", "contacts"),
            "tags": row.refs("tags", "tags"),
        }
        row.no_other_keys()
        yield record


def _restore_contacts(user, records, ctx):
    contacts = backup.create_all(
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
    # Now these contacts exist: the timestamps that auto_now/auto_now_add overwrote on
    # insert are put back, and referrals set, those to a contact further down the file once
    # every contact is written (ctx.link_later; they may even go in a circle).
    rows = []
    for record, contact in zip(records, contacts, strict=True):
        referrer = record["referred_by"]
        if referrer is not None and not ctx.has("contacts", referrer):
            ctx.link_later(Contact, "referred_by", contact.pk, "contacts", referrer)
            referrer = None
        rows.append(
            [
                ctx.pk("contacts", referrer),
                record["values"]["created_at"],
                record["values"]["updated_at"],
                contact.pk,
            ]
        )
    backup.update_each(
        Contact,
        [Contact._meta.get_field(name) for name in ("referred_by", "created_at", "updated_at")],
        rows,
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


SECTIONS = [
    backup.Section(
        "organizations",
        _export_named(Organization, "organizations"),
        _parse_named(Organization, "organizations"),
        _restore_named(Organization, "organizations"),
        count=lambda user: Organization.objects.owned_by(user).count(),
        label=("organization", "organizations"),
        required=True,
    ),
    backup.Section(
        "tags",
        _export_named(Tag, "tags"),
        _parse_named(Tag, "tags"),
        _restore_named(Tag, "tags"),
        count=lambda user: Tag.objects.owned_by(user).count(),
        label=("tag", "tags"),
        required=True,
    ),
    backup.Section(
        "contacts",
        _export_contacts,
        _parse_contacts,
        _restore_contacts,
        count=lambda user: Contact.objects.owned_by(user).count(),
        label=("contact", "contacts"),
        required=True,
        needs=("organizations", "tags"),
    ),
]
