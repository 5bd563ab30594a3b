"""What is coming up, not only what is due (issue 9): the end of the guide's journey.

Two conversations are planned and not asked for, a request went out two days ago, a
meeting is ten days off, a next step is due in two weeks and a check-in falls due in
about three months. Nothing is due today: home and /agenda/ still show all of it under
"Coming up", each with its date and words that fit where it stands, and the calendar
feed holds the dated ones on their days.
"""

import datetime

import icalendar
import pytest
import time_machine

from coffeechat.accounts.models import Profile
from coffeechat.agenda.models import CalendarFeed
from coffeechat.due import due_items
from coffeechat.interviews.models import Interview, NextStep
from coffeechat.outreach.models import Message
from tests.interviews.conftest import at, make_contact, make_interview, scheduled

# Wednesday 3 Dec 2025, 10:00 in New York.
NOW = at(2025, 12, 3, 10)
TODAY = NOW.date()


def day(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def journey(new_york_owner):
    owner = new_york_owner
    Profile.objects.filter(owner=owner).update(use_3b7=False, follow_up_after_days=7)
    with time_machine.travel(at(2025, 12, 1, 9), tick=False):
        Interview.plan(owner, make_contact(owner, "Ana", "Planned"))
    with time_machine.travel(at(2025, 12, 2, 9), tick=False):
        Interview.plan(owner, make_contact(owner, "Ben", "Planned"))
    bea = make_contact(owner, "Bea", "Asked")
    Message.objects.create(
        owner=owner, contact=bea, kind="request", state="sent", sent_at=at(2025, 12, 1, 11)
    )
    with time_machine.travel(NOW, tick=False):
        scheduled(owner, at(2025, 12, 13, 15), contact=make_contact(owner, "Cy", "Later"))
    met = make_interview(
        owner,
        make_contact(owner, "Dee", "Met"),
        stage=Interview.Stage.KEEPING_IN_TOUCH,
        starts_at=at(2025, 11, 28, 9),
        ends_at=at(2025, 11, 28, 9, 30),
        reflected_at=at(2025, 11, 28, 12),
        thanked_at=at(2025, 11, 28, 13),
    )
    NextStep.objects.create(
        owner=owner,
        interview=met,
        contact=met.contact,
        text="Book a career adviser",
        kind="career-adviser",
        due_date=day(14),
    )
    return owner


EXPECTED = {
    # kind, due day, the words the row says
    (
        "planned",
        datetime.date(2025, 12, 1),
        "Ask Ana Planned for a conversation when you are ready",
    ),
    (
        "planned",
        datetime.date(2025, 12, 2),
        "Ask Ben Planned for a conversation when you are ready",
    ),
    (
        "follow-up",
        datetime.date(2025, 12, 8),
        "Follow up with Bea Asked if they haven't answered by then (asked 1 Dec)",
    ),
    ("meeting", datetime.date(2025, 12, 13), "Meet Cy Later at 15:00 (video call)"),
    ("todo", datetime.date(2025, 12, 17), "See a career adviser: Book a career adviser"),
    (
        "keep-in-touch",
        datetime.date(2026, 2, 26),
        "Check in with Dee Met: last in touch 28 Nov 2025",
    ),
}


def rows(html):
    """(kind, due, title) of every row of the due list in ``html``."""
    found = set()
    for part in html.split('class="due-item ')[1:]:
        kind = part.split('data-kind="', 1)[1].split('"', 1)[0]
        due = datetime.date.fromisoformat(part.split('data-due="', 1)[1].split('"', 1)[0])
        title = part.split("</time>", 1)[1].split("</li>", 1)[0]
        title = title.split(">", 1)[1].split("</a>", 1)[0] if "<a " in title else title
        found.add((kind, due, title.strip().replace("&#x27;", "'")))
    return found


def test_nothing_is_due_today_yet_the_agenda_shows_what_is_coming(journey, owner_client):
    with time_machine.travel(NOW, tick=False):
        owner_client.get("/")  # the first request stores the time zone in the session
        for url in ("/", "/agenda/"):
            html = owner_client.get(url).text
            assert rows(html) == EXPECTED, url
            assert "Nothing is due today." in html
            assert 'id="due-upcoming"' in html and 'id="due-overdue"' not in html
            assert "Coming up" in html
            assert "Nothing is due and nothing is coming up" not in html
            # The planned ones say when they were planned; the others give their day.
            assert ">Planned 1 Dec</time>" in html
            assert ">Mon 8 Dec</time>" in html and ">Thu 26 Feb 2026</time>" in html


def test_what_is_due_alone_is_unchanged_when_nothing_ahead_is_asked_for(journey):
    with time_machine.travel(NOW, tick=False):
        assert due_items(journey, TODAY) == []
        ahead = due_items(journey, TODAY, until=day(30))
    # Asked for a month ahead: everything but the check-in three months off.
    assert {(i.kind, i.due, i.title) for i in ahead} == {
        row for row in EXPECTED if row[0] != "keep-in-touch"
    }


def test_the_calendar_feed_holds_what_is_coming_on_its_days(journey, client):
    token = CalendarFeed.for_user(journey).token
    with time_machine.travel(NOW, tick=False):
        response = client.get(f"/agenda/feed/{token}.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    all_day = {
        (str(event["CATEGORIES"].cats[0]), event.start, str(event["SUMMARY"]))
        for event in calendar.walk("VEVENT")
        if not isinstance(event.start, datetime.datetime)
    }
    timed = [
        event for event in calendar.walk("VEVENT") if isinstance(event.start, datetime.datetime)
    ]
    # The dated items as all-day events on their days; the meeting at its time; the
    # planned conversations, which have no day of their own, not at all.
    assert all_day == {row for row in EXPECTED if row[0] not in ("planned", "meeting")}
    # Timed: the meeting ahead, and (as before) the one held five days ago.
    starts = {str(event["SUMMARY"]): event.start for event in timed}
    assert starts == {
        "Informational interview with Cy Later": at(2025, 12, 13, 15),
        "Informational interview with Dee Met": at(2025, 11, 28, 9),
    }


def test_the_feed_page_says_what_the_feed_holds(owner_client):
    page = owner_client.get("/agenda/calendar/").text
    assert "what comes due in the next six months" in page
    assert "planned but not asked for have no date yet" in page


def test_with_nothing_at_all_the_page_says_so_and_what_to_do(owner, owner_client):
    make_contact(owner)
    html = owner_client.get("/agenda/").text
    assert "Nothing is due and nothing is coming up" in html
    assert 'href="/outreach/compose/"' in html or "write to someone" in html
