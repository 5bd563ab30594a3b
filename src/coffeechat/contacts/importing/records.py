"""One parsed row of an import file, before anyone decides what to do with it, and the
parsed file that reads the rows."""

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from dataclasses import field as _field
from datetime import date, datetime

from coffeechat.contacts.normalize import linkedin_key, normalize_email
from coffeechat.contacts.sources import OTHER

NO_NAME = "no name: the first, last and full name are all blank"

# Google's built-in groups, present in every export; not tags anyone chose.
SYSTEM_GROUPS = {"mycontacts", "starred", "* mycontacts", "* starred"}


@dataclass(slots=True)
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
    research_notes: str = ""
    tags: list[str] = _field(default_factory=list)
    connected_on: date | None = None
    source: str = OTHER
    websites: list[str] = _field(default_factory=list)
    # Set by a parser when the row cannot become a contact (it is then skipped).
    problem: str = ""
    # normalize.linkedin_key of linkedin_url, worked out once by finish().
    profile: str | None = None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def has_name(self) -> bool:
        return bool(self.first_name.strip() or self.last_name.strip())

    def finish(self) -> "ImportRecord":
        """Tidy every field: trim, canonical emails and LinkedIn URL, no repeats.

        Runs once per row of files with tens of thousands of rows, so it avoids
        work where the common case (ASCII, already tidy, blank) allows.
        """
        self.first_name = clean_text(self.first_name)
        self.last_name = clean_text(self.last_name)
        self.organization = clean_text(self.organization)
        self.title = clean_text(self.title)
        if self.department:
            self.department = clean_text(self.department)
        if self.phone or self.location or self.field:
            self.phone = clean_text(self.phone)
            self.location = clean_text(self.location)
            self.field = clean_text(self.field)
        if self.notes:
            self.notes = self.notes.replace("\r\n", "\n").replace("\r", "\n").strip()
        self.emails = unique_emails(self.emails) if any(self.emails) else []
        if self.tags:
            self.tags = unique_tags(self.tags)
        url = (self.linkedin_url or "").strip()
        key = profile_key(url) if url else None
        found = _is_profile(key)
        if not found and self.websites:
            for website in self.websites:
                website_key = profile_key(website)
                if _is_profile(website_key):
                    self.websites = [w for w in self.websites if w is not website] + [url]
                    url, key, found = website, website_key, True
                    break
        if found:
            # As normalize.clean_linkedin_url, without working out the key twice.
            self.linkedin_url = f"https://www.{key}" if key.startswith("linkedin.com") else url
            self.profile = key
        else:
            self.linkedin_url, self.profile = "", None
            if url:
                self.websites.insert(0, url)
        if self.websites:
            self.websites = [w.strip() for w in self.websites if w and w.strip()]
        if not self.problem and not (self.first_name or self.last_name):
            self.problem = NO_NAME
        return self


class ParsedFile:
    """What a parser read from one file: its rows and, for a generic CSV, its columns.

    The rows are not held: iterating the ParsedFile reads them from the text again, one at
    a time (``read_records`` makes a new iterator each time), so that a file of 300,000
    rows costs one row's memory, not 300,000 records. ``records`` is every row at once,
    for small files and tests.
    """

    __slots__ = ("filename", "format", "read_records", "headers", "mapping", "samples")

    def __init__(
        self,
        filename: str,
        format: str,
        read_records: Callable[[], Iterable[ImportRecord]],
        headers: list[str] | None = None,
        mapping: dict[str, str] | None = None,
        samples: dict[str, str] | None = None,
    ):
        self.filename = filename
        self.format = format
        self.read_records = read_records
        # Generic CSV only: the column names, the mapping that was used, a first value of each.
        self.headers = headers if headers is not None else []
        self.mapping = mapping if mapping is not None else {}
        self.samples = samples if samples is not None else {}

    def __iter__(self) -> Iterator[ImportRecord]:
        return iter(self.read_records())

    @property
    def records(self) -> list[ImportRecord]:
        return list(self)


def split_full_name(full: str) -> tuple[str, str]:
    """'Dr. Jane Q. Doe' -> ('Jane', 'Doe'): first and last, as LinkedIn would have them."""
    full = " ".join((full or "").split())
    if not full or "@" in full:
        return "", ""
    from nameparser import HumanName  # loaded on first use: console commands start sooner

    name = HumanName(full)
    if not name.first:
        return full, ""
    return name.first, name.last


def clean_text(value) -> str:
    if not value:
        return ""
    value = str(value)
    stripped = value.strip()
    # isprintable() is False for tabs and line breaks: the only case, with double
    # spaces, where collapsing can change anything.
    if "  " in stripped or not stripped.isprintable():
        return " ".join(stripped.split())
    return stripped


_LINKEDIN_PROFILE = re.compile(r"https?://(?:www\.)?linkedin\.com(/[^?#:@\s]*)?(?:[?#]\S*)?", re.I)


def profile_key(url: str) -> str | None:
    """normalize.linkedin_key, with a quick path for the usual https://www.linkedin.com/in/x."""
    match = _LINKEDIN_PROFILE.fullmatch(url or "")
    if match:
        return "linkedin.com" + (match.group(1) or "").rstrip("/").lower()
    return linkedin_key(url)


def _is_profile(key: str | None) -> bool:
    return bool(key) and "/" in key and key.split("/", 1)[0].endswith("linkedin.com")


def is_linkedin_url(url: str) -> bool:
    return _is_profile(profile_key(url or ""))


_PLAIN_EMAIL = re.compile(r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
# Names email_validator refuses even without DNS checks (RFC 6761 special-use domains).
_SPECIAL_USE = ("arpa", "invalid", "local", "localhost", "onion", "test")


def email_address(text: str) -> str | None:
    """normalize_email, with a fast path for the plain ASCII addresses most files hold."""
    text = text.strip()
    if _PLAIN_EMAIL.fullmatch(text) and len(text) <= 254:
        local, domain = text.rsplit("@", 1)
        domain = domain.lower()
        labels = domain.split(".")
        if (
            len(local) <= 64
            and labels[-1] not in _SPECIAL_USE
            and all(
                0 < len(label) <= 63 and label[0] != "-" and label[-1] != "-" for label in labels
            )
        ):
            return f"{local}@{domain}"
    return normalize_email(text)


def unique_emails(values) -> list[str]:
    """Valid addresses in the order given, each once (compared without case)."""
    seen, emails = set(), []
    for value in values:
        for part in re.split(r"[,;\s]+|:::", value or ""):
            address = email_address(part) if part else None
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
    "%m/%d/%Y",  # Excel in the US: 1/15/2024
    "%m/%d/%y",
    "%d/%m/%Y",  # elsewhere: 15/01/2024 (read so only when it can't be month first)
    "%d/%m/%y",
    "%Y/%m/%d",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%d.%m.%Y",
    "%Y%m%d",
)


_LINKEDIN_DATE = re.compile(r"(\d{1,2}) ([A-Za-z]{3}) (\d{4})")
_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


@functools.lru_cache(maxsize=16384)  # a 30,000-row export has a few thousand dates
def parse_date(text: str) -> date | None:
    """A date in any of the forms exports use, or None when it is blank or unclear."""
    text = clean_text(text).rstrip(".")
    match = _LINKEDIN_DATE.fullmatch(text)
    if match and match.group(2).lower() in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if not text:
        return None
    if text[:4].isdigit() and ("T" in text or ":" in text):
        # Timestamps: 2024-01-15T10:00:00Z, or 2024-01-15 10:00:00 from a spreadsheet
        text = text.replace("T", " ", 1).split(" ", 1)[0]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
