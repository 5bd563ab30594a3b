"""Text plumbing for the checker: a folded copy that keeps offsets, sentences, words.

Every detector works on ``fold(text)``: the same length as the original, lower-cased,
with curly quotes, dashes and odd spaces made plain. Because each character maps to one
character, an offset found in the folded copy is an offset into what the student typed,
and the compose page can highlight it.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .patterns import lazy

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)


def fold(text: str) -> str:
    """Lower-case ``text`` and plain its punctuation, keeping its length exactly."""
    plain = text.translate(_FOLD)
    out = []
    for ch in plain:
        lower = ch.lower()
        out.append(lower if len(lower) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # as typed
    low: str  # folded

    @property
    def is_question(self) -> bool:
        return "?" in self.low


_ABBREVIATIONS = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "mx",
    "prof",
    "st",
    "jr",
    "sr",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "inc",
    "co",
    "ltd",
    "no",
    "approx",
    "dept",
    "univ",
    "a.m",
    "p.m",
    "u.s",
    "mt",
    "ph.d",
    "assoc",
    "asst",
}

# End of a sentence: terminal punctuation (and closing quotes/brackets) then space.
_TERMINAL = lazy(r"[.!?]+['\")\]]*(?=\s)|[.!?]+['\")\]]*$")
_BLANK_LINE = lazy(r"\n[ \t]*\n")
_SHORT_LINE = 45  # greetings and sign-offs are short lines of their own


def _cut_points(low: str) -> list[int]:
    cuts = set()
    for match in _TERMINAL.finditer(low):
        if not re.search(r"[!?]", match.group()):
            last = re.search(r"(\S+)$", low[: match.start()])
            token = last.group(1).strip("(\"'") if last else ""
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):  # "Dr." "J. Smith"
                continue
        cuts.add(match.end())
    for match in _BLANK_LINE.finditer(low):
        cuts.add(match.start())
    # A single newline ends a sentence after a short line (a greeting, a sign-off, a
    # list item) but not inside a paragraph that was wrapped by hand.
    position = 0
    for line in low.split("\n")[:-1]:
        end = position + len(line)
        if len(line.strip()) < _SHORT_LINE or re.search(r"[.!?:;]\s*$", line):
            cuts.add(end)
        position = end + 1
    return sorted(cuts)


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences (and greeting/sign-off lines) with their offsets."""
    low = fold(text)
    result = []
    start = 0
    for cut in [*_cut_points(low), len(text)]:
        if cut <= start:
            continue
        result.extend(_trimmed(text, low, start, cut))
        start = cut
    return result


def _trimmed(text: str, low: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and low[start].isspace():
        start += 1
    while end > start and low[end - 1].isspace():
        end -= 1
    if start < end:
        yield Sentence(start, end, text[start:end], low[start:end])


def count_words(text: str) -> int:
    """Words as a person would count them: runs of non-space text with a letter or digit."""
    return sum(1 for chunk in text.split() if any(ch.isalnum() for ch in chunk))


_CLAUSE_BREAK = lazy(r"[,;:()]|\s-\s|--|\b(?:and|but|or|so|because|since|while|although)\b")


def clause_before(low: str, position: int, window: int = 300) -> str:
    """The clause ``position`` is in, up to ``position`` (at most ``window`` characters)."""
    start = max(0, position - window)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(low, start, position)]
    return low[(breaks[-1] if breaks else start) : position]


WORD = lazy(r"[^\W_]+(?:['-][^\W_]+)*")


def words(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


def excerpt(text: str, start: int, end: int, width: int = 60) -> str:
    """A short quotation of ``text[start:end]`` for a finding's message, cut between words."""
    piece = " ".join(text[start:end].split())
    if len(piece) > width:
        cut = piece.rfind(" ", 0, width)
        piece = piece[: cut if cut > width // 2 else width - 1].rstrip(" ,;:-") + "…"
    return piece


def phrase(text: str, start: int, end: int, width: int = 70) -> str:
    """The words that triggered a finding, quoted whole: from the word ``start`` is in to the
    end of the clause after ``end`` (or ``width`` characters, cut between words)."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    stop = re.search(r"[,;:.?!()\n]|\s[-–—]\s", text[end:])
    clause_end = end + stop.start() if stop else len(text)
    return excerpt(text, start, max(end, min(clause_end, start + width + 1)), width)
