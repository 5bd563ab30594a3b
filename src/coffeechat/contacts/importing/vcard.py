"""vCard files (.vcf) as Apple Contacts, Google Contacts, Outlook and others write them.

The file is cut into cards first, so that one damaged card is skipped (and reported
with its number) instead of losing every card after it. vobject reads each card's lines
(unfolding, groups such as ``item1.``, parameters, quoted-printable with its character
set); the values are decoded here, because vobject keeps only the part of a text value
before its first unescaped comma, and Outlook and Android don't escape commas
(``TITLE:VP, Sales``, ``NOTE:Met in Boston, at the fair``).
"""

import contextlib
import logging
import quopri
import re
from collections.abc import Iterator

from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.records import ImportRecord, ParsedFile, split_full_name
from coffeechat.contacts.sources import OTHER, source_of_category

# Limits on what one card may hold. An address book writes lines of a few hundred
# characters, a handful of parameters each and a few dozen lines a card (a photo aside,
# which is skipped unread); a file past these limits was made to hurt, and reading it
# would hold the server (vobject's parse of a line takes ~220 times its size in memory).
MAX_LINE_CHARS = 200_000
MAX_PARAMETERS = 100
MAX_LINES_PER_CARD = 5_000
# Properties whose values coffeechat never reads (pictures, sounds, keys): skipped unread.
UNREAD = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})

