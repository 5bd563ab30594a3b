"""Any CSV with a header row: Google Contacts, Outlook, a spreadsheet someone made.

Each column is mapped to a coffeechat field; ``guess_mapping`` proposes a mapping
from the header names and the person importing can change it.
"""

import re
from collections.abc import Iterator

from coffeechat.contacts.importing.csvrows import (
    HEADER_SEARCH_ROWS,
    csv_rows,
    delimiters,
    head_rows,
)
from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.records import (
    ImportRecord,
    ParsedFile,
    parse_date,
    split_full_name,
)
from coffeechat.contacts.sources import OTHER, source_of, source_of_category

# The coffeechat fields a column can feed, in the order the preview offers them.
FIELDS = {
    "": "(ignore)",
    "full_name": "Full name",
    "first_name": "First name",
    "last_name": "Last name",
    "email": "Email",
    "organization": "Organization",
    "department": "Department",
    "title": "Title or position",
    "phone": "Phone",
    "linkedin_url": "LinkedIn URL",
    "website": "Website",
    "location": "Location",
    "field": "Field or industry",
    "source": "How you know them",
    "notes": "Notes",
    "research_notes": "Research notes",
    "tags": "Tags",
    "connected_on": "Connected on",
}
NAME_FIELDS = {"full_name", "first_name", "last_name"}
# Fields that several columns may feed (values are combined); the rest take one column.
MULTI_FIELDS = {"email", "phone", "website", "notes", "research_notes", "tags", "location"}

# A spreadsheet runs a cell that starts with one of these as a formula, so exports (ours:
# exporting.FORMULA_STARTS) put an apostrophe before them; it is not part of the value. A
# carriage return reaches the parser as a line feed (detect.decode makes line ends one).
_DEFUSED = frozenset("=+-@\t\r\n")

# (pattern on the folded header, field, score): the best score wins a one-column field.
_RULES = [
    (r"(e-?mail|phone|website|address|im|relation|event|custom field).* (label|type)$", "", 99),
    (r"^(name|full name|display name|contact name|contact|person)$", "full_name", 50),
    (r"^(first name|given name|first|forename|firstname|given)$", "first_name", 50),
    (r"^(last name|family name|surname|last|lastname|family)$", "last_name", 50),
    (
        r"^(e-?mails?|e-?mail address(es)?|primary e-?mail|work e-?mail|personal e-?mail)$",
        "email",
        50,
    ),
    (r"e-?mail.*(value|address)|^e-?mail \d", "email", 40),
    (r"e-?mail$", "email", 30),  # Secondary Email, Work Email (Thunderbird)
    (r"^(company|organi[sz]ation|employer|company name|organi[sz]ation name)$", "organization", 50),
    (r"^organi[sz]ation \d+ - name$", "organization", 45),
    (
        r"^(department|organi[sz]ation department|organi[sz]ation \d+ - department)$",
        "department",
        50,
    ),
    (
        r"^(job title|position|role|organi[sz]ation title|occupation|organi[sz]ation \d+ - title)$",
        "title",
        50,
    ),
    (r"^title$", "title", 20),  # Outlook's "Title" is Mr./Ms. when "Job Title" is there
    (
        r"^(linkedin|linkedin url|linkedin profile|profile url|linkedin profile url|url)$",
        "linkedin_url",
        50,
    ),
    (r"linkedin", "linkedin_url", 45),
    (
        r"^(website|web page|web site|homepage|website \d+ - value|personal web page)$",
        "website",
        40,
    ),
    (
        r"^(mobile phone|mobile number|cell|cell phone|mobile|phone|phone number|telephone"
        r"|primary phone)$",
        "phone",
        50,
    ),
    (r"^(business phone|home phone|phone \d+ - value|work phone)$", "phone", 40),
    (r"^(location|city|town|home city|business city|address \d+ - city)$", "location", 50),
    (r" city$", "location", 40),
    (r"^(notes|note|comments|comment|description)$", "notes", 50),
    (r"^research notes?$", "research_notes", 50),
    (r"^(how you know them|how i know them|how we met|source|contact source)$", "source", 50),
    (r"^(tags|tag|labels|label|categories|category|group membership|groups)$", "tags", 50),
    (r"^(field|industry|sector|area)$", "field", 50),
    (r"^(connected on|connected|date added|met on)$", "connected_on", 50),
]
_COMPILED = [(re.compile(pattern), target, score) for pattern, target, score in _RULES]


