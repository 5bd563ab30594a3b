"""The one next thing to do: a pure function of the interview's state and the time."""

import datetime

import pytest

from coffeechat.contacts.models import Contact
from coffeechat.conversations.guidance import guidance
from coffeechat.interviews.models import Interview

NOW = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)
S = Interview.Stage


def interview(stage, starts_in=None, **fields):
    item = Interview(pk=7, contact=Contact(first_name="Ada", last_name="Okafor"), stage=stage)
    if starts_in is not None:
        item.starts_at = NOW + starts_in
        item.ends_at = item.starts_at + datetime.timedelta(minutes=30)
    for name, value in fields.items():
        setattr(item, name, value)
    return item


@pytest.mark.parametrize(
    "item, prepared, text, action",
    [
        (interview(S.PLANNED), False, "Write to Ada Okafor", ""),
        (interview(S.REQUESTED), False, "Wait for Ada Okafor to answer", ""),
        (interview(S.REQUESTED, replied_at=NOW), False, "Ada Okafor answered", "schedule"),
        (interview(S.SCHEDULED, 24 * HOUR), False, "Get ready", "prepare"),
        (interview(S.SCHEDULED, 24 * HOUR), True, "You're prepared", "sheet"),
        (interview(S.SCHEDULED, -HOUR / 6), True, "It's happening now", "notes"),
        (interview(S.SCHEDULED, -2 * HOUR), True, "Did you meet Ada Okafor?", ""),
        (interview(S.DONE, -2 * HOUR), True, "Write your reflection", "reflect"),
        (interview(S.DONE, -2 * HOUR, reflected_at=NOW), True, "Thank Ada Okafor within", ""),
        (interview(S.DONE, -30 * HOUR, reflected_at=NOW), True, "overdue", ""),
        (interview(S.THANKED), True, "part of your network", ""),
        (interview(S.KEEPING_IN_TOUCH), True, "Send Ada Okafor an update", ""),
        (interview(S.DECLINED), True, "Nothing to do here", ""),
        (interview(S.CANCELLED), True, "Nothing to do here", ""),
    ],
)
def test_the_next_step_follows_the_state(item, prepared, text, action):
    step = guidance(item, NOW, prepared=prepared)
    assert text in step.text
    assert step.action == action


def test_a_planned_interview_points_to_writing_the_request():
    step = guidance(interview(S.PLANNED), NOW, prepared=False)
    assert step.href.endswith("?interview=7")
