"""Two things an informational-interview message must never do: ask for a job, ask about pay.

Both are judged sentence by sentence from how a sentence is built (see ``jobs`` and
``salary``), not from a list of example sentences. These two detectors are public: the
interview-preparation pages run them over a student's own questions too.
"""

from collections.abc import Iterable

from .findings import ERROR, Finding
from .jobs import job_ask_in
from .salary import salary_ask_in
from .text import Sentence, excerpt, sentences

JOB_ASK, SALARY = "job-ask", "salary"

JOB_ASK_MESSAGE = (
    "This reads as asking them for a job, an internship or a referral (“{quote}”). "
    "People agree to informational interviews to share what they know; asking for a "
    "job makes the note feel like an application and often ends the conversation. "
    "Ask about their path or for advice instead — if they bring up openings, you can "
    "follow their lead then."
)
SALARY_MESSAGE = (
    "This asks what they personally earn (“{quote}”). That is too personal to ask, "
    "especially of someone who doesn't know you yet. If pay matters to your decision, "
    "ask about the field in general instead, e.g. “What do entry-level roles in this "
    "field usually start at?”"
)


# --- public detectors -------------------------------------------------------------------


def _findings(
    text: str, finder, rule: str, message: str, among: Iterable[Sentence] | None
) -> list[Finding]:
    found = []
    for sentence in sentences(text) if among is None else among:
        match = finder(sentence)
        if match is None:
            continue
        quote = excerpt(sentence.text, 0, len(sentence.text), width=80)
        found.append(
            Finding(rule, ERROR, message.format(quote=quote), sentence.start, sentence.end)
        )
    return found


def find_job_asks(text: str, *, among: Iterable[Sentence] | None = None) -> list[Finding]:
    """Sentences of ``text`` that ask the reader for a job, internship or referral."""
    return _findings(text, job_ask_in, JOB_ASK, JOB_ASK_MESSAGE, among)


def find_salary_asks(text: str, *, among: Iterable[Sentence] | None = None) -> list[Finding]:
    """Sentences of ``text`` that ask what the reader earns."""
    return _findings(text, salary_ask_in, SALARY, SALARY_MESSAGE, among)
