"""vCard files (.vcf) as Apple Contacts, Google Contacts, Outlook and others write them.

The file is cut into cards first, so that one damaged card is skipped (and reported
with its number) instead of losing every card after it. Each card is then read by
vobject, with quoted-printable support for Outlook's vCard 2.1.
"""

import contextlib
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
            component = _read(card)
            record = _record(number, component)
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


def _read(card: str):
    card = _declare_qp_charsets(card)
    with _quiet_vobject():
        # ignoreUnreadable: one odd line (a vendor's private property) shouldn't lose the card.
        components = vobject.readComponents(card, allowQP=True, ignoreUnreadable=True)
        component = next(components, None)
    if component is None or component.name.upper() != "VCARD":
        raise ValueError("not a vCard")
    return component


def _lines(component, name):
    return component.contents.get(name.lower(), [])


def _text(value) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value if _text(v))
    return value.strip() if isinstance(value, str) else ""


_ESCAPED = re.compile(r"\\([:,;\\])")


def _plain(value) -> str:
    """A URL, email or phone with vCard escapes removed (Google writes 'https\\://...')."""
    return _ESCAPED.sub(r"\1", _text(value))


def _types(line) -> set[str]:
    types = {p.casefold() for p in line.singletonparams}
    for value in line.params.get("TYPE", []):
        types.update(part.strip().casefold() for part in value.split(","))
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


def _record(number: int, card) -> ImportRecord:
    record = ImportRecord(row=number)
    kind = _text(next((line.value for line in _lines(card, "KIND")), ""))
    show_as = _text(next((line.value for line in _lines(card, "X-ABSHOWAS")), ""))
    if kind.casefold() == "org" or show_as.casefold() == "company":
        record.problem = "a card for an organization, not a person"
    name = next((line.value for line in _lines(card, "N")), None)
    if name is not None and not isinstance(name, str):
        record.first_name = _text(name.given)
        record.last_name = _text(name.family)
    org = next((line.value for line in _lines(card, "ORG")), None)
    if isinstance(org, str):
        org = org.split(";")
    if org:
        parts = [_text(part) for part in org]
        record.organization = parts[0]
        record.department = ", ".join(p for p in parts[1:] if p)
    if not (record.first_name or record.last_name):
        full = _text(next((line.value for line in _lines(card, "FN")), ""))
        if full and full.casefold() == record.organization.casefold():
            # Outlook and others file a company under its own name, with no person's name.
            record.problem = "a card for an organization, not a person"
        record.first_name, record.last_name = split_full_name(full)
    record.emails = [_plain(line.value) for line in _by_preference(_lines(card, "EMAIL"))]
    record.title = _text(next((line.value for line in _lines(card, "TITLE")), "")) or _text(
        next((line.value for line in _lines(card, "ROLE")), "")
    )
    phones = _by_preference(_lines(card, "TEL"))
    if phones:
        record.phone = re.sub(r"^tel:", "", _plain(phones[0].value), flags=re.IGNORECASE)
    urls = [_plain(line.value) for line in _lines(card, "URL")]
    for line in _lines(card, "X-SOCIALPROFILE"):
        value = _plain(line.value)
        if "linkedin" in _types(line) or "linkedin.com" in value.casefold():
            if "linkedin.com" in value.casefold():
                urls.insert(0, value)
            elif line.params.get("X-USER"):
                urls.insert(0, f"https://www.linkedin.com/in/{line.params['X-USER'][0]}")
    linkedin = next((u for u in urls if "linkedin.com/" in u.casefold()), "")
    record.linkedin_url = linkedin
    record.websites = [u for u in urls if u and u != linkedin]
    addresses = _by_preference(_lines(card, "ADR"))
    if addresses and not isinstance(addresses[0].value, str):
        address = addresses[0].value
        record.location = ", ".join(
            part
            for part in (_text(address.city), _text(address.region), _text(address.country))
            if part
        )
    record.notes = "\n\n".join(
        _text_block(line.value) for line in _lines(card, "NOTE") if _text_block(line.value)
    )
    tags = []
    for line in _lines(card, "CATEGORIES"):
        values = line.value if isinstance(line.value, list) else re.split(r"[,;]", line.value)
        tags.extend(_text(v) for v in values)
    record.tags = tags
    return record


def _text_block(value) -> str:
    """A note keeps its line breaks."""
    if isinstance(value, list | tuple):
        value = "\n".join(str(v) for v in value)
    return str(value or "").replace("\r\n", "\n").strip()
