"""Writing to someone, in a real browser: the live checker, LinkedIn's limit, and mailto."""

import zoneinfo
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.utils import dateformat, timezone
from playwright.sync_api import expect

from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Contact, Organization
from coffeechat.outreach.draft_check import check_draft
from coffeechat.outreach.models import Message

# Typed after the LinkedIn template's draft (158 characters for Ada) to pass 200.
MORE = " I read your paper on sodium-ion cells and would value your view on where it goes."


@pytest.fixture
def ada(owner):
    lab = Organization.objects.create(owner=owner, name="Ionic Labs")
    return Contact.objects.create(
        owner=owner,
        first_name="Ada",
        last_name="Singh",
        title="Research Scientist",
        organization=lab,
        field="battery research",
        emails=["ada@ionic.example"],
        linkedin_url="https://www.linkedin.com/in/ada-singh",
    )


def open_compose(page, contact, template_name):
    """From the contact's page: Write to them, then pick a template and fill the draft."""
    page.goto(f"/contacts/{contact.pk}/")
    page.get_by_role("button", name="Write to them").click()
    expect(page.get_by_role("heading", name=f"Write to {contact.full_name}")).to_be_visible()
    page.get_by_label("Template").select_option(label=template_name)
    page.get_by_role("button", name="Fill in the draft again").click()
    expect(page.locator(".draft-options summary")).to_have_text(f"Template: {template_name}")


def characters_in(page, owner, contact, channel="linkedin"):
    """What the checker counts for the text now in the editor (as the server will)."""
    report = check_draft(
        Profile.for_user(owner),
        contact=contact,
        channel=channel,
        kind="request",
        subject="",
        body=page.get_by_label("Body").input_value().replace("\r\n", "\n"),
    )
    return report.characters


def test_a_linkedin_note_shows_the_limit_live_and_copies(logged_in_page, owner, ada):
    page = logged_in_page
    open_compose(page, ada, "LinkedIn connection note")
    body = page.get_by_label("Body")
    expect(body).to_have_value(
        "Hi Ada, I'd love to learn from your path into battery research. I'm a chemistry "
        "student at Wellesley. Could we chat for 20 minutes about your work? Thank you!"
    )
    expect(page.get_by_label("Channel")).to_have_value("linkedin")
    counts = page.locator("#check-results .check-counts")
    expect(counts).to_contain_text("158 characters (limit 200)")
    over_limit = page.locator('#check-results [data-rule="over-limit"]')
    expect(over_limit).to_have_count(0)

    page.evaluate("window.composeMarker = 'no reload'")
    body.press("Control+End")
    body.press_sequentially(MORE)
    typed = characters_in(page, owner, ada)
    assert typed > 200
    expect(counts).to_contain_text(f"{typed} characters (limit 200)")
    expect(counts.locator(".over-limit")).to_have_text(str(typed))
    expect(over_limit).to_be_visible()
    expect(over_limit).to_contain_text("Fix")
    expect(over_limit).to_contain_text(str(typed - 200))

    for _ in range(typed - 195):
        body.press("Backspace")
    expect(counts).to_contain_text("195 characters (limit 200)")
    expect(over_limit).to_have_count(0)
    expect(counts.locator(".over-limit")).to_have_count(0)
    assert page.evaluate("window.composeMarker") == "no reload"

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    message = Message.objects.get(owner=owner)
    assert message.channel == "linkedin"
    assert len(message.body) == 195
    page.get_by_role("button", name="Copy", exact=True).click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == message.body


def test_linkedin_premium_allows_300_characters(logged_in_page, owner, ada):
    page = logged_in_page
    page.goto("/accounts/profile/")
    page.get_by_label("I have LinkedIn Premium").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible()
    assert Profile.for_user(owner).linkedin_premium

    open_compose(page, ada, "LinkedIn connection note")
    counts = page.locator("#check-results .check-counts")
    expect(counts).to_contain_text("158 characters (limit 300)")
    body = page.get_by_label("Body")
    body.press("Control+End")
    body.press_sequentially(MORE)
    typed = characters_in(page, owner, ada)
    assert 200 < typed <= 300
    expect(counts).to_contain_text(f"{typed} characters (limit 300)")
    expect(counts.locator(".over-limit")).to_have_count(0)
    expect(page.locator('#check-results [data-rule="over-limit"]')).to_have_count(0)


def replace_in_editor(editor, old, new):
    """Select `old` in the editor, as a student would with the mouse, and type over it."""
    editor.evaluate(
        "(el, old) => { const at = el.value.indexOf(old); el.focus();"
        " el.setSelectionRange(at, at + old.length); }",
        old,
    )
    editor.page.keyboard.type(new)


def mail_app_box(page):
    return page.locator("article").filter(
        has=page.get_by_role("heading", name="From your mail app")
    )


def today_as_shown(owner, moment):
    """A date as the pages show it, in the student's time zone."""
    zone = zoneinfo.ZoneInfo(Profile.for_user(owner).time_zone)
    return dateformat.format(timezone.localtime(moment, zone), "j M Y")


