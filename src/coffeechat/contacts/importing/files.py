"""From uploaded bytes to parsed records: decode, detect the format, parse. No database."""

from coffeechat.contacts.importing import csvfile
from coffeechat.contacts.importing.detect import (
    check_format,
    decode,
    decode_with_body,
    detect_format,
    only_head,
    whole_text,
)
from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.formats import FORMATS
from coffeechat.contacts.importing.records import ParsedFile

__all__ = ["ParsedFile", "csv_columns", "display_name", "parse_file"]


def parse_file(
    data: bytes,
    filename: str,
    fmt: str | None = None,
    mapping: dict | None = None,
    *,
    check: bool = True,
) -> ParsedFile:
    """Parse an export. Raises ImportFileError when the file as a whole can't be read.

    The records are read again, one at a time, each time the ParsedFile is iterated. With
    ``check`` every row is read once here, keeping none, so that a file damaged anywhere is
    refused now; without it (``apply.run_import``, which reads them all anyway inside its
    transaction) the ImportFileError comes from that reading.
    """
    filename = display_name(filename)
    fmt = check_format(fmt, filename)
    # A big plain UTF-8 file becomes text only as far as its headers: the CSV readers read
    # its rows from the UTF-8 bytes (``body``), a line at a time.
    text, body = decode_with_body(data, filename, head_only=True)
    forced = fmt is not None
    if fmt is None:
        try:
            fmt = detect_format(text, filename)
        except ImportFileError:
            if not only_head(body):
                raise
            fmt = None  # the whole text may tell more (a vCard far down the file)
        if fmt is None or fmt == "vcard":
            text = whole_text(text, body)
            fmt = fmt or detect_format(text, filename)
    if not FORMATS[fmt].reads_utf8:
        text, body = whole_text(text, body), None
    parsed = FORMATS[fmt].read(text, filename, mapping=mapping, forced=forced, body=body)
    del text, body  # the parser kept what it needs to read the rows again
    if check:
        for _record in parsed:
            pass
    return parsed


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
