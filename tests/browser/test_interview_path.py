"""The whole interview path in a real browser, as a new user walks it, with the clock moved on.

contact → request sent → follow-up due after 7 days → reply → scheduled → prep sheet →
notes → reflection → thank-you due → thanked → keep-in-touch due when the cadence runs out.

time-machine moves the clock of this process, and the live server runs in a thread of it,
so the server sees the travelled time too. At each stop the home page's agenda, the
calendar feed and `coffeechat due --json --today` are compared with what should be due.
"""

import datetime
import json
import zoneinfo
from io import StringIO

import icalendar
import time_machine
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from coffeechat.contacts.models import Contact
from coffeechat.conversations import moves
from coffeechat.interviews.models import Interview
from coffeechat.outreach.models import Message
from tests.conftest import PASSWORD

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
UTC = datetime.UTC
S = Interview.Stage

DUE_NOW = "#due li.due-item"
# The list also looks further ahead than a week (follow-ups if no answer comes, check-ins
# months away, conversations planned): these checks read the coming week, as `due` does.
WEEK = datetime.timedelta(days=6)
# Kinds listed ahead of their day only under "Coming up" (if no answer comes; a check-in).
AHEAD_ONLY = {"follow-up", "second-contact", "try-someone-else", "keep-in-touch"}


def this_week(kind: str, due: datetime.date, day: datetime.date) -> bool:
    if kind == "planned" or due > day + WEEK:
        return False
    return not (kind in AHEAD_ONLY and due > day)


def at(month, day, hour=9, minute=0, year=2026):
    """A moment on the student's clock (New York)."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=NEW_YORK)


def utc(month, day, hour, minute=0):
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=UTC)


def today():
    return timezone.now().astimezone(NEW_YORK).date()


def feed_events(page, feed_url):
    """(all-day events as (kind, day, summary), timed events as (start, end) in UTC)."""
    response = page.request.get(feed_url)
    assert response.ok, response.status
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.body())
    all_day, timed = [], []
    for event in calendar.walk("VEVENT"):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        if isinstance(start, datetime.datetime):
            assert start.tzinfo is not None, "a meeting's time must say which zone it is in"
            timed.append((start.astimezone(UTC), end.astimezone(UTC)))
        else:
            assert end == start + datetime.timedelta(days=1)
            kind = event["categories"].cats[0]
            all_day.append((kind, start, str(event["summary"])))
    return sorted(all_day), sorted(timed)


def due_command(day):
    out = StringIO()
    call_command("due", "--json", "--today", day.isoformat(), "--user", "olivia", stdout=out)
    return [(item["kind"], item["due"]) for item in json.loads(out.getvalue())]


def due_command_for_today():
    """`coffeechat due --json` with no date: today on the student's own clock."""
    out = StringIO()
    call_command("due", "--json", "--user", "olivia", stdout=out)
    return [(item["kind"], item["due"]) for item in json.loads(out.getvalue())]


def check_agenda(page, feed_url, expected, meetings=()):
    """The home page, `coffeechat due` and the feed all show ``expected`` today.

    ``expected`` lists (kind, due date) in the home page's order (most urgent first);
    ``meetings`` the (start, end) in UTC of the meetings the feed should hold.
    """
    day = today()
    page.goto("/")
    expect(page.get_by_role("heading", name="What's due")).to_be_visible()
    items = page.locator(DUE_NOW)
    if expected:
        expect(items.first).to_be_visible()
    shown = [(li.get_attribute("data-kind"), li.get_attribute("data-due")) for li in items.all()]
    shown = [
        (kind, due) for kind, due in shown if this_week(kind, datetime.date.fromisoformat(due), day)
    ]
    assert shown == expected, f"home page on {day}"
    if not expected:
        expect(page.locator("#due")).to_contain_text("Nothing is due")
    assert due_command(day) == expected, f"coffeechat due on {day}"

    all_day, timed = feed_events(page, feed_url)
    # Everything due shows as an all-day event, on its day or (once overdue) today.
    wanted = sorted(
        (kind, max(datetime.date.fromisoformat(due), day))
        for kind, due in expected
        if kind != "meeting"
    )
    # The feed also carries what is coming up after the week.
    all_day = [event for event in all_day if this_week(str(event[0]), event[1], day)]
    due_by_today = [(kind, start) for kind, start, _summary in all_day]
    assert due_by_today == wanted, f"feed on {day}"
    assert timed == sorted(meetings), f"feed's meetings on {day}"
    return all_day


def log_in_again(page):
    """Months on, the two-week session has run out: coffeechat asks to log in again."""
    page.goto("/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.get_by_label("Username").fill("olivia")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Hello, Olivia Owner")).to_be_visible()


