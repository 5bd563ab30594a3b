"""What a mail merge leaves behind when a field was empty (rule ``merge-gap``).

"I read your article on ." — the field after "on" was blank; "at  , studying" — the
school was; "Dear ," — the name was; ",," and ". ." — two pieces of text met where a
field should have been. Each is reported once, at the gap. An ellipsis ("...", ". . .")
and a French-style space before "?" or "!" are not gaps.
"""

from .findings import WARNING, Finding
from .patterns import lazy

MERGE_GAP = "merge-gap"

# Words that can't end a clause: a preposition, an article, a possessive.
_NEEDS_MORE = (
    r"(?:on|at|in|of|for|with|from|to|about|into|by|as|like|the|a|an|your|my|our|their|his|"
    r"her|and|or|via|through|during|including|between|among|at\s+the|from\s+the)"
)
_PATTERNS = [
    # ",," ",." ";," ", ," — but not "..." or "?!"
    lazy(r"(?<![.,;:])[,;:][ \t]*[,;:.](?![.])"),
    # ". ." and ".." (not an ellipsis of three)
    lazy(r"(?<![.])\.[ \t]+\.(?![ \t]*\.)|(?<![.])\.\.(?!\.)"),
    # "on ." "at  ," "about ?" — a word that needs more, a space, then punctuation
    lazy(rf"(?i)\b{_NEEDS_MORE}[ \t]+[,.;:](?![\w.])"),
    # "at  studying" — a word that needs more, two spaces: the field between was empty
    # (only before a word that can't follow it directly: a double space is often a typo)
    lazy(
        rf"(?i)\b{_NEEDS_MORE}[ \t]{{2,}}(?=(?:and|or|but|where|who|which|studying|working|"
        rf"majoring|as|to|for|with|in|on|at|of|from|is|was|about|by|during|since|that)\b)"
    ),
    # "Dear ," "Hi ,"
    lazy(r"(?im)^[ \t]*(?:dear|hi|hello|hey|greetings)[ \t]*[,:!](?=[ \t]*$)"),
    # "Dear Mr. ," "Hi Dr ,"
    lazy(r"(?m)\b(?:Mr|Ms|Mrs|Mx|Dr|Prof|Professor)\.?[ \t]*[,:](?=[ \t]*$)"),
]


def find_merge_gaps(text: str) -> list[Finding]:
    spans: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        spans += [m.span() for m in pattern.finditer(text)]
    found: list[Finding] = []
    last_end = -1
    for start, end in sorted(spans):
        if start < last_end:
            continue
        last_end = end
        quote = _around(text, start, end)
        message = (
            f"“{quote}” looks like a gap where a merge field came out empty. Fill in what "
            "was meant there, or rewrite the sentence without it."
        )
        found.append(Finding(MERGE_GAP, WARNING, message, start, end))
    return found


def _around(text: str, start: int, end: int) -> str:
    """The gap with a few words either side, on one line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before = text[line_start:start].split(" ")
    after = text[end:line_end].split(" ")
    left = " ".join(before[-4:]) if len(before) > 4 else text[line_start:start]
    right = " ".join(after[:3]) if len(after) > 3 else text[end:line_end]
    return (left + text[start:end] + right).strip()
