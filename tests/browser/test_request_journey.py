"""A request for a conversation in two real browsers, a student's and a volunteer's, with
the clock moved between the steps: ask (a sample, the checker live, proposed times) →
the day-7 reminder → accept a proposed time → the meeting in both agendas, .ics invites
and calendar feeds → the meeting passes → both say it happened (the volunteer with how it
went) → the thank-you, drafted and sent in the thread; and ask → a kind decline; and ask →
expiry.

The live server runs in this process, so time-machine moves its clock too; the request
clock (the worker's periodic task) is run directly at each moved moment.
"""

import datetime as dt
from pathlib import Path

import icalendar
import pytest
import time_machine
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from coffeechat.chats.models import ChatRequest
from coffeechat.chats.tasks import run_request_clock
from coffeechat.community.models import CareerCommunity
from coffeechat.community.roles import Role
from tests.community.world import make_profile, person

# Monday 2 March 2026, 14:00 UTC: 09:00 in Boston (the volunteer), 14:00 in London (the
# student). Boston moves to summer time on 8 March, London on 29 March.
MOMENT = dt.datetime(2026, 3, 2, 14, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)
BLANK = "[your question about the field]"
FILLED = "how the first years of night shifts shaped the way you work now"
THANKS = (
    "Dear Vera, thank you for our talk on Thursday. I keep coming back to your answer about "
    "night shifts, and I have asked my adviser about shadowing at a clinic. With thanks, Sam"
)


@pytest.fixture
def clock():
    with time_machine.travel(MOMENT, tick=True) as traveller:
        yield traveller


@pytest.fixture
def people(settings, clock, db):
    settings.NETWORK = True
    settings.EMAIL_HOST = ""  # notices in the app; mail has its own tests
    settings.SESSION_COOKIE_AGE = 60 * 86400  # the clock jumps weeks; stay signed in
    health = CareerCommunity.objects.create(name="Health")
    student = person("sam", Role.STUDENT, name="Sam Student")
    student.profile.time_zone = "Europe/London"
    student.profile.school, student.profile.major = "Wellesley", "biology"
    student.profile.save()
    volunteer = person("vera", Role.VOLUNTEER, name="Vera Núñez")
    volunteer.profile.time_zone = "America/New_York"
    volunteer.profile.save()
    windows = [
        {"day": "tue", "start": "18:00", "end": "20:00"},
        {"day": "thu", "start": "18:00", "end": "20:00"},
    ]
    profile = make_profile(
        volunteer, availability=windows, time_zone="America/New_York", monthly_capacity=4
    )
    # Someone else who fits, for when a request ends without a yes.
    make_profile(person("nia", Role.VOLUNTEER, name="Nia Nurse"), title="Charge nurse")
    for user in (student, volunteer):
        health.join(user)
    return student, volunteer, profile


@pytest.fixture
def signed_in(browser, live_server):
    """``signed_in(user, width)``: a browser of that person's own, already signed in."""
    contexts = []

    def open_as(user, width=1280):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": width, "height": 900},
            accept_downloads=True,
        )
        contexts.append(context)
        context.set_default_timeout(10_000)
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on(
            "console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None
        )
        return page

    yield open_as
    for context in contexts:
        context.close()


def ask(page, profile, times=()):
    """From the volunteer's page: the sample, its blank filled, the times, send."""
    page.goto(profile.get_absolute_url())
    page.get_by_role("button", name="Ask for a conversation").click()
    expect(
        page.get_by_role("heading", name=f"Ask {profile.name} for a conversation")
    ).to_be_visible()
    body = page.get_by_role("textbox", name="Your message")
    body.fill(body.input_value().replace(BLANK, FILLED))
    report = page.locator("#check-results .check-report")
    expect(report).to_have_attribute("data-has-errors", "false")
    if times:
        for label in times:
            page.get_by_label(label).check()
    else:
        page.get_by_label("None of these: ask them for a time instead").check()
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text(f"Sent. {profile.name} has 14 days to answer")).to_be_visible()
    return ChatRequest.objects.get(student__username="sam", state="open")


def run_clock_at(clock, moment):
    """Move everyone's clock (the live server's too) and run the worker's periodic task."""
    clock.move_to(moment)
    run_request_clock(timestamp=int(moment.timestamp()))


