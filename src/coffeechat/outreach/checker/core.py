"""Run every rule that applies to a message and collect the findings into a report."""

import re
from collections.abc import Iterable

from . import conversation, structure
from .asks import find_job_asks, find_pay_talk, find_salary_asks
from .findings import ERROR, TIP, WARNING, Finding, Report, sort_key
from .gaps import find_merge_gaps
from .graphemes import cluster_starts
from .kinds import KINDS, infer_kind
from .parts import own_text
from .patterns import lazy
from .placeholders import find_blanks
from .rules import (
    CHANNELS,
    EMAIL,
    FOLLOW_UP,
    FREE_LIMIT,
    LINKEDIN,
    MESSAGES,
    PREMIUM_LIMIT,
    length_finding,
    severity,
)
from .spelling import find_misspellings
from .text import Sentence, count_words, excerpt, fold, sentences
from .textspeak import SPELLED_OUT, find_text_speak

_UP_TO_THEM = lazy(
    r"\b(?:if|whenever)\s+(?:you|your)\b|\bshould\s+you\b|\bif\s+(?:it\s+is\s+|it's\s+)?possible\b"
)


def _limit_for(limit: int | None, premium: bool) -> int:
    if limit is not None:
        return limit
    return PREMIUM_LIMIT if premium else FREE_LIMIT


def check_message(
    body: str,
    *,
    channel: str = EMAIL,
    kind: str | None = None,
    subject: str | None = None,
    limit: int | None = None,
    premium: bool = False,
    known_words: Iterable[str] = (),
    names: Iterable[str] = (),
) -> Report:
    """Check one outreach message.

    ``kind`` None means: work it out from the text (a request unless it clearly is a
    thank-you note, a follow-up, a keep-in-touch update or a running-late note). A kind
    worked out that way may be wrong, so it never brings an error only its own kind has
    (no ask in a "request" that was really a note): that becomes a warning.
    Offsets in the findings index into ``body``. A quoted earlier message and the
    signature are not counted or judged as the message (see ``parts``).
    """
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {', '.join(CHANNELS)}, not {channel!r}")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if limit is not None and limit < 1:
        raise ValueError("the character limit must be a positive number")
    body = body or ""
    mine, message, left_out = own_text(body)
    words = count_words(message)
    visible = body.strip()
    characters = len(cluster_starts(visible))
    resolved_kind = kind or infer_kind(fold(message), words)
    report = Report(
        findings=[],
        words=words,
        characters=characters,
        channel=channel,
        kind=resolved_kind,
        limit=_limit_for(limit, premium) if channel == LINKEDIN else None,
        subject=subject,
    )
    if not visible:
        report.findings.append(Finding("empty", ERROR, MESSAGES["empty"]))
        return report
    checker = _Checker(body, report, subject, premium, known_words, names)
    checker.mine, checker.message, checker.left_out = mine, message, left_out
    checker.guessed = kind is None
    checker.run()
    report.findings.sort(key=sort_key)
    return report


