"""The due list in sections: overdue, today, coming up; the home page shows a few of each."""

import datetime

import pytest
import time_machine

from coffeechat.agenda.sections import HOME_LIMIT, sections
from coffeechat.contacts.models import Contact
from coffeechat.due import DueItem
from coffeechat.interviews.models import NextStep

TODAY = datetime.date(2026, 3, 4)


def item(day_offset, title="Something"):
    return DueItem(
        kind="todo",
        contact_id=None,
        contact="",
        due=TODAY + datetime.timedelta(days=day_offset),
        title=title,
    )


def test_items_fall_into_overdue_today_and_coming_up_in_their_order():
    items = [item(-3, "a"), item(-1, "b"), item(0, "c"), item(2, "d")]
    split = sections(items, TODAY)
    assert [(s.key, s.title, [i.title for i in s.items]) for s in split] == [
        ("overdue", "Overdue", ["a", "b"]),
        ("today", "Today", ["c"]),
        ("upcoming", "Coming up", ["d"]),
    ]


def test_empty_sections_are_left_out():
    assert [s.key for s in sections([item(0)], TODAY)] == ["today"]
    assert sections([], TODAY) == []


def test_a_limit_keeps_the_first_items_and_counts_the_rest():
    [overdue] = sections([item(-n, str(n)) for n in range(15, 0, -1)], TODAY, limit=10)
    assert [i.title for i in overdue.items] == [str(n) for n in range(15, 5, -1)]
    assert (overdue.total, overdue.hidden) == (15, 5)


@pytest.fixture
def many_todos(owner):
    """Twelve open to-dos from last year, oldest first, and one due today."""
    ada = Contact.objects.create(owner=owner, first_name="Ada", last_name="Singh")
    for n in range(12):
        NextStep.objects.create(
            owner=owner,
            contact=ada,
            kind="research",
            text=f"Old task {n:02d}",
            due_date=datetime.date(2025, 6, 1) + datetime.timedelta(days=n),
        )
    NextStep.objects.create(
        owner=owner, kind="other", text="Call the career office", due_date=TODAY
    )


def test_the_home_page_shows_the_first_few_overdue_and_links_to_the_rest(owner_client, many_todos):
    with time_machine.travel(datetime.datetime(2026, 3, 4, 15, tzinfo=datetime.UTC)):
        html = owner_client.get("/").text
    assert html.count('class="due-item') == HOME_LIMIT + 1
    assert "Old task 09" in html and "Old task 10" not in html
    # It asks for the first few, so it shows no count it does not know, only the way on.
    assert '<h3 id="due-overdue" class="due-section">Overdue</h3>' in html
    assert '<a href="/agenda/#due-overdue">See everything overdue on your agenda</a>' in html
    assert "Call the career office" in html
    # Last year's dates carry their year; this year's don't.
    assert "1 Jun 2025 · overdue" in html
    assert ">Today<" in html


def test_the_agenda_page_shows_everything_due(owner_client, many_todos):
    with time_machine.travel(datetime.datetime(2026, 3, 4, 15, tzinfo=datetime.UTC)):
        response = owner_client.get("/agenda/")
    html = response.text
    assert response.status_code == 200
    assert html.count('class="due-item') == 13
    assert "Old task 11" in html
    assert 'Overdue <span class="muted count">(12)</span>' in html
    assert "See everything" not in html
    assert '<h2 id="due-overdue" class="due-section">' in html


def test_the_agenda_page_says_what_to_do_when_nothing_is_due(owner_client):
    html = owner_client.get("/agenda/").text
    assert "Nothing is due" in html
    assert "write to someone" in html


def test_a_planned_conversation_is_coming_up_whatever_its_date():
    planned = DueItem("planned", 1, "Ada", TODAY - datetime.timedelta(days=30), "Ask Ada")
    split = sections([planned, item(-1, "late")], TODAY)
    assert [(s.key, [i.title for i in s.items]) for s in split] == [
        ("overdue", ["late"]),
        ("upcoming", ["Ask Ada"]),
    ]


def test_firsts_keeps_the_first_of_each_part_by_due_date_in_their_order():
    from coffeechat.due import firsts

    days = [5, -9, 0, -1, 0, 3, -2, 0, 1, -9]
    rows = [(n, TODAY + datetime.timedelta(days=d)) for n, d in enumerate(days)]
    kept = firsts(rows, lambda row: row[1], TODAY, 2)
    # Overdue: the two oldest (rows 1 and 9 on the same day, in their order); today: the
    # first two of three; coming up: the two soonest.
    assert [n for n, _day in kept] == [1, 9, 2, 4, 8, 5]
    assert firsts(rows, lambda row: row[1], TODAY, None) == rows
