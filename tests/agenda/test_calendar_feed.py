import datetime

import icalendar
import pytest
import time_machine

from coffeechat.agenda.models import CalendarFeed
from coffeechat.interviews.models import NextStep
from tests.interviews.conftest import at, make_contact, scheduled


def feed_of(client, token):
    response = client.get(f"/agenda/feed/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def feed(new_york_owner):
    return CalendarFeed.for_user(new_york_owner)


def test_the_settings_page_shows_the_private_address(owner_client, owner):
    page = owner_client.get("/agenda/calendar/")
    token = CalendarFeed.objects.get(owner=owner).token
    assert f"http://testserver/agenda/feed/{token}.ics" in page.text
    assert len(token) >= 43


def test_a_configured_public_address_is_used_for_the_feed_and_its_links(
    client, owner_client, owner, settings
):
    settings.PUBLIC_URL = "https://coffeechat.example.edu/career"
    token = CalendarFeed.for_user(owner).token
    page = owner_client.get("/agenda/calendar/").text
    assert f'value="https://coffeechat.example.edu/career/agenda/feed/{token}.ics"' in page
    assert "only works on this computer" not in page
    with time_machine.travel(at(2026, 3, 1, 9), tick=False):
        scheduled(owner, at(2026, 3, 4, 10))
    NextStep.objects.create(owner=owner, text="Book a career adviser", kind="career-adviser")
    with time_machine.travel(at(2026, 3, 3, 8), tick=False):
        calendar = feed_of(client, token)
    urls = [str(event.get("url")) for event in calendar.walk("VEVENT")]
    assert urls and all(url.startswith("https://coffeechat.example.edu/career/") for url in urls)


def test_a_local_address_is_said_plainly_with_a_copy_button(owner_client):
    page = owner_client.get("/agenda/calendar/", HTTP_HOST="127.0.0.1:8000").text
    assert 'value="http://127.0.0.1:8000/agenda/feed/' in page
    assert "This address only works on this computer." in page
    assert 'data-copy-target="feed-url"' in page


def test_the_feed_needs_no_login_but_a_valid_token(client, feed):
    assert client.get(f"/agenda/feed/{feed.token}.ics").status_code == 200
    assert client.get("/agenda/feed/not-the-token.ics").status_code == 404
    assert client.get(f"/agenda/feed/{feed.token[:-1]}.ics").status_code == 404


def test_regenerating_asks_first_and_then_kills_the_old_address(client, owner_client, feed):
    old = feed.token
    confirm = owner_client.get("/agenda/calendar/new-address/")
    assert "Yes, give me a new address" in confirm.text
    feed.refresh_from_db()
    assert feed.token == old
    owner_client.post("/agenda/calendar/new-address/")
    feed.refresh_from_db()
    assert feed.token != old
    assert client.get(f"/agenda/feed/{old}.ics").status_code == 404
    assert client.get(f"/agenda/feed/{feed.token}.ics").status_code == 200


def test_each_user_gets_their_own_feed(outsider, feed):
    assert CalendarFeed.for_user(outsider).token != feed.token


def test_meetings_are_timed_events_and_due_items_all_day_events(client, new_york_owner, feed):
    with time_machine.travel(at(2026, 3, 1, 9), tick=False):
        meeting = scheduled(new_york_owner, at(2026, 3, 4, 10))
        past = scheduled(
            new_york_owner, at(2026, 3, 2, 15), contact=make_contact(new_york_owner, "Bo")
        )
    NextStep.objects.create(
        owner=new_york_owner, text="Book a career adviser", kind="career-adviser"
    )
    with time_machine.travel(at(2026, 3, 3, 8), tick=False):
        cal = feed_of(client, feed.token)
    events = cal.walk("VEVENT")
    timed = {str(e["UID"]): e for e in events if isinstance(e.start, datetime.datetime)}
    all_day = [e for e in events if not isinstance(e.start, datetime.datetime)]
    assert set(timed) == {
        f"interview-{meeting.pk}@coffeechat.invalid",
        f"interview-{past.pk}@coffeechat.invalid",
    }
    event = timed[f"interview-{meeting.pk}@coffeechat.invalid"]
    assert event.start == at(2026, 3, 4, 10) and event.end == at(2026, 3, 4, 10, 30)
    assert "DTSTAMP" in event and str(event["URL"]).endswith(f"/interviews/{meeting.pk}/")
    summaries = {str(e["SUMMARY"]): e for e in all_day}
    # Yesterday's meeting with Bo: reflection (overdue since yesterday), thank-you due today.
    assert any(s.startswith("Write down what you took from talking with Bo") for s in summaries)
    assert "Thank Bo Okafor by Tue 3 Mar, 15:30" in summaries
    assert "Career adviser: Book a career adviser" not in summaries
    assert "See a career adviser: Book a career adviser" in summaries
    assert any(s.startswith("Prepare for Ada Okafor") for s in summaries)
    for e in all_day:
        assert e["DTSTART"].params.get("VALUE") == "DATE" or isinstance(e.start, datetime.date)
        assert e.end - e.start == datetime.timedelta(days=1)
        assert e.start >= datetime.date(2026, 3, 3)  # overdue items show today
    reflect = next(e for s, e in summaries.items() if s.startswith("Write down"))
    assert "overdue since 2 Mar" in str(reflect["SUMMARY"])


def test_due_item_uids_are_stable_from_one_fetch_to_the_next(client, new_york_owner, feed):
    NextStep.objects.create(owner=new_york_owner, text="Read the annual report")
    with time_machine.travel(at(2026, 3, 3, 8), tick=False):
        first = [str(e["UID"]) for e in feed_of(client, feed.token).walk("VEVENT")]
    with time_machine.travel(at(2026, 3, 4, 8), tick=False):
        second = [str(e["UID"]) for e in feed_of(client, feed.token).walk("VEVENT")]
    assert first == second and len(first) == 1


def test_the_feed_matches_the_agenda_day_by_day(client, new_york_owner, feed):
    from coffeechat.due import ahead, due_items, kind

    with time_machine.travel(at(2026, 3, 1, 9), tick=False):
        interview = scheduled(new_york_owner, at(2026, 3, 3, 14))
    with time_machine.travel(at(2026, 3, 3, 14, 30), tick=False):
        interview.mark_done()
    for day in range(2, 8):
        moment = at(2026, 3, day, 12)
        with time_machine.travel(moment, tick=False):
            agenda = {
                i.title
                for i in due_items(new_york_owner, moment.date(), until=ahead(moment.date()))
                if kind(i.kind).all_day and not kind(i.kind).waits
            }
            cal = feed_of(client, feed.token)
        from_feed = {
            str(e["SUMMARY"]).split(" (overdue since")[0]
            for e in cal.walk("VEVENT")
            if not isinstance(e.start, datetime.datetime)
        }
        assert from_feed == agenda, moment


def test_calendar_apps_may_ask_with_head(client, feed):
    assert client.head(f"/agenda/feed/{feed.token}.ics").status_code == 200
    assert client.post(f"/agenda/feed/{feed.token}.ics").status_code == 405


def test_every_due_item_has_its_own_uid(client, new_york_owner, feed):
    interview = scheduled(new_york_owner, at(2026, 3, 10, 10))
    for text in ["Read the report", "Read the report", "Call the office"]:
        NextStep.objects.create(owner=new_york_owner, text=text)
        NextStep.objects.create(owner=new_york_owner, interview=interview, text=text)
    with time_machine.travel(at(2026, 3, 3, 8), tick=False):
        uids = [str(e["UID"]) for e in feed_of(client, feed.token).walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 7  # six to-dos and the meeting
