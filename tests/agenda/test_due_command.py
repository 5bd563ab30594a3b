"""`coffeechat due`: what is due, as text or JSON, on a given day or today."""

import datetime
import json

import pytest
import time_machine
from django.core.management import call_command

from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Contact
from coffeechat.conversations import moves
from coffeechat.outreach.models import Message
from tests.conftest import make_user


@pytest.fixture
def ada(owner):
    return Contact.objects.create(owner=owner, first_name="Ada", last_name="Singh")


@pytest.fixture
def bo(owner):
    return Contact.objects.create(owner=owner, first_name="Bo", last_name="Lind")


def send(owner, contact, when: datetime.datetime, subject="Hello"):
    """Draft and send a request the way the web page does, at ``when``."""
    message = Message.objects.create(owner=owner, contact=contact, subject=subject, body="Hi")
    with time_machine.travel(when, tick=False):
        moves.sent(message)
    return message


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("due", *args, stdout=out)
    return out.getvalue()


def noon(day):
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def test_it_prints_exactly_a_json_list_of_items(owner, ada):
    request = send(owner, ada, noon(datetime.date(2025, 11, 3)))
    assert json.loads(run("--json", "--today", "2025-11-09")) == []
    assert json.loads(run("--json", "--today", "2025-11-10")) == [
        {
            "kind": "follow-up",
            "contact_id": ada.pk,
            "contact": "Ada Singh",
            "due": "2025-11-10",
            "title": "Follow up with Ada Singh (no reply since 3 Nov)",
            "url": f"/outreach/compose/?follow_up_to={request.pk}",
            "starts_at": None,
            "ends_at": None,
        }
    ]


def test_the_most_urgent_comes_first(owner, ada, bo):
    send(owner, bo, noon(datetime.date(2025, 11, 5)))
    send(owner, ada, noon(datetime.date(2025, 11, 3)))
    items = json.loads(run("--json", "--today", "2025-11-20"))
    assert [(i["contact"], i["due"]) for i in items] == [
        ("Ada Singh", "2025-11-10"),
        ("Bo Lind", "2025-11-12"),
    ]


def test_today_defaults_to_the_date_in_the_users_time_zone(owner, ada):
    send(owner, ada, noon(datetime.date(2025, 11, 3)))
    Profile.objects.filter(owner=owner).update(time_zone="America/New_York")
    # 03:00 UTC on the 10th is still the 9th in New York: not due yet.
    with time_machine.travel(datetime.datetime(2025, 11, 10, 3, 0, tzinfo=datetime.UTC)):
        assert json.loads(run("--json")) == []
    with time_machine.travel(datetime.datetime(2025, 11, 10, 5, 0, tzinfo=datetime.UTC)):
        assert [i["due"] for i in json.loads(run("--json"))] == ["2025-11-10"]


def test_the_readable_list_says_what_to_do(owner, ada):
    send(owner, ada, noon(datetime.date(2025, 11, 3)))
    text = run("--today", "2025-11-12")
    assert "Due on Wed 12 Nov 2025" in text
    assert "10 Nov, overdue" in text
    assert "Follow up with Ada Singh (no reply since 3 Nov)" in text


def test_the_readable_list_comes_in_the_home_page_s_sections(owner, ada, bo):
    send(owner, ada, noon(datetime.date(2025, 11, 3)))
    send(owner, bo, noon(datetime.date(2025, 11, 5)))
    lines = run("--today", "2026-01-12").splitlines()
    assert lines[:2] == ["Due on Mon 12 Jan 2026, most urgent first:", ""]
    assert lines[2] == "Overdue (2)"
    # Last year's dates carry their year.
    assert lines[3].split("  ")[1] == "10 Nov 2025, overdue"
    assert "Today" not in lines and "Coming up" not in "\n".join(lines)


def test_an_empty_list_says_so(owner):
    assert "Nothing is due on Mon 3 Nov 2025" in run("--today", "2025-11-03")
    assert run("--json", "--today", "2025-11-03").strip() == "[]"


def test_ahead_it_lists_what_is_coming_up_too(owner, ada):
    send(owner, ada, noon(datetime.date(2025, 11, 3)))
    assert "To see what is coming up, add --ahead." in run("--today", "2025-11-05")
    lines = run("--ahead", "--today", "2025-11-05").splitlines()
    assert lines[2] == "Coming up (1)"
    assert lines[3].split("  ")[1] == "Mon 10 Nov"
    assert "Follow up with Ada Singh if they haven't answered by then (asked 3 Nov)" in lines[3]
    items = json.loads(run("--json", "--ahead", "--today", "2025-11-05"))
    assert [(i["kind"], i["due"]) for i in items] == [("follow-up", "2025-11-10")]


def test_a_bad_date_is_explained(owner, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run("--today", "10/11/2025")
    assert exit_info.value.code == 1
    assert "coffeechat due: --today '10/11/2025' is not a date; write it as YYYY-MM-DD" in (
        capsys.readouterr().err
    )


def test_with_two_accounts_it_asks_whose(owner, ada, capsys):
    make_user("second")
    with pytest.raises(SystemExit):
        run("--json")
    assert "--user" in capsys.readouterr().err
    send(owner, ada, noon(datetime.date(2025, 11, 3)))
    assert len(json.loads(run("--json", "--today", "2025-11-10", "--user", "olivia"))) == 1
    assert json.loads(run("--json", "--today", "2025-11-10", "--user", "second")) == []
