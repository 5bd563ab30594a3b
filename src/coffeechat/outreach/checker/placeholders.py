"""Template blanks left unfilled: ``{{first_name}}``, ``[Company]``, ``<Name>``, XXX, ___.

Other tools' styles count too: Mailchimp's ``*|FNAME|*``, ``%COMPANY%`` and ``%Company%``,
``<<Name>>``, ``[[Name]]``, ``${name}``. Brackets are also ordinary punctuation, so only
bracketed text that reads like a field counts: "(15–30 minutes)" and "<jane@example.com>"
do not, "[Name]" and "<Company>" do. Blanks side by side ("[First Name] [Last Name]",
"{{ first }} {{ last }}") are one blank: one thing to fill in, reported once.
"""

import re
from dataclasses import dataclass

from .patterns import lazy


@dataclass(frozen=True)
class Blank:
    start: int
    end: int
    text: str


_FIELD_WORDS = (
    r"(?:first|last|full|your|their|his|her|contact|recipient|company|organi[sz]ation|org|"
    r"school|college|university|name|title|role|position|field|industry|major|date|day|time|"
    r"city|team|department|project|topic|article|event|insert|specific|detail|details|"
    r"mutual|connection|person|job|interest|interests|year|class|professor|manager|here|x+)"
)
_HTML_TAGS = {
    "a", "b", "i", "u", "p", "br", "hr", "em", "strong", "div", "span", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "img", "table", "tr", "td", "th", "small", "sup", "sub", "code",
    "pre", "blockquote", "html", "body", "head", "meta", "link", "title", "tbody", "thead",
}  # fmt: skip

_PATTERNS = [
    lazy(r"\{\{[^{}\n]{0,80}\}\}"),  # {{ field }}
    lazy(r"\{%[^\n]{0,80}?%\}"),  # {% tag %}
    lazy(r"(?<!\{)\{[^{}\n]{1,60}\}(?!\})"),  # {field}
    lazy(r"\$\{[^{}\n]{1,60}\}"),  # ${field}
    lazy(r"\*\|[A-Za-z0-9_:\- ]{1,40}\|\*"),  # *|FNAME|* (Mailchimp)
    lazy(r"(?<![\w%])%[A-Za-z][A-Za-z_.]{0,38}(?: [A-Za-z_.]{1,20}){0,2}%(?![\w%])"),  # %FIELD%
    lazy(r"\[\[[^\[\]\n]{1,60}\]\]"),  # [[field]]
    lazy(r"<<[^<>\n]{1,60}>>"),  # <<field>>
    lazy(r"(?<![A-Za-z])(?:[Xx]{3,}|XX)(?![A-Za-z])"),  # XXX, 20XX
    lazy(r"(?<![A-Za-z])(?:TK)+(?![A-Za-z])"),  # TK (journalists' "to come")
    lazy(r"(?<!_)_{3,}(?!_)"),  # ____ (but see _is_rule_line)
    lazy(
        r"\b(?:First|Last|Full|Your|Their|Company|School|University|Contact|Recipient)[ _]?Name\b"
        r"|\b(?:Lastname|Firstname|Surname)\b"
        r"|\b(?:Mr|Ms|Mrs|Dr|Prof|Professor|Mx)\.?\s+[XYZ]\b(?!\.)"
    ),
    lazy(
        r"(?im)^[ \t]*(?:hi|hello|dear|hey)\s+(?P<blank>name|first\s+name|contact|recipient)"
        r"\s*(?=[,!:]|$)"
    ),
    lazy(
        r"(?<![A-Za-z])(?:FIRST[_ ]?NAME|LAST[_ ]?NAME|FULL[_ ]?NAME|NAME|COMPANY|"
        r"ORGANI[SZ]ATION|SCHOOL|INSERT)(?![A-Za-z])"
    ),
    lazy(
        rf"\(\s*(?:insert\b[^()\n]{{0,60}}|{_FIELD_WORDS}(?:\s+{_FIELD_WORDS}){{0,2}})\s*\)", re.I
    ),
]
_SQUARE = lazy(r"\[([^\[\]\n]{1,60})\](?!\()")
_ANGLE = lazy(r"<([^<>\n]{1,60})>")


def _square_is_blank(content: str) -> bool:
    inner = content.strip()
    if not inner:  # [ ]
        return True
    if not re.search(r"[A-Za-z_]", inner):  # [1], [...]
        return False
    if inner.lower() in {"sic", "at", "dot", "link", "edit", "edited", "cc", "bcc", "sent"}:
        return False
    if "@" in inner or "://" in inner or inner.lower().startswith("www."):
        return False
    # "[Company]", "[first name]", "[insert detail]" — not an editor's "[the long version]".
    words = inner.split()
    return len(words) <= 5 and (
        "_" in inner
        or any(word[0].isupper() for word in words)
        or any(re.fullmatch(_FIELD_WORDS, word.lower()) for word in words)
    )


def _angle_is_blank(content: str) -> bool:
    inner = content.strip()
    if not inner or not inner[0].isalpha():  # <3, <-, < 5
        return False
    if "@" in inner or "://" in inner or inner.lower().startswith(("www.", "mailto:", "tel:")):
        return False
    tag = re.match(r"/?([A-Za-z][A-Za-z0-9]*)", inner)
    if (
        tag
        and tag.group(1).lower() in _HTML_TAGS
        and (inner == tag.group(0) or re.match(r"/?[A-Za-z0-9]+\s+[a-z-]+=", inner))
    ):
        return False
    # A sentence inside angle brackets is not a field name.
    return len(inner.split()) <= 5


def _is_rule_line(text: str, start: int, end: int) -> bool:
    """A line of nothing but underscores is a separator, not a blank to fill in."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    return set(line.strip()) == {"_"}


def find_blanks(text: str) -> list[Blank]:
    """Every unfilled template blank in ``text``, left to right, without overlaps."""
    spans: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        group = "blank" if "blank" in pattern.groupindex else 0
        spans += [m.span(group) for m in pattern.finditer(text)]
    spans = [(a, b) for a, b in spans if not (text[a] == "_" and _is_rule_line(text, a, b))]
    spans += [m.span() for m in _SQUARE.finditer(text) if _square_is_blank(m.group(1))]
    spans += [m.span() for m in _ANGLE.finditer(text) if _angle_is_blank(m.group(1))]
    blanks: list[Blank] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if blanks and start < blanks[-1].end:
            continue
        if blanks and _NEIGHBOURS.fullmatch(text[blanks[-1].end : start]):
            start = blanks.pop().start
        blanks.append(Blank(start, end, text[start:end]))
    return blanks


# Between two blanks that make one ("[First Name] [Last Name]"): spaces, or a comma,
# hyphen, full stop or slash. A word between them ("[Name] at [Company]") keeps them apart.
_NEIGHBOURS = lazy(r"[ \t]{0,3}(?:[,.\-/])?[ \t]{0,3}")