def open_interview(page, name="Ada Okafor"):
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Interviews").click()
    page.get_by_role("table").get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name=f"Conversation with {name}")).to_be_visible()


def due_item(page, kind):
    return page.locator(f'{DUE_NOW}[data-kind="{kind}"]')


def test_the_whole_path_from_a_new_contact_to_keeping_in_touch(logged_in_page, owner):
    page = logged_in_page
    with time_machine.travel(at(3, 2, 9), tick=True) as clock:  # Monday 2 March 2026
        # A new user: their profile first, with the time zone they live in.
        page.get_by_role("link", name="Profile", exact=True).click()
        page.get_by_label("Your name").fill("Olivia Owner")
        page.get_by_label("School").fill("Wellesley")
        page.get_by_label("Class year").fill("2027")
        page.get_by_label("Major").fill("Chemistry")
        page.get_by_label("Availability").fill("most weekday afternoons")
        page.get_by_label("Time zone").select_option("America/New_York")
        page.get_by_role("button", name="Save profile").click()
        expect(page.get_by_text("Profile saved.")).to_be_visible()

        # A contact.
        page.get_by_role("link", name="Home", exact=True).click()
        page.get_by_role("button", name="Add a contact").click()
        page.get_by_label("First name").fill("Ada")
        page.get_by_label("Last name").fill("Okafor")
        page.get_by_label("Title").fill("Battery chemist")
        page.get_by_label("Organization").fill("Volta Labs")
        page.get_by_label("Field").fill("battery research")
        page.get_by_label("Email addresses").fill("ada@volta.example")
        page.get_by_role("button", name="Add contact").click()
        expect(page.get_by_role("heading", name="Ada Okafor", exact=True)).to_be_visible()

        # Plan the conversation, then write and send the request.
        page.get_by_role("button", name="Plan a conversation").first.click()
        page.get_by_role("button", name="Plan it").click()
        expect(page.get_by_role("heading", name="Conversation with Ada Okafor")).to_be_visible()
        expect(page.locator("#stage")).to_have_text("Stage: Planned")
        page.get_by_role("button", name="Write the request").click()
        expect(page.get_by_role("heading", name="Write to Ada Okafor")).to_be_visible()
        # The template asks for one detail about their work, in the student's words.
        page.get_by_label("A detail about their work").fill("your talk on sodium batteries")
        page.get_by_role("button", name="Fill in the draft again").click()
        expect(page.get_by_label("Body")).to_contain_text("your talk on sodium batteries")
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_text("Draft saved.")).to_be_visible()
        page.locator("#mark-sent-mailto").click()
        expect(page.get_by_text("Marked as sent.")).to_be_visible()
        expect(page.locator(".page-head")).to_contain_text("sent 2 Mar 2026")
        request = Message.objects.get(owner=owner, kind="request")
        assert request.sent_at.astimezone(NEW_YORK).date() == datetime.date(2026, 3, 2)
        page.get_by_role("button", name="Go to the conversation").click()
        expect(page.locator("#stage")).to_have_text("Stage: Requested")

        # The private calendar address, from the interviews page.
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Interviews").click()
        page.get_by_role("button", name="Calendar feed").click()
        feed_url = page.get_by_label("Your calendar address").input_value()

        check_agenda(page, feed_url, [])

        # Day 6: still nothing. Day 7: the follow-up is due, on the page and in the feed.
        clock.move_to(at(3, 8, 9))
        check_agenda(page, feed_url, [])
        clock.move_to(at(3, 9, 9))
        # (The live server's clock moved with ours: what is due changed with the day.)
        all_day = check_agenda(page, feed_url, [("follow-up", "2026-03-09")])
        follow_up = due_item(page, "follow-up")
        expect(follow_up).to_contain_text("Today")
        expect(follow_up).to_contain_text("Follow up with Ada Okafor (no reply since 2 Mar)")
        assert all_day[0][2] == "Follow up with Ada Okafor (no reply since 2 Mar)"

        # About to follow up, the student sees they did get an answer: no more follow-up.
        follow_up.get_by_role("link").click()
        expect(page.get_by_role("heading", name="Follow up with Ada Okafor")).to_be_visible()
        page.get_by_role("link", name=request.subject).click()
        page.get_by_role("button", name="Mark replied").click()
        expect(page.get_by_text("Marked as answered.")).to_be_visible()
        expect(page.locator(".page-head")).to_contain_text("answered 9 Mar 2026")
        page.get_by_role("button", name="Go to the conversation").click()
        expect(page.locator(".next-step")).to_contain_text("Ada Okafor answered")
        check_agenda(page, feed_url, [])

        # Schedule it: Wednesday 11 March, 15:00 New York time (after the clocks went
        # forward on the 8th, so 19:00 UTC), 20 minutes, by video.
        open_interview(page)
        page.get_by_role("button", name="Schedule the conversation").click()
        page.get_by_label("Date").fill("2026-03-11")
        page.get_by_label("Start time").fill("15:00")
        expect(page.get_by_label("Time zone")).to_have_value("America/New_York")
        page.get_by_label("Length in minutes").fill("20")
        page.get_by_label("Video call").check()
        page.get_by_label("Place or link").fill("https://meet.example/ada-okafor")
        page.get_by_role("button", name="Schedule it").click()
        expect(page.get_by_text("Scheduled.", exact=True)).to_be_visible()
        expect(page.locator("#stage")).to_have_text("Stage: Scheduled")
        expect(page.locator("#meeting-when")).to_have_text("Wed 11 Mar 2026, 15:00–15:20")
        meeting = [(utc(3, 11, 19), utc(3, 11, 19, 20))]

        # Two days ahead, the meeting is on the agenda, and so is getting ready for it.
        check_agenda(
            page, feed_url, [("prepare", "2026-03-09"), ("meeting", "2026-03-11")], meeting
        )
        expect(due_item(page, "meeting")).to_contain_text("Wed 11 Mar")
        expect(due_item(page, "meeting")).to_contain_text("Meet Ada Okafor at 15:00 (video call)")

        # Prepare: from the agenda, goals and three questions.
        due_item(page, "prepare").get_by_role("link").click()
        expect(page.get_by_role("heading", name="Prepare for Ada Okafor")).to_be_visible()
        expect(page.locator("#prep-status")).to_have_text("Not prepared yet")
        page.get_by_label("What do I most hope to learn?").fill(
            "What a week in a battery lab is like"
        )
        page.get_by_label("What decision should this conversation help me make?").fill(
            "A research summer or an industry internship"
        )
        page.get_by_role("button", name="Save research, goals and checklist").click()
        expect(page.get_by_text("Preparation saved.")).to_be_visible()
        for question in (
            "How did you first get into this kind of work?",
            "Could you walk me through a usual week for you?",
            "Is there anyone else you think I should talk to?",
        ):
            page.get_by_label(question).check()
        page.get_by_role("button", name="Add the ticked questions").click()
        expect(page.get_by_text("Added 3 questions.")).to_be_visible()
        expect(page.locator("#prep-status")).to_have_text("Prepared")
        check_agenda(page, feed_url, [("meeting", "2026-03-11")], meeting)

        # The prep sheet: the person, the goals, the questions; printed without the menus.
        open_interview(page)
        page.get_by_role("link", name="Prep sheet").click()
        sheet = page.locator(".prep-sheet")
        expect(sheet.get_by_role("heading", name="Ada Okafor")).to_be_visible()
        expect(sheet).to_contain_text("Battery chemist · Volta Labs")
        expect(sheet).to_contain_text("Wed 11 Mar 2026, 15:00–15:20 · Video call, 20 min")
        expect(sheet).to_contain_text("To learn: What a week in a battery lab is like")
        expect(sheet).to_contain_text("To decide: A research summer or an industry internship")
        expect(sheet.locator(".sheet-questions > li")).to_have_text(
            [
                "How did you first get into this kind of work?",
                "Could you walk me through a usual week for you?",
                "Is there anyone else you think I should talk to?",
            ]
        )
        main_nav = page.get_by_role("navigation", name="Main")
        expect(main_nav).to_be_visible()
        page.emulate_media(media="print")
        expect(main_nav).to_be_hidden()
        expect(page.get_by_role("navigation", name="This interview")).to_be_hidden()
        expect(page.get_by_text("Print this page")).to_be_hidden()
        expect(sheet.get_by_role("heading", name="Ada Okafor")).to_be_visible()
        page.emulate_media(media="screen")
        expect(main_nav).to_be_visible()

        # The morning of the meeting.
        clock.move_to(at(3, 11, 9))
        check_agenda(page, feed_url, [("meeting", "2026-03-11")], meeting)
        expect(due_item(page, "meeting")).to_contain_text("Today")

        # During it: notes save themselves as they are typed.
        clock.move_to(at(3, 11, 15, 5))
        open_interview(page)
        expect(page.locator(".next-step")).to_contain_text("It's happening now")
        page.get_by_role("button", name="Take notes").click()
        expect(page.get_by_role("heading", name="Notes from Ada Okafor")).to_be_visible()
        status = page.locator("#notes-status")
        with page.expect_response(lambda r: r.request.method == "POST" and "/notes/" in r.url):
            page.get_by_label(
                "1. How did you first get into this kind of work?"
            ).press_sequentially("A summer lab job that turned into a PhD")
        expect(status).to_contain_text("Saved at 15:")
        with page.expect_response(lambda r: r.request.method == "POST" and "/notes/" in r.url):
            page.get_by_label("Other notes").press_sequentially("Warm and direct; busy in spring")
        page.reload()
        expect(page.get_by_label("1. How did you first get into this kind of work?")).to_have_value(
            "A summer lab job that turned into a PhD"
        )
        expect(page.get_by_label("Other notes")).to_have_value("Warm and direct; busy in spring")

        # Just after it ends: reflect, and thank them within 24 hours.
        clock.move_to(at(3, 11, 15, 30))
        check_agenda(
            page,
            feed_url,
            [("meeting", "2026-03-11"), ("reflect", "2026-03-11"), ("thank-you", "2026-03-12")],
            meeting,
        )
        expect(due_item(page, "thank-you")).to_contain_text("Thank Ada Okafor by Thu 12 Mar, 15:20")
        open_interview(page)
        expect(page.locator(".next-step")).to_contain_text("Did you meet Ada Okafor?")
        page.get_by_role("button", name="We met").click()
        expect(page.locator("#stage")).to_have_text("Stage: Done")
        check_agenda(
            page, feed_url, [("reflect", "2026-03-11"), ("thank-you", "2026-03-12")], meeting
        )
        due_item(page, "reflect").get_by_role("link").click()
        expect(
            page.get_by_role("heading", name="What did you take from talking with Ada Okafor?")
        ).to_be_visible()
        page.get_by_label("Which piece of advice was the most useful?").fill(
            "Spend a summer in a lab before deciding. Then talk to people in industry."
        )
        page.get_by_role("group", name="Still interested?").get_by_label("5").check()
        page.get_by_role("button", name="Save reflection").click()
        expect(page.get_by_text("Reflection saved.")).to_be_visible()
        next_steps = page.locator("#next-steps")
        next_steps.get_by_label("Next step", exact=True).select_option(label="An application")
        next_steps.get_by_label("What exactly?").fill("apply to the summer lab program")
        next_steps.get_by_label("By when (optional)").fill("2026-03-20")
        next_steps.get_by_role("button", name="Add next step").click()
        expect(page.get_by_text("Next step added.")).to_be_visible()
        expect(page.locator("#next-steps")).to_contain_text(
            "An application: apply to the summer lab program · by Fri 20 Mar"
        )
        check_agenda(page, feed_url, [("thank-you", "2026-03-12")], meeting)

        # 24 hours after the end, and the morning after: the thank-you is overdue.
        clock.move_to(at(3, 12, 15, 25))
        check_agenda(page, feed_url, [("thank-you", "2026-03-12")], meeting)
        expect(due_item(page, "thank-you")).to_contain_text(
            "Thank-you to Ada Okafor is overdue (it was due by Thu 12 Mar, 15:20)"
        )
        clock.move_to(at(3, 13, 9))
        all_day = check_agenda(page, feed_url, [("thank-you", "2026-03-12")], meeting)
        expect(due_item(page, "thank-you")).to_contain_text("12 Mar · overdue")
        assert "overdue" in all_day[0][2]

        # Draft it from the agenda, send it: the interview is thanked.
        due_item(page, "thank-you").get_by_role("link").click()
        thank_you = page.locator("#thank-you")
        expect(thank_you).to_contain_text("Overdue")
        thank_you.get_by_role("button", name="Draft the thank-you").click()
        expect(page.get_by_text("Your thank-you is drafted.")).to_be_visible()
        body = page.locator("#message-body")
        expect(body).to_contain_text("your advice: “Spend a summer in a lab before deciding”")
        expect(body).to_contain_text("I plan to apply to the summer lab program.")
        page.locator("#mark-sent-mailto").click()
        expect(page.get_by_text("Marked as sent.")).to_be_visible()
        page.get_by_role("button", name="Go to the conversation").click()
        expect(page.locator("#stage")).to_have_text("Stage: Thanked")
        expect(page.locator("#thank-you")).to_contain_text("Thanked on Fri 13 Mar 2026.")
        page.get_by_role("button", name="Keep in touch").click()
        expect(page.locator("#stage")).to_have_text("Stage: Keeping in touch")
        check_agenda(page, feed_url, [], meeting)
        assert Interview.objects.get().stage == S.KEEPING_IN_TOUCH

        # The next step comes due on its day, and is ticked off from the interview.
        clock.move_to(at(3, 20, 9))
        check_agenda(page, feed_url, [("todo", "2026-03-20")], meeting)
        expect(due_item(page, "todo")).to_contain_text(
            "An application: apply to the summer lab program"
        )
        due_item(page, "todo").get_by_role("link").click()
        page.locator(".todos li").get_by_role("button", name="Done").click()
        expect(page.get_by_text("Done. Nice work.")).to_be_visible()
        check_agenda(page, feed_url, [], meeting)

        # Keep in touch: 90 days after the thank-you (13 March) is 11 June.
        clock.move_to(at(6, 10, 9))
        log_in_again(page)
        check_agenda(page, feed_url, [])
        clock.move_to(at(6, 11, 9))
        check_agenda(page, feed_url, [("keep-in-touch", "2026-06-11")])
        expect(due_item(page, "keep-in-touch")).to_contain_text(
            "Check in with Ada Okafor: last in touch 13 Mar 2026"
        )
        due_item(page, "keep-in-touch").get_by_role("link").click()
        panel = page.locator("#keep-in-touch")
        expect(panel).to_contain_text("Time to check in (due 11 Jun 2026)")
        panel.get_by_text("Log an interaction").click()
        panel.get_by_label("What happened").select_option(label="Update on my progress")
        expect(panel.get_by_label("When")).to_have_value("2026-06-11")
        panel.get_by_label("Note (optional)").fill("Got a place in the summer lab program")
        panel.get_by_role("button", name="Log it").click()
        expect(page.get_by_text("Logged. The keep-in-touch clock starts again")).to_be_visible()
        expect(page.locator("#keep-in-touch")).to_contain_text("Next check-in: 9 Sep 2026")
        check_agenda(page, feed_url, [])

        # The clock restarted from the update.
        clock.move_to(at(9, 8, 9))
        log_in_again(page)
        check_agenda(page, feed_url, [])
        clock.move_to(at(9, 9, 9))
        check_agenda(page, feed_url, [("keep-in-touch", "2026-09-09")])

        # This time an update by email: a message sent to them restarts the clock too.
        due_item(page, "keep-in-touch").get_by_role("link").click()
        page.get_by_role("button", name="Write to them").click()
        page.get_by_label("Template").select_option(label="Keep-in-touch update")
        page.get_by_role("button", name="Fill in the draft again").click()
        expect(page.get_by_label("Subject")).to_have_value("An update since we spoke")
        page.get_by_label("Body").fill(
            "Hi Ada,\n\nI spent the summer in the lab program you pointed me to, and I am "
            "now applying to battery research internships.\n\nThank you again,\nOlivia"
        )
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_text("Draft saved.")).to_be_visible()
        page.locator("#mark-sent-mailto").click()
        expect(page.get_by_text("Marked as sent.")).to_be_visible()
        check_agenda(page, feed_url, [])
        page.get_by_role("link", name="Contacts", exact=True).click()
        page.get_by_role("link", name="Ada Okafor").click()
        expect(page.locator("#keep-in-touch")).to_contain_text("Next check-in: 8 Dec 2026")


