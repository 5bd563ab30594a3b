"""The people an import plans for, held as lightly as tens of thousands of them allow.

Existing contacts are held in full (``Person``, with a ``Draft`` of their fields): that
grows with the account, not with the file. A contact the file creates is an entry in
``Created``'s arrays, plus a ``New`` only when it holds more (email addresses, tags, a name
part a merge may change, what later rows added): some 70 bytes, not a record.
"""

from array import array

from coffeechat.contacts.importing import keys
from coffeechat.contacts.importing.keys import FILLABLE
from coffeechat.contacts.importing.records import ImportRecord
from coffeechat.contacts.models import Contact, Source

NOTHING: frozenset = frozenset()


class Draft:
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
        limit = keys.max_lengths()  # slicing within the limit returns the same string
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
        draft.research_notes = keys.research_notes(record)
        draft.emails = list(record.emails)
        draft.connected_on = record.connected_on
        draft.source = record.source or Source.OTHER
        return draft

    full_name = Contact.full_name


class Person:
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
        self.tag_keys = tag_keys or NOTHING
        self.changed: set[str] | None = None
        self.order = 0

    @property
    def name(self):
        return self.contact.full_name

    def name_key(self):
        return keys.name_key(self.contact.first_name, self.contact.last_name, self.org_name)


class Created:
    """The contacts this file creates, in row order, as arrays: for each, its row, which
    fields it has (``filled``: a bit per field a merge may fill, see BITS) and its
    profile's key. The indexes point at a contact by its position here (an int).

    A contact that holds more (email addresses, tags, a name part that is blank or too
    long, what later rows added) also has a New, in ``more``; most of a LinkedIn file's
    have none. Their full values are read again from their rows when they are saved.
    """

    def __init__(self):
        self.columns = _Columns()
        self.rows, self.filled, self.profiles = (
            self.columns.rows,
            self.columns.filled,
            self.columns.profiles,
        )
        self.more: dict[int, New] = {}

    def __len__(self):
        return len(self.rows)

    def add(self, record: ImportRecord, profile: int | None) -> int:
        index = len(self.rows)
        self.rows.append(record.row)
        self.filled.append(keys.filled(record))
        self.profiles.append(profile)
        limit = keys.max_lengths()
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

    def person(self, index: int) -> "New":
        person = self.more.get(index)
        if person is None:
            person = self.more[index] = New(self.columns, index)
        return person


class _Columns:
    """Created's arrays, which its New objects read and write (without pointing back at
    Created, whose ``more`` points at them: no reference cycle, so all of it is freed as
    soon as the import is done, with the cycle collector paused or not)."""

    __slots__ = ("rows", "filled", "profiles")

    def __init__(self):
        self.rows = array("q")
        self.filled = array("H")
        self.profiles: list[int | None] = []


class New:
    """A contact this file creates, with what a merge into it needs beyond Created's
    arrays: its email addresses, its tags, its name's parts when a merge may change its
    name key, and what merges added (``patch``)."""

    __slots__ = ("store", "index", "emails", "parts", "patch", "new_tags")
    existing = False
    tag_keys = NOTHING

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
        """Where the import first met it: its row (see planner.Planner.touch)."""
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
        return keys.name_key(
            patch.get("first_name", first),
            patch.get("last_name", last),
            patch.get("organization", org),
        )
