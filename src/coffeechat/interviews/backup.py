"""The interviews' part of the backup (the rules are in docs/BACKUP.md).

Sections, in restore order: ``interviews`` (each pointing at its contact), then what hangs
off an interview: ``interview_questions`` (with their notes) and ``interview_timeline``, then
``next_steps`` (to-dos, done or open, with or without an interview), ``keep_in_touch`` (one
cadence per contact) and ``interactions`` (the logged moments that restart that clock).
Every field is kept, timestamps exactly, so a restored account has the same agenda, the
same due items and the same timelines as the one it came from.

Questions and timeline entries only exist as part of an interview, so the restore summary
and the "already has..." message count the interviews rather than them.

The outreach app's messages point at interviews, so the registry puts these sections
before outreach's (coffeechat/backup/registry.py).
"""

import zoneinfo

from coffeechat import backup
from coffeechat.interviews.models import (
    MAX_MINUTES,
    MIN_MINUTES,
    Interaction,
    Interview,
    InterviewQuestion,
    KeepInTouch,
    TimelineEntry,
    Todo,
)
from coffeechat.text import with_paragraph

SCORES = range(1, 6)  # the reflection form's 1 to 5


def _check_interviews(pairs):
    zones = zoneinfo.available_timezones()
    for row, record in pairs:
        values = record["values"]
        zone = values.get("time_zone", "")
        if zone and zone not in zones:
            row.problem("time_zone", f"{zone!r} is not a time zone name like 'Europe/Paris'")
        minutes = values.get("duration_minutes", MIN_MINUTES)
        if not MIN_MINUTES <= minutes <= MAX_MINUTES:
            row.problem(
                "duration_minutes",
                f"should be {MIN_MINUTES} to {MAX_MINUTES} minutes, not {minutes}",
            )
        if (values.get("starts_at") is None) != (values.get("ends_at") is None):
            row.problem("ends_at", "a meeting has both a start and an end, or neither")
        for name in ("interest_score", "fit_score"):
            score = values.get(name)
            if score is not None and score not in SCORES:
                row.problem(name, f"should be 1 to 5 (or null), not {score}")
        checklist = values.get("checklist", [])
        if not isinstance(checklist, list) or not all(isinstance(k, str) for k in checklist):
            row.problem("checklist", f"should be a list of checklist keys, not {checklist!r}")
        reflection = values.get("reflection", {})
        if not isinstance(reflection, dict) or not all(
            isinstance(text, str) for text in reflection.values()
        ):
            row.problem("reflection", f"should be an object of answers (text), not {reflection!r}")


def _check_cadences(pairs):
    allowed = dict(KeepInTouch.CADENCES)
    for row, record in pairs:
        days = record["values"].get("cadence_days")
        if days is not None and days not in allowed:
            choices = ", ".join(str(d) for d in allowed)
            row.problem("cadence_days", f"should be {choices} or null (no reminders), not {days}")


def _research_onto_contacts(data: dict) -> dict:
    """Version 1 -> 2: version 1 kept "about the person" on each interview; since 2 there
    is one research note per person, the contact's, and each interview's text joins it.

    Runs before the file is checked, so anything out of shape is left for the checks to
    name; the text of an interview whose contact is not in the file is dropped, the file
    being refused anyway for that link."""
    interviews, contacts = data.get("interviews"), data.get("contacts")
    if not isinstance(interviews, list) or not isinstance(contacts, list):
        return data
    by_id = {
        contact["id"]: contact
        for contact in contacts
        if isinstance(contact, dict) and type(contact.get("id")) is int
    }
    for interview in interviews:
        if not isinstance(interview, dict):
            continue
        text = interview.get("research_person")
        contact = (
            by_id.get(interview.get("contact")) if type(interview.get("contact")) is int else None
        )
        note = contact.get("research_notes", "") if contact is not None else None
        if isinstance(text, str) and isinstance(note, str):
            contact["research_notes"] = with_paragraph(note, text)
            del interview["research_person"]
        elif isinstance(text, str) and contact is None:
            del interview["research_person"]
    return data


UPGRADES = {1: _research_onto_contacts}

SECTIONS = [
    backup.model_section(
        "interviews",
        Interview,
        label=("interview", "interviews"),
        links={"contact": ("contacts", False)},
        check=_check_interviews,
        fields={
            "stage",
            "stage_changed_at",
            "replied_at",
            "starts_at",
            "ends_at",
            "time_zone",
            "duration_minutes",
            "mode",
            "place",
            "sequence",
            "research_organization",
            "goal_learn",
            "goal_decision",
            "checklist",
            "free_notes",
            "reflection",
            "interest_score",
            "fit_score",
            "reflected_at",
            "thanked_at",
            "created_at",
            "updated_at",
        },
    ),
    backup.model_section(
        "interview_questions",
        InterviewQuestion,
        label=("interview question", "interview questions"),
        links={"interview": ("interviews", False)},
        fields={"position", "text", "bank_key", "notes"},
        listed=False,
    ),
    backup.model_section(
        "interview_timeline",
        TimelineEntry,
        label=("timeline entry", "timeline entries"),
        links={"interview": ("interviews", False)},
        fields={"at", "kind", "text"},
        listed=False,
    ),
    backup.model_section(
        "next_steps",
        Todo,
        label=("next step", "next steps"),
        links={"interview": ("interviews", True), "contact": ("contacts", True)},
        fields={"kind", "text", "due_date", "done_at", "created_at"},
    ),
    backup.model_section(
        "keep_in_touch",
        KeepInTouch,
        label=("keep-in-touch cadence", "keep-in-touch cadences"),
        links={"contact": ("contacts", False)},
        check=_check_cadences,
        fields={"cadence_days", "created_at", "updated_at"},
    ),
    backup.model_section(
        "interactions",
        Interaction,
        label=("interaction", "interactions"),
        links={"contact": ("contacts", False), "interview": ("interviews", True)},
        fields={"kind", "happened_at", "note"},
    ),
]
