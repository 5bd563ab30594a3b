"""The interview agenda rules, at their boundaries, with the clock moved by time-machine."""

import datetime
import zoneinfo

import pytest
import time_machine

from coffeechat.conversations import due as conversation_due
from coffeechat.interviews import due
from coffeechat.interviews.models import (
    CHECKLIST_KEYS,
    Interaction,
    InterviewQuestion,
    KeepInTouch,
    NextStep,
)
from tests.interviews.conftest import NEW_YORK, at, make_contact, make_interview, scheduled

LONDON = zoneinfo.ZoneInfo("Europe/London")


def items(provider, user, when, zone=NEW_YORK):
    with time_machine.travel(when, tick=False):
        return list(provider(user, when.astimezone(zone).date()))


def met(owner, starts_at, **kwargs):
    with time_machine.travel(starts_at - datetime.timedelta(days=5), tick=False):
        interview = scheduled(owner, starts_at, **kwargs)
    with time_machine.travel(interview.ends_at, tick=False):
        interview.mark_done()
    return interview


# -- thank-you: due within 24 hours of the meeting's end -------------------------------


def test_no_thank_you_is_due_before_the_meeting_ends(new_york_owner):
    scheduled(new_york_owner, at(2026, 3, 3, 14))
    assert items(due.thank_yous, new_york_owner, at(2026, 3, 3, 14, 29)) == []


def test_the_thank_you_is_due_from_the_end_until_24_hours_later(new_york_owner):
    interview = met(new_york_owner, at(2026, 3, 3, 14))
    [item] = items(due.thank_yous, new_york_owner, at(2026, 3, 3, 14, 30))
    assert item.kind == "thank-you"
    assert item.due == datetime.date(2026, 3, 4)
    assert item.title == "Thank Ada Okafor by Wed 4 Mar, 14:30"
    assert item.url == f"/interviews/{interview.pk}/#thank-you"
    [exactly] = items(due.thank_yous, new_york_owner, at(2026, 3, 4, 14, 30))
    assert "overdue" not in exactly.title


def test_the_thank_you_is_overdue_one_minute_after_24_hours(new_york_owner):
    met(new_york_owner, at(2026, 3, 3, 14))
    [item] = items(due.thank_yous, new_york_owner, at(2026, 3, 4, 14, 31))
    assert item.title.startswith("Thank-you to Ada Okafor is overdue")
    assert item.due == datetime.date(2026, 3, 4)


def test_sending_the_thank_you_clears_it(new_york_owner):
    interview = met(new_york_owner, at(2026, 3, 3, 14))
    interview.mark_thanked()
    assert items(due.thank_yous, new_york_owner, at(2026, 3, 4, 9)) == []


def test_24_hours_across_the_spring_forward_night_end_an_hour_later_on_the_clock(new_york_owner):
    # Clocks in New York jump from 02:00 to 03:00 on Sunday 8 March 2026.
    met(new_york_owner, at(2026, 3, 7, 22))
    [item] = items(due.thank_yous, new_york_owner, at(2026, 3, 8, 23, 29))
    assert item.title == "Thank Ada Okafor by Sun 8 Mar, 23:30"
    assert "overdue" not in item.title
    [late] = items(due.thank_yous, new_york_owner, at(2026, 3, 8, 23, 31))
    assert "overdue" in late.title


def test_24_hours_across_the_fall_back_night(new_york_owner):
    # Clocks go back from 02:00 to 01:00 on Sunday 1 November 2026.
    met(new_york_owner, at(2026, 10, 31, 23, 50))  # ends 00:20 EDT on 1 November
    [item] = items(due.thank_yous, new_york_owner, at(2026, 11, 1, 12))
    assert item.due == datetime.date(2026, 11, 1)
    assert item.title == "Thank Ada Okafor by Sun 1 Nov, 23:20"


def test_the_due_day_is_the_users_day_wherever_the_meeting_was(owner):
    owner.profile.time_zone = "Europe/London"
    owner.profile.save()
    # 21:00 in New York is 02:00 the next day in London.
    met(owner, at(2026, 3, 3, 21), zone="America/New_York")
    [item] = items(due.thank_yous, owner, at(2026, 3, 4, 9, zone=LONDON), zone=LONDON)
    assert item.due == datetime.date(2026, 3, 5)
    assert item.title == "Thank Ada Okafor by Thu 5 Mar, 02:30"


# -- reflect ------------------------------------------------------------------------------


