"""How a merged value reads inside a sentence. Pure functions: no database.

A template says "I'm a {{ my_major }} student" or "your way into {{ their_field }}"; the
values come from forms where people type "Chemistry" or "Finance". In the middle of a
sentence those read as "a chemistry student" and "into finance", while "UX research",
"AI", "iOS" and "English literature" keep their capitals.
"""

import re

# Words that keep their capital in the middle of an English sentence when they name a
# field: languages, peoples and places that fields are named after.
_PROPER_WORDS = (
    "african american arabic asian british chinese east english european french "
    "german greek hispanic indian irish italian japanese jewish korean latin latino "
    "latina latinx middle native pacific portuguese russian slavic spanish western "
    "northern southern"
)
_PROPER = frozenset(_PROPER_WORDS.split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def mid_sentence(value: str) -> str:
    """``value`` as it reads inside a sentence: capitalised ordinary words lower-cased;
    acronyms (AI, UX), mixed case (iOS, McKinsey) and proper words (English) kept."""

    def lower(match: re.Match) -> str:
        word = match.group(0)
        if word.casefold() in _PROPER:
            return word
        if word[0].isupper() and word[1:] == word[1:].lower() and len(word) > 1:
            return word.lower()
        return word

    return _WORD.sub(lower, value or "")


_PHRASE_START = re.compile(r"^(?:your|the|how|what|why|a|an)\b", re.IGNORECASE)


def as_phrase(note: str) -> str:
    """The first line of a research note if it reads as a phrase that fits "I was
    interested in ___" ("your 2024 paper on sodium cells"); else empty, so the draft asks
    the student to write that phrase rather than pasting a note mid-sentence."""
    line = next((part.strip() for part in (note or "").splitlines() if part.strip()), "")
    if (
        not line
        or not _PHRASE_START.match(line)
        or len(line.split()) > 25
        or re.search(r"[;:!?]|https?://|\.\s|\.$", line)
    ):
        return ""
    return line[0].lower() + line[1:] if line[:4].casefold() == "your" else line


# A greeting line: "Dear Professor Singh," or a short "Hi Anita" with no comma; not a
# sentence that happens to start with "Hi, I'm…".
_SALUTATION = re.compile(
    r"^(?:dear|hi|hello|hey|good\s(?:morning|afternoon|evening))\b"
    r"(?:[^,\n]{0,60},|[^,\n.!?]{0,40})[ \t]*$",
    re.IGNORECASE,
)


def salutation(body: str) -> str:
    """The greeting line a message opens with ("Dear Professor Singh,"), or empty."""
    first = next((line.strip() for line in (body or "").splitlines() if line.strip()), "")
    return first if _SALUTATION.match(first) else ""


def keep_salutation(body: str, follows: str) -> str:
    """A reply in the same voice: ``body``'s greeting replaced by the one of the message it
    follows, so a follow-up to "Dear Professor Singh," doesn't open "Hi Anita,"."""
    theirs, ours = salutation(follows), salutation(body)
    if not theirs or not ours or theirs == ours:
        return body
    return body.replace(ours, theirs, 1)


# Words starting with a vowel letter but a consonant sound ("a university", "a one-year
# program"), and with a consonant letter but a vowel sound ("an hour", "an MBA").
_CONSONANT_SOUND = re.compile(r"^(?:uni|use|usu|uti|ura|ure|euro|one\b|once)", re.IGNORECASE)
_VOWEL_SOUND = re.compile(r"^(?:hour|honou?r|heir|[FHLMNRSX][A-Z]{1,4}\b)")
_U_ACRONYM = re.compile(r"^U[A-Z]{1,4}\b")  # "a UX researcher", "a UN agency"


def article_for(value: str) -> str:
    """ "a" or "an", as it reads before ``value``: "an economics student", "a university
    program", "an MBA student", "an hour"."""
    word = (value or "").lstrip()
    if _VOWEL_SOUND.match(word):
        return "an"
    if _U_ACRONYM.match(word) or _CONSONANT_SOUND.match(word):
        return "a"
    if word[:1] and word[:1].lower() in "aeiou":
        return "an"
    return "a"
