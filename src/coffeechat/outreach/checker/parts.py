"""Which parts of a text are the message: not a quoted earlier message, not the signature.

A reply or a follow-up often carries the message it answers ("On Tue, Jane wrote:" and
lines starting with ">", or Outlook's "-----Original Message-----" and "From: ... Sent:"
block), and most people's mail adds a signature below the sign-off. Neither is what the
student wrote to this reader now, so neither counts toward length or is judged as part
of the message. The parts are blanked out with spaces rather than cut, so every offset
still points into what the student typed.
"""

import re

from .patterns import lazy

_ATTRIBUTION = lazy(
    r"^[ \t]*(?:on\s.{0,200}?wrote:|le\s.{0,200}?a\s+écrit\s*:|am\s.{0,200}?schrieb.{0,80}:)"
    r"[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# "On Tue, 4 Nov 2025 at 15:12, Jane Doe <jane@example.com>" wrapped before "wrote:".
_ATTRIBUTION_WRAPPED = lazy(
    r"^[ \t]*on\s[^\n]{0,200}\n[ \t]*[^\n]{0,120}?wrote:[ \t]*$", re.IGNORECASE | re.MULTILINE
)
_ORIGINAL = lazy(
    r"^[ \t]*(?:-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}"
    r"|_{10,}[ \t]*\n[ \t]*from:"
    r"|from:[^\n]{1,200}\n[ \t]*(?:sent|date):)",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTED_LINE = lazy(r"^[ \t]*>[^\n]*$", re.MULTILINE)
_SIG_DELIMITER = lazy(r"^--[ \t]?$", re.MULTILINE)
_SIGN_OFF = lazy(
    r"^[ \t]*(?:best(?:\s+wishes|\s+regards)?|regards|kind\s+regards|warm(?:est)?\s+regards|"
    r"warmly|sincerely(?:\s+yours)?|yours\s+(?:sincerely|truly|faithfully)|cheers|thanks|"
    r"thank\s+you(?:\s+(?:so\s+much|again))?|many\s+thanks|thanks\s+(?:so\s+much|again)|"
    r"all\s+the\s+best|respectfully|gratefully|with\s+gratitude|take\s+care|"
    r"with\s+(?:best|kind|warm)\s+regards|best\s+wishes|talk\s+soon|thx|ty)"
    r"[ \t]*[,.!]?[ \t]*(?:\S+[ \t]*[^\n]{0,30})?$",
    re.IGNORECASE | re.MULTILINE,
)
_SIGNATURE_LINES = 9  # a longer tail after "Best," is more likely the message going on


def quoted_start(text: str) -> int | None:
    """Where a quoted earlier message starts (its attribution line), or None."""
    starts = [
        m.start()
        for pattern in (_ATTRIBUTION, _ATTRIBUTION_WRAPPED, _ORIGINAL)
        for m in pattern.finditer(text)
    ]
    return min(starts) if starts else None


def signature_span(text: str, end: int) -> tuple[int, int] | None:
    """The lines after the last sign-off (or a "-- " line) before ``end``, if short enough."""
    head = text[:end]
    delimiter = list(_SIG_DELIMITER.finditer(head))
    if delimiter:
        return delimiter[-1].start(), end
    sign_offs = list(_SIGN_OFF.finditer(head))
    if not sign_offs:
        return None
    after = sign_offs[-1].end()
    tail = head[after:]
    lines = [line for line in tail.splitlines() if line.strip()]
    if not lines or len(lines) > _SIGNATURE_LINES:
        return None
    if any(_is_prose(line) for line in lines):
        return None
    return after, end


def _is_prose(line: str) -> bool:
    """A line that reads as part of the message, not a signature's name, title or number."""
    line = line.strip()
    return (
        len(line) > 90
        or line.endswith("?")
        or bool(re.match(r"p\.?s\b", line, re.IGNORECASE))
        or (len(line.split()) >= 6 and line[-1] in ".!")
    )


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def own_text(text: str) -> tuple[str, str, list[str]]:
    """(text without quoted messages, that without the signature too, what was left out).

    Both have ``text``'s length; what's left out is replaced by spaces.
    """
    left_out = []
    mine = text
    start = quoted_start(text)
    if start is not None and text[:start].strip():
        mine = _blank(mine, start, len(text))
        left_out.append("the quoted message")
    quoted_lines = [m for m in _QUOTED_LINE.finditer(mine) if m.group().strip() != ">"]
    if quoted_lines or _QUOTED_LINE.search(mine):
        for match in _QUOTED_LINE.finditer(mine):
            mine = _blank(mine, match.start(), match.end())
        if quoted_lines and "the quoted message" not in left_out:
            left_out.append("the quoted message")
    message = mine
    span = signature_span(mine, len(mine.rstrip()))
    # A name under the sign-off is part of the message; a block of title, school,
    # phone and links is a signature.
    if span and len(mine[span[0] : span[1]].split()) > 3:
        message = _blank(mine, *span)
        left_out.append("your signature")
    return mine, message, left_out


def count_letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())