class _Checker:
    guessed = False
    left_out: list[str] = []

    def __init__(self, body, report, subject, premium, known_words, names):
        self.body = self.mine = self.message = body
        self.report = report
        self.channel, self.kind = report.channel, report.kind
        self.subject = subject
        self.premium = premium
        self.known_words = list(known_words)
        self.names = list(names)

    def _read(self):
        # ``mine``: the body without quoted messages; ``message``: without the signature too.
        self.low = fold(self.mine)
        self.all_sentences = sentences(self.message)
        self.content = [s for s in self.all_sentences if not structure.is_greeting_or_sign_off(s)]

    def add(self, rule, message, start=None, end=None, suggestions=(), severity_rule=None):
        level = severity(severity_rule or rule, self.channel, self.kind)
        if level is not None:
            self.report.findings.append(Finding(rule, level, message, start, end, suggestions))

    def applies(self, rule):
        return severity(rule, self.channel, self.kind) is not None

    def run(self):
        self._read()
        self.placeholders()
        for finding in find_merge_gaps(self.mine):
            self.add(finding.rule, finding.message, finding.start, finding.end)
        for finding in find_job_asks(self.message, among=self.all_sentences):
            self.report.findings.append(finding)
        salary = find_salary_asks(self.message, among=self.all_sentences)
        self.report.findings += salary
        if self.applies("pay-talk"):
            asked = {(f.start, f.end) for f in salary}
            self.report.findings += [
                finding
                for finding in find_pay_talk(self.message, among=self.all_sentences)
                if (finding.start, finding.end) not in asked
            ]
        for finding in find_text_speak(self.message):
            self.add(finding.rule, finding.message, finding.start, finding.end)
        if self.subject:
            self.subject_asks()
        self.over_limit()
        self.length()
        asks = self.ask()
        self.structure()
        if asks:
            self.time_bound(asks)
            self.question(asks)
        self.availability()
        self.spelling()

    # --- errors -------------------------------------------------------------------------

    def placeholders(self):
        for blank in find_blanks(self.mine):
            quote = excerpt(self.body, blank.start, blank.end, width=40)
            self.add(
                "placeholder", MESSAGES["placeholder"].format(blank=quote), blank.start, blank.end
            )
        if self.subject:
            for blank in find_blanks(self.subject):
                quote = excerpt(self.subject, blank.start, blank.end, width=40)
                self.add("placeholder", MESSAGES["placeholder-subject"].format(blank=quote))

    def subject_asks(self):
        for finding in [*find_job_asks(self.subject), *find_salary_asks(self.subject)]:
            self.report.findings.append(
                Finding(finding.rule, finding.severity, "In the subject line: " + finding.message)
            )

    def over_limit(self):
        if self.channel != LINKEDIN:
            return
        limit = self.report.limit
        characters = self.report.characters
        if characters <= limit:
            return
        leading = len(self.body) - len(self.body.lstrip())
        starts = cluster_starts(self.body.strip())
        start = leading + starts[limit]
        end = leading + len(self.body.strip())
        over = characters - limit
        if self.premium and limit == PREMIUM_LIMIT:
            account = " with Premium"
        elif limit == FREE_LIMIT:
            account = " on a free account (300 with Premium)"
        else:
            account = ""
        message = MESSAGES["over-limit"].format(
            characters=characters,
            limit=limit,
            account=account,
            over=over,
            s="" if over == 1 else "s",
        )
        self.add("over-limit", message, start, end)

    def ask(self) -> list[Sentence]:
        if self.kind == FOLLOW_UP:
            asks = [s for s in self.content if conversation.mentions_conversation(s)]
        else:
            asks = [s for s in self.content if conversation.is_conversation_ask(s)]
        if asks or not self.applies("no-ask"):
            return asks
        maybe = [s for s in self.content if conversation.maybe_an_ask(s)]
        if maybe:
            quote = excerpt(maybe[-1].text, 0, len(maybe[-1].text), width=60)
            message = MESSAGES["no-ask-unsure"].format(quote=quote)
            self.report.findings.append(
                Finding("no-ask", TIP, message, maybe[-1].start, maybe[-1].end)
            )
        elif self.guessed:
            self.report.findings.append(Finding("no-ask", WARNING, MESSAGES["no-ask-guessed"]))
        else:
            key = "no-ask-follow-up" if self.kind == FOLLOW_UP else "no-ask"
            self.add("no-ask", MESSAGES[key])
        return asks

    # --- warnings and tips --------------------------------------------------------------

    def length(self):
        left_out = " or ".join(self.left_out)
        found = length_finding(self.report.words, self.channel, self.kind, left_out)
        if found:
            level, message = found
            self.report.findings.append(Finding("too-long", level, message))

    def structure(self):
        content_low = structure.plain_shorthand(" ".join(s.low for s in self.content))
        mine_low = structure.plain_shorthand(self.low)
        checks = [
            ("no-intro", structure.INTRO),
            ("no-reason", structure.REASON),
            ("no-learning-goal", structure.LEARNING_GOAL),
            ("no-thanks", structure.THANKS),
            ("no-takeaway", structure.TAKEAWAY),
        ]
        for rule, cue in checks:
            # Who you are may be said in the signature; thanks in the sign-off.
            text = mine_low if rule in {"no-thanks", "no-intro"} else content_low
            if self.applies(rule) and not cue.search(text):
                self.add(rule, MESSAGES[rule])
        if self.applies("no-eta") and not conversation.says_when_to_expect_you(self.low):
            self.add("no-eta", MESSAGES["no-eta"])
        if self.applies("resume"):
            match = structure.RESUME.search(self.low)
            if match:
                self.add("resume", MESSAGES["resume"], match.start(), match.end())
        if self.applies("no-subject") and not (self.subject or "").strip():
            self.add("no-subject", MESSAGES["no-subject"])
        if self.applies("about-them") and structure.mostly_about_me(self.content):
            self.add("about-them", MESSAGES["about-them"])

    def time_bound(self, asks: list[Sentence]):
        if not self.applies("no-time-bound"):
            return
        mentioned = [
            duration
            for sentence in self.content
            if sentence in asks
            or conversation.mentions_conversation(sentence)
            or conversation.REQUEST.search(sentence.low)
            for duration in conversation.durations(sentence)
        ]
        too_long = [d for d in mentioned if d.minutes > 30]
        if too_long:
            worst = max(too_long, key=lambda d: d.minutes)
            quote = excerpt(self.body, worst.start, worst.end)
            self.add(
                "no-time-bound",
                MESSAGES["no-time-bound-over"].format(duration=quote),
                worst.start,
                worst.end,
                severity_rule="no-time-bound-over",
            )
        elif not mentioned:
            self.add("no-time-bound", MESSAGES["no-time-bound"])

    def question(self, asks: list[Sentence]):
        # "If you have 15 minutes, I'd love to hear..." leaves the answer to them already.
        if self.applies("ask-as-question") and not any(
            s.is_question or _UP_TO_THEM.search(s.low) for s in asks
        ):
            first = asks[0]
            self.add("ask-as-question", MESSAGES["ask-as-question"], first.start, first.end)

    def availability(self):
        if self.applies("no-availability") and not conversation.offers_availability(
            self.mine, self.low
        ):
            self.add("no-availability", MESSAGES["no-availability"])

    def spelling(self):
        known = [*self.known_words, *SPELLED_OUT]  # shorthand has its own rule
        for finding in find_misspellings(self.message, names=self.names, known_words=known):
            self.report.findings.append(finding)


