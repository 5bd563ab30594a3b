"""Site-wide behaviour in real Chromium: the time-zone picker, Back after an action that
changed things, and the error and password pages (styled, accessible)."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Contact
from coffeechat.outreach.models import Message
from tests.browser.test_accessibility import check

IMPORTS = Path(__file__).parent.parent / "contacts" / "fixtures" / "import"


@pytest.fixture
def signed_in(browser, live_server, owner):
    """A signed-in page on a device set to Oslo time. Console errors are not failures
    here: a 404 page load is reported as one, and these tests visit 404 pages on purpose."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, timezone_id="Europe/Oslo"
    )
    context.set_default_timeout(10_000)
    client = Client()
    client.force_login(owner)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    yield page
    context.close()
    assert not script_errors


def test_the_time_zone_picker_offers_this_devices_zone_first(signed_in, owner):
    page = signed_in
    page.goto("/accounts/profile/")
    select = page.get_by_label("Time zone", exact=True)
    expect(select.locator("option").first).to_have_text("Europe/Oslo (this device)")
    expect(select).to_have_value("UTC")  # nothing changes until asked
    page.get_by_role("button", name="Use this device's time zone: Europe/Oslo").click()
    expect(select).to_have_value("Europe/Oslo")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible()
    assert Profile.objects.get(owner=owner).time_zone == "Europe/Oslo"
    # Already this device's zone: no button to offer it again.
    expect(page.get_by_role("button", name="Use this device's time zone")).to_have_count(0)


def test_searching_the_time_zones_narrows_the_list(signed_in):
    page = signed_in
    page.goto("/accounts/profile/")
    search = page.get_by_role("searchbox", name="Find a zone by city or country")
    search.fill("chicago")
    select = page.get_by_label("Time zone", exact=True)
    expect(select).to_have_value("America/Chicago")
    visible = select.locator("option:not([hidden])")
    expect(visible).to_have_count(2)  # under Common, and under Americas
    search.fill("norway")
    expect(select).to_have_value("Europe/Oslo")
    search.press("Enter")  # stays on the page: Enter in the search box doesn't submit
    expect(page.get_by_text("Profile saved.")).to_have_count(0)


def test_back_after_confirming_an_import_shows_no_live_confirm_button(signed_in, owner):
    page = signed_in
    page.goto("/contacts/import/")
    page.get_by_label("Export file").set_input_files(IMPORTS / "linkedin_connections.csv")
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("button", name="Confirm the import")).to_be_visible()
    page.get_by_role("button", name="Confirm the import").click()
    expect(page.get_by_text("Created 6, merged 0, skipped 1.")).to_be_visible()
    page.go_back()
    expect(page.get_by_text("already done: a confirmed import")).to_be_visible()
    expect(page.get_by_role("button", name="Confirm the import")).to_have_count(0)
    expect(page.get_by_role("button", name="Your contacts")).to_be_visible()
    assert Contact.objects.filter(owner=owner).count() == 6


def test_back_after_deleting_a_draft_does_not_show_it(signed_in, owner):
    contact = Contact.objects.create(owner=owner, first_name="Ada", last_name="Singh")
    draft = Message.objects.create(owner=owner, contact=contact, subject="Hello", body="Hi Ada")
    page = signed_in
    page.goto(f"/outreach/messages/{draft.pk}/delete/")
    page.get_by_role("button", name="Delete message").click()
    expect(page.get_by_text("Deleted the message to Ada Singh.")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", name="No message with that id")).to_be_visible()
    expect(page.get_by_role("button", name="Delete message")).to_have_count(0)


@pytest.mark.parametrize(
    ("address", "heading"),
    [
        ("/contacts/999999/", "No contact with that id"),
        ("/accounts/password/forgot/", "Forgot your password?"),
    ],
)
def test_error_and_password_pages_are_accessible(signed_in, address, heading):
    page = signed_in
    page.goto(address)
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    check(page, address)


def test_a_form_sent_in_place_about_a_deleted_record_shows_the_404_page(signed_in, owner):
    contact = Contact.objects.create(owner=owner, first_name="Ada", last_name="Singh")
    page = signed_in
    page.goto(f"/contacts/{contact.pk}/notes/")
    page.get_by_label("Notes", exact=True).fill("Met at the alumni fair")
    contact.delete()  # in another tab, say
    page.get_by_role("button", name="Save notes").click()
    expect(page.get_by_role("heading", name="No contact with that id")).to_be_visible()
    expect(page.get_by_role("button", name="Your contacts")).to_be_visible()
