"""`coffeechat due` lists every interview kind beside outreach's follow-ups."""

import json
from io import StringIO

import time_machine
from django.core.management import call_command

from coffeechat.interviews.models import KeepInTouch, NextStep
from tests.interviews.conftest import at, make_contact, scheduled


def run(*args):
    out = StringIO()
    call_command("due", *args, stdout=out)
    return out.getvalue()


def test_every_interview_kind_shows_up_on_the_day(new_york_owner):
    with time_machine.travel(at(2026, 3, 1, 9), tick=False):
        done = scheduled(new_york_owner, at(2026, 3, 2, 10))
        scheduled(new_york_owner, at(2026, 3, 4, 15), contact=make_contact(new_york_owner, "Bo"))
        KeepInTouch.set_cadence(make_contact(new_york_owner, "Cy"), 30)
    with time_machine.travel(at(2026, 3, 2, 10, 45), tick=False):
        done.mark_done()
    NextStep.objects.create(owner=new_york_owner, kind="research", text="Read their annual report")
    with time_machine.travel(at(2026, 3, 31, 8), tick=False):
        kinds = {item["kind"] for item in json.loads(run("--json", "--today", "2026-03-03"))}
        text = run("--today", "2026-03-03")
        month_later = {item["kind"] for item in json.loads(run("--json"))}
    assert {"reflect", "thank-you", "prepare", "todo"} <= kinds
    assert "Thank-you to Ada Okafor is overdue" in text
    assert "Prepare for Bo Okafor" in text
    assert "keep-in-touch" in month_later  # Cy: 30 days after the cadence was set


def test_a_meeting_this_week_is_listed_with_its_time(new_york_owner):
    with time_machine.travel(at(2026, 3, 1, 9), tick=False):
        scheduled(new_york_owner, at(2026, 3, 5, 16, 30))
        text = run()
    assert "Meet Ada Okafor at 16:30 (video call)" in text


def test_the_json_gives_a_meeting_its_times_and_its_page(new_york_owner):
    with time_machine.travel(at(2026, 3, 1, 9), tick=False):
        interview = scheduled(new_york_owner, at(2026, 3, 5, 16, 30), minutes=20)
        (meeting,) = [i for i in json.loads(run("--json")) if i["kind"] == "meeting"]
    assert meeting["starts_at"] == "2026-03-05T21:30:00+00:00"  # 16:30 in New York
    assert meeting["ends_at"] == "2026-03-05T21:50:00+00:00"
    assert meeting["url"].startswith(interview.get_absolute_url())