def test_reflection_is_due_once_the_meeting_has_ended_until_written(new_york_owner):
    interview = scheduled(new_york_owner, at(2026, 3, 3, 14))
    assert items(due.reflections, new_york_owner, at(2026, 3, 3, 14, 29)) == []
    [item] = items(due.reflections, new_york_owner, at(2026, 3, 3, 14, 30))
    assert item.kind == "reflect" and item.due == datetime.date(2026, 3, 3)
    interview.reflected_at = at(2026, 3, 3, 15)
    interview.save()
    assert items(due.reflections, new_york_owner, at(2026, 3, 3, 16)) == []


# -- meetings and preparation ---------------------------------------------------------------


def test_meetings_today_and_this_week_are_timed_items(new_york_owner):
    today = scheduled(new_york_owner, at(2026, 3, 3, 18))
    in_six_days = scheduled(
        new_york_owner, at(2026, 3, 9, 23, 30), contact=make_contact(new_york_owner, "Bo")
    )
    scheduled(new_york_owner, at(2026, 3, 10, 0, 5), contact=make_contact(new_york_owner, "Cy"))
    found = items(due.meetings, new_york_owner, at(2026, 3, 3, 8))
    assert [i.url for i in found] == [today.get_absolute_url(), in_six_days.get_absolute_url()]
    assert found[0].starts_at == today.starts_at and found[0].ends_at == today.ends_at
    assert found[0].title == "Meet Ada Okafor at 18:00 (video call)"


def test_preparation_is_due_for_a_meeting_within_two_days(new_york_owner):
    soon = scheduled(new_york_owner, at(2026, 3, 5, 23, 59))
    scheduled(new_york_owner, at(2026, 3, 6, 0, 1), contact=make_contact(new_york_owner, "Bo"))
    [item] = items(due.preparation, new_york_owner, at(2026, 3, 3, 8))
    assert item.kind == "prepare" and item.due == datetime.date(2026, 3, 3)
    assert item.url == f"/interviews/{soon.pk}/prepare/"


def test_goals_and_three_questions_or_the_checklist_count_as_prepared(new_york_owner):
    interview = scheduled(new_york_owner, at(2026, 3, 4, 10))
    interview.goal_learn = "What a week looks like"
    interview.save()
    for n in range(2):
        InterviewQuestion.objects.create(owner=new_york_owner, interview=interview, text=f"Q{n}")
    assert len(items(due.preparation, new_york_owner, at(2026, 3, 3, 8))) == 1
    InterviewQuestion.objects.create(owner=new_york_owner, interview=interview, text="Q3")
    assert items(due.preparation, new_york_owner, at(2026, 3, 3, 8)) == []
    other = scheduled(
        new_york_owner, at(2026, 3, 4, 11), contact=make_contact(new_york_owner, "Bo")
    )
    other.checklist = CHECKLIST_KEYS
    other.save()
    assert items(due.preparation, new_york_owner, at(2026, 3, 3, 8)) == []


def test_a_meeting_that_has_started_needs_no_more_preparation(new_york_owner):
    scheduled(new_york_owner, at(2026, 3, 3, 10))
    assert items(due.preparation, new_york_owner, at(2026, 3, 3, 10, 1)) == []


# -- keep in touch --------------------------------------------------------------------------


def test_keep_in_touch_is_due_on_the_cadence_day_after_the_meeting(new_york_owner):
    met(new_york_owner, at(2026, 3, 3, 14))
    assert (
        items(conversation_due.keep_in_touch, new_york_owner, at(2026, 5, 31, 23, 59)) == []
    )  # day 89
    [item] = items(conversation_due.keep_in_touch, new_york_owner, at(2026, 6, 1, 0, 0))  # day 90
    assert item.due == datetime.date(2026, 6, 1)
    assert item.title == "Check in with Ada Okafor: last in touch 3 Mar 2026"


def test_every_logged_interaction_restarts_the_clock(new_york_owner):
    interview = met(new_york_owner, at(2026, 3, 3, 14))
    Interaction.objects.create(
        owner=new_york_owner, contact=interview.contact, kind="call", happened_at=at(2026, 5, 1, 12)
    )
    assert items(conversation_due.keep_in_touch, new_york_owner, at(2026, 6, 1, 9)) == []
    [item] = items(conversation_due.keep_in_touch, new_york_owner, at(2026, 7, 30, 9))
    assert item.due == datetime.date(2026, 7, 30)


