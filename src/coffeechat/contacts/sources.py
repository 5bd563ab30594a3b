"""How a student knows someone (the contact's ``source``), and the words files use for it.

Plain data and functions, no Django: the import parsers read them, and ``models.Source``
is built from ``SOURCES``, so the choices are written once.
"""

import re
import unicodedata

# (value, label), in the order forms offer them.
SOURCES = (
    ("faculty", "Faculty or professor"),
    ("alum", "Alum"),
    ("career-adviser", "Career adviser"),
    ("peer", "Peer"),
    ("employer", "Employer"),
    ("friend", "Friend"),
    ("family", "Family"),
    ("coach", "Coach"),
    ("coworker", "Coworker"),
    ("supervisor", "Supervisor"),
    ("linkedin", "LinkedIn"),
    ("alumni-platform", "Alumni platform"),
    ("school-network", "The school's network"),
    ("referral", "Referral"),
    ("other", "Other"),
)
OTHER = "other"

# Other words for the same places, beside each source's value and label: a whole "How you
# know them" cell, or a whole vCard category, that is one of these names that source.
_SYNONYMS = {
    "alumni": "alum",
    "alumna": "alum",
    "alumnae": "alum",
    "alumnus": "alum",
    "faculty": "faculty",
    "professor": "faculty",
    "career advisor": "career-adviser",
    "co-worker": "coworker",
    "referred": "referral",
}

# Single words that, inside a longer category ("Wellesley alumnae", "MIT faculty",
# "Work colleagues"), say how the student knows the people filed under it.
_CATEGORY_WORDS = {
    "alum": "alum",
    "alums": "alum",
    "alumna": "alum",
    "alumnae": "alum",
    "alumni": "alum",
    "alumnus": "alum",
    "faculty": "faculty",
    "professor": "faculty",
    "professors": "faculty",
    "prof": "faculty",
    "profs": "faculty",
    "lecturer": "faculty",
    "lecturers": "faculty",
    "instructor": "faculty",
    "instructors": "faculty",
    "coworker": "coworker",
    "coworkers": "coworker",
    "colleague": "coworker",
    "colleagues": "coworker",
    "classmate": "peer",
    "classmates": "peer",
    "peer": "peer",
    "peers": "peer",
    "friend": "friend",
    "friends": "friend",
    "family": "family",
    "coach": "coach",
    "coaches": "coach",
    "mentor": "coach",
    "mentors": "coach",
    "supervisor": "supervisor",
    "supervisors": "supervisor",
    "recruiter": "employer",
    "recruiters": "employer",
    "referral": "referral",
    "referrals": "referral",
}
# Two-word names inside a longer category ("Career services advisers 2025").
_CATEGORY_PHRASES = {
    "career adviser": "career-adviser",
    "career advisers": "career-adviser",
    "career advisor": "career-adviser",
    "career advisors": "career-adviser",
    "career services": "career-adviser",
    "career center": "career-adviser",
    "career centre": "career-adviser",
    "career office": "career-adviser",
}


def fold(text: str) -> str:
    """Lower case, no accents, underscores as spaces, one space between words."""
    text = unicodedata.normalize("NFKD", text.replace("_", " "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.strip().strip('"').casefold().split())


def _names() -> dict[str, str]:
    known = {fold(word): value for word, value in _SYNONYMS.items()}
    for value, label in SOURCES:
        known[fold(label)] = value
        known[fold(value)] = value
        known[fold(value.replace("-", " "))] = value
    return known


_NAMES = _names()


def source_of(text: str) -> str | None:
    """The source that ``text`` names as a whole ('Alum', 'alum', 'Faculty or professor',
    'career-adviser'); "other" when blank; None when it names none of them."""
    if not text.strip():
        return OTHER
    return _NAMES.get(fold(text))


_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
MAX_CATEGORY_CHARS = 200  # a category is a short name; a long text is not looked into


def source_of_category(category: str) -> str | None:
    """The source a vCard category (an address book's group) stands for, or None.

    The whole name first ("Faculty or professor", "alumni"), then its words, first match
    wins: "Wellesley alumnae" is alum, "MIT Faculty" faculty, "Career services" career
    adviser. "other" is never returned: a group that says nothing leaves the source alone.
    """
    folded = fold(category[:MAX_CATEGORY_CHARS])
    whole = _NAMES.get(folded)
    if whole and whole != OTHER:
        return whole
    words = _WORD.findall(folded)
    for first, second in zip(words, words[1:], strict=False):
        if (phrase := _CATEGORY_PHRASES.get(f"{first} {second}")) is not None:
            return phrase
    for word in words:
        if value := _CATEGORY_WORDS.get(word) or _CATEGORY_WORDS.get(word.replace("-", "")):
            return value
    return None