def _fold(header: str) -> str:
    return " ".join(header.strip().strip('"').replace("_", " ").casefold().split())


def _suggest(header: str):
    folded = _fold(header)
    for pattern, target, score in _COMPILED:
        if pattern.search(folded):
            return target, score
    return "", 0


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """{column header: coffeechat field or ''} from the header names alone."""
    mapping = {}
    best: dict[str, tuple[int, str]] = {}
    for header in headers:
        target, score = _suggest(header)
        mapping[header] = target
        single = target and target not in MULTI_FIELDS
        if single and (target not in best or score > best[target][0]):
            best[target] = (score, header)
    for header, target in mapping.items():
        if target and target not in MULTI_FIELDS and best[target][1] != header:
            mapping[header] = ""
    if (
        mapping
        and "full_name" in mapping.values()
        and ("first_name" in mapping.values() or "last_name" in mapping.values())
    ):
        # Google's "Name" repeats the parts; the parts are more exact.
        for header, target in mapping.items():
            if target == "full_name":
                mapping[header] = ""
    return mapping


def cell_value(cell: str) -> str:
    """A cell as the person wrote it: trimmed, without the apostrophe an export put before
    something a spreadsheet would take for a formula ("'+1 617 555 0100")."""
    value = cell.strip()
    if value[:1] == "'" and value[1:2] in _DEFUSED:
        return value[1:].strip()
    return value


def unique_headers(cells: list[str]) -> list[str]:
    """Header names made unique ('Email', 'Email (2)') so a mapping can name each column."""
    seen: dict[str, int] = {}
    headers = []
    for position, cell in enumerate(cells, start=1):
        name = " ".join(cell.split()) or f"Column {position}"
        count = seen.get(name.casefold(), 0) + 1
        seen[name.casefold()] = count
        headers.append(name if count == 1 else f"{name} ({count})")
    return headers


def find_header(text: str, *, require_name: bool = True):
    """(row number, header names, delimiter) of the first row that names a name column;
    without ``require_name``, else the first row that isn't blank."""
    first = None
    for delimiter in delimiters(text):
        for number, cells in head_rows(text, HEADER_SEARCH_ROWS, delimiter):
            if not any(c.strip() for c in cells):
                continue
            headers = unique_headers(cells)
            first = first or (number, headers, delimiter)
            if NAME_FIELDS & set(guess_mapping(headers).values()):
                return number, headers, delimiter
    return None if require_name else first


def no_header_problem() -> str:
    return (
        "no header row found; expected LinkedIn's 'First Name,Last Name,URL,...' "
        "or a CSV whose header has a name column (or a vCard file)."
    )


NO_ROWS = "the header is there but no rows follow it, so there is nobody to import."


def sniff(text: str) -> bool:
    """Whether ``text`` is a CSV with a header row that names a name column."""
    return find_header(text) is not None


def read(
    text: str,
    filename: str,
    *,
    mapping: dict | None = None,
    forced: bool = False,
    body: bytes | None = None,
):
    """The file as a ParsedFile of format "csv"; ImportFileError when it has no rows.

    Its rows are read from ``body`` (the text in UTF-8) when given, which the ParsedFile
    then keeps instead of the text.
    """
    header_row, headers, delimiter, used = _layout(text, filename, mapping, forced=forced)
    source = text if body is None else body

    def read_records():
        return _records(source, filename, header_row, headers, delimiter, used)

    if next(read_records(), None) is None:
        raise ImportFileError(filename, NO_ROWS)
    return ParsedFile(filename, "csv", read_records, headers, used, columns(text)[1])


def parse(text: str, filename: str, mapping: dict | None = None, *, forced: bool = False):
    """(records, headers, mapping used), every record at once.

    ``mapping`` ({header: field}) overrides the guess for the columns it names.
    """
    header_row, headers, delimiter, used = _layout(text, filename, mapping, forced=forced)
    records = list(_records(text, filename, header_row, headers, delimiter, used))
    return records, headers, used


