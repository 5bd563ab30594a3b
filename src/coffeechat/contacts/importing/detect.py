"""Turning uploaded bytes into text, and telling which of the formats (formats.py) they are in."""

import codecs
import io
import re
import zipfile

from coffeechat.contacts.importing.csvfile import no_header_problem
from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.formats import ALIASES, FORMATS

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


def detect_format(text: str, filename: str) -> str:
    """The key of the format ``text`` is in; ImportFileError when it is none of them.

    The file's ending is weighed first, then each format's sure sign (a header row, a
    first line BEGIN:VCARD), and only then a weaker one: a CSV whose quoted cell holds a
    line "BEGIN:VCARD" is still a CSV.
    """
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    named = [fmt for fmt in FORMATS.values() if suffix in fmt.extensions]
    for fmt in named:
        if fmt.sniff(text, filename) or (fmt.maybe is not None and fmt.maybe(text)):
            return fmt.key
    for fmt in named:
        if fmt.not_this:
            raise ImportFileError(filename, fmt.not_this)
    others = [fmt for fmt in FORMATS.values() if fmt not in named]
    for fmt in others:
        if fmt.sniff(text, filename):
            return fmt.key
    if not named:
        for fmt in others:
            if fmt.maybe is not None and fmt.maybe(text):
                return fmt.key
    raise ImportFileError(filename, no_header_problem())


def check_format(fmt: str | None, filename: str) -> str | None:
    if fmt in (None, "", "auto"):
        return None
    fmt = fmt.lower()
    fmt = ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise ImportFileError(filename, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    return fmt
