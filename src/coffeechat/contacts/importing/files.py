"""From uploaded bytes to parsed records: decode, detect the format, parse. No database."""

from dataclasses import dataclass, field

from coffeechat.contacts.importing import csvfile, linkedin, vcard
from coffeechat.contacts.importing.detect import check_format, decode, detect_format
from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.records import ImportRecord


@dataclass
class ParsedFile:
    filename: str
    format: str
    records: list[ImportRecord]
    # Generic CSV only: the column names and the mapping that was used.
    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    samples: dict[str, str] = field(default_factory=dict)


def parse_file(
    data: bytes, filename: str, fmt: str | None = None, mapping: dict | None = None
) -> ParsedFile:
    """Parse an export. Raises ImportFileError when the file as a whole can't be read."""
    filename = display_name(filename)
    fmt = check_format(fmt, filename)
    text = decode(data, filename)
    forced = fmt is not None
    fmt = fmt or detect_format(text, filename)
    if fmt == "vcard":
        records = vcard.parse(text, filename)
    elif fmt == "linkedin":
        records = _some(linkedin.parse(text, filename, forced=forced), filename, NO_CONNECTIONS)
    else:
        records, headers, used = csvfile.parse(text, filename, mapping, forced=forced)
        _some(records, filename, NO_ROWS)
        return ParsedFile(filename, fmt, records, headers, used, csvfile.columns(text)[1])
    return ParsedFile(filename, fmt, records)


NO_CONNECTIONS = (
    "LinkedIn's header is there but no connections follow it. If you do have connections, "
    "LinkedIn may still have been preparing the export: download Connections.csv again."
)
NO_ROWS = "the header is there but no rows follow it, so there is nobody to import."


def _some(records, filename, problem):
    """``records``, or ImportFileError when the file holds a header and nothing else."""
    if not records:
        raise ImportFileError(filename, problem)
    return records


def csv_columns(data: bytes, filename: str) -> tuple[list[str], dict[str, str]]:
    """A CSV's headers in file order and a first value for each, even when its mapping
    can't be used (no name column). Stored mappings can't keep the order: PostgreSQL's
    jsonb doesn't."""
    try:
        return csvfile.columns(decode(data, display_name(filename)))
    except ImportFileError:
        return [], {}


def display_name(filename: str) -> str:
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name or "the file"
