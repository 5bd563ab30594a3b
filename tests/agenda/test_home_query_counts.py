"""The home page and its agenda cost the same number of queries however much is due.

One account holds every kind of thing the agenda knows, once; another holds five times
as much of each (meetings, preparation, reflections, thank-yous, check-ins on every
cadence, to-dos, follow-ups, 3B7's second person, letting go, conversations planned,
conversations agreed to through the network), due now and coming up. The page must issue the
same queries for both, and for the benchmark's own generated account too.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coffeechat import due as due_contract
from coffeechat.accounts.models import Profile
from coffeechat.chats.models import ChatRequest
from coffeechat.community.models import VolunteerProfile
from coffeechat.contacts.models import Contact, Organization
from coffeechat.interviews.models import (
    Interaction,
    Interview,
    InterviewQuestion,
    KeepInTouch,
    NextStep,
)
from coffeechat.outreach.models import Message
from tests.conftest import make_user

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
# Wednesday 12 Nov 2025, 10:00 in New York.
NOW = datetime.datetime(2025, 11, 12, 10, 0, tzinfo=NEW_YORK)
TODAY = NOW.date()
S = Interview.Stage
EVERY_KIND = set(due_contract.kinds())


def days(n):
    return datetime.timedelta(days=n)


def fill(owner, copies):
    """``copies`` of every situation the agenda has a rule for, and of some it ignores."""
    Profile.objects.filter(owner=owner).update(time_zone="America/New_York", use_3b7=True)
    volunteer = VolunteerProfile.objects.create(owner=owner, name=owner.username)
    for n in range(copies):
        _one_of_each(owner, n)
        _conversations_given(volunteer, n)


def _conversations_given(volunteer, n):
    """The owner volunteers in the career office's network too: a student's request they
    accepted, for tomorrow; one still waiting; one they declined."""
    for state, starts in (("accepted", NOW + days(1)), ("open", None), ("declined", None)):
        student = make_user(f"{volunteer.owner.username}-{state}-{n}")
        ChatRequest.objects.create(
            student=student,
            volunteer=volunteer,
            body="Could we talk for 20 minutes?",
            state=state,
            created_at=NOW - days(3),
            expires_at=NOW + days(11),
            starts_at=starts,
        )


def _one_of_each(owner, n):
    org = Organization.objects.create(owner=owner, name=f"Volta {n}")
    lone_org = Organization.objects.create(owner=owner, name=f"Solo {n}")

    def person(name, organization=org, field="Chemistry"):
        return Contact.objects.create(
            owner=owner,
            first_name=name,
            last_name=f"N{n}",
            organization=organization,
            field=field,
        )

    def interview(name, stage, starts=None, minutes=30, **extra):
        return Interview.objects.create(
            owner=owner,
            contact=person(name),
            stage=stage,
            starts_at=starts,
            ends_at=starts and starts + datetime.timedelta(minutes=minutes),
            time_zone="America/New_York",
            **extra,
        )

    def message(contact, sent, kind="request", **extra):
        return Message.objects.create(
            owner=owner,
            contact=contact,
            kind=kind,
            state=extra.pop("state", "sent"),
            sent_at=sent,
            **extra,
        )

    # Meetings: later today (not prepared), in two days (prepared), in three weeks.
    interview("Today", S.SCHEDULED, NOW + datetime.timedelta(hours=4))
    prepared = interview("Prepared", S.SCHEDULED, NOW + days(2), goal_learn="How they got started")
    for k in range(3):
        InterviewQuestion.objects.create(owner=owner, interview=prepared, text=f"Q{k}")
    interview("Later", S.SCHEDULED, NOW + days(20))
    # Met but not marked done; met two hours ago; thanked and reflected.
    interview("Unmarked", S.SCHEDULED, NOW - days(1))
    done = interview("Done", S.DONE, NOW - datetime.timedelta(hours=2))
    interview("Thanked", S.THANKED, NOW - days(10), reflected_at=NOW, thanked_at=NOW)
    for stage in (S.PLANNED, S.REQUESTED, S.DECLINED, S.NO_REPLY, S.CANCELLED):
        interview(f"Stage {stage}", stage)

    # Keeping in touch: due on each cadence, not due, no reminders, the default cadence,
    # and someone given a cadence but never met nor written to.
    def kept(name, cadence, last_touch, *, via="interaction"):
        met = interview(name, S.KEEPING_IN_TOUCH, NOW - days(400), reflected_at=NOW, thanked_at=NOW)
        if cadence != "default":
            KeepInTouch.objects.create(owner=owner, contact=met.contact, cadence_days=cadence)
        if via == "interaction":
            Interaction.objects.create(
                owner=owner, contact=met.contact, kind="call", happened_at=NOW - last_touch
            )
        else:
            message(met.contact, NOW - last_touch, kind="keep-in-touch")

    for cadence in (30, 60, 90, 180):
        kept(f"Due{cadence}", cadence, days(cadence + 5))
        kept(f"Fine{cadence}", cadence, days(cadence - 5), via="message")
    kept("Quiet", None, days(400))
    kept("Default", "default", days(100))
    never = KeepInTouch.objects.create(
        owner=owner, contact=person("Never", lone_org), cadence_days=30
    )
    KeepInTouch.objects.filter(pk=never.pk).update(created_at=NOW - days(45))

    # Next steps: overdue, today, undated, next week, done; one about nobody.
    for due, done_at in [
        (TODAY - days(3), None),
        (TODAY, None),
        (None, None),
        (TODAY + days(7), None),
        (TODAY - days(1), NOW),
    ]:
        NextStep.objects.create(
            owner=owner,
            interview=done,
            contact=done.contact,
            text="Read their report",
            due_date=due,
            done_at=done_at,
        )
    NextStep.objects.create(owner=owner, text="Book the career office", due_date=TODAY)

    # Outreach. A request nine business days old with a colleague never written to (a
    # follow-up and a second person), one two days old, one whose follow-up went
    # unanswered (let it go: someone in the field, at another organization), one
    # answered, one let go, a draft; and a request whose second person was written to.
    team = Organization.objects.create(owner=owner, name=f"Ampere {n}")
    waiting = message(person("Waiting", team), NOW - days(13))
    person("Colleague", team)
    message(person("Recent"), NOW - days(2))
    asked = message(person("Asked", lone_org), NOW - days(30))
    message(asked.contact, NOW - days(19), kind="follow-up", follow_up_to=asked, state="sent")
    person("Chemist", None)
    message(person("Answered"), NOW - days(20), state="replied", replied_at=NOW - days(18))
    message(person("LetGo"), NOW - days(60), no_reply_at=NOW - days(30))
    message(person("Draft"), None, state="draft")
    covered_org = Organization.objects.create(owner=owner, name=f"Ohm {n}")
    covered = message(person("Covered", covered_org), NOW - days(6))
    message(person("Second", covered_org), NOW - days(4))
    assert waiting.pk and covered.pk

    # The network: this person volunteers too, and agreed to talk with a student tomorrow.
    volunteer, _ = VolunteerProfile.objects.get_or_create(owner=owner, defaults={"name": "Owner"})
    ChatRequest.objects.create(
        student=make_user(f"student-{owner.pk}-{n}"),
        volunteer=volunteer,
        body="Could we talk about your work?",
        expires_at=NOW + days(14),
        state=ChatRequest.State.ACCEPTED,
        answered_at=NOW - days(1),
        starts_at=NOW + days(1),
    )


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def home_queries(client, url="/"):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.text


def kinds_shown(html):
    return {part.split('"', 1)[0] for part in html.split('data-kind="')[1:] if '"' in part}


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def network(settings):
    """The career-office network on, so a volunteer's conversations are due too."""
    settings.NETWORK = True


