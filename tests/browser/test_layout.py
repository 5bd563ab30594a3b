"""Layout a student sees: nothing pushes the page sideways on a phone, cards have room."""

import datetime

from django.utils import timezone

from coffeechat.contacts.models import Contact, Organization
from coffeechat.outreach.models import Message

PHONE = {"width": 390, "height": 844}


def page_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def make_contact(owner):
    organization = Organization.objects.create(owner=owner, name="Riverside College")
    return Contact.objects.create(
        owner=owner,
        first_name="Maya",
        last_name="Lindqvist",
        title="Associate Professor of Chemistry",
        organization=organization,
        field="Electrochemistry",
        emails=["maya.lindqvist@example.edu"],
    )


def test_the_contact_page_gives_each_card_half_the_width(logged_in_page, owner):
    contact = make_contact(owner)
    page = logged_in_page
    page.goto(f"/contacts/{contact.pk}/")
    details = page.get_by_role("heading", name="Details").locator("xpath=..")
    # Four cards side by side left ~250px each and broke the email address letter by letter.
    assert details.bounding_box()["width"] > 450
    email = page.get_by_role("link", name="maya.lindqvist@example.edu")
    assert email.bounding_box()["height"] < 40  # one line


def test_the_message_list_fits_a_phone(logged_in_page, owner):
    contact = make_contact(owner)
    for kind in ("request", "thank-you"):
        Message.objects.create(
            owner=owner, contact=contact, kind=kind, subject="Thank you, Maya", body="Hi Maya"
        )
    Message.objects.filter(kind="request").update(state="sent", sent_at=timezone.now())
    page = logged_in_page
    page.set_viewport_size(PHONE)
    page.goto("/outreach/")
    assert page_overflow(page) <= 0


def test_template_actions_stay_in_their_table_row(logged_in_page):
    page = logged_in_page
    page.goto("/outreach/templates/")
    cell = page.locator("td.actions").first
    assert cell.evaluate("el => getComputedStyle(el).display") == "table-cell"
    row = cell.locator("xpath=..")
    assert abs(cell.bounding_box()["height"] - row.bounding_box()["height"]) < 1
    # Each link names its template for a screen reader: "Edit Request to a professor".
    assert page.get_by_role("link", name="Edit Request to a professor").count() == 1


def test_a_forms_submit_and_cancel_sit_side_by_side(logged_in_page):
    page = logged_in_page
    page.goto("/contacts/new/")
    submit = page.get_by_role("button", name="Add contact").bounding_box()
    cancel = page.get_by_role("button", name="Cancel").bounding_box()
    assert abs(submit["y"] - cancel["y"]) < 2
    assert submit["width"] < 400


def test_an_error_about_the_whole_form_is_shown_as_an_error(logged_in_page):
    page = logged_in_page
    page.goto("/contacts/new/")
    page.get_by_role("button", name="Add contact").click()
    alert = page.locator(".form-errors")
    assert "first or a last name" in alert.inner_text()
    colour = alert.evaluate("el => getComputedStyle(el).borderLeftColor")
    assert colour == "rgb(198, 40, 40)"


def test_the_answered_request_links_onward_on_a_phone(logged_in_page, owner):
    contact = make_contact(owner)
    message = Message.objects.create(owner=owner, contact=contact, kind="request", body="Hi")
    sent = timezone.now() - datetime.timedelta(days=2)
    Message.objects.filter(pk=message.pk).update(
        state="replied", sent_at=sent, replied_at=timezone.now()
    )
    page = logged_in_page
    page.set_viewport_size(PHONE)
    page.goto(f"/outreach/messages/{message.pk}/")
    page.get_by_role("button", name="Plan the conversation").click()
    page.wait_for_url(f"**/interviews/new/?contact={contact.pk}")
    assert page_overflow(page) <= 0


def test_the_contact_list_drops_title_and_tags_to_fit_a_phone(logged_in_page, owner):
    contact = make_contact(owner)
    contact.set_tags(["electrochemistry", "alumni-network"])
    Contact.objects.create(
        owner=owner,
        first_name="Bartholomew",
        last_name="Featherstonehaugh-Oyelaran",
        organization=Organization.objects.create(owner=owner, name="Northwind Energy Storage"),
        title="Director of Strategic Partnerships",
        source="referral",
    )
    page = logged_in_page
    page.goto("/contacts/")
    title_header = page.get_by_role("columnheader", name="Title")
    assert title_header.is_visible()
    page.set_viewport_size(PHONE)
    page.goto("/contacts/")
    table_box = page.locator("#results .overflow-auto")
    assert table_box.evaluate("el => el.scrollWidth - el.clientWidth") <= 0
    assert not title_header.is_visible()
    assert not page.get_by_role("columnheader", name="Tags").is_visible()
    assert not page.get_by_text("Associate Professor of Chemistry").is_visible()
    assert page.get_by_role("link", name="Maya Lindqvist").is_visible()