def notices(page):
    page.goto("/notifications/")
    return page.locator("ul.notifications")


def download(page, name):
    with page.expect_download() as info:
        page.get_by_role("button", name=name).click()
    return icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes())


def feed(page):
    page.goto("/agenda/calendar/")
    address = page.locator("input[value*='/agenda/feed/']").first.input_value()
    path = address[address.index("/agenda/feed/") :]
    response = page.request.get(path)
    assert response.status == 200
    return icalendar.Calendar.from_ical(response.body())


def no_errors(*pages):
    for page in pages:
        assert not page.errors, f"the browser reported errors: {page.errors}"


@pytest.mark.parametrize("width", [1280, 390])
def test_ask_remind_accept_and_meet(signed_in, people, clock, width):
    student, volunteer, profile = people
    sam = signed_in(student, width)
    vera = signed_in(volunteer, width)

    # Sam starts from a sample; the checker, live, holds back a blank and a job ask.
    sam.goto(profile.get_absolute_url())
    sam.get_by_role("button", name="Ask for a conversation").click()
    body = sam.get_by_role("textbox", name="Your message")
    assert "Dear Vera" in body.input_value() and BLANK in body.input_value()
    blank = sam.locator('#check-results [data-rule="placeholder"]')
    expect(blank).to_contain_text("Fix")
    sam.get_by_label("Tue 10 Mar, 18:00 their time (22:00 yours)").check()
    sam.get_by_label("Thu 12 Mar, 18:00 their time (22:00 yours)").check()
    sam.get_by_role("button", name="Send the request").click()
    expect(sam.get_by_text("Fix what the checker marks “Fix” first")).to_be_visible()
    assert not ChatRequest.objects.exists()

    body = sam.get_by_role("textbox", name="Your message")
    body.fill(body.input_value().replace(BLANK, FILLED))
    expect(sam.locator('#check-results [data-rule="placeholder"]')).to_have_count(0)
    body.press("Control+End")
    body.press_sequentially(" Could you refer me for a job at Harbor Clinic?")
    expect(sam.locator('#check-results [data-rule="job-ask"]')).to_contain_text("Fix")
    body.fill(body.input_value().replace(" Could you refer me for a job at Harbor Clinic?", ""))
    expect(sam.locator("#check-results .check-report")).to_have_attribute(
        "data-has-errors", "false"
    )
    expect(sam.get_by_label("Tue 10 Mar, 18:00 their time (22:00 yours)")).to_be_checked()
    sam.get_by_role("button", name="Send the request").click()
    expect(sam.get_by_text("Sent. Vera Núñez has 14 days to answer")).to_be_visible()
    chat = ChatRequest.objects.get()
    assert FILLED in chat.body and "refer me" not in chat.body

    # Vera hears of it; a week of silence, then one reminder (not at day 6).
    expect(notices(vera)).to_contain_text("Sam Student would like a conversation")
    run_clock_at(clock, MOMENT + 6 * DAY)
    expect(notices(vera)).not_to_contain_text("still waiting")
    run_clock_at(clock, MOMENT + 7 * DAY + dt.timedelta(minutes=10))
    run_clock_at(clock, MOMENT + 7 * DAY + dt.timedelta(minutes=20))
    expect(notices(vera).get_by_text("Sam Student is still waiting for your answer")).to_have_count(
        1
    )

    # Vera accepts Thursday, read on her own clock.
    vera.goto("/network/requests/inbox/")
    vera.get_by_role("link", name="Sam Student").click()
    expect(
        vera.get_by_role("heading", name="Sam Student would like a conversation")
    ).to_be_visible()
    vera.get_by_label("Thu 12 Mar, 22:00 their time (18:00 yours)").check()
    vera.get_by_label("Where, or the video link").fill("https://meet.example/vera-sam")
    vera.get_by_role("button", name="Accept").click()
    expect(vera.get_by_text("Accepted. You both have the invite")).to_be_visible()
    expect(vera.get_by_text("Thu 12 Mar, 22:00 their time (18:00 yours)")).to_be_visible()

    # Sam sees the yes, on his clock, and the meeting is in both agendas.
    expect(notices(sam)).to_contain_text("Vera Núñez said yes")
    sam.goto(chat.get_absolute_url())
    expect(sam.get_by_text("Thu 12 Mar, 18:00 their time (22:00 yours)")).to_be_visible()
    sam.goto("/agenda/")
    expect(sam.get_by_role("link", name="Meet Vera Núñez at 22:00 (video call)")).to_be_visible()
    vera.goto("/agenda/")
    expect(
        vera.get_by_role(
            "link",
            name="Talk with Sam Student, who asked through the network, at 18:00 (video call)",
        )
    ).to_be_visible()

    # Each downloads the invite on their own clock; each feed has the meeting.
    starts = dt.datetime(2026, 3, 12, 22, 0, tzinfo=dt.UTC)
    for page, zone in ((sam, "Europe/London"), (vera, "America/New_York")):
        page.goto(chat.get_absolute_url())
        (event,) = download(page, "Add to my calendar (.ics)").walk("VEVENT")
        assert event.decoded("DTSTART") == starts
        assert str(event.decoded("DTSTART").tzinfo) == zone
        assert str(event["LOCATION"]) == "https://meet.example/vera-sam"
    (sams,) = [e for e in feed(sam).walk("VEVENT") if isinstance(e.decoded("DTSTART"), dt.datetime)]
    assert str(sams["SUMMARY"]) == "Informational interview with Vera Núñez"
    assert sams.decoded("DTSTART") == starts
    (veras,) = feed(vera).walk("VEVENT")
    assert str(veras["UID"]) == f"network-request-{chat.pk}@coffeechat.invalid"
    assert veras.decoded("DTSTART") == starts

    # The meeting passes: it can't be moved any more; Sam's own steps come due.
    clock.move_to(dt.datetime(2026, 3, 13, 9, 0, tzinfo=dt.UTC))
    sam.goto(chat.get_absolute_url())
    expect(sam.locator("summary", has_text="Move it")).to_have_count(0)
    sam.goto("/agenda/")
    expect(sam.get_by_text("Write down what you took from talking with Vera Núñez")).to_be_visible()
    expect(sam.get_by_text("Thank Vera Núñez by")).to_be_visible()
    vera.goto("/agenda/")
    expect(vera.get_by_text("Talk with Sam Student")).to_have_count(0)

    # After: the clock asks both, privately, whether it happened; Vera says yes and how
    # it went, Sam says yes, drafts the thank-you and sends it in their thread.
    run_clock_at(clock, dt.datetime(2026, 3, 13, 9, 5, tzinfo=dt.UTC))
    expect(notices(vera)).to_contain_text("Did your conversation with Sam Student happen?")
    expect(notices(sam)).to_contain_text("Thank Vera Núñez by")
    vera.goto(chat.get_absolute_url())
    vera.get_by_label("Yes, we talked").check()
    vera.get_by_label("How did it go? (optional, only you see it)").fill("Sharp questions")
    vera.get_by_label("I'm happy to talk with them again").check()
    vera.get_by_role("button", name="Save").click()
    expect(vera.get_by_text("Only you see what you wrote")).to_be_visible()
    sam.goto(chat.get_absolute_url())
    expect(sam.get_by_text("Vera Núñez is happy to talk with you again.")).to_be_visible()
    expect(sam.get_by_text("Sharp questions")).to_have_count(0)
    sam.get_by_label("Yes, we talked").check()
    sam.get_by_role("button", name="Save").click()
    sam.get_by_role("button", name="Draft it from my notes").click()
    thanks = sam.get_by_role("textbox", name="Your thank-you", exact=True)
    expect(thanks).not_to_be_empty()
    thanks.fill(THANKS)
    sam.get_by_role("button", name="Send it in our thread").click()
    expect(sam.get_by_text("marked thanked").first).to_be_visible()
    vera.goto(chat.get_absolute_url())
    expect(vera.locator("#thread")).to_contain_text("your answer about night shifts")
    sam.goto("/agenda/")
    expect(sam.get_by_text("Thank Vera Núñez by")).to_have_count(0)
    no_errors(sam, vera)


