"""Which rules apply to which message, and the words each one says to the student.

What each rule looks for and why is in ``catalog`` (the table ``--explain`` prints).

Rule ids are a public contract (the CLI's --json output and the compose page use them).

Applies to (E error, W warning, T tip, - never; "email/linkedin" where they differ):

=================  =======  =========  =========  ============  =============
rule               request  follow-up  thank-you  running-late  keep-in-touch
=================  =======  =========  =========  ============  =============
empty              E        E          E          E             E
placeholder        E        E          E          E             E
job-ask            E        E          E          E             E
salary             E        E          E          E             E
pay-talk           W        W          -          -             -
merge-gap          W        W          W          W             W
text-speak         W        W          W          W             W
over-limit         E linkedin only, every kind (a connection note or LinkedIn message)
no-ask             E        E          -          -             -
too-long           email only (``LENGTHS``): requests T over 100 words, W over 150;
                   follow-ups T over 75, W over 120; thank-you and keep-in-touch notes
                   W over 200; running late T over 60. Quoted earlier messages and the
                   signature are not counted. LinkedIn: none (over-limit does the job)
no-intro           W        -          -          -             -
no-reason          W        -          -          -             -
no-learning-goal   W/T      -          -          -             -
no-time-bound      W/T (1)  W/T (1)       -          -             -
no-availability    W/-      W/-        -          -             -
no-subject         W/-      W/-        W/-        -             W/-
no-thanks          W/T      W/T        W/W        -             W/T
spelling           W        W          W          W             W
resume             W        W          -          -             -
no-eta             -        -          -          W             -
no-takeaway        -        -          W          -             -
about-them         T        T          -          -             -
ask-as-question    T        T          -          -             -
=================  =======  =========  =========  ============  =============

(1) no-time-bound: asking for more than 30 minutes is a warning on both channels; not
saying how long is a warning in an email and a tip in a LinkedIn note. It is checked
only once there is an ask (no-ask already says to ask for 15–30 minutes).

Why: a LinkedIn note has 200 characters, so it cannot carry everything an email does —
who, why them and the ask matter most there, the rest becomes tips. A follow-up goes to
someone who has the first message, so it needs the ask again, not the introduction.
A thank-you note and a keep-in-touch update ask for nothing; a running-late note only
has to say when to expect you.
"""

from .findings import ERROR, TIP, WARNING
from .kinds import FOLLOW_UP, KEEP_IN_TOUCH, REQUEST, RUNNING_LATE, THANK_YOU

EMAIL, LINKEDIN = "email", "linkedin"
CHANNELS = (EMAIL, LINKEDIN)
FREE_LIMIT, PREMIUM_LIMIT = 200, 300

ASKING = {REQUEST, FOLLOW_UP}


def severity(rule: str, channel: str, kind: str) -> str | None:
    """How serious ``rule`` is for this channel and kind; None when it doesn't apply."""
    email = channel == EMAIL
    if rule in {"empty", "placeholder", "job-ask", "salary"}:
        return ERROR
    if rule in {"merge-gap", "text-speak"}:
        return WARNING
    if rule == "pay-talk":
        return WARNING if kind in ASKING else None
    if rule == "over-limit":
        return ERROR if not email else None
    if rule == "too-long":  # the most it can be; ``length_finding`` picks the level
        return WARNING if email else None
    if rule == "no-ask":
        return ERROR if kind in ASKING else None
    if rule in {"no-intro", "no-reason"}:
        return WARNING if kind == REQUEST else None
    if rule == "no-learning-goal":
        return (WARNING if email else TIP) if kind == REQUEST else None
    if rule == "no-time-bound":
        return (WARNING if email else TIP) if kind in ASKING else None
    if rule == "no-time-bound-over":
        return WARNING if kind in ASKING else None
    if rule == "no-availability":
        return WARNING if email and kind in ASKING else None
    if rule == "no-subject":
        return WARNING if email and kind != RUNNING_LATE else None
    if rule == "no-thanks":
        if kind == RUNNING_LATE:
            return None
        return WARNING if email or kind == THANK_YOU else TIP
    if rule == "spelling":
        return WARNING
    if rule == "resume":
        return WARNING if kind in ASKING else None
    if rule == "no-eta":
        return WARNING if kind == RUNNING_LATE else None
    if rule == "no-takeaway":
        return WARNING if kind == THANK_YOU else None
    if rule in {"about-them", "ask-as-question"}:
        return TIP if kind in ASKING else None
    raise ValueError(f"unknown rule {rule!r}")


# (tip over, warning over) words, for emails of each kind; None: no such level.
LENGTHS = {
    REQUEST: (100, 150),
    FOLLOW_UP: (75, 120),
    THANK_YOU: (None, 200),
    KEEP_IN_TOUCH: (None, 200),
    RUNNING_LATE: (60, None),
}


def length_finding(
    words: int, channel: str, kind: str, left_out: str = ""
) -> tuple[str, str] | None:
    """(severity, message) when an email is longer than its kind should be.

    ``left_out`` names what the count skipped ("the quoted message"), to say so.
    """
    if channel != EMAIL:
        return None
    tip, warning = LENGTHS[kind]
    counted = f"{words} words" + (f" (not counting {left_out})" if left_out else "")
    if warning is not None and words > warning:
        return WARNING, MESSAGES[f"too-long-{kind}"].format(counted=counted)
    if tip is not None and words > tip:
        return TIP, MESSAGES[f"too-long-{kind}-tip"].format(counted=counted)
    return None


