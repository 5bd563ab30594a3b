"""The thank-you draft: the top points of the conversation, picked from notes and reflection.

``thank_you_points`` is pure. ``conversations.moves.draft_thank_you`` fills the student's
thank-you template (their own copy, else the built-in) with them through the outreach merge
fields, and saves the draft as an outreach message linked to the interview.

The points go mid-sentence ("What has stayed with me most is {{ takeaway }}. Because of
it, I plan to {{ next_step }}."), in the built-in template and in any copy the student
made of it, so each point is cleaned of note-taking marks (bullets, "She said:", closing
full stops) and, unless it already reads as a phrase there, set after a colon, where any
sentence fits.
"""

import re

# Reflection answers that make a good "what stayed with me", most telling first.
TAKEAWAY_SOURCES = ("advice", "learned", "surprised")


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\S+", text))


# Words that open a clause which reads straight after "…most is": "how grants work".
CLAUSE_STARTERS = _words("how what why when where which who whether that")

# Verbs a to-do usually opens with, which read straight after "I plan to": "apply in April".
PLAN_VERBS = _words(
    """
    apply read ask talk book email e-mail write look contact research shadow see visit join
    sign meet call find update follow learn take try start reach schedule register prepare
    practice practise go make build keep send submit finish review draft revise attend
    message thank connect explore volunteer enroll enrol check compare plan fill complete
    text watch listen study get set talk reply introduce share chat speak work
    """
)

# Small words that open a sentence but are never names: lower-cased after a colon.
COMMON_OPENERS = _words(
    """
    a an the it its there this these those they their we our you your my most many some
    every each one in on at for if when how what why which that
    """
)

# Marks at the start of a line of notes: bullets, dashes, numbering, checkboxes.
BULLET = re.compile(r"^(?:[-*•·‣◦–—>]+\s*|\(?(?:\d{1,2}|[a-z])[.)]\s+|\[[ xX]?\]\s*)")

# A label that names the note rather than saying anything: "Takeaway:", "Next step -".
LABEL = re.compile(
    r"^(?:notes?|takeaways?|key\s+(?:point|takeaway)|main\s+point|point|advice|lessons?"
    r"|learned|learnt|ideas?|answer|a|q|todo|to-?do|next(?:\s+steps?)?|action(?:\s+items?)?"
    r"|follow[-\s]?up|tl;?dr)\s*(?::|\s[-–—])\s*",
    re.IGNORECASE,
)

# Who said it: "She said:", "Dr. Okafor mentioned that", "He explained how …".
SPEAKER = re.compile(
    r"^(?:(?i:she|he|they|you)|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+"
    r"(?i:said|says|told\s+me|mentioned|explained|noted|thinks|believes|pointed\s+out"
    r"|stressed|emphasi[sz]ed)"
    r"(?:\s*[:,]\s*|\s+[-–—]\s*|\s+that\s+|\s+)"
)

# Quotes around the whole point.
QUOTE_PAIRS = {'"': '"', "“": "”", "'": "'", "‘": "’", "«": "»"}

# Where a sentence may end; not after "Dr." or "e.g.".
SENTENCE_END = re.compile(r"[.!?…]+[”\"’')]*\s+")
ABBREVIATIONS = _words("dr mr mrs ms prof st vs eg e.g ie i.e etc approx inc co jr sr no")

TRAILING = re.compile(r"[\s.,;:!?…\-–—]+$")


def _clean(line: str) -> str:
    """One line of notes without its bullets, labels, quotes and closing punctuation."""
    text = " ".join(line.split())
    while True:
        before = text
        text = BULLET.sub("", text)
        text = LABEL.sub("", text)
        text = SPEAKER.sub("", text)
        text = TRAILING.sub("", text)
        if len(text) > 1 and QUOTE_PAIRS.get(text[0]) == text[-1]:
            text = text[1:-1].strip()
        if text == before:
            return text


def _first_sentence(text: str) -> str:
    for match in SENTENCE_END.finditer(text):
        word = text[: match.start()].rsplit(" ", 1)[-1].lower()
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue  # "Dr. Okafor", "J. Smith"
        return text[: match.end()].strip()
    return text


def _point(text: str) -> str:
    """The first thing said in ``text``: first non-empty line, first sentence, cleaned."""
    for line in (text or "").splitlines():
        line = _clean(line)
        if line:
            return _clean(_first_sentence(line))
    return ""


def _split_first_word(text: str) -> tuple[str, str]:
    first, _, rest = text.partition(" ")
    return first, rest


def _is_plain_word(word: str, words: frozenset) -> bool:
    # "IT", "WHO", "AI" are acronyms, not the small words they spell.
    return word.lower() in words and not (len(word) > 1 and word.isupper())


def _lower_first(text: str) -> str:
    first, rest = _split_first_word(text)
    return " ".join(filter(None, [first.lower(), rest]))


def _after_colon(lead: str, text: str) -> str:
    first, _ = _split_first_word(text)
    if _is_plain_word(first, COMMON_OPENERS):
        text = _lower_first(text)
    return f"{lead}: {text}"


def _takeaway(text: str) -> str:
    """A point that reads after "What has stayed with me most is …"."""
    point = _point(text)
    if not point:
        return ""
    first, _ = _split_first_word(point)
    if _is_plain_word(first, CLAUSE_STARTERS):
        return _lower_first(point)  # "…most is how grants work"
    return _after_colon("this", point)  # "…most is this: the lab hires in May"


def _next_step(text: str) -> str:
    """A step that reads after "I plan to …"."""
    point = re.sub(
        r"^(?:i\s+(?:will|plan\s+to|want\s+to)|i'll|i’ll|will|to)\s+", "", _point(text), flags=re.I
    )
    if not point:
        return ""
    first, _ = _split_first_word(point)
    if _is_plain_word(first, PLAN_VERBS):
        return _lower_first(point)  # "…I plan to apply in April"
    return _after_colon("take this next step", point)


def thank_you_points(
    reflection: dict, question_notes: list[str], free_notes: str, todos: list[str]
):
    """(takeaway, next step) as phrases; blank where there is nothing to go on."""
    advice = _point(reflection.get("advice", ""))
    if advice:
        # Their words, quoted: advice is often an order ("Talk to more people").
        takeaway = f"your advice: “{advice}”"
    else:
        takeaway = ""
        for text in [reflection.get(key, "") for key in TAKEAWAY_SOURCES[1:]]:
            takeaway = takeaway or _takeaway(text)
        for text in [*question_notes, free_notes]:
            takeaway = takeaway or _takeaway(text)
    next_step = _next_step(todos[0]) if todos else ""
    return takeaway, next_step