def test_ask_then_the_volunteer_offers_other_times_and_the_student_chooses(
    signed_in, people, clock
):
    student, volunteer, profile = people
    sam = signed_in(student, 390)
    vera = signed_in(volunteer)
    chat = ask(sam, profile)

    # Vera offers two times of her own, on her clock (Boston is on summer time by then).
    clock.move_to(MOMENT + DAY)
    vera.goto(chat.get_absolute_url())
    vera.get_by_label("Time 1: day").fill("2026-03-09")
    vera.locator("#id_time_1").fill("12:30")
    vera.get_by_label("Time 2: day").fill("2026-03-10")
    vera.locator("#id_time_2").fill("13:00")
    vera.get_by_role("button", name="Offer these times").click()
    expect(vera.get_by_text("Offered. Sam Student will choose one of your times.")).to_be_visible()
    expect(vera.locator(".badge.state-open")).to_have_text("Other times offered")

    # Sam hears, and chooses on his own clock.
    expect(notices(sam)).to_contain_text("Vera Núñez offered other times")
    sam.goto(chat.get_absolute_url())
    sam.get_by_role("button", name="Choose one of the times Vera Núñez offered").click()
    sam.get_by_label("Tue 10 Mar, 13:00 their time (17:00 yours)").check()
    sam.get_by_role("button", name="Choose this time").click()
    expect(sam.get_by_text("It's set. You both have the invite")).to_be_visible()
    expect(sam.get_by_text("Tue 10 Mar, 13:00 their time (17:00 yours)")).to_be_visible()
    expect(notices(vera)).to_contain_text("Your conversation with Sam Student")
    chat.refresh_from_db()
    assert chat.starts_at == dt.datetime(2026, 3, 10, 17, 0, tzinfo=dt.UTC)
    no_errors(sam, vera)