def test_a_message_sent_or_answered_restarts_the_clock(new_york_owner):
    Message = pytest.importorskip("coffeechat.outreach.models").Message
    interview = met(new_york_owner, at(2026, 3, 3, 14))
    Message.objects.create(
        owner=new_york_owner,
        contact=interview.contact,
        kind="keep-in-touch",
        state="replied",
        sent_at=at(2026, 4, 1, 9),
        replied_at=at(2026, 4, 10, 9),
    )
    assert items(conversation_due.keep_in_touch, new_york_owner, at(2026, 7, 8, 9)) == []
    [item] = items(conversation_due.keep_in_touch, new_york_owner, at(2026, 7, 9, 9))
    assert item.due == datetime.date(2026, 7, 9)


def test_the_cadence_can_be_shorter_or_switched_off(new_york_owner):
    interview = met(new_york_owner, at(2026, 3, 3, 14))
    KeepInTouch.set_cadence(interview.contact, 30)
    [item] = items(conversation_due.keep_in_touch, new_york_owner, at(2026, 4, 2, 9))
    assert item.due == datetime.date(2026, 4, 2)
    KeepInTouch.set_cadence(interview.contact, None)
    assert items(conversation_due.keep_in_touch, new_york_owner, at(2026, 12, 1, 9)) == []


def test_people_never_met_are_not_nagged_unless_given_a_cadence(new_york_owner):
    stranger = make_contact(new_york_owner, "Bo")
    with time_machine.travel(at(2026, 3, 1, 9), tick=False):
        assert items(conversation_due.keep_in_touch, new_york_owner, at(2026, 9, 1, 9)) == []
        KeepInTouch.set_cadence(stranger, 60)
    [item] = items(conversation_due.keep_in_touch, new_york_owner, at(2026, 4, 30, 9))
    assert item.contact == "Bo Okafor" and item.due == datetime.date(2026, 4, 30)


def test_the_cadence_day_is_counted_in_the_users_time_zone(owner):
    owner.profile.time_zone = "Asia/Tokyo"
    owner.profile.save()
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    # Ends 23:30 on 3 March in New York: already 4 March in Tokyo.
    met(owner, at(2026, 3, 3, 23), zone="America/New_York")
    assert (
        items(conversation_due.keep_in_touch, owner, at(2026, 6, 1, 12, zone=tokyo), zone=tokyo)
        == []
    )
    [item] = items(
        conversation_due.keep_in_touch, owner, at(2026, 6, 2, 0, 0, zone=tokyo), zone=tokyo
    )
    assert item.due == datetime.date(2026, 6, 2)


# -- to-dos -----------------------------------------------------------------------------------


def test_open_todos_are_due_on_their_date_and_undated_ones_today(new_york_owner):
    interview = make_interview(new_york_owner)
    NextStep.objects.create(owner=new_york_owner, interview=interview, text="Read the report")
    NextStep.objects.create(
        owner=new_york_owner, kind="application", text="Apply", due_date=datetime.date(2026, 3, 5)
    )
    NextStep.objects.create(
        owner=new_york_owner,
        text="Done already",
        done_at=at(2026, 3, 1),
        due_date=datetime.date(2026, 3, 1),
    )
    found = items(due.todos, new_york_owner, at(2026, 3, 3, 9))
    assert [(i.title, i.due) for i in found] == [
        ("Other: Read the report", datetime.date(2026, 3, 3))
    ]
    later = items(due.todos, new_york_owner, at(2026, 3, 5, 9))
    assert ("An application: Apply", datetime.date(2026, 3, 5)) in [(i.title, i.due) for i in later]


def test_the_agenda_puts_every_kind_together_most_urgent_first(new_york_owner):
    from coffeechat.due import due_items

    met(new_york_owner, at(2026, 3, 3, 14))
    scheduled(new_york_owner, at(2026, 3, 4, 10), contact=make_contact(new_york_owner, "Bo"))
    NextStep.objects.create(owner=new_york_owner, text="Call the career office")
    with time_machine.travel(at(2026, 3, 4, 8), tick=False):
        kinds = [item.kind for item in due_items(new_york_owner, datetime.date(2026, 3, 4))]
    assert kinds[:2] == ["reflect", "meeting"]  # reflection was due yesterday
    assert {"thank-you", "prepare", "todo"} <= set(kinds)
    assert (
        kinds.index("meeting")
        < kinds.index("thank-you")
        < kinds.index("prepare")
        < kinds.index("todo")
    )