def test_every_kind_of_due_item_is_on_the_home_page(owner, owner_client, frozen):
    fill(owner, 1)
    owner_client.get("/")  # the first request stores the time zone in the session
    _count, html = home_queries(owner_client)
    assert kinds_shown(html) == EVERY_KIND
    assert 'data-kind="keep-in-touch" data-due="2025-10-28"' in html  # the cadence-only one


def test_the_home_page_costs_the_same_queries_with_five_times_as_much_due(
    owner, outsider, owner_client, outsider_client, frozen
):
    fill(outsider, 1)
    fill(owner, 5)
    outsider_client.get("/")
    owner_client.get("/")
    small, small_html = home_queries(outsider_client)
    big, big_html = home_queries(owner_client)
    assert big == small
    # The home page shows the first few of each section; the agenda page shows them all.
    assert small_html.count("due-item") <= big_html.count("due-item") <= 30
    small, small_html = home_queries(outsider_client, "/agenda/")
    big, big_html = home_queries(owner_client, "/agenda/")
    assert big_html.count("due-item") >= 5 * small_html.count("due-item") - 5
    assert kinds_shown(big_html) == kinds_shown(small_html) == EVERY_KIND
    assert big == small


def test_the_benchmark_account_costs_the_same_queries_as_a_small_one(owner, owner_client):
    """The generated data `make bench` measures: the same page, the same queries.

    The generator places its data relative to the moment it runs, so the whole test runs
    at one frozen moment: what is due (and so which kinds the page shows) is the same
    whatever the day or hour CI happens to run.
    """
    from bench.generate import generate

    Profile.objects.filter(owner=owner).update(time_zone="America/New_York", use_3b7=True)
    other = make_user("small")
    with time_machine.travel(NOW, tick=False):
        generate(
            owner,
            contacts=400,
            organizations=60,
            with_interviews=True,
            with_messages=True,
            interviews=200,
            messages=1000,
        )
        fill(other, 1)
        other_client = client_for(other)
        other_client.get("/")
        small, _html = home_queries(other_client)
        owner_client.get("/")
        big, html = home_queries(owner_client)
    # Most kinds of work are there at this size (all of them at the bench's full size).
    assert len(kinds_shown(html)) >= 7
    assert big == small


def sections_of(html):
    """Each section's rows as (kind, due day), in order, by the section's anchor."""
    found = {}
    for chunk in html.split('id="due-')[1:]:
        key = chunk.split('"', 1)[0]
        if key in ("overdue", "today", "upcoming"):
            body = chunk.split("</ul>", 1)[0]
            found[key] = [
                (part.split('"', 1)[0], part.split('data-due="', 1)[1].split('"', 1)[0])
                for part in body.split('data-kind="')[1:]
            ]
    return found


def test_the_home_page_shows_the_first_of_each_section_as_the_agenda_orders_them(
    owner, owner_client, frozen
):
    """The home page asks each provider for its first few only; what it shows is still
    the head of each section of the whole agenda, and it says when there is more."""
    fill(owner, 5)
    owner_client.get("/")
    home_html = owner_client.get("/").text
    home, everything = sections_of(home_html), sections_of(owner_client.get("/agenda/").text)
    assert set(home) == set(everything) == {"overdue", "today", "upcoming"}
    for key, rows in everything.items():
        assert home[key] == rows[: len(home[key])]
        assert len(home[key]) == min(len(rows), 10)
        link = f'<a href="/agenda/#due-{key}">See everything'
        assert (link in home_html) == (len(rows) > 10), key


def test_a_user_without_a_profile_still_gets_the_page(db):
    user = get_user_model().objects.create_user("bare", password="a-long-test-password-42")
    response = client_for(user).get("/")
    assert response.status_code == 200