def test_ask_then_a_kind_decline(signed_in, people, clock):
    student, volunteer, profile = people
    sam = signed_in(student)
    vera = signed_in(volunteer)
    chat = ask(sam, profile)

    clock.move_to(MOMENT + 2 * DAY)
    vera.goto(chat.get_absolute_url())
    expect(vera.get_by_text("They asked you to suggest a time.")).to_be_visible()
    vera.get_by_label("Someone else could help you more with this").check()
    vera.get_by_label("A few words of your own (optional)").fill(
        "Nia Nurse did the same programme and loves talking about it."
    )
    vera.get_by_role("button", name="Decline kindly").click()
    expect(vera.get_by_text("Declined, kindly. Thank you for answering.")).to_be_visible()

    expect(notices(sam)).to_contain_text("Vera Núñez can't meet this time")
    sam.goto(chat.get_absolute_url())
    expect(sam.locator(".badge.state-declined")).to_have_text("Declined")
    expect(
        sam.get_by_text(
            "They think someone else in the network could help you more with this. "
            "Nia Nurse did the same programme and loves talking about it. It isn't about you."
        )
    ).to_be_visible()
    others = sam.get_by_role("region", name="Others who may fit")
    expect(others.get_by_role("link", name="Nia Nurse")).to_be_visible()
    no_errors(sam, vera)


def test_ask_then_expiry_tells_the_student_kindly_with_others_who_fit(signed_in, people, clock):
    student, volunteer, profile = people
    sam = signed_in(student)
    vera = signed_in(volunteer)
    chat = ask(
        sam,
        profile,
        times=[
            "Thu 5 Mar, 18:00 their time (23:00 yours)",
            "Tue 10 Mar, 19:00 their time (23:00 yours)",
        ],
    )

    run_clock_at(clock, MOMENT + 13 * DAY)
    chat.refresh_from_db()
    assert chat.state == "open"
    run_clock_at(clock, MOMENT + 14 * DAY + dt.timedelta(minutes=10))
    chat.refresh_from_db()
    assert chat.state == "expired"

    expect(notices(sam)).to_contain_text("Your request to Vera Núñez has closed")
    expect(notices(sam)).to_contain_text("says nothing about you")
    sam.goto(chat.get_absolute_url())
    expect(sam.locator(".badge.state-expired")).to_have_text("Expired")
    expect(sam.get_by_text("Two weeks went by without an answer")).to_be_visible()
    others = sam.get_by_role("region", name="Others who may fit")
    expect(others.get_by_role("link", name="Nia Nurse")).to_be_visible()
    # Vera's inbox has nothing left waiting, and the request can't be answered now.
    vera.goto("/network/requests/inbox/")
    expect(vera.get_by_text("Nothing waiting.")).to_be_visible()
    vera.goto(chat.get_absolute_url())
    expect(vera.get_by_role("button", name="Accept")).to_have_count(0)
    no_errors(sam, vera)
