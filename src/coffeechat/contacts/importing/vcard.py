"""vCard files (.vcf) as Apple Contacts, Google Contacts, Outlook and others write them.

The file is cut into cards first, so that one damaged card is skipped (and reported
with its number) instead of losing every card after it. vobject reads each card's lines
(unfolding, groups such as ``item1.``, parameters, quoted-printable with its character
set); the values are decoded here, because vobject keeps only the part of a text value
before its first unescaped comma, and Outlook and Android don't escape commas
(``TITLE:VP, Sales``, ``NOTE:Met in Boston, at the fair``).
"""

import contextlib
import io
import logging
import quopri
import re

import vobject

from coffeechat.contacts.importing.csvfile import split_full_name
from coffeechat.contacts.importing.errors import ImportFileError
from coffeechat.contacts.importing.records import ImportRecord

_BEGIN = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*END\s*:\s*VCARD\s*$", re.IGNORECASE)


def split_cards(text: str):
    """[(card number, card text or None if unfinished)] in file order."""
    cards, current, number = [], None, 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _BEGIN.match(line):
            if current is not None:
                cards.append((number, None))
            number += 1
            current = [line.strip()]
        elif current is not None:
            current.append(line)
            if _END.match(line):
                cards.append((number, "\n".join(current) + "\n"))
                current = None
    if current is not None:
        cards.append((number, None))
    return cards


def parse(text: str, filename: str) -> list[ImportRecord]:
    cards = split_cards(text)
    if not any(card for _, card in cards):
        if cards:
            problem = (
                "no complete vCard in it (BEGIN:VCARD without END:VCARD); the file may be "
                "cut off, so export the contacts again."
            )
        else:
            problem = "no vCard in it (no BEGIN:VCARD line); export the contacts again as vCard."
        raise ImportFileError(filename, problem)
    records = []
    for number, card in cards:
        if card is None:
            records.append(
                ImportRecord(row=number, problem="card cut off: BEGIN:VCARD without END:VCARD")
            )
            continue
        try:
            record = _record(number, _read(card))
        except Exception as error:  # vobject raises many kinds; any of them spoils one card
            reason = " ".join(str(error).split())[:160] or type(error).__name__
            record = ImportRecord(row=number, problem=f"card could not be read ({reason})")
        records.append(record.finish())
    return records


@contextlib.contextmanager
def _quiet_vobject():
    log = logging.getLogger("vobject")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


_QP_HEAD = re.compile(r"^([^:]*?\bQUOTED-PRINTABLE\b[^:]*):", re.IGNORECASE)


def _declare_qp_charsets(card: str) -> str:
    """Name the character set of quoted-printable values that don't say.

    Older Outlook and phones write ``N;ENCODING=QUOTED-PRINTABLE:M=FCller`` in their
    Windows code page; vobject would decode it as UTF-8 and lose the card.
    """
    lines = card.split("\n")
    for index, line in enumerate(lines):
        head = _QP_HEAD.match(line)
        if not head or "charset=" in head.group(1).lower():
            continue
        value, following = line[head.end() :], index
        while value.endswith("=") and following + 1 < len(lines):  # soft line breaks
            following += 1
            value = value[:-1] + lines[following]
        try:
            quopri.decodestring(value.encode("ascii", "replace")).decode("utf-8")
        except UnicodeDecodeError:
            lines[index] = f"{head.group(1)};CHARSET=windows-1252:{line[head.end() :]}"
    return "\n".join(lines)


def _read(card: str) -> dict[str, list]:
    """{property name in capitals: [vobject ContentLine, ...]} of one card, in card order.

    A line's value is its text as written (quoted-printable and character set already
    decoded, vCard escapes still in). A line no reader could make sense of (a vendor's
    private property gone wrong) is left out; a component inside the card is damage.
    """
    card = _declare_qp_charsets(card)
    lines: dict[str, list] = {}
    with _quiet_vobject():
        for text, number in vobject.base.getLogicalLines(io.StringIO(card), allowQP=True):
            try:
                line = vobject.base.textLineToContentLine(text, number)
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
    return record