MESSAGES = {
    "empty": (
        "There's nothing here yet. Start with one sentence saying who you are, then one on "
        "why you're writing to this person, then ask for a short conversation."
    ),
    "placeholder": (
        "“{blank}” looks like a blank left from a template. Replace it with the real "
        "detail before sending — an unfilled blank tells the reader this is a form letter."
    ),
    "placeholder-subject": (
        "The subject line still has a template blank, “{blank}”. Fill it in before sending."
    ),
    "over-limit": (
        "This note is {characters} characters, and LinkedIn stops connection notes at "
        "{limit}{account}. Cut at least {over} character{s} — keep who you are, why you "
        "picked them and your question, and save the rest for after they accept."
    ),
    "no-ask": (
        "The message never asks for a conversation, so the reader can't tell what you "
        "hope they'll do. End with one clear question, e.g. “Would you have 20 minutes "
        "for a phone or video call in the next couple of weeks?”"
    ),
    "no-ask-guessed": (
        "This reads like a request, but it never asks for a conversation. If you are "
        "asking for one, end with a clear question, e.g. “Would you have 20 minutes for a "
        "call in the next two weeks?” (If it isn't a request, choose its kind.)"
    ),
    "no-ask-unsure": (
        "Is “{quote}” your ask? If so, make it a clear question, e.g. “Would you have 20 "
        "minutes for a call next week?”"
    ),
    "no-ask-follow-up": (
        "This follow-up doesn't repeat what you're asking for. Restate it in one short "
        "question, e.g. “Might you have 15–20 minutes for a call in the coming weeks?”"
    ),
    "too-long-request": (
        "At {counted} this is long for a first message to someone busy. Aim for under "
        "100: a sentence on who you are, one on why them, one on what you hope to learn, "
        "and your question. Background they can find on your LinkedIn can go."
    ),
    "too-long-request-tip": (
        "{counted} is all right, but notes under 100 words tend to get more replies. "
        "See whether a sentence about your own background can go."
    ),
    "too-long-follow-up": (
        "At {counted} this is long for a follow-up. Two to four sentences do it: a "
        "reminder of who you are, your question again, and thanks."
    ),
    "too-long-follow-up-tip": (
        "{counted} is on the long side for a follow-up; see whether it can say the same "
        "in fewer sentences."
    ),
    "too-long-thank-you": (
        "At {counted} this note may not get read to the end. Keep it to the two or "
        "three things that matter most."
    ),
    "too-long-keep-in-touch": (
        "At {counted} this update may not get read to the end. Keep it to your news, "
        "how their advice helped, and thanks."
    ),
    "too-long-running-late-tip": (
        "Keep a running-late note short ({counted} now): say sorry, when you'll arrive, "
        "and that's it."
    ),
    "no-intro": (
        "Say in one sentence who you are, e.g. “I'm a second-year economics student at "
        "Tufts.” People are much more likely to reply when they know who is writing."
    ),
    "no-reason": (
        "Tell them why you are writing to them in particular — something of theirs you "
        "read or heard, their role or career path, a school you share, or who suggested "
        "you reach out."
    ),
    "no-learning-goal": (
        "Say what you hope to learn from them, e.g. “how you moved from engineering into "
        "product” or “what a typical week in your role looks like.”"
    ),
    "no-time-bound": (
        "Say how long you're asking for — 15 to 30 minutes, e.g. “a 20-minute call.” A "
        "short, definite request is much easier to say yes to."
    ),
    "no-time-bound-over": (
        "“{duration}” is a lot to ask of someone who doesn't know you yet. Ask for 15 to 30 "
        "minutes instead; if the conversation goes well, they can offer more."
    ),
    "no-availability": (
        "Offer two or three times you're free (e.g. “Tuesday or Thursday afternoons”) or "
        "ask what suits them, so they can say yes in a single reply."
    ),
    "no-subject": (
        "Add a subject line so the email gets opened, e.g. “Sophomore at Tufts — question "
        "about your path into UX research.”"
    ),
    "no-thanks": "Thank them for their time — one short line near the end is enough.",
    "resume": (
        "Leave your resume out of this message. Sending it makes the note read like a job "
        "application; keep a copy ready in case they ask for it."
    ),
    "no-eta": (
        "Tell them when to expect you, e.g. “I'll be there by 2:15” or “about 10 minutes "
        "late,” so they can plan around it."
    ),
    "no-takeaway": (
        "Mention one or two specific things from the conversation that stuck with you and "
        "what you'll do with them, e.g. “Your advice to join a professional group gave me "
        "a clear next step.” Specifics are what make a thank-you note memorable."
    ),
    "about-them": (
        "More of this message is about you than about them. People reply more often when "
        "most of it is about them — their work, their path, why you picked them. Try "
        "turning one sentence about yourself into one about them."
    ),
    "ask-as-question": (
        "Phrase your request as a question that ends with “?”, e.g. “Would you have 20 "
        "minutes for a call next week?” A question is easier to answer than a statement."
    ),
}
