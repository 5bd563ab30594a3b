"""Contacts as files other programs read: CSV for spreadsheets, vCard for address books.

The functions here turn contacts into bytes and nothing else; the `coffeechat export`
command and the web downloads both call ``export_file``. The complete backup (JSON) is
made by coffeechat.backup; it is listed in ``FORMATS`` so that callers need one table.
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from django.db.models import Prefetch, QuerySet

from coffeechat import backup
from coffeechat.contacts.models import Contact, Tag

if TYPE_CHECKING:
    import vobject


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    extension: str
    content_type: str
    file_stem: str

    def filename(self, day: dt.date) -> str:
        return f"{self.file_stem}-{day.isoformat()}.{self.extension}"


FORMATS = {
    "json": Format(
        "json", "JSON backup", "json", "application/json; charset=utf-8", "coffeechat-backup"
    ),
    "csv": Format(
        "csv", "CSV spreadsheet", "csv", "text/csv; charset=utf-8", "coffeechat-contacts"
    ),
    "vcard": Format("vcard", "vCard", "vcf", "text/vcard; charset=utf-8", "coffeechat-contacts"),
}
EXTENSIONS = {"json": "json", "csv": "csv", "vcf": "vcard", "vcard": "vcard"}


def contacts_to_export(owner) -> QuerySet:
    """The owner's contacts with everything the CSV and vCard need, in name order."""
    return (
        Contact.objects.owned_by(owner)
        .select_related("organization", "referred_by")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
    )


# Contacts read from the database at a time: an export's memory stays the same whatever
# the number of contacts (tags are fetched for one chunk at a time, with one IN each).
CHUNK = 2_000


def write_export(owner, fmt: str, out: BinaryIO, *, byte_order_mark: bool = True) -> None:
    """Write one export of ``owner``'s data in format ``fmt`` (a key of FORMATS) to ``out``,
    piece by piece. ``byte_order_mark``: the CSV's, which helps Excel open a file (not a pipe).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "json":
        backup.write_backup(owner, lambda text: out.write(text.encode("utf-8")))
        return
    contacts = contacts_to_export(owner).iterator(chunk_size=CHUNK)
    if fmt == "csv":
        write_contacts_csv(contacts, out, byte_order_mark=byte_order_mark)
    else:
        for contact in contacts:
            out.write(contact_vcard(contact).serialize().encode("utf-8"))


def export_file(owner, fmt: str) -> bytes:
    """The bytes of one export of ``owner``'s data in format ``fmt`` (a key of FORMATS)."""
    out = io.BytesIO()
    write_export(owner, fmt, out)
    return out.getvalue()


# -- CSV -----------------------------------------------------------------------------------------

# Header names the generic CSV importer recognizes where it has a matching field.
CSV_COLUMNS = [
    "First Name",
    "Last Name",
    "Emails",
    "Organization",
    "Title",
    "Field",
    "Phone",
    "LinkedIn URL",
    "Location",
    "How you know them",
    "Referred by",
    "Tags",
    "Notes",
    "Research notes",
    "Connected on",
]
# A spreadsheet treats a cell starting with one of these as a formula; a contact's notes
# must never run as one ("CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """``value``, with a leading apostrophe if a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_row(contact: Contact) -> list[str]:
    return [
        contact.first_name,
        contact.last_name,
        "; ".join(contact.emails),
        contact.organization.name if contact.organization else "",
        contact.title,
        contact.field,
        contact.phone,
        contact.linkedin_url,
        contact.location,
        contact.get_source_display(),
        contact.referred_by.full_name if contact.referred_by else "",
        "; ".join(tag.name for tag in contact.tags.all()),
        contact.notes,
        contact.research_notes,
        contact.connected_on.isoformat() if contact.connected_on else "",
    ]


def contacts_csv(contacts) -> bytes:
    """One row per contact, UTF-8 with a byte-order mark so Excel shows accents right."""
    out = io.BytesIO()
    write_contacts_csv(contacts, out)
    return out.getvalue()


def write_contacts_csv(
    contacts: Iterable[Contact], out: BinaryIO, *, byte_order_mark: bool = True
) -> None:
    """contacts_csv, written to ``out`` row by row."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig" if byte_order_mark else "utf-8", newline="")
    try:
        writer = csv.writer(text)
        writer.writerow(CSV_COLUMNS)
        for contact in contacts:
            writer.writerow([spreadsheet_safe(value) for value in csv_row(contact)])
    finally:
        text.flush()
        text.detach()  # leave ``out`` open for the caller


# -- vCard ---------------------------------------------------------------------------------------


def contact_vcard(contact: Contact) -> "vobject.base.Component":
    """A vCard 3.0 for one contact: the details an address book has fields for."""
    import vobject  # loaded on first use, not with every console command

    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(family=contact.last_name, given=contact.first_name)
    # FN is required. Without a name, show the address; an importer that needs a name
    # (ours does) then skips the card instead of inventing one.
    has_name = contact.first_name or contact.last_name
    card.add("fn").value = contact.full_name if has_name else (contact.primary_email or "")
    if contact.organization:
        card.add("org").value = [contact.organization.name]
    if contact.title:
        card.add("title").value = contact.title
    for position, address in enumerate(contact.emails):
        line = card.add("email")
        line.value = address
        line.type_paramlist = ["INTERNET", "PREF"] if position == 0 else ["INTERNET"]
    if contact.phone:
        card.add("tel").value = contact.phone
    if contact.linkedin_url:
        card.add("url").value = contact.linkedin_url
    if contact.location:
        # Free text like "Boston, MA": kept whole in the city part, where address books
        # (and coffeechat's importer) show and read it.
        card.add("adr").value = vobject.vcard.Address(city=contact.location)
    if contact.notes:
        card.add("note").value = contact.notes
    tags = [tag.name for tag in contact.tags.all()]
    if tags:
        card.add("categories").value = tags
    return card


def contacts_vcard(contacts) -> bytes:
    """All the contacts as one .vcf file, one card each."""
    return "".join(contact_vcard(contact).serialize() for contact in contacts).encode("utf-8")