_MARKER = re.compile(r"^[ \t]*((BEGIN|END)[ \t]*:[ \t]*VCARD)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_FOLD = re.compile(r"\n[ \t]")


class _TooBig(Exception):
    """A card past one of the limits: the whole file is refused, with this message."""


def _text_lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def split_cards(text: str) -> list:
    """[(card number, card text or None if unfinished)] in file order."""
    return list(cards_of(text))


def cards_of(text: str) -> Iterator[tuple[int, str | None]]:
    """(card number, card text or None if unfinished), in file order, one at a time.

    The BEGIN and END lines are found by one search over the whole text, and each card
    is one slice of it: no list of every line (a file of millions of short lines would
    otherwise cost some fifty times its size), and no list of every card.
    """
    text = _text_lines(text)
    start, number = None, 0
    for match in _MARKER.finditer(text):
        if match.group(2).upper() == "BEGIN":
            if start is not None:
                yield number, None
            number += 1
            start = match.start(1)
        elif start is not None:
            yield number, text[start : match.end()]
            start = None
    if start is not None:
        yield number, None


def looks_like_vcard(text: str) -> bool:
    """Whether a BEGIN:VCARD line is anywhere in ``text`` (even inside a quoted CSV cell)."""
    return _MARKER.search(text) is not None


def starts_with_card(text: str) -> bool:
    """Whether the first line that is not blank is BEGIN:VCARD: a vCard file, surely."""
    match = _MARKER.search(text)
    return bool(match and match.group(2).upper() == "BEGIN" and not text[: match.start()].strip())


NO_CARD = "no vCard in it (no BEGIN:VCARD line); export the contacts again as vCard."


def read(
    text: str,
    filename: str,
    *,
    mapping: dict | None = None,
    forced: bool = False,
    body: bytes | None = None,
):
    """The file as a ParsedFile of format "vcard" (``mapping`` is for generic CSVs; the
    cards are read from the text, never from ``body``)."""
    text = _text_lines(text)  # once, not at each reading
    seen = None
    for seen in cards_of(text):
        if seen[1] is not None:
            break
    else:
        if seen is not None:
            problem = (
                "no complete vCard in it (BEGIN:VCARD without END:VCARD); the file may be "
                "cut off, so export the contacts again."
            )
        else:
            problem = NO_CARD
        raise ImportFileError(filename, problem)
    return ParsedFile(filename, "vcard", lambda: records(text, filename))


def parse(text: str, filename: str) -> list[ImportRecord]:
    """Every card's record at once (``read`` checks first that there is a card)."""
    return list(records(text, filename))


def records(text: str, filename: str) -> Iterator[ImportRecord]:
    """The cards' records, one at a time."""
    with _quiet_vobject():
        for number, card in cards_of(text):
            if card is None:
                yield ImportRecord(
                    row=number, problem="card cut off: BEGIN:VCARD without END:VCARD"
                )
                continue
            try:
                record = _record(number, _read(card))
            except _TooBig as error:
                raise ImportFileError(filename, f"card {number} {error}") from None
            except Exception as error:  # vobject raises many kinds; any of them spoils one card
                reason = " ".join(str(error)[:1000].split())[:160] or type(error).__name__
                record = ImportRecord(row=number, problem=f"card could not be read ({reason})")
            yield record.finish()


@contextlib.contextmanager
def _quiet_vobject():
    log = logging.getLogger("vobject")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


_QP = re.compile(r"quoted-printable", re.IGNORECASE)
_AGAIN = (
    "An address book does not write that: export the contacts again, or remove that line "
    "in a text editor."
)


def _logical_lines(card: str):
    """(line number, logical line) of one card: folds undone, quoted-printable soft line
    breaks kept as vobject expects them ("=" then a line break), in time linear in the card.

    (vobject's own reader copies the whole line so far at each folded piece: 2 million
    folds took 54 s.)
    """
    card = _FOLD.sub("", card)
    if card.count("\n") > MAX_LINES_PER_CARD:
        raise _TooBig(
            f"has more than {MAX_LINES_PER_CARD:,} lines; coffeechat reads cards of up to "
            f"{MAX_LINES_PER_CARD:,} lines. {_AGAIN}"
        )
    pieces: list[str] = []
    number = 0
    quoted_printable = False
    for position, line in enumerate(card.split("\n"), start=1):
        blank = not line or line.isspace()
        if quoted_printable and not blank and pieces[-1].endswith("="):
            pieces.append(line)  # a soft line break: the value goes on
            continue
        if pieces:
            yield number, "\n".join(pieces)
            pieces = []
        if blank:
            quoted_printable = False
            continue
        number = position
        pieces.append(line)
        colon = line.find(":")
        quoted_printable = colon > 0 and _QP.search(line, 0, colon) is not None
    if pieces:
        yield number, "\n".join(pieces)


def _unread(line: str) -> bool:
    """Whether to skip ``line`` unread (a photo); raises _TooBig when it is past a limit."""
    if len(line) <= MAX_PARAMETERS:  # within every limit: most lines
        return False
    colon = line.find(":")
    head = line[: colon if colon >= 0 else min(len(line), 200)]
    name = head.split(";", 1)[0].rsplit(".", 1)[-1].strip().upper()[:60]
    if name in UNREAD:
        return True
    if len(line) > MAX_LINE_CHARS:
        raise _TooBig(
            f"has a line ({name or 'with no name'}) of {len(line):,} characters; coffeechat "
            f"reads lines of up to {MAX_LINE_CHARS:,}. {_AGAIN}"
        )
    parameters = head.count(";")
    if parameters > MAX_PARAMETERS:
        raise _TooBig(
            f"has a line ({name or 'with no name'}) with {parameters:,} parameters; coffeechat "
            f"reads up to {MAX_PARAMETERS} on a line. {_AGAIN}"
        )
    return False


_QP_HEAD = re.compile(r"^([^:]*?\bQUOTED-PRINTABLE\b[^:]*):", re.IGNORECASE)


def _declare_qp_charset(line: str) -> str:
    """Name the character set of a quoted-printable value that doesn't say.

    Older Outlook and phones write ``N;ENCODING=QUOTED-PRINTABLE:M=FCller`` in their
    Windows code page; vobject would decode it as UTF-8 and lose the card.
    """
    head = _QP_HEAD.match(line)
    if not head or "charset=" in head.group(1).lower():
        return line
    value = line[head.end() :].replace("=\n", "")
    try:
        quopri.decodestring(value.encode("ascii", "replace")).decode("utf-8")
    except UnicodeDecodeError:
        return f"{head.group(1)};CHARSET=windows-1252:{line[head.end() :]}"
    return line


class _Line:
    """One property of a card, as vobject's ContentLine reads it (parameters in a dict by
    name in capitals, quoted-printable decoded in its character set) at a fifth of the
    cost: a ContentLine sets each attribute through a property-aware ``__setattr__``."""

    __slots__ = ("name", "params", "singletonparams", "value")

    def __init__(self, name: str, params: list, value: str, group=None):
        self.name = name.upper()
        self.value = value
        self.params: dict[str, list[str]] = {}
        self.singletonparams: list[str] = []
        for param in params:
            if len(param) == 1:
                self.singletonparams.extend(param)
            else:
                self.params.setdefault(param[0].upper(), []).extend(param[1:])
        encoding = self.params.get("ENCODING", [])
        qp = "QUOTED-PRINTABLE" in encoding or "QUOTED-PRINTABLE" in self.singletonparams
        if "QUOTED-PRINTABLE" in encoding:
            encoding.remove("QUOTED-PRINTABLE")
            if not encoding:
                del self.params["ENCODING"]
        if "QUOTED-PRINTABLE" in self.singletonparams:
            self.singletonparams.remove("QUOTED-PRINTABLE")
        if qp:
            charset = (self.params.get("ENCODING") or self.params.get("CHARSET") or ["utf-8"])[0]
            self.value = quopri.decodestring(value.encode("utf-8")).decode(charset)


def _read(card: str) -> dict[str, list]:
    """{property name in capitals: [vobject ContentLine, ...]} of one card, in card order.

    A line's value is its text as written (quoted-printable and character set already
    decoded, vCard escapes still in). A line no reader could make sense of (a vendor's
    private property gone wrong) is left out; a component inside the card is damage.
    Raises _TooBig when the card is past one of the limits.
    """
    import vobject.base  # loaded with the first card, not with every console command

    lines: dict[str, list] = {}
    for number, text in _logical_lines(card):
        if _unread(text):
            continue
        try:
            line = _Line(*vobject.base.parseLine(_declare_qp_charset(text), number))
        except vobject.base.VObjectError:
            continue
        name = line.name.upper()
        if name == "BEGIN" and number > 1:
            raise ValueError(f"a {line.value.strip()} inside the card")
        lines.setdefault(name, []).append(line)
    return lines


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _unescape(value: str) -> str:
    r"""A vCard text value as written: \n and \N are line breaks, \, \; \\ and \: the
    character itself (Google writes 'https\://')."""
    if "\\" not in value:
        return value
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _split(value: str, separator: str) -> list[str]:
    """``value`` cut at each ``separator`` that is not escaped, parts still escaped."""
    parts, current, escaped = [], [], False
    for char in value:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return parts


def _raw(line) -> str:
    value = line.value
    if isinstance(value, bytes):  # base64 data (a photo): no text in it
        return ""
    return value if isinstance(value, str) else ""


def _text(line) -> str:
    """A one-line text value (FN, TITLE, ...) with its escapes undone, trimmed."""
    return " ".join(_unescape(_raw(line)).split()) if line is not None else ""


def _parts(line, count: int) -> list[str]:
    """The components of a structured value (N, ORG, ADR), at least ``count`` of them."""
    parts = [" ".join(_unescape(p).split()) for p in _split(_raw(line), ";")]
    return parts + [""] * (count - len(parts))


def _first(lines: dict, name: str):
    found = lines.get(name)
    return found[0] if found else None


def _types(line) -> set[str]:
    types = {p.casefold() for p in line.singletonparams}
    for value in line.params.get("TYPE", []):
        types.update(part.strip().strip('"').casefold() for part in value.split(","))
    return types


def _by_preference(lines):
    """Preferred first: TYPE=pref (3.0), PREF (2.1) or PREF=1 (4.0); file order otherwise."""

    def rank(indexed):
        index, line = indexed
        pref = line.params.get("PREF")
        if pref:
            try:
                return (int(pref[0]), index)
            except ValueError:
                return (1, index)
        return (1 if "pref" in _types(line) else 101, index)

    return [line for _, line in sorted(enumerate(lines), key=rank)]


_SOCIAL_USER = re.compile(r"^x-apple:|^x-user:", re.IGNORECASE)


def _linkedin_of_social(line) -> str:
    """Apple's X-SOCIALPROFILE for LinkedIn: a profile URL, or a user name
    (``x-user=jane-doe`` or a value ``x-apple:jane-doe``) that stands for one."""
    value = _text(line)
    if "linkedin.com" in value.casefold():
        return value
    if "linkedin" not in _types(line):
        return ""
    user = next(iter(line.params.get("X-USER", [])), "") or _SOCIAL_USER.sub("", value)
    user = user.strip().strip("/")
    if user and re.fullmatch(r"[\w%.-]+", user):
        return f"https://www.linkedin.com/in/{user}"
    return ""


def _record(number: int, lines: dict) -> ImportRecord:
    record = ImportRecord(row=number)
    kind = _text(_first(lines, "KIND"))
    show_as = _text(_first(lines, "X-ABSHOWAS"))
    if kind.casefold() == "org" or show_as.casefold() == "company":
        record.problem = "a card for an organization, not a person"
    name = _first(lines, "N")
    if name is not None:
        family, given = _parts(name, 2)[:2]
        record.first_name, record.last_name = given, family
    org = _first(lines, "ORG")
    if org is not None:
        parts = _parts(org, 1)
        record.organization = parts[0]
        record.department = ", ".join(p for p in parts[1:] if p)
    if not (record.first_name or record.last_name):
        full = _text(_first(lines, "FN"))
        if full and full.casefold() == record.organization.casefold():
            # Outlook and others file a company under its own name, with no person's name.
            record.problem = "a card for an organization, not a person"
        record.first_name, record.last_name = split_full_name(full)
    record.emails = [_text(line) for line in _by_preference(lines.get("EMAIL", []))]
    record.title = _text(_first(lines, "TITLE")) or _text(_first(lines, "ROLE"))
    phones = _by_preference(lines.get("TEL", []))
    if phones:
        record.phone = re.sub(r"^tel:", "", _text(phones[0]), flags=re.IGNORECASE)
    urls = [_text(line) for line in lines.get("URL", [])]
    for line in lines.get("X-SOCIALPROFILE", []):
        if profile := _linkedin_of_social(line):
            urls.insert(0, profile)
    linkedin = next((u for u in urls if "linkedin.com/" in u.casefold()), "")
    record.linkedin_url = linkedin
    record.websites = [u for u in urls if u and u != linkedin]
    addresses = _by_preference(lines.get("ADR", []))
    if addresses:
        # post office box; extended; street; city; region; postal code; country
        parts = _parts(addresses[0], 7)
        record.location = ", ".join(p for p in (parts[3], parts[4], parts[6]) if p)
    notes = [_unescape(_raw(line)).replace("\r\n", "\n").strip() for line in lines.get("NOTE", [])]
    record.notes = "\n\n".join(note for note in notes if note)
    tags = []
    for line in lines.get("CATEGORIES", []):
        for part in _split(_raw(line), ","):
            tags.extend(_unescape(tag) for tag in _split(part, ";"))
    record.tags = tags
    # An address book's group says how the student knows them: "Wellesley alumnae".
    record.source = next((source for tag in tags if (source := source_of_category(tag))), OTHER)
    return record
