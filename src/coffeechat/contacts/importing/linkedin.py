"""LinkedIn's Connections.csv, as its data export writes it.

The file may open with a short note (``Notes:``, a quoted paragraph, a blank line)
before the header, and the header has changed over the years: the URL column came
and went, "Email Address" is sometimes missing. So the header is looked for in the
first rows and columns are found by name, never by position. A file counts as LinkedIn's
only when all its columns are LinkedIn's (see ``is_header``).
"""

from collections.abc import Iterator

from coffeechat.contacts.importing.csvrows import (
    HEADER_SEARCH_CHARS,
    csv_rows,
    delimiters,
    head_rows,
)
from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.records import ImportRecord, ParsedFile, parse_date

COLUMNS = {
    "first_name": ("first name", "firstname"),
    "last_name": ("last name", "lastname"),
    "linkedin_url": ("url", "profile url", "linkedin url", "public profile url", "profile"),
    "email": ("email address", "e-mail address", "email", "e-mail"),
    "organization": ("company", "company name", "organization"),
    "title": ("position", "title", "job title"),
    "connected_on": ("connected on", "connected", "connection date"),
}
_KNOWN = {name for names in COLUMNS.values() for name in names}


def _index(header: list[str]) -> dict[str, int]:
    cells = [cell.strip().strip('"').casefold() for cell in header]
    found = {}
    for target, names in COLUMNS.items():
        for position, cell in enumerate(cells):
            if cell in names:
                found[target] = position
                break
    return found


def is_header(cells: list[str], *, only_linkedin: bool = True) -> bool:
    """Whether ``cells`` are the header of a Connections.csv.

    It names first and last name and a connection date or profile URL, and (unless
    ``only_linkedin`` is False, for a file the person said is LinkedIn's) every column it
    names is one LinkedIn writes: a CSV with more columns than that, such as coffeechat's
    own export (Emails, Tags, Notes, ...), is some other program's and goes to the generic
    reader, which keeps those columns.
    """
    columns = _index(cells)
    if "first_name" not in columns or "last_name" not in columns:
        return False
    if "connected_on" not in columns and "linkedin_url" not in columns:
        return False
    return not only_linkedin or all(
        name in _KNOWN for cell in cells if (name := cell.strip().strip('"').casefold())
    )


def find_header(text: str, *, only_linkedin: bool = True):
    """(row number, cells, delimiter) of the LinkedIn header in the first rows, or None.

    LinkedIn writes commas; the same file saved again by Excel may have semicolons or tabs.
    """
    for delimiter in delimiters(text):
        for number, cells in head_rows(text, delimiter=delimiter):
            if is_header(cells, only_linkedin=only_linkedin):
                return number, cells, delimiter
    return None


# Columns only LinkedIn's Profile.csv (the person's own profile, in the same export) has.
_OWN_PROFILE = {"maiden name", "headline", "birth date"}


def is_own_profile(text: str) -> bool:
    """Whether ``text`` is LinkedIn's Profile.csv: easily picked instead of Connections.csv
    from the same folder, and it would import the student as their own contact."""
    for _number, cells in head_rows(text, limit=3):
        if _OWN_PROFILE.issubset(cell.strip().casefold() for cell in cells):
            return True
    return False


OWN_PROFILE = (
    "this is LinkedIn's Profile.csv, your own profile, not your connections; "
    "import Connections.csv from the same export instead."
)
NO_CONNECTIONS = (
    "LinkedIn's header is there but no connections follow it. If you do have connections, "
    "LinkedIn may still have been preparing the export: download Connections.csv again."
)


def sniff(text: str, filename: str) -> bool:
    """Whether ``text`` is a Connections.csv. LinkedIn's Profile.csv, from the same export,
    is refused here, before another CSV reader would take it for a list of people."""
    if find_header(text) is not None:
        return True
    if is_own_profile(text):
        raise ImportFileError(filename, OWN_PROFILE)
    return False


def read(
    text: str,
    filename: str,
    *,
    mapping: dict | None = None,
    forced: bool = False,
    body: bytes | None = None,
):
    """The file as a ParsedFile of format "linkedin" (``mapping`` is for generic CSVs).

    Its rows are read from ``body`` (the text in UTF-8) when given: the ParsedFile then
    keeps that and the text's first part (where the header is), not the whole text.
    """
    head = text if body is None else text[:HEADER_SEARCH_CHARS]

    def read_records():
        return records(head, filename, forced=forced, body=body)

    if next(read_records(), None) is None:
        raise ImportFileError(filename, NO_CONNECTIONS)
    return ParsedFile(filename, "linkedin", read_records)


def parse(text: str, filename: str, *, forced: bool = False) -> list[ImportRecord]:
    """The rows of a Connections.csv, all at once."""
    return list(records(text, filename, forced=forced))


def records(
    text: str, filename: str, *, forced: bool = False, body: bytes | None = None
) -> Iterator[ImportRecord]:
    """The rows of a Connections.csv, one at a time. ``forced``: the person chose the
    LinkedIn format, so a header with columns LinkedIn doesn't write is read too (those
    columns are left out). ``body``: the whole text in UTF-8, to read the rows from
    (``text`` may then be its first HEADER_SEARCH_CHARS characters only)."""
    found = find_header(text, only_linkedin=not forced)
    if found is None:
        raise ImportFileError(
            filename,
            "no LinkedIn header row found in the first 20 rows; expected "
            "'First Name,Last Name,URL,Email Address,Company,Position,Connected On'. "
            "Is this the Connections.csv from LinkedIn's data export?",
        )
    header_row, header, delimiter = found
    columns = _index(header)
    # A column the header lacks reads from one blank cell added past the end of each row.
    blank = len(header)
    first, last, url, email, company, position, connected = (
        columns.get(name, blank)
        for name in (
            "first_name",
            "last_name",
            "linkedin_url",
            "email",
            "organization",
            "title",
            "connected_on",
        )
    )
    padding = [""] * (blank + 1)
    try:
        for number, cells in csv_rows(text if body is None else body, delimiter):
            if number <= header_row or not any(cells):
                continue
            cells = cells[:blank] + padding[min(len(cells), blank) :]
            if not "".join(cells).strip():  # only blanks: an empty spreadsheet row
                continue
            record = ImportRecord(
                row=number,
                first_name=cells[first],
                last_name=cells[last],
                linkedin_url=cells[url],
                emails=[cells[email]] if cells[email] else [],
                organization=cells[company],
                title=cells[position],
                connected_on=parse_date(cells[connected]) if cells[connected] else None,
                source="linkedin",
            )
            yield record.finish()
    except ValueError as error:
        raise ImportFileError(filename, f"the CSV is damaged at {error}.") from None