def test_a_follow_up_comes_due_at_midnight_on_the_students_clock(owner, logged_in_page):
    """Late on day 6 in New York it is already day 7 in UTC: nothing is due yet."""
    profile = owner.profile
    profile.time_zone = "America/New_York"
    profile.save()
    page = logged_in_page
    with time_machine.travel(at(3, 2, 9), tick=True) as clock:
        page.get_by_role("link", name="Profile", exact=True).click()
        expect(page.get_by_label("Time zone")).to_have_value("America/New_York")
        # Saving it is what makes this browser session use the zone.
        page.get_by_role("button", name="Save profile").click()
        expect(page.get_by_text("Profile saved.")).to_be_visible()
        contact = Contact.objects.create(
            owner=owner, first_name="Ada", last_name="Okafor", emails=["ada@volta.example"]
        )
        moves.sent(Message.objects.create(owner=owner, contact=contact, subject="Hi", body="Hi"))
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Interviews").click()
        page.get_by_role("button", name="Calendar feed").click()
        feed_url = page.get_by_label("Your calendar address").input_value()

        clock.move_to(at(3, 8, 23, 30))  # Sunday 23:30 in New York, Monday 03:30 in UTC
        check_agenda(page, feed_url, [])
        assert due_command_for_today() == []
        clock.move_to(at(3, 9, 0, 5))
        check_agenda(page, feed_url, [("follow-up", "2026-03-09")])
        assert due_command_for_today() == [("follow-up", "2026-03-09")]
        expect(due_item(page, "follow-up")).to_contain_text("Today")
