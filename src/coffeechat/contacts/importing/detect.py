"""Turning uploaded bytes into text, and telling which kind of export they are."""

import codecs
import csv
import io
import re
import zipfile

from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.records import FORMATS

HEADER_SEARCH_ROWS = 20

_CHOOSE = "choose the Connections.csv, .vcf or .csv file your contacts were exported to."
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "a rich-text (RTF) document"),
)
_SAVE_AS_CSV = "; open it in your spreadsheet program and save it as CSV (UTF-8), then import that."
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_VCARD_BEGIN = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*$", re.IGNORECASE | re.MULTILINE)
_VCARD_BEGIN_BYTES = re.compile(rb"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*\r?$", re.I | re.M)


def decode(data: bytes, filename: str) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16/32 with BOM, else Windows-1252."""
    if not data.strip():
        raise ImportFileError(filename, "the file is empty; export your contacts again.")
    if problem := _not_text(data):
        raise ImportFileError(filename, problem)
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
            text = _unfolded_utf8(data)
        if text is None:
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


def _not_text(data: bytes) -> str | None:
    """What the file is when it is a known kind of document rather than text."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return f"this is {kind}, not a contacts export. {_CHOOSE[0].upper()}{_CHOOSE[1:]}"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "this is an Excel workbook (.xls), not a CSV file" + _SAVE_AS_CSV
    if data.startswith(b"PK\x03\x04"):
        return _zip_problem(data)
    return None


def _zip_problem(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            kind = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError):
        names, kind = [], b""
    if any(name.startswith("xl/") for name in names) or not names:
        # (A workbook cut short doesn't list its parts; a workbook is the usual case.)
        return "this is an Excel workbook (.xlsx), not a CSV file" + _SAVE_AS_CSV
    if b"spreadsheet" in kind:
        return "this is an OpenDocument or Numbers spreadsheet, not a CSV file" + _SAVE_AS_CSV
    if any(name.rsplit("/", 1)[-1].casefold() == "connections.csv" for name in names):
        return (
            "this is a zip archive (LinkedIn's data export comes as one); unzip it and "
            "import the Connections.csv inside."
        )
    return (
        "this is a zip archive, not a contacts export; unzip it and import the .csv or .vcf inside."
    )


_BYTE_FOLD = re.compile(rb"\r?\n[ \t]")


def _unfolded_utf8(data: bytes) -> str | None:
    """A vCard in UTF-8 whose long lines were folded every 75 bytes, as the standard
    counts them, cutting a letter such as 'é' in two: joined again, it reads as UTF-8."""
    if not _VCARD_BEGIN_BYTES.search(data[:4096]):
        return None
    try:
        return _BYTE_FOLD.sub(b"", data).decode("utf-8")
    except UnicodeDecodeError:
        return None


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
    return f"this is not a text file (it holds binary data); {_CHOOSE}"


def csv_rows(text: str, delimiter: str = ","):
    """Rows as a spreadsheet shows them: (row number from 1, cells). Blank lines count."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    cells = None
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, cells
    except csv.Error as error:
        raise ValueError(f"row {reader.line_num}: {_csv_problem(error)}") from None
    if cells and text.count('"') % 2 and _ends_in_open_quote(text, cells[-1], delimiter):
        # strict=False reads a quote that is never closed as a cell running to the end.
        raise ValueError(f"row {number}: {_UNCLOSED}")


def _ends_in_open_quote(text: str, last_cell: str, delimiter: str) -> bool:
    """Whether the file ends inside a quoted cell: the last quote mark opens a cell (a
    stray one inside a cell, as in 6" Subs, doesn't), or the last cell spans lines."""
    position = text.rindex('"')
    return "\n" in last_cell or position == 0 or text[position - 1] in (delimiter, "\n")


_UNCLOSED = (
    'a quote mark (") opened there is never closed, so the rest of the file would be read '
    "as one cell; the file may be cut off: export it again, or fix that row in a text editor"
)


def _csv_problem(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return (
            f"a cell is longer than {csv.field_size_limit():,} characters, most likely because "
            'a quote mark (") before it is never closed; fix that row in a text editor, or '
            "export the file again"
        )
    return f"{error}; export the file again"


DELIMITERS = (",", ";", "\t")


def delimiters(text: str) -> list[str]:
    """The delimiters a CSV may use, likeliest first: the one that splits some early line
    most (Excel saves with ';' where the comma is a decimal point, and its "Unicode text"
    with tabs). A first line such as LinkedIn's "Notes:" has none, so all are counted."""
    lines = text[:65536].split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS]
    most = {d: max(line.count(d) for line in lines) for d in DELIMITERS}
    return sorted(DELIMITERS, key=lambda d: (-most[d], DELIMITERS.index(d)))


# The header is in the first rows, so it is looked for in the first megabyte, and a row
# of thousands of cells (a file that is one long line of commas) can't be it.
HEADER_SEARCH_CHARS = 1_000_000
MAX_HEADER_CELLS = 1_000


def head_rows(text: str, limit: int = HEADER_SEARCH_ROWS, delimiter: str = ","):
    """The first ``limit`` rows (as csv_rows), a row too wide to be a header as []."""
    rows = []
    try:
        for number, cells in csv_rows(text[:HEADER_SEARCH_CHARS], delimiter):
            rows.append((number, cells if len(cells) <= MAX_HEADER_CELLS else []))
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
    if linkedin.is_own_profile(text):
        raise ImportFileError(
            filename,
            "this is LinkedIn's Profile.csv, your own profile, not your connections; "
            "import Connections.csv from the same export instead.",
        )
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
