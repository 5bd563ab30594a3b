"""The career-office network end to end, in real browsers: the office sets up, a volunteer
joins and fills a profile, a student joins by the school's domain and finds them."""

import datetime as dt
import re
from io import StringIO

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from coffeechat.community.models import VolunteerProfile
from coffeechat.community.roles import Role, grant
from coffeechat.contacts.models import Contact
from tests.conftest import make_user


@pytest.fixture
def network(settings):
    settings.NETWORK = True
    settings.EMAIL_HOST = ""  # no mail server: links come from the office


def signed_in(browser, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context.new_page()


def fresh(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 900})
    context.set_default_timeout(10_000)
    return context.new_page()


MOMENT = dt.datetime(2026, 3, 2, 14, 0, tzinfo=dt.UTC)


@time_machine.travel(MOMENT, tick=True)
def test_an_office_sets_up_and_a_student_finds_a_volunteer(browser, live_server, network, db):
    # The administrator: communities, an allowed domain, an invitation.
    admin = make_user("ada", name="Ada Admin")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    office = signed_in(browser, live_server, admin)
    for name in ("Health", "Arts and media"):
        office.goto("/network/communities/new/")
        office.get_by_label("Name").fill(name)
        office.get_by_role("button", name="Save").click()
        expect(office.get_by_role("heading", name=name)).to_be_visible()
    office.goto("/network/office/")
    office.get_by_role("textbox", name="Domain").fill("students.example.edu")
    office.get_by_role("button", name="Allow this domain").click()
    expect(office.get_by_text("verified @students.example.edu address may join")).to_be_visible()
    office.get_by_role("button", name="Invite someone").click()
    office.get_by_label("Volunteer").check()
    office.get_by_label("Health").check()
    office.get_by_role("button", name="Make the invitation").click()
    message = office.get_by_text("Send this link:").inner_text()
    invitation_link = re.search(r"https?://\S+", message).group(0)

    # The volunteer joins from the link and fills a profile, limiting their LinkedIn.
    vera = fresh(browser, live_server)
    vera.goto(invitation_link)
    vera.get_by_label("Your name").fill("Vera Núñez")
    vera.get_by_label("Email").fill("vera@alumni.example")
    vera.get_by_label("Username").fill("vera")
    vera.locator("#id_password1").fill("plum-orchard-77")
    vera.locator("#id_password2").fill("plum-orchard-77")
    vera.get_by_role("button", name="Join").click()
    expect(vera.get_by_role("heading", name="My volunteer profile")).to_be_visible()
    vera.get_by_label("Current title", exact=True).fill("Nurse practitioner")
    vera.get_by_label("Organization", exact=True).fill("Harbor Clinic")
    vera.get_by_label("Industries", exact=True).fill("Health care")
    vera.get_by_label("Location", exact=True).fill("Boston")
    vera.get_by_label("Ask me about", exact=True).fill("night shifts, graduate school")
    vera.get_by_label("Languages", exact=True).fill("English, Español")
    vera.get_by_label("Video call", exact=True).check()
    vera.get_by_label("Weekly availability, in your time zone", exact=True).fill("Tue 18:00-20:00")
    vera.get_by_label("LinkedIn URL", exact=True).fill("linkedin.com/in/vera-nunez")
    vera.get_by_label("Who sees this: linkedin url").select_option("accepted")
    vera.get_by_role("button", name="Save my profile").click()
    expect(vera.get_by_text("Your profile is saved.")).to_be_visible()
    until = timezone.localdate() + dt.timedelta(days=30)
    vera.get_by_label("Not taking requests until").fill(until.isoformat())
    vera.get_by_role("button", name="Pause").click()
    expect(vera.get_by_text("Paused: you won't get requests until then.")).to_be_visible()
    expect(vera.get_by_text(f"Paused until {until.day} {until:%B %Y}.")).to_be_visible()
    profile = VolunteerProfile.objects.get(owner__username="vera")
    assert profile.paused_until == until

    # A student joins with the school's address; the office prints the link.
    sam = fresh(browser, live_server)
    sam.goto("/network/signup/")
    sam.get_by_label("Your name").fill("Sam Student")
    sam.get_by_label("Email").fill("sam@students.example.edu")
    sam.get_by_label("Username").fill("sam")
    sam.locator("#id_password1").fill("plum-orchard-77")
    sam.locator("#id_password2").fill("plum-orchard-77")
    sam.get_by_role("button", name="Send me the link").click()
    expect(sam.get_by_text("the career office will send you the link")).to_be_visible()
    out = StringIO()
    call_command("network", "links", "--base-url", live_server.url, stdout=out)
    verify = re.search(r"confirm address of sam@\S+: (\S+)", out.getvalue()).group(1)
    sam.goto(verify)
    expect(sam.get_by_role("heading", name="Find someone to talk to")).to_be_visible()

    # Search without accents, filter, find Vera; she is paused.
    sam.get_by_label("Search").fill("nunez")
    expect(sam.locator("#results").get_by_role("link", name="Vera Núñez")).to_be_visible()
    expect(sam.locator("#results")).to_contain_text("Matched: “nunez” in name")
    sam.get_by_label("Community").select_option(label="Health")
    sam.get_by_label("Industry").fill("HEALTH CARE")
    expect(sam.locator("#results")).to_contain_text("industry: Health care")
    expect(sam.locator("#results")).to_contain_text("Not taking requests now")
    sam.get_by_label("Taking requests now").check()
    expect(sam.locator("#results")).to_contain_text("Nobody matches")
    sam.get_by_label("Taking requests now").uncheck()
    sam.locator("#results").get_by_role("link", name="Vera Núñez").click()
    expect(sam.get_by_role("heading", name="Vera Núñez")).to_be_visible()
    expect(sam.get_by_text("Nurse practitioner at Harbor Clinic")).to_be_visible()
    expect(sam.get_by_text("linkedin.com/in/vera-nunez")).to_have_count(0)
    sam.get_by_role("button", name="Save to my contacts").click()
    expect(sam.get_by_text("Vera Núñez is in your contacts now.")).to_be_visible()
    contact = Contact.objects.get(owner__username="sam")
    assert contact.source == "school-network"
    assert sam.url.endswith(f"/contacts/{contact.pk}/")

    # Vera limited her LinkedIn to accepted requests: another student can't see it either,
    # though Vera herself does.
    other = make_user("tess", name="Tess Other")
    grant(other, Role.STUDENT)
    tess = signed_in(browser, live_server, other)
    tess.goto(f"/network/people/{profile.pk}/")
    expect(tess.get_by_role("heading", name="Vera Núñez")).to_be_visible()
    expect(tess.get_by_text("linkedin.com/in/vera-nunez")).to_have_count(0)
    vera.goto(f"/network/people/{profile.pk}/")
    expect(vera.get_by_text("https://linkedin.com/in/vera-nunez")).to_be_visible()
