import pytest

from coffeechat.outreach.builtin_messages import BUILTINS, BY_KEY, SAMPLE_VALUES
from coffeechat.outreach.merge import FIELD_NAMES, fill, placeholders
from coffeechat.outreach.models import Channel, Kind


def test_there_is_a_built_in_for_every_kind_of_message_the_issue_names():
    assert set(BY_KEY) == {
        "faculty-request",
        "alum-request",
        "referred-request",
        "linkedin-note",
        "follow-up",
        "thank-you",
        "running-late",
        "keep-in-touch",
    }


@pytest.mark.parametrize("template", BUILTINS, ids=lambda t: t.key)
def test_every_built_in_uses_only_documented_fields(template):
    used = placeholders(template.subject) + placeholders(template.body)
    assert set(used) <= FIELD_NAMES
    assert template.kind in Kind.values
    assert template.channel in Channel.values


@pytest.mark.parametrize("template", BUILTINS, ids=lambda t: t.key)
def test_sample_values_fill_every_field(template):
    for text in (template.subject, template.body):
        _, unfilled = fill(text, SAMPLE_VALUES)
        assert unfilled == []


def test_the_linkedin_note_fits_in_200_characters_once_filled():
    note, _ = fill(BY_KEY["linkedin-note"].body, SAMPLE_VALUES)
    assert len(note) <= 200
    # Still fits with a long name, major, school and field.
    long_values = {
        **SAMPLE_VALUES,
        "their_first_name": "Maximiliana",
        "my_major": "Environmental Engineering",
        "my_school": "Wellesley College",
        "their_field": "renewable energy policy",
    }
    note, _ = fill(BY_KEY["linkedin-note"].body, long_values)
    assert len(note) <= 200, len(note)


@pytest.mark.parametrize(
    "template", [t for t in BUILTINS if t.channel == "email"], ids=lambda t: t.key
)
def test_email_built_ins_are_short_and_have_a_subject(template):
    body, _ = fill(template.body, SAMPLE_VALUES)
    assert template.subject
    assert len(body.split()) < 100


@pytest.mark.parametrize("template", BUILTINS, ids=lambda t: t.key)
def test_no_built_in_asks_for_a_job_or_salary(template):
    words = template.body.lower()
    for phrase in ("job", "internship", "salary", "hire", "position open"):
        assert phrase not in words


@pytest.mark.parametrize("template", BUILTINS, ids=lambda t: t.key)
def test_every_built_in_passes_the_checker_once_filled(template):
    from coffeechat.outreach.checker import check_message

    body, _ = fill(template.body, SAMPLE_VALUES)
    subject, _ = fill(template.subject, SAMPLE_VALUES)
    report = check_message(
        body,
        channel=template.channel,
        kind=template.kind,
        subject=subject or None,
        names=("Alexandra", "Okonkwo-Smith", "Northwind", "Wellesley", "Jordan", "Lee"),
    )
    errors = [f.message for f in report.findings if f.severity == "error"]
    assert errors == []
    if template.channel == "linkedin":
        assert report.characters <= report.limit == 200


@pytest.mark.parametrize("template", BUILTINS, ids=lambda t: t.key)
def test_an_unfilled_built_in_is_caught_by_the_checker(template):
    from coffeechat.outreach.checker import check_message

    report = check_message(template.body, channel=template.channel, kind=template.kind)
    assert "placeholder" in {f.rule for f in report.findings if f.severity == "error"}
