"""Whole messages: realistic good ones pass without errors, bad ones get the right error.

The guide's own examples are read from ../shared/seed at test time rather than copied
into the repository (its sentences are not ours to copy).
"""

import re
from pathlib import Path

import pytest

from coffeechat.outreach.checker import check_document, check_message

from .checker_messages import BAD, GOOD

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"


def errors(report):
    return {f.rule for f in report.findings if f.severity == "error"}


@pytest.mark.parametrize(("name", "text", "options"), GOOD, ids=[g[0] for g in GOOD])
def test_a_good_message_gets_no_errors(name, text, options):
    report = check_document(text, **options)
    assert errors(report) == set(), [f.message for f in report.findings]


@pytest.mark.parametrize(("name", "text", "options", "expected"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_message_gets_the_error_it_deserves(name, text, options, expected):
    report = check_document(text, **options)
    assert expected <= errors(report)
    assert report.has_errors


@pytest.mark.parametrize(("name", "text", "options"), GOOD, ids=[g[0] for g in GOOD])
def test_good_messages_say_what_they_are(name, text, options):
    """The kinds the corpus names in its own words are the kinds the checker works out."""
    report = check_document(text, **{k: v for k, v in options.items() if k != "kind"})
    if "inferred" in name:
        assert report.kind == name.removesuffix(" inferred")
    elif "kind" in options:
        assert report.kind == options["kind"]
    else:
        assert report.kind == "request"


def _guide_text() -> str:
    files = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if not files:
        pytest.skip(f"the source guide is not available at {SEED}")
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def _guide_emails() -> list[str]:
    pattern = re.compile(
        r"^Subject: Informational Interview Request$.*?^Helen Cho\s*$", re.S | re.M
    )
    return [match.group() for match in pattern.finditer(_guide_text())]


def _guide_linkedin_note() -> str:
    text = _guide_text()
    heading = re.search(r"^For LinkedIn Outreach.*$", text, re.M)
    assert heading, "the guide's LinkedIn example heading has moved"
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text[heading.end() :]) if p.strip()]
    return paragraphs[0]


def test_the_guides_example_emails_get_no_errors():
    emails = _guide_emails()
    assert len(emails) == 2
    for email in emails:
        report = check_document(email)
        assert errors(report) == set(), [f.message for f in report.findings]
        assert report.subject == "Informational Interview Request"
        assert report.kind == "request"


def test_the_guides_linkedin_example_is_over_the_limit():
    note = _guide_linkedin_note()
    report = check_message(note, channel="linkedin")
    assert report.characters == 242
    assert errors(report) == {"over-limit"}
    (finding,) = [f for f in report.findings if f.rule == "over-limit"]
    assert (finding.start, finding.end) == (200, 242)


def test_the_guides_linkedin_example_fits_with_premium():
    report = check_message(_guide_linkedin_note(), channel="linkedin", premium=True)
    assert errors(report) == set()
