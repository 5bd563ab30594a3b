from coffeechat.outreach.merge import FIELD_NAMES, fill, placeholders, unknown_fields


def test_it_fills_every_field_it_has_a_value_for():
    text, unfilled = fill(
        "Dear {{ their_first_name }}, from {{my_name}}",
        {
            "their_first_name": "Ada",
            "my_name": "Olivia",
        },
    )
    assert text == "Dear Ada, from Olivia"
    assert unfilled == []


def test_fields_without_a_value_stay_as_written_and_are_reported_once():
    text, unfilled = fill(
        "{{ takeaway }} and {{takeaway}}; {{ their_title }}",
        {"their_title": "  ", "takeaway": None},
    )
    assert text == "{{ takeaway }} and {{takeaway}}; {{ their_title }}"
    assert unfilled == ["takeaway", "their_title"]


def test_values_are_not_scanned_again_for_placeholders():
    text, unfilled = fill("{{ update }}", {"update": "I wrote {{ my_name }} by mistake"})
    assert text == "I wrote {{ my_name }} by mistake"
    assert unfilled == []


def test_unknown_fields_are_listed_so_the_editor_can_point_at_typos():
    assert unknown_fields("{{ their_frist_name }} {{ my_name }}") == ["their_frist_name"]
    assert placeholders("{{ a }} {{ b }} {{ a }}") == ["a", "b"]


def test_the_documented_fields_cover_the_ones_the_issue_asks_for():
    for name in (
        "their_first_name",
        "their_title",
        "their_organization",
        "their_field",
        "my_school",
        "my_class_year",
        "my_major",
        "what_i_hope_to_learn",
        "my_availability",
        "their_work",
        "referred_by",
        "meeting_date",
        "meeting_time",
    ):
        assert name in FIELD_NAMES


def test_every_merge_field_is_documented():
    from pathlib import Path

    from coffeechat.outreach.merge import FIELDS

    docs = (Path(__file__).resolve().parents[2] / "docs" / "OUTREACH.md").read_text()
    for field in FIELDS:
        assert f"| `{{{{ {field.name} }}}}` | {field.label} | {field.source} |" in docs, field.name
