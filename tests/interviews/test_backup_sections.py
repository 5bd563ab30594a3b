"""The interviews' backup sections round-trip (switched on here in a private registry)."""

import copy
import json

import pytest
import time_machine

from coffeechat import backup
from coffeechat.backup import export_backup, registry, restore_backup
from coffeechat.interviews.backup_sections import register_sections
from coffeechat.interviews.models import (
    Interaction,
    Interview,
    InterviewQuestion,
    KeepInTouch,
    Todo,
)
from tests.conftest import make_user
from tests.interviews.conftest import at, make_contact, scheduled


@pytest.fixture
def sections(monkeypatch):
    backup.sections()  # the real apps' sections first
    monkeypatch.setattr(registry, "_sections", dict(registry._sections))
    register_sections()


def without_time(data):
    data = copy.deepcopy(data)
    data.pop("exported_at")
    return data


def test_interviews_and_everything_hanging_off_them_restore_exactly(owner, sections):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 3, 14), zone="Europe/Paris")
        interview.goal_learn = "How labs hire"
        interview.checklist = ["paper"]
        interview.save()
        InterviewQuestion.objects.create(owner=owner, interview=interview, text="Why?", notes="So")
    with time_machine.travel(at(2026, 3, 3, 15), tick=False):
        interview.mark_done()
        Todo.objects.create(owner=owner, interview=interview, contact=interview.contact, text="Go")
        Todo.objects.create(owner=owner, text="Book the career office")
        KeepInTouch.set_cadence(make_contact(owner, "Bo"), None)
    first = export_backup(owner)
    newcomer = make_user("nadia")

    summary = restore_backup(newcomer, json.loads(json.dumps(first)))

    assert without_time(export_backup(newcomer)) == without_time(first)
    assert "1 interview, 1 interview question, 2 timeline entries, 2 next steps" in str(summary)
    copy_ = Interview.objects.get(owner=newcomer)
    assert copy_.starts_at == interview.starts_at and copy_.time_zone == "Europe/Paris"
    assert copy_.created_at == interview.created_at
    assert Interaction.objects.get(owner=newcomer).interview == copy_
    assert KeepInTouch.objects.get(owner=newcomer).cadence_days is None


def test_a_file_without_interview_sections_still_restores(owner, sections):
    make_contact(owner)
    data = export_backup(owner)
    for key in ["interviews", "interview_questions", "interview_timeline", "next_steps"]:
        data.pop(key)
    for key in ["keep_in_touch", "interactions"]:
        data.pop(key)
    restore_backup(make_user("nadia"), data)
