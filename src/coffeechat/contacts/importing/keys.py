"""How the import tells people, organizations and tags apart, at the speed a file of tens
of thousands of rows needs: the keys its indexes hold, and a row's values a merge may fill.

The cached helpers here repeat normalize's rules (tests/contacts/test_import_fast_paths.py
checks that they agree); ``clear_caches`` empties them once an import is done.
"""

import functools
import hashlib
import operator

from coffeechat import textsearch
from coffeechat.contacts.importing.records import ImportRecord, parse_date
from coffeechat.contacts.models import Contact, Source
from coffeechat.contacts.normalize import fold, organization_key

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

# A bit per thing a merge may fill, set when the contact has it (for "source": when it is
# not Source.OTHER): how a contact the file creates knows what a later row would add.
BITS = {
    name: 1 << n for n, name in enumerate((*FILLABLE, "organization", "connected_on", "source"))
}

# The ones an ImportRecord has under the same name (all but research_notes), read at once.
_ON_RECORD = tuple(name for name in FILLABLE if name != "research_notes")
_on_record = operator.attrgetter(*_ON_RECORD)
_ON_RECORD_BITS = tuple(BITS[name] for name in _ON_RECORD)

# Entries in each cache below: what repeats (first names, organizations) stays in them; a
# 300,000-row file's unique last names would fill them at some 200 bytes an entry.
CACHED = 16384


def key(text: str) -> int:
    """What the indexes hold for a LinkedIn profile, an email address or a name key: a
    128-bit digest of it, an int of 44 bytes where the text takes some 85 (a 300,000-row
    file has two per row). Two different texts get one digest with a chance of about one
    in 10^38 (BLAKE2b), so matching is as exact as comparing the texts."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return int.from_bytes(digest, "big")


@functools.lru_cache(maxsize=CACHED)
def _fold(text: str) -> str:
    """normalize.fold, remembered: first names and organizations repeat a lot."""
    return " ".join(text.split()).casefold() if text.isascii() else fold(text)


@functools.lru_cache(maxsize=CACHED)
def _organization_key(name: str) -> str:
    return organization_key(name)


def name_key(first: str, last: str, organization: str) -> str | None:
    """normalize.name_key, at the speed a 30,000-row file needs.

    Folding the parts one by one gives the same key as folding "first last" (folding
    works character by character, then collapses spaces) and lets the parts be cached.
    """
    first, last = _fold(first or ""), _fold(last or "")
    full = f"{first} {last}" if first and last else first or last
    return f"{full}|{_organization_key(organization or '')}" if full else None


@functools.lru_cache(maxsize=CACHED)
def lookup_key(name: str) -> str:
    """How Organization and Tag names are told apart: ignoring case and repeated spaces."""
    return " ".join(name.split()).casefold()


# Smaller than the others: a file's last names and notes rarely repeat.
_fold_part = functools.lru_cache(maxsize=8192)(textsearch.fold_part)
_search_sources = operator.attrgetter(*Contact.search_sources)


def search_text(contact) -> str:
    """models.search_text of a contact the import saves, its parts' folding remembered:
    first names and titles repeat."""
    return textsearch.index_text(*_search_sources(contact), fold_part=_fold_part)


def clear_caches():
    for cache in (_fold, _organization_key, lookup_key, parse_date, _fold_part):
        cache.cache_clear()


@functools.cache
def max_lengths() -> dict[str, int]:
    return {f.name: f.max_length for f in Contact._meta.concrete_fields if f.max_length}


def clip(name: str, value):
    if not value:
        return value
    limit = max_lengths().get(name)
    return value[:limit] if limit and isinstance(value, str) and len(value) > limit else value


def research_notes(record: ImportRecord) -> str:
    """The file's research notes, then the department and websites coffeechat has no field
    for. (A LinkedIn row has none of them: three blank strings to look at.)"""
    if not (record.department or record.websites or record.research_notes):
        return ""
    lines = []
    if record.department:
        lines.append(f"Department: {record.department}")
    lines.extend(f"Website: {url}" for url in record.websites)
    return "\n\n".join(part for part in (record.research_notes, "\n".join(lines)) if part)


def fillable(record: ImportRecord) -> dict:
    """The row's values of FILLABLE, by name."""
    return {
        "first_name": record.first_name,
        "last_name": record.last_name,
        "title": record.title,
        "field": record.field,
        "phone": record.phone,
        "linkedin_url": record.linkedin_url,
        "location": record.location,
        "notes": record.notes,
        "research_notes": research_notes(record),
    }


def filled(record: ImportRecord) -> int:
    """BITS of what ``record`` has: its values of fillable(), organization, date connected
    and a source other than Source.OTHER."""
    bits = _bits(tuple(map(bool, _on_record(record))))
    if research_notes(record):
        bits |= BITS["research_notes"]
    if record.organization:
        bits |= BITS["organization"]
    if record.connected_on:
        bits |= BITS["connected_on"]
    if (record.source or Source.OTHER) != Source.OTHER:
        bits |= BITS["source"]
    return bits


@functools.cache
def _bits(present: tuple[bool, ...]) -> int:
    """The BITS of _ON_RECORD's fields that are there (a file's rows have a few shapes)."""
    return sum(bit for bit, there in zip(_ON_RECORD_BITS, present, strict=True) if there)
