"""Two things an informational-interview message must never do: ask for a job, ask about pay.

(And a milder one: asking about pay in the field, ``pay-talk``, best kept for the call.)

Both are judged sentence by sentence from how a sentence is built (see ``jobs`` and
``salary``), not from a list of example sentences. These two detectors are public: the
interview-preparation pages run them over a student's own questions too.
"""

from collections.abc import Iterable

from .findings import ERROR, WARNING, Finding
from .jobs import job_ask_in
from .salary import pay_talk_in, salary_ask_in
from .text import Sentence, phrase, sentences

JOB_ASK, SALARY, PAY_TALK = "job-ask", "salary", "pay-talk"

JOB_ASK_MESSAGE = (
    "“{quote}” reads as asking them for a job or a referral. Leave it out for now and ask "
    "what you'd like to learn; if they bring up openings, you can follow their lead."
)
SALARY_MESSAGE = (
    "“{quote}” asks what they earn, which is personal. Take it out; if pay matters to "
    "you, ask about typical ranges in the field once you are talking."
)
PAY_TALK_MESSAGE = (
    "“{quote}” asks about pay. That is a fair question in the conversation, but in a "
    "first message it can look like the reason you wrote; keep it for the call."
)


# --- public detectors -------------------------------------------------------------------


def _findings(
    text: str,
    finder,
    rule: str,
    message: str,
    among: Iterable[Sentence] | None,
    severity: str = ERROR,
) -> list[Finding]:
    found = []
    for sentence in sentences(text) if among is None else among:
        match = finder(sentence)
        if match is None:
            continue
        quote = phrase(sentence.text, match.start(), match.end())
        found.append(
            Finding(rule, severity, message.format(quote=quote), sentence.start, sentence.end)
        )
    return found


def find_job_asks(text: str, *, among: Iterable[Sentence] | None = None) -> list[Finding]:
    """Sentences of ``text`` that ask the reader for a job, internship or referral."""
    return _findings(text, job_ask_in, JOB_ASK, JOB_ASK_MESSAGE, among)


def find_salary_asks(text: str, *, among: Iterable[Sentence] | None = None) -> list[Finding]:
    """Sentences of ``text`` that ask what the reader earns."""
    return _findings(text, salary_ask_in, SALARY, SALARY_MESSAGE, among)


def find_pay_talk(text: str, *, among: Iterable[Sentence] | None = None) -> list[Finding]:
    """Sentences of ``text`` that ask about pay in the field (not the reader's own)."""
    return _findings(text, pay_talk_in, PAY_TALK, PAY_TALK_MESSAGE, among, WARNING)