def test_an_email_is_fixed_saved_and_sent_through_the_mail_app(logged_in_page, owner, ada):
    page = logged_in_page
    open_compose(page, ada, "Request to an alum")
    errors = page.locator("#check-results .finding-error")
    expect(errors).to_have_count(3)
    expect(errors.filter(has_text="{{ my_class_year }}")).to_contain_text("Fix")
    expect(errors.filter(has_text="{{ my_availability }}")).to_contain_text("Fix")
    # The alum template asks for the detail about their work rather than guessing it.
    expect(errors.filter(has_text="{{ their_work }}")).to_contain_text("Fix")
    body = page.get_by_label("Body")
    replace_in_editor(body, "{{ their_work }}", "your talk on battery recycling")
    expect(errors).to_have_count(2)
    replace_in_editor(body, "{{ my_class_year }}", "2027")
    expect(errors).to_have_count(1)
    replace_in_editor(body, "{{ my_availability }}", "most weekday afternoons")
    expect(errors).to_have_count(0)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()

    message = Message.objects.get(owner=owner)
    assert message.channel == "email"
    assert "class of 2027" in message.body
    assert "most weekday afternoons" in message.body
    link = page.get_by_role("button", name="Open in your mail app")
    href = link.get_attribute("href")
    parts = urlsplit(href)
    fields = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "ada@ionic.example"
    assert fields == {
        "subject": ["A Wellesley student curious about battery research"],
        "body": [message.body.replace("\n", "\r\n")],
    }
    assert fields["subject"] == [message.subject]

    # The browser would hand a mailto: link to the mail app; stop it at that point.
    page.evaluate(
        "window.addEventListener('click', (event) => {"
        " const link = event.target.closest('a[href^=\"mailto:\"]');"
        " if (link) { window.mailtoOpened = link.href; event.preventDefault(); }"
        " }, true)"
    )
    link.click()
    assert page.evaluate("window.mailtoOpened") == href
    assert page.url.endswith(f"/outreach/messages/{message.pk}/")

    mail_app_box(page).get_by_role("button", name="I sent it").click()
    expect(page.get_by_text("Marked as sent.")).to_be_visible()
    message.refresh_from_db()
    assert message.state == Message.State.SENT
    assert message.sent_via == Message.Via.MAILTO
    shown = today_as_shown(owner, message.sent_at)
    assert shown == today_as_shown(owner, timezone.now())
    expect(page.locator(".page-head")).to_contain_text(f"sent {shown} via your mail app")

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Ada Singh").click()
    expect(page.get_by_role("heading", name="Ada Singh", exact=True)).to_be_visible()
    sent = page.locator("#contact-messages li")
    expect(sent).to_have_count(1)
    expect(sent).to_contain_text(f"Request for a conversation · Email · Sent {shown}")


def test_a_draft_with_problems_needs_send_anyway(logged_in_page, owner, ada):
    page = logged_in_page
    open_compose(page, ada, "Request to an alum")
    expect(page.locator("#check-results .finding-error")).to_have_count(3)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()

    blocked = page.locator(".send-blocked")
    expect(blocked).to_contain_text("The checker found something to fix")
    expect(page.get_by_role("button", name="Open in your mail app")).to_have_count(0)
    expect(page.get_by_role("button", name="I sent it")).to_have_count(0)
    expect(page.get_by_role("button", name="Fix the draft")).to_be_visible()

    blocked.get_by_role("button", name="Send anyway").click()
    expect(page.get_by_text("Sending anyway, with the problems above.")).to_be_visible()
    mail_app_box(page).get_by_role("button", name="I sent it").click()
    expect(page.get_by_text("Marked as sent.")).to_be_visible()
    message = Message.objects.get(owner=owner)
    assert message.state == Message.State.SENT
    assert "{{ my_availability }}" in message.body


def test_a_request_sent_from_the_contact_page_starts_a_conversation(logged_in_page, owner, ada):
    page = logged_in_page
    open_compose(page, ada, "Request to an alum")
    body = page.get_by_label("Body")
    replace_in_editor(body, "{{ their_work }}", "your talk on battery recycling")
    replace_in_editor(body, "{{ my_class_year }}", "2027")
    replace_in_editor(body, "{{ my_availability }}", "most weekday afternoons")
    page.get_by_role("button", name="Save draft").click()
    mail_app_box(page).get_by_role("button", name="I sent it").click()
    expect(page.get_by_text("Marked as sent.")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Interviews").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Ada Singh"))
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Requested")
    row.get_by_role("link", name="Ada Singh").click()
    expect(page.get_by_role("heading", name="Conversation with Ada Singh")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Asked for a conversation")


def test_each_finding_has_a_why_link_to_its_rule(logged_in_page, owner, ada):
    page = logged_in_page
    open_compose(page, ada, "Request to an alum")
    finding = page.locator('#check-results [data-rule="placeholder"]').first
    expect(finding).to_be_visible()
    with page.expect_popup() as opened:
        finding.get_by_role("link", name="Why?").click()
    rule_page = opened.value
    expect(
        rule_page.get_by_role("heading", name="A template blank is still in the text")
    ).to_be_visible()
    expect(rule_page.get_by_text("coffeechat check --explain placeholder")).to_be_visible()
