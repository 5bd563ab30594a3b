"""Property tests: whatever a student pastes in, the checker answers sensibly."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.outreach.checker import (
    CHANNELS,
    KINDS,
    SEVERITIES,
    check_document,
    check_message,
    count_characters,
    count_words,
    find_job_asks,
    find_salary_asks,
)
from coffeechat.outreach.checker.parts import own_text

WORDS = [
    "Hi", "Dear", "Dr.", "I'm", "a", "junior", "at", "Rice", "could", "would", "you", "we",
    "talk", "call", "chat", "15", "20-minute", "an", "hour", "refer", "me", "for", "the",
    "role", "job", "internship", "your", "salary", "how", "much", "do", "make", "?", "!",
    ".", ",", "—", "[Name]", "{{ first_name }}", "<Company>", "XXX", "___", "(15–30 min)",
    "Subject:", "\n", "\n\n", "\r\n", "Thanks", "recieve", "teh", "the", "👍🏽", "🇺🇸",
    "e\u0301", "Wednesdays", "8-11am", "not", "asking", "hiring", "openings", "any", "é",
    "https://example.com", "<jo@example.com>", "'", "’", "\t", "Best,", "Ana",
]  # fmt: skip

message_like = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
any_text = st.text(max_size=400)
texts = st.one_of(any_text, message_like)
options = st.fixed_dictionaries(
    {
        "channel": st.sampled_from(CHANNELS),
        "kind": st.one_of(st.none(), st.sampled_from(KINDS)),
        "subject": st.one_of(st.none(), texts),
        "limit": st.one_of(st.none(), st.integers(min_value=1, max_value=500)),
        "premium": st.booleans(),
    }
)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_sound(report, text):
    for finding in report.findings:
        assert finding.severity in SEVERITIES
        assert finding.rule and finding.message
        if finding.start is None:
            assert finding.end is None
        else:
            assert 0 <= finding.start <= finding.end <= len(text)
    assert report.has_errors == any(f.severity == "error" for f in report.findings)


@PROPERTY
@given(body=texts, opts=options)
def test_the_checker_never_crashes_and_offsets_stay_inside_the_text(body, opts):
    report = check_message(body, **opts)
    assert_sound(report, body)
    # Quoted messages and a signature block are not counted (issue 10), nothing else is lost.
    assert report.words == count_words(own_text(body)[1]) <= count_words(body)
    assert report.characters == count_characters(body.strip())
    assert report.kind in KINDS
    data = report.as_json()
    assert data["words"] == report.words and len(data["findings"]) == len(report.findings)


@PROPERTY
@given(text=texts, opts=options)
def test_a_whole_document_keeps_offsets_inside_the_file(text, opts):
    report = check_document(text, **opts)
    assert_sound(report, text)


@PROPERTY
@given(body=texts)
def test_an_empty_report_means_only_the_empty_error(body):
    report = check_message(body)
    if not body.strip():
        assert [f.rule for f in report.findings] == ["empty"]
    else:
        assert "empty" not in {f.rule for f in report.findings}


@PROPERTY
@given(text=texts)
def test_the_reusable_detectors_never_crash(text):
    for finding in [*find_job_asks(text), *find_salary_asks(text)]:
        assert finding.severity == "error"
        assert 0 <= finding.start <= finding.end <= len(text)


@PROPERTY
@given(body=message_like, extra=st.integers(min_value=1, max_value=50))
def test_a_linkedin_note_is_over_the_limit_exactly_when_it_has_more_characters(body, extra):
    limit = max(1, count_characters(body.strip()) - extra + 1)
    report = check_message(body, channel="linkedin", limit=limit)
    over = "over-limit" in {f.rule for f in report.findings}
    assert over == (bool(body.strip()) and report.characters > limit)