# --- a whole file: "Subject:" line and all ----------------------------------------------

_HEADER = lazy(
    r"^[ \t]*(?:\*\*)?(?P<name>subject(?:\s+line)?|to|cc|bcc|from)(?:\*\*)?[ \t]*:"
    r"(?:\*\*)?[ \t]*(?P<value>.*?)[ \t]*(?:\*\*)?[ \t]*$",
    re.IGNORECASE,
)


def split_headers(text: str) -> tuple[str | None, int]:
    """A "Subject: ..." line (and any To:/Cc:/From: lines) at the top of a file.

    Returns the subject (None without a Subject line) and the offset where the body
    starts (0 when the file has no header lines).
    """
    lines = text.splitlines(keepends=True)
    index = position = 0
    subject = None

    def skip_blank_lines():
        nonlocal index, position
        while index < len(lines) and not lines[index].strip():
            position += len(lines[index])
            index += 1

    skip_blank_lines()
    seen_header = False
    while index < len(lines):
        match = _HEADER.match(lines[index].rstrip("\r\n"))
        if not match:
            break
        seen_header = True
        if match.group("name").lower().startswith("subject"):
            subject = match.group("value")
        position += len(lines[index])
        index += 1
    if not seen_header:
        return None, 0
    skip_blank_lines()
    return subject, position


def check_document(text: str, *, subject: str | None = None, **options) -> Report:
    """Check a message as written in a file, offsets indexing into the whole ``text``.

    A "Subject: ..." line at the top (with any To:/Cc:/From: lines) is the subject, not
    part of the body; an explicit ``subject`` takes precedence over it.
    """
    found_subject, body_start = split_headers(text)
    body = text[body_start:]
    report = check_message(body, subject=subject or found_subject, **options)
    report.findings = [finding.shifted(body_start) for finding in report.findings]
    return report
