"""The whole journey of the guide, as one new student walks it, on a desktop and on a phone.

A new account → import → find someone → write → send → an answer → schedule → prepare →
meet (notes) → they suggest someone → reflect → thank → keep in touch, with the clock
moved on between the steps. The path test (test_interview_path.py) checks the agenda and
the feed at every stop; this one checks that each step can be done at both widths, from
what the pages offer, and that nothing typed is lost or made twice on the way.
"""

import datetime
import zoneinfo
from pathlib import Path

import pytest
import time_machine
from playwright.sync_api import expect

from coffeechat.accounts.models import make_setup_token
from coffeechat.contacts.models import Contact
from coffeechat.interviews.models import Interview
from coffeechat.outreach.models import Message

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
IMPORTS = Path(__file__).parent.parent / "contacts" / "fixtures" / "import"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def at(month, day, hour=9, minute=0):
    """A moment on the student's clock (New York), in 2026."""
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=NEW_YORK)


def go(page, name):
    """Follow a link of the main menu (on a phone it scrolls sideways to reach it)."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True).click()


def tab(page, name):
    """Follow a tab of the interview's own menu."""
    page.get_by_role("navigation", name="This interview").get_by_role("link", name=name).click()


def fits_the_screen(page):
    """Nothing on the page is wider than the window: no sideways scrolling of the page."""
    page.wait_for_load_state("load")  # measured with the style sheet applied
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{page.url} is {overflow}px wider than the screen"


