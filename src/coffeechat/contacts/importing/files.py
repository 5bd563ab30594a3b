"""From uploaded bytes to parsed records: decode, detect the format, parse. No database."""

from coffeechat.contacts.importing import csvfile
from coffeechat.contacts.importing.detect import check_format, decode, detect_format
from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.formats import FORMATS
from coffeechat.contacts.importing.records import ParsedFile

__all__ = ["ParsedFile", "csv_columns", "display_name", "parse_file"]


def parse_file(
    data: bytes, filename: str, fmt: str | None = None, mapping: dict | None = None
) -> ParsedFile:
    """Parse an export. Raises ImportFileError when the file as a whole can't be read."""
    filename = display_name(filename)
    fmt = check_format(fmt, filename)
    text = decode(data, filename)
    forced = fmt is not None
    fmt = fmt or detect_format(text, filename)
    return FORMATS[fmt].read(text, filename, mapping=mapping, forced=forced)


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
