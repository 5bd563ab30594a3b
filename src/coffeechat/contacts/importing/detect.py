"""Turning uploaded bytes into text, and telling which kind of export they are."""

import codecs
import csv
import io
import re

from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.records import FORMATS

HEADER_SEARCH_ROWS = 20

_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "an Excel workbook or zip archive; open it and save it as CSV first"),
    (b"\xd0\xcf\x11\xe0", "an old Excel (.xls) workbook; open it and save it as CSV first"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_VCARD_BEGIN = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*$", re.IGNORECASE | re.MULTILINE)


def decode(data: bytes, filename: str) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16/32 with BOM, else Windows-1252."""
    if not data.strip():
        raise ImportFileError(filename, "the file is empty; export your contacts again.")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise ImportFileError(filename, f"this is {kind}, not a contacts export.")
    text = None
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                text = None
            break
    if text is None and b"\x00" in data[:4096]:
        encoding = _bomless_utf16(data[:4096])
        if encoding:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                text = None
        if text is None:
            raise ImportFileError(filename, _binary())
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise ImportFileError(filename, _binary()) from None
    # One line ending from here on; quoted CSV cells keep their line breaks as \n.
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
        raise ImportFileError(filename, _binary())
    if not text.strip():
        raise ImportFileError(filename, "the file is empty; export your contacts again.")
    return text


def _bomless_utf16(head: bytes) -> str | None:
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2 or 1
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _binary() -> str:
    return (
        "this is not a text file (it holds binary data); choose the Connections.csv, "
        ".vcf or .csv file your contacts were exported to."
    )


def csv_rows(text: str, delimiter: str = ","):
    """Rows as a spreadsheet shows them: (row number from 1, cells). Blank lines count."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        raise ValueError(f"row {reader.line_num}: {error}") from None


def head_rows(text: str, limit: int = HEADER_SEARCH_ROWS, delimiter: str = ","):
    rows = []
    try:
        for number, cells in csv_rows(text, delimiter):
            rows.append((number, cells))
            if number >= limit:
                break
    except ValueError:
        pass
    return rows


def looks_like_vcard(text: str) -> bool:
    return bool(_VCARD_BEGIN.search(text))


def detect_format(text: str, filename: str) -> str:
    """'vcard', 'linkedin' or 'csv'; ImportFileError when it is none of them."""
    from coffeechat.contacts.importing import csvfile, linkedin

    if looks_like_vcard(text):
        return "vcard"
    if filename.lower().endswith((".vcf", ".vcard")):
        raise ImportFileError(
            filename, "no vCard in it (no BEGIN:VCARD line); export the contacts again as vCard."
        )
    if linkedin.find_header(text) is not None:
        return "linkedin"
    if csvfile.find_header(text) is not None:
        return "csv"
    raise ImportFileError(filename, no_header_problem())


def no_header_problem() -> str:
    return (
        "no header row found; expected LinkedIn's 'First Name,Last Name,URL,...' "
        "or a CSV whose header has a name column (or a vCard file)."
    )


def check_format(fmt: str | None, filename: str) -> str | None:
    if fmt in (None, "", "auto"):
        return None
    fmt = fmt.lower()
    if fmt in ("vcf", "vcards"):
        fmt = "vcard"
    if fmt not in FORMATS:
        raise ImportFileError(filename, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    return fmt
