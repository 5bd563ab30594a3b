"""After a conversation set through the network, in two real browsers: the volunteer says
it happened and suggests someone; the student sees the suggestion, answers too, drafts
the thank-you from their notes and sends it in the thread, where the volunteer reads it."""

import datetime as dt

import time_machine
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from coffeechat.chats.models import Report
from coffeechat.interviews.models import Interview
from tests.browser.test_accessibility import check
from tests.community.world import build_world, make_profile, open_request, person

MONDAY = dt.datetime(2026, 3, 2, 17, tzinfo=dt.UTC)
THURSDAY = dt.datetime(2026, 3, 5, 23, tzinfo=dt.UTC)
THANKS = (
    "Dear Vera, thank you for talking with me on Thursday. What you said about night "
    "shifts gave me a clear next step: I will ask the clinic about shadowing a nurse "
    "practitioner this spring. With thanks, Sam"
)


def browser_of(browser, live_server, user, width):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context.new_page()


def test_meet_then_feedback_then_thank_you(browser, live_server, settings, db):
    settings.NETWORK = True
    with time_machine.travel(MONDAY, tick=False) as clock:
        world = build_world()
        world.chat.delete()
        nia = make_profile(person("nia", "volunteer", name="Nia Nurse"))
        chat = open_request(world.student, world.profile)
        chat.accept(THURSDAY)
        clock.move_to(THURSDAY + dt.timedelta(hours=1))
        url = f"/network/requests/{chat.pk}/"

        volunteer = browser_of(browser, live_server, world.volunteer, 1280)
        volunteer.goto(url)
        volunteer.get_by_label("Yes, we talked").check()
        volunteer.get_by_label("How did it go? (optional, only you see it)").fill("Good questions")
        volunteer.get_by_label("I'm happy to talk with them again").check()
        volunteer.get_by_label("Someone else they could ask (optional)").fill("Nia Nurse")
        volunteer.get_by_role("button", name="Save").click()
        expect(volunteer.get_by_text("Only you see what you wrote")).to_be_visible()

        student = browser_of(browser, live_server, world.student, 390)
        student.goto(url)
        expect(student.get_by_text("Vera Núñez is happy to talk with you again.")).to_be_visible()
        expect(student.get_by_text("Good questions")).to_have_count(0)
        ask = student.get_by_role("button", name="Ask Nia Nurse for a conversation")
        expect(ask).to_have_attribute("href", f"/network/requests/ask/{nia.pk}/")
        student.get_by_label("Yes, we talked").check()
        student.get_by_role("button", name="Save").click()
        student.get_by_role("button", name="Draft it from my notes").click()
        student.get_by_role("textbox", name="Your thank-you", exact=True).fill(THANKS)
        student.get_by_role("button", name="Send it in our thread").click()
        expect(student.get_by_text("marked thanked").first).to_be_visible()

        volunteer.goto(url)
        expect(volunteer.locator("#thread")).to_contain_text("shadowing a nurse practitioner")
        assert Interview.objects.get(owner=world.student).stage == Interview.Stage.THANKED

        # The pages of the time after, through axe-core: both sides, and the report page.
        check(volunteer, "network_after_volunteer")
        student.goto(url)
        check(student, "network_after_student")
        report = Report.file(chat, world.student, "unkind", "Short with me")
        adviser = browser_of(browser, live_server, world.adviser, 1280)
        adviser.goto(report.get_absolute_url())
        expect(adviser.locator("main")).to_contain_text("shadowing a nurse practitioner")
        check(adviser, "network_report")
