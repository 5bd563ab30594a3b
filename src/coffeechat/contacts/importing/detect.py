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
    return decode_with_body(data, filename)[0]


# How much of a plain UTF-8 file decode_with_body(head_only=True) makes text of: where
# every header is found (csvrows.HEADER_SEARCH_CHARS is a million characters).
HEAD_BYTES = 4_000_000
_CHUNK = 1 << 16  # small pieces: glibc would keep big freed ones for the process


def decode_with_body(
    data: bytes, filename: str, *, head_only: bool = False
) -> tuple[str, bytes | None]:
    """(the file's text, the same text in UTF-8 when the file is plain UTF-8, else None).

    The UTF-8 copy (the file's own bytes when its lines end in "\n" only) is what a parser
    may keep to read rows from: a text holding one character past U+00FF takes two bytes a
    character, one past U+FFFF (an emoji) four, where UTF-8 takes one for most of them.
    With ``head_only``, the text of a plain UTF-8 file longer than HEAD_BYTES is only its
    first lines, up to that many bytes (the whole file is still checked to be UTF-8):
    ``len(body) > HEAD_BYTES`` tells.
    """
    if not data or data.isspace():  # (data.strip() would copy the file)
        raise ImportFileError(filename, "the file is empty; export your contacts again.")
    if problem := _not_text(data):
        raise ImportFileError(filename, problem)
    text = body = None
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
            # The text is made from bytes whose lines end in "\n", or in "\r\n" (each line's
            # made "\n" as it is read: csvrows.lines), so that no second text the size of
            # the file (at up to four bytes a character) is made to replace them.
            body = _utf8_body(data)
            text = _utf8_head(body) if head_only else body.decode("utf-8")
        except UnicodeDecodeError:
            body = None
            text = _unfolded_utf8(data)
        if text is None:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise ImportFileError(filename, _binary()) from None
    if body is not None and text[:1] == "\ufeff":
        body = None  # (the text loses it)
    # One line ending from here on; quoted CSV cells keep their line breaks as \n.
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
        raise ImportFileError(filename, _binary())
    if not text or (text.isspace() and whole_text(text, body).isspace()):  # (not strip():
        # it would copy the whole text)
        raise ImportFileError(filename, "the file is empty; export your contacts again.")
    return text, body


def only_head(body: bytes | None) -> bool:
    """Whether decode_with_body(head_only=True) gave only the text's first lines."""
    return body is not None and len(body) > HEAD_BYTES


def whole_text(text: str, body: bytes | None) -> str:
    """The whole text, when decode_with_body(head_only=True) gave only its first lines."""
    if not only_head(body):
        return text
    return body.decode("utf-8").replace("\r\n", "\n")


def _utf8_head(body: bytes) -> str:
    """The text of ``body``'s lines in its first HEAD_BYTES, having checked that all of it
    is UTF-8 (UnicodeDecodeError otherwise), a chunk at a time: no text of the whole."""
    if len(body) <= HEAD_BYTES:
        return body.decode("utf-8")
    view = memoryview(body)
    decoder = codecs.getincrementaldecoder("utf-8")()
    for start in range(0, len(view), _CHUNK):
        decoder.decode(view[start : start + _CHUNK])
    decoder.decode(b"", final=True)
    cut = body.rfind(b"\n", 0, HEAD_BYTES) + 1 or HEAD_BYTES
    return body[:cut].decode("utf-8", "ignore")


def _utf8_body(data: bytes) -> bytes:
    """``data`` itself when its only carriage returns end lines ("\r\n"), else a copy with
    every line ending made "\n" (an old Mac's "\r" alone)."""
    if b"\r" not in data or data.count(b"\r") == data.count(b"\r\n"):
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


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
