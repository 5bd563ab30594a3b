import datetime

import pytest
import time_machine

from coffeechat.interviews.models import (
    Interaction,
    Interview,
    duration_warning,
)
from coffeechat.refusals import Refused
from tests.interviews.conftest import at, scheduled

S = Interview.Stage


def stages(interview):
    return list(interview.timeline.values_list("text", flat=True))


def test_the_whole_happy_path_moves_through_every_stage_and_logs_each(owner, interview):
    with time_machine.travel(at(2026, 2, 20, 9), tick=False):
        interview.mark_requested()
    with time_machine.travel(at(2026, 2, 25, 9), tick=False):
        interview.mark_replied()
    assert interview.stage == S.REQUESTED and interview.replied_at
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview.schedule(at(2026, 3, 3, 14), time_zone="America/New_York")
    with time_machine.travel(at(2026, 3, 3, 14, 40), tick=False):
        interview.mark_done()
    with time_machine.travel(at(2026, 3, 3, 18), tick=False):
        interview.mark_thanked()
    with time_machine.travel(at(2026, 3, 4, 9), tick=False):
        interview.keep_in_touch()
    interview.refresh_from_db()
    assert interview.stage == S.KEEPING_IN_TOUCH
    texts = stages(interview)
    assert texts[0].startswith("Asked for a conversation")
    assert any(t.startswith("Scheduled for Tue 03 Mar 2026, 14:00") for t in texts)
    assert "Met" in texts and "Sent the thank-you" in texts
    assert interview.timeline.count() == 6


def test_a_meeting_that_has_not_started_cannot_be_marked_done(owner):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 3, 14))
        with pytest.raises(Refused, match="hasn't started yet"):
            interview.mark_done()
    assert Interview.objects.get().stage == S.SCHEDULED


@pytest.mark.parametrize(
    "method, stage, message",
    [
        ("mark_done", S.PLANNED, "Can't mark it done: this interview is planned"),
        ("mark_thanked", S.SCHEDULED, "Mark the meeting done first"),
        ("keep_in_touch", S.DONE, "Send your thank-you first"),
        ("mark_requested", S.SCHEDULED, "Only a planned interview can be requested"),
        ("cancel", S.DONE, "Only an interview that hasn't happened yet can be cancelled"),
        ("mark_declined", S.PLANNED, "Can't mark it declined"),
        ("mark_no_reply", S.SCHEDULED, "Can't mark it as unanswered"),
        ("reopen", S.DONE, "Only a declined, unanswered or cancelled interview"),
        ("mark_replied", S.PLANNED, "Can't record a reply"),
    ],
)
def test_impossible_moves_are_refused_with_a_clear_message(interview, method, stage, message):
    interview.stage = stage
    interview.save()
    with pytest.raises(Refused, match=message):
        getattr(interview, method)()
    interview.refresh_from_db()
    assert interview.stage == stage
    assert interview.timeline.count() == 0


def test_scheduling_a_closed_interview_is_refused(interview):
    interview.cancel()
    with pytest.raises(Refused, match="plan a closed one again first"):
        interview.schedule(at(2026, 3, 3, 14), time_zone="UTC")
    interview.refresh_from_db()
    assert interview.starts_at is None


@pytest.mark.parametrize("minutes", [0, 4, 241, 600])
def test_a_meeting_must_last_5_to_240_minutes(interview, minutes):
    with pytest.raises(ValueError, match="5 to 240 minutes"):
        interview.schedule(at(2026, 3, 3, 14), time_zone="UTC", duration_minutes=minutes)
    assert Interview.objects.get().stage == S.PLANNED


@pytest.mark.parametrize("minutes", [10, 45, 60])
def test_an_agreed_meeting_outside_the_ask_is_recorded(interview, minutes):
    interview.schedule(at(2026, 3, 3, 14), time_zone="UTC", duration_minutes=minutes)
    assert Interview.objects.get().duration_minutes == minutes
    assert duration_warning(minutes)


@pytest.mark.parametrize("minutes", [15, 20, 30])
def test_the_length_to_ask_for_needs_no_warning(minutes):
    assert duration_warning(minutes) == ""


def test_rescheduling_moves_the_meeting_and_bumps_the_sequence(owner):
    interview = scheduled(owner, at(2026, 3, 3, 14))
    interview.schedule(at(2026, 3, 5, 10), time_zone="America/New_York", duration_minutes=20)
    interview.refresh_from_db()
    assert interview.stage == S.SCHEDULED
    assert interview.sequence == 1
    assert interview.ends_at - interview.starts_at == datetime.timedelta(minutes=20)
    assert stages(interview)[-1].startswith("Moved to Thu 05 Mar 2026, 10:00")


def test_cancelling_a_scheduled_meeting_records_the_reason(owner):
    interview = scheduled(owner, at(2026, 3, 3, 14))
    interview.cancel("they are travelling")
    assert interview.stage == S.CANCELLED
    assert stages(interview)[-1] == "Cancelled: they are travelling"
    interview.reopen()
    assert interview.stage == S.PLANNED


def test_a_late_reply_brings_an_unanswered_request_back(interview):
    interview.mark_requested()
    interview.mark_no_reply()
    interview.mark_replied()
    assert interview.stage == S.REQUESTED
    assert interview.replied_at is not None


def test_meeting_logs_an_interaction_for_keeping_in_touch(owner):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 3, 14))
    with time_machine.travel(at(2026, 3, 3, 15), tick=False):
        interview.mark_done()
    interaction = Interaction.objects.get()
    assert interaction.kind == "meeting"
    assert interaction.happened_at == at(2026, 3, 3, 14, 30)


def test_allowed_actions_follow_the_stage(interview):
    assert set(interview.allowed_actions()) == {"request", "schedule", "cancel"}
    interview.mark_requested()
    assert set(interview.allowed_actions()) == {
        "reply",
        "schedule",
        "decline",
        "no-reply",
        "cancel",
    }