def _layout(text: str, filename: str, mapping: dict | None, *, forced: bool):
    """(header row number, headers, delimiter, mapping used); ImportFileError when the
    header or the mapping can't be used."""
    found = find_header(text, require_name=not forced)
    if found is None:
        raise ImportFileError(filename, no_header_problem())
    header_row, headers, delimiter = found
    used = guess_mapping(headers)
    for header, target in (mapping or {}).items():
        if header not in used:
            raise ImportFileError(
                filename,
                f"there is no column named {header!r}; the columns are: "
                + ", ".join(repr(h) for h in headers)
                + ".",
            )
        if target not in FIELDS:
            raise ImportFileError(
                filename,
                f"{target!r} is not a field to import into; use one of: "
                + ", ".join(f for f in FIELDS if f)
                + " (or nothing to ignore the column).",
            )
        used[header] = target
    if not NAME_FIELDS & set(used.values()):
        raise ImportFileError(
            filename,
            "no column holds a name; map one, e.g. --map 'Name=full_name' "
            "(or first_name / last_name).",
        )
    return header_row, headers, delimiter, used


def _records(text, filename, header_row, headers, delimiter, used) -> Iterator[ImportRecord]:
    try:
        for number, cells in csv_rows(text, delimiter):
            if number <= header_row or not "".join(cells).strip():
                continue
            values: dict[str, list[str]] = {}
            for position, header in enumerate(headers):
                target = used.get(header)
                value = cell_value(cells[position]) if position < len(cells) else ""
                if target and value:
                    values.setdefault(target, []).append(value)
            yield _record(number, values).finish()
    except ValueError as error:
        raise ImportFileError(filename, f"the CSV is damaged at {error}.") from None


def columns(text: str) -> tuple[list[str], dict[str, str]]:
    """The header names in file order, and the first value of each column (to help whoever
    edits the mapping), as a forced CSV import reads them: no name column needed."""
    found = find_header(text, require_name=False)
    if found is None:
        return [], {}
    header_row, headers, delimiter = found
    result: dict[str, str] = {}
    try:
        for number, cells in csv_rows(text, delimiter):
            if number > header_row + 50 or len(result) == len(headers):
                break
            if number > header_row:
                for header, cell in zip(headers, cells, strict=False):
                    value = cell_value(cell)
                    if value and header not in result:
                        result[header] = " ".join(value.split())[:60]
    except ValueError:
        pass
    return headers, result


def _record(row: int, values: dict[str, list[str]]) -> ImportRecord:
    def one(name):
        return " ".join(values.get(name, []))

    first, last = one("first_name"), one("last_name")
    if not (first or last):
        first, last = split_full_name(one("full_name"))
    tags = []
    for value in values.get("tags", []):
        tags.extend(re.split(r":::|[;,]", value))
    connected = next(
        (d for d in (parse_date(v) for v in values.get("connected_on", [])) if d), None
    )
    notes = values.get("notes", [])
    source = source_of(one("source")) if "source" in values else _source_of_tags(tags)
    if source is None:  # words of their own ("met at the career fair"): kept, in the notes
        notes = [*notes, f"How you know them: {one('source')}"]
        source = OTHER
    return ImportRecord(
        row=row,
        first_name=first,
        last_name=last,
        emails=values.get("email", []),
        organization=one("organization"),
        department=one("department"),
        title=one("title"),
        phone=next(iter(values.get("phone", [])), "").split(":::")[0],
        linkedin_url=next(iter(values.get("linkedin_url", [])), ""),
        websites=[w.strip() for v in values.get("website", []) for w in v.split(":::")],
        location=next(iter(values.get("location", [])), ""),
        field=one("field"),
        notes="\n\n".join(notes),
        research_notes="\n\n".join(values.get("research_notes", [])),
        tags=tags,
        connected_on=connected,
        source=source,
    )


def _source_of_tags(tags: list[str]) -> str:
    """How you know them, from a label such as Google's "Wellesley alumnae" (the first
    label that names a source), when no column says it."""
    return next((source for tag in tags if (source := source_of_category(tag))), OTHER)
