"""Texting shorthand ("ur", "abt", "u", "ty") in a message to someone who doesn't know you.

Only tokens that are shorthand and nothing else are listed; ones that are also words or
names in their own right are matched only where they can't be those: "U" in "U of M" or
"the U" is a university, "R" and "C" are languages, "n" in "rock n roll" is left alone.
"""

import re

from .findings import WARNING, Finding
from .patterns import lazy

TEXT_SPEAK = "text-speak"

SPELLED_OUT = {
    "u": "you",
    "ur": "your (or you're)",
    "urs": "yours",
    "abt": "about",
    "ty": "thank you",
    "tysm": "thank you so much",
    "thx": "thanks",
    "thnx": "thanks",
    "thanx": "thanks",
    "tnx": "thanks",
    "pls": "please",
    "plz": "please",
    "plss": "please",
    "bc": "because",
    "b/c": "because",
    "cuz": "because",
    "coz": "because",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tmrrw": "tomorrow",
    "rn": "right now",
    "idk": "I don't know",
    "lmk": "let me know",
    "btw": "by the way",
    "imo": "in my opinion",
    "imho": "in my opinion",
    "tbh": "to be honest",
    "ngl": "to be honest",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "have to",
    "ppl": "people",
    "msg": "message",
    "sry": "sorry",
    "srry": "sorry",
    "wud": "would",
    "cud": "could",
    "shud": "should",
    "b4": "before",
    "l8r": "later",
    "gr8": "great",
    "w/e": "whatever",
    "omg": "(leave it out)",
    "lol": "(leave it out)",
    "haha": "(leave it out)",
    "hehe": "(leave it out)",
    "r": "are",
    "k": "OK",
    "kk": "OK",
    "ik": "I know",
    "hbu": "how about you",
    "nvm": "never mind",
    "smth": "something",
    "sth": "something",
    "abt.": "about",
    "wrt": "about",
    "asap": "as soon as possible",
}
_ALWAYS = "|".join(
    re.escape(word)
    for word in sorted(SPELLED_OUT, key=len, reverse=True)
    if word not in {"u", "r", "k"}
)
_TOKEN = lazy(rf"(?<![\w/@#.'’-])(?:{_ALWAYS})(?![\w/@'’-])", re.IGNORECASE)
# "u" alone: not "U of M", "the U", "U.S.", "Team U"; "r" and "k" only lower case.
_U = lazy(r"(?<![\w/@#.'’-])(?:u|U)(?![\w/@'’.-])(?!\s+of\b)")
_R_K = lazy(r"(?<![\w/@#.'’&-])(?:r|k)(?![\w/@'’.&-])")
_NOT_AFTER = lazy(r"(?:\b[Tt]he|\b[Tt]eam|\b[Gg]o|[A-Z]\.?)\s*$")
# Capitalised, these are names and abbreviations (Ty, RN, BC, MSG, ASAP): flagged only in
# lower case. The rest are flagged however they are written.
_LOWER_ONLY = {"ty", "rn", "bc", "msg", "sth", "asap", "wrt", "imo", "btw", "k", "r", "omg", "ik"}


def find_text_speak(text: str) -> list[Finding]:
    found = []
    spans = [m for m in _TOKEN.finditer(text)]
    spans += [
        m
        for m in _U.finditer(text)
        if not _NOT_AFTER.search(text[max(0, m.start() - 6) : m.start()])
    ]
    spans += list(_R_K.finditer(text))
    for match in sorted(spans, key=lambda m: m.start()):
        token = match.group()
        if token.lower() in _LOWER_ONLY and token != token.lower():
            continue
        if token.lower() in {"r", "k"} and not _loose(text, match):
            continue
        instead = SPELLED_OUT[token.lower()]
        advice = "leave it out" if instead.startswith("(") else f"write “{instead}”"
        message = (
            f"“{token}” is texting shorthand; {advice}. To someone who doesn't know you "
            "yet, whole words read as care."
        )
        found.append(Finding(TEXT_SPEAK, WARNING, message, match.start(), match.end()))
    return found


def _loose(text: str, match: re.Match) -> bool:
    """A lone "r" or "k" reads as shorthand between lower-case words ("how r you", "k thanks")."""
    before = text[max(0, match.start() - 12) : match.start()]
    after = text[match.end() : match.end() + 12]
    return bool(re.search(r"[a-z]\s+$", before) or re.match(r"\s+[a-z]", after)) and not re.search(
        r"(?:\b(?:in|and|of|with|using|like)\s+)$", before
    )
