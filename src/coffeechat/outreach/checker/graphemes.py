"""Count characters the way a reader sees them (extended grapheme clusters).

LinkedIn's limit is about what a person sees: "é" is one character whether it is typed
as one code point or as "e" plus a combining accent, a flag is one character although it
is two regional-indicator code points, and a family emoji joined with zero-width joiners
is one character. Python has no grapheme segmentation built in and no installed package
provides it, so this is a compact approximation of Unicode's UAX #29 rules:

- CR LF is one cluster; other controls stand alone (GB3–GB5);
- Hangul jamo sequences join into syllables (GB6–GB8);
- combining marks, spacing marks, variation selectors, emoji skin-tone modifiers, tag
  characters and zero-width (non-)joiners attach to what precedes them (GB9, GB9a);
- after a zero-width joiner, a pictographic symbol joins the cluster (GB11);
- regional indicators pair up into flags (GB12, GB13).

Left out, because they are rare in outreach messages: prepended concatenation marks
(GB9b) and the Indic conjunct rule of Unicode 15.1 (GB9c). Python's ``unicodedata`` also
lacks the Extended_Pictographic property, so "pictographic" is approximated by the
symbol category (So) and the emoji blocks.
"""

import unicodedata

_CR, _LF, _ZWJ, _ZWNJ = "\r", "\n", "\u200d", "\u200c"

_CONTROL_CATEGORIES = {"Cc", "Zl", "Zp", "Cs"}
_EXTEND_CATEGORIES = {"Mn", "Me", "Mc"}


def _is_regional_indicator(cp: int) -> bool:
    return 0x1F1E6 <= cp <= 0x1F1FF


def _is_extend(ch: str) -> bool:
    cp = ord(ch)
    if ch in (_ZWJ, _ZWNJ):
        return True
    if 0x1F3FB <= cp <= 0x1F3FF:  # emoji skin-tone modifiers
        return True
    if 0xE0020 <= cp <= 0xE007F:  # tag characters (subdivision flags)
        return True
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:  # variation selectors
        return True
    return unicodedata.category(ch) in _EXTEND_CATEGORIES


def _is_control(ch: str) -> bool:
    if ch in (_CR, _LF):
        return True
    category = unicodedata.category(ch)
    if category in _CONTROL_CATEGORIES:
        return True
    # Format characters (soft hyphen, zero-width space, ...) are controls, except the
    # joiners and tags handled as Extend above.
    return category == "Cf" and not _is_extend(ch)


def _is_pictographic(ch: str) -> bool:
    cp = ord(ch)
    return 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or unicodedata.category(ch) == "So"


def _hangul_type(cp: int) -> str | None:
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return "L"
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return "V"
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return "T"
    if 0xAC00 <= cp <= 0xD7A3:
        return "LV" if (cp - 0xAC00) % 28 == 0 else "LVT"
    return None


_HANGUL_JOINS = {
    "L": {"L", "V", "LV", "LVT"},
    "LV": {"V", "T"},
    "V": {"V", "T"},
    "LVT": {"T"},
    "T": {"T"},
}


def cluster_starts(text: str) -> list[int]:
    """The index in ``text`` where each user-perceived character begins."""
    starts: list[int] = []
    previous = ""
    regional_run = 0  # regional indicators since the cluster began
    pictographic_in_cluster = False
    for index, ch in enumerate(text):
        cp = ord(ch)
        if index == 0 or _breaks(previous, ch, regional_run, pictographic_in_cluster):
            starts.append(index)
            regional_run = 0
            pictographic_in_cluster = False
        if _is_regional_indicator(cp):
            regional_run += 1
        if _is_pictographic(ch):
            pictographic_in_cluster = True
        previous = ch
    return starts


def _breaks(previous: str, ch: str, regional_run: int, pictographic: bool) -> bool:
    if previous == _CR and ch == _LF:
        return False
    if _is_control(previous) or _is_control(ch):
        return True
    before, after = _hangul_type(ord(previous)), _hangul_type(ord(ch))
    if before and after and after in _HANGUL_JOINS[before]:
        return False
    if _is_extend(ch):
        return False
    if previous == _ZWJ and pictographic and _is_pictographic(ch):
        return False
    return not (
        _is_regional_indicator(ord(previous))
        and _is_regional_indicator(ord(ch))
        and regional_run % 2 == 1
    )


def count_characters(text: str) -> int:
    """How many characters a reader sees in ``text``."""
    return len(cluster_starts(text))
