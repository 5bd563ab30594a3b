"""One parsed row of an import file, before anyone decides what to do with it."""

import re
from dataclasses import dataclass
from dataclasses import field as _field
from datetime import date, datetime

from coffeechat.contacts.normalize import clean_linkedin_url, linkedin_key, normalize_email

FORMATS = ("linkedin", "vcard", "csv")
FORMAT_NAMES = {"linkedin": "LinkedIn connections", "vcard": "vCard", "csv": "CSV"}

NO_NAME = "no name: the first, last and full name are all blank"

# Google's built-in groups, present in every export; not tags anyone chose.
SYSTEM_GROUPS = {"mycontacts", "starred", "* mycontacts", "* starred"}


@dataclass
class ImportRecord:
    """One person as a file describes them. ``row`` is the spreadsheet row or card number."""

    row: int
    first_name: str = ""
    last_name: str = ""
    emails: list[str] = _field(default_factory=list)
    organization: str = ""
    department: str = ""
    title: str = ""
    linkedin_url: str = ""
    phone: str = ""
    location: str = ""
    field: str = ""
    notes: str = ""
    tags: list[str] = _field(default_factory=list)
    connected_on: date | None = None
    source: str = "other"
    websites: list[str] = _field(default_factory=list)
    # Set by a parser when the row cannot become a contact (it is then skipped).
    problem: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def has_name(self) -> bool:
        return bool(self.first_name.strip() or self.last_name.strip())

    def finish(self) -> "ImportRecord":
        """Tidy every field: trim, canonical emails and LinkedIn URL, no repeats."""
        for name in ("first_name", "last_name", "organization", "department", "title"):
            setattr(self, name, clean_text(getattr(self, name)))
        for name in ("phone", "location", "field"):
            setattr(self, name, clean_text(getattr(self, name)))
        self.notes = (self.notes or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        self.emails = unique_emails(self.emails)
        self.tags = unique_tags(self.tags)
        url = (self.linkedin_url or "").strip()
        if not is_linkedin_url(url):
            found = next((w for w in self.websites if is_linkedin_url(w)), None)
            if found:
                self.websites.remove(found)
                self.websites.append(url)
                url = found
        self.linkedin_url = clean_linkedin_url(url) if is_linkedin_url(url) else ""
        if url and not self.linkedin_url:
            self.websites.insert(0, url)
        self.websites = [w.strip() for w in self.websites if w and w.strip()]
        if not self.problem and not self.has_name:
            self.problem = NO_NAME
        return self


def clean_text(value) -> str:
    return " ".join(str(value or "").split())


def is_linkedin_url(url: str) -> bool:
    key = linkedin_key(url or "")
    return bool(key) and key.split("/", 1)[0].endswith("linkedin.com") and "/" in key


def unique_emails(values) -> list[str]:
    """Valid addresses in the order given, each once (compared without case)."""
    seen, emails = set(), []
    for value in values:
        for part in re.split(r"[,;\s]+|:::", value or ""):
            address = normalize_email(part)
            if address and address.casefold() not in seen:
                seen.add(address.casefold())
                emails.append(address)
    return emails


def unique_tags(values) -> list[str]:
    seen, tags = set(), []
    for value in values:
        name = clean_text(value).lstrip("* ").strip()[:64]
        key = name.casefold()
        if name and key not in seen and clean_text(value).casefold() not in SYSTEM_GROUPS:
            seen.add(key)
            tags.append(name)
    return tags


_DATE_FORMATS = (
    "%d %b %Y",  # LinkedIn: 15 Jan 2024
    "%d %B %Y",
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%d.%m.%Y",
    "%Y%m%d",
)


def parse_date(text: str) -> date | None:
    """A date in any of the forms exports use, or None when it is blank or unclear."""
    text = clean_text(text).rstrip(".")
    if not text:
        return None
    if "T" in text and text[:4].isdigit():  # ISO timestamps: 2024-01-15T10:00:00Z
        text = text.split("T", 1)[0]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