@pytest.mark.parametrize("size", WIDTHS.values(), ids=WIDTHS.keys())
def test_a_new_student_walks_the_whole_journey(page, db, size):
    page.set_viewport_size(size)
    with time_machine.travel(at(3, 2, 9), tick=True) as clock:  # Monday 2 March 2026
        # A new account, from the link `coffeechat serve` prints, then the profile.
        page.goto(f"/accounts/setup/{make_setup_token()}/")
        page.get_by_label("Username").fill("maya")
        page.locator("#id_password1").fill("plum-orchard-77")
        page.locator("#id_password2").fill("plum-orchard-77")
        page.get_by_role("button", name="Create my account").click()
        expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
        page.get_by_label("Your name").fill("Maya Lee")
        page.get_by_label("School").fill("Wellesley")
        page.get_by_label("Class year").fill("2027")
        page.get_by_label("Major").fill("Economics")
        page.get_by_label("Availability").fill("most weekday afternoons")
        page.get_by_label("Time zone").select_option("America/New_York")
        page.get_by_role("button", name="Save profile").click()
        expect(page.get_by_text("Profile saved.")).to_be_visible()
        fits_the_screen(page)

        # Identify: import the LinkedIn connections, then find someone without their accents.
        go(page, "Import")
        page.get_by_label("Export file").set_input_files(IMPORTS / "linkedin_connections.csv")
        page.get_by_role("button", name="Preview the import").click()
        expect(page.locator(".import-summary")).to_contain_text("6 to create")
        page.get_by_role("button", name="Confirm the import").click()
        expect(page.get_by_text("Created 6, merged 0, skipped 1.")).to_be_visible()
        go(page, "Contacts")
        page.get_by_label("Search").press_sequentially("jose nunez", delay=20)
        results = page.locator("#results")
        expect(results).not_to_contain_text("Zoë Martin")
        results.get_by_role("link", name="José Núñez").click()
        expect(page.get_by_role("heading", name="José Núñez", exact=True)).to_be_visible()
        fits_the_screen(page)

        # Reach out: plan, write with one detail of their work, check, send.
        page.get_by_role("button", name="Plan a conversation").first.click()
        page.get_by_role("button", name="Plan it").click()
        expect(page.locator("#stage")).to_have_text("Stage: Planned")
        page.get_by_role("button", name="Write the request").click()
        expect(page.get_by_role("heading", name="Write to José Núñez")).to_be_visible()
        page.get_by_label("A detail about their work").fill("your work on risk models")
        page.get_by_label("Their field").fill("risk management")
        page.get_by_label("What you hope to learn from them").fill(
            "how risk work differs between banks"
        )
        page.get_by_role("button", name="Fill in the draft again").click()
        body = page.get_by_label("Body")
        expect(body).to_contain_text("your work on risk models")
        expect(body).to_contain_text("an economics student")
        expect(page.locator("#check-results")).to_be_visible()
        expect(page.locator("#check-results")).not_to_contain_text("Fix")
        fits_the_screen(page)
        page.get_by_role("button", name="Save draft").dblclick()  # an eager double click
        expect(page.get_by_text("Draft saved.")).to_be_visible()
        page.locator("#mark-sent-mailto").click()
        expect(page.get_by_text("Marked as sent.")).to_be_visible()
        assert Message.objects.filter(kind="request").count() == 1

        # Three days on, José answers; the student records it and schedules a call.
        clock.move_to(at(3, 5, 10))
        page.reload()
        page.get_by_role("button", name="Mark replied").click()
        expect(page.get_by_text("Marked as answered.")).to_be_visible()
        page.get_by_role("button", name="Go to the conversation").click()
        page.get_by_role("button", name="Schedule the conversation").click()
        page.get_by_label("Date").fill("2026-03-11")
        page.get_by_label("Start time").fill("15:00")
        page.get_by_label("Length in minutes").fill("20")
        page.get_by_label("Video call").check()
        page.get_by_role("button", name="Schedule it").click()
        expect(page.locator("#stage")).to_have_text("Stage: Scheduled")
        fits_the_screen(page)

        # Prepare: research about the person is their one research note.
        tab(page, "Prepare")
        expect(page.get_by_role("heading", name="Prepare for José Núñez")).to_be_visible()
        page.get_by_label("About the person").fill("Leads risk models for small banks.")
        page.get_by_label("What do I most hope to learn?").fill(
            "How risk work differs by bank size"
        )
        page.get_by_label("How did you first get into this kind of work?").check()
        page.get_by_label("Could you walk me through a usual week for you?").check()
        page.get_by_label("Is there anyone else you think I should talk to?").check()
        page.get_by_role("button", name="Add the ticked questions").click()
        expect(page.get_by_text("Added 3 questions.")).to_be_visible()
        # What was typed above the questions was kept while they were added.
        expect(page.get_by_label("About the person")).to_have_value(
            "Leads risk models for small banks."
        )
        expect(page.locator("#prep-status")).to_have_text("Prepared")
        fits_the_screen(page)

        # Meet: notes save as they are typed.
        clock.move_to(at(3, 11, 15, 5))
        go(page, "Interviews")
        page.get_by_role("table").get_by_role("link", name="José Núñez").click()
        page.get_by_role("button", name="Take notes").click()
        # Type once the page has loaded (its scripts, which save as one types, with it).
        page.wait_for_load_state("load")
        page.get_by_label("Other notes").press_sequentially("Suggested I talk to Priya")
        # Saved as typed: the status line says so (a busy machine may take a while).
        expect(page.locator("#notes-status")).to_contain_text("Saved at", timeout=30_000)
        assert Interview.objects.get(contact__first_name="José").free_notes == (
            "Suggested I talk to Priya"
        )
        fits_the_screen(page)

        # They suggested someone the student already has: offered, not made twice.
        clock.move_to(at(3, 11, 15, 30))
        tab(page, "Overview")
        page.get_by_role("button", name="We met").click()
        expect(page.locator("#stage")).to_have_text("Stage: Done")
        tab(page, "Meeting notes")
        referral = page.locator("#referral")
        referral.get_by_label("First name").fill("Priya")
        referral.get_by_label("Last name").fill("Raman")
        referral.get_by_label("What they said about them").fill("Knows the strategy side")
        referral.get_by_role("button", name="Add this person").click()
        expect(page.locator("#referral-match")).to_contain_text("already in your contacts")
        page.get_by_role("button", name="Use Priya Raman").click()
        assert Contact.objects.filter(first_name="Priya").count() == 1
        assert Interview.objects.filter(contact__first_name="Priya").count() == 1

        # Reflect, with a next step.
        go(page, "Interviews")
        page.get_by_role("table").get_by_role("link", name="José Núñez").click()
        tab(page, "Reflect")
        page.get_by_label("Which piece of advice was the most useful?").fill(
            "Learn SQL before the interviews."
        )
        page.get_by_role("group", name="Still interested?").get_by_label("4").check()
        page.get_by_role("button", name="Save reflection").click()
        expect(page.get_by_text("Reflection saved.")).to_be_visible()
        fits_the_screen(page)

        # Thank them the next morning, from the agenda.
        clock.move_to(at(3, 12, 9))
        go(page, "Home")
        page.locator('#due li.due-item[data-kind="thank-you"]').get_by_role("link").click()
        page.locator("#thank-you").get_by_role("button", name="Draft the thank-you").click()
        expect(page.get_by_text("Your thank-you is drafted.")).to_be_visible()
        expect(page.locator("#message-body")).to_contain_text("Learn SQL before the interviews")
        page.locator("#mark-sent-mailto").click()
        expect(page.get_by_text("Marked as sent.")).to_be_visible()
        page.get_by_role("button", name="Go to the conversation").click()
        expect(page.locator("#stage")).to_have_text("Stage: Thanked")
        page.get_by_role("button", name="Keep in touch").click()
        expect(page.locator("#stage")).to_have_text("Stage: Keeping in touch")

        # The research note is the contact's, on their page.
        go(page, "Contacts")
        page.get_by_role("link", name="José Núñez").click()
        expect(page.locator("#notes")).to_contain_text("Leads risk models for small banks.")
        expect(page.locator("#keep-in-touch")).to_contain_text("Next check-in")
        fits_the_screen(page)

        # At the end of the journey nothing is due today, and home says what comes next:
        # the conversation planned with Priya, and José's check-in, with its date.
        go(page, "Home")
        expect(page.locator("#nothing-today")).to_be_visible()
        coming = page.locator("#due")
        expect(coming.get_by_role("heading", name="Coming up")).to_be_visible()
        expect(coming).to_contain_text("Priya Raman")
        expect(coming.locator('li.due-item[data-kind="keep-in-touch"]')).to_contain_text(
            "José Núñez"
        )
        expect(page.locator("#nothing-due")).to_have_count(0)
        fits_the_screen(page)
        page.locator("#whole-agenda").get_by_role("link", name="Your whole agenda").click()
        expect(page.locator("#due-upcoming")).to_contain_text("Coming up (2)")
        fits_the_screen(page)
        page.get_by_role("link", name="Put this list in your calendar").click()
        expect(page.get_by_role("button", name="Copy address")).to_be_visible()
