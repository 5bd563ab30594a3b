"""Every main page, checked by axe-core in real Chromium: no serious or critical violations.

axe-core (tests/browser/vendor/axe-core/, test-only) runs against WCAG 2.0/2.1 A and AA and
axe's best practices. The app's strict Content Security Policy forbids inline scripts, so axe
is evaluated through the DevTools protocol (`page.evaluate`), which CSP does not govern;
the pages themselves are checked with their real CSP in force.
"""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from coffeechat.accounts.models import make_setup_token
from coffeechat.contacts.models import Contact, Organization
from coffeechat.interviews.models import Interview, InterviewQuestion, KeepInTouch, NextStep
from coffeechat.outreach.models import Message, MessageTemplate
from tests.rich_account import build_rich_account

IMPORTS = Path(__file__).parent.parent / "contacts" / "fixtures" / "import"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
RULESETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}
# (label, colour scheme, window width): light and dark on a laptop, and a phone's width,
# where tables scroll sideways and the menu wraps.
PASSES = [("light", "light", 1280), ("dark", "dark", 1280), ("phone", "light", 390)]


def build_account(owner):
    """build_rich_account (dated early 2025), plus what is current today: a meeting in three
    days with questions, and one held yesterday with notes and a reflection, not yet thanked."""
    build_rich_account(owner)
    lab = Organization.objects.get(owner=owner, name="Ionic Labs")
    now = timezone.now()

    priya = Contact.objects.create(
        owner=owner, first_name="Priya", last_name="Raman", organization=lab, title="Engineer"
    )
    priya.set_tags(["batteries"])
    upcoming = Interview.objects.create(owner=owner, contact=priya)
    upcoming.mark_requested()
    upcoming.mark_replied()
    upcoming.schedule(now + dt.timedelta(days=3), time_zone="America/New_York", mode="video")
    for position, text in enumerate(["What surprised you in your first year?", "Who else?"]):
        InterviewQuestion.objects.create(
            owner=owner, interview=upcoming, position=position, text=text
        )

    sam = Contact.objects.create(owner=owner, first_name="Sam", last_name="Ito", organization=lab)
    held = Interview.objects.create(owner=owner, contact=sam)
    held.mark_requested()
    held.mark_replied()
    held.schedule(now - dt.timedelta(days=1), time_zone="America/New_York", mode="phone")
    held.mark_done()
    held.free_notes = "Start with the lab's open days."
    held.reflection = {"learned": "Internships lead to offers.", "advice": "Ask early."}
    held.interest_score, held.fit_score = 4, 3
    held.reflected_at = now
    held.save()
    NextStep.objects.create(owner=owner, interview=held, contact=sam, text="Send my CV")
    KeepInTouch.set_cadence(sam, 90)
    return {
        "contact": Contact.objects.get(owner=owner, first_name="Ada").pk,
        "organization": lab.pk,
        "sent": Message.objects.get(owner=owner, contact__first_name="Ada", kind="request").pk,
        "draft": Message.objects.filter(owner=owner, state=Message.State.DRAFT).first().pk,
        "template": MessageTemplate.objects.filter(owner=owner).first().pk,
        "done": held.pk,
        "scheduled": upcoming.pk,
        "keeping": Interview.objects.get(owner=owner, contact__first_name="Ada").pk,
    }


@pytest.fixture
def signed_in_page(page, owner, live_server):
    """Signed in through a session cookie rather than the login form, to save a page load
    per test (the login page is checked on its own below)."""
    client = Client()
    client.force_login(owner)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return page


# (test id, address; {name} is filled from build_account's ids)
PAGES = [
    ("home", "/"),
    ("agenda", "/agenda/"),
    ("contacts", "/contacts/"),
    ("contact_detail", "/contacts/{contact}/"),
    ("contact_new", "/contacts/new/"),
    ("contact_edit", "/contacts/{contact}/edit/"),
    ("contact_delete", "/contacts/{contact}/delete/"),
    ("organizations", "/contacts/organizations/"),
    ("organization_detail", "/contacts/organizations/{organization}/"),
    ("organization_new", "/contacts/organizations/new/"),
    ("organization_edit", "/contacts/organizations/{organization}/edit/"),
    ("organization_delete", "/contacts/organizations/{organization}/delete/"),
    ("import_upload", "/contacts/import/"),
    ("export", "/contacts/export/"),
    ("messages", "/outreach/"),
    ("compose_pick", "/outreach/compose/"),
    ("compose", "/outreach/compose/?contact={contact}"),
    ("message_sent", "/outreach/messages/{sent}/"),
    ("message_draft", "/outreach/messages/{draft}/"),
    ("message_edit", "/outreach/messages/{draft}/edit/"),
    ("message_delete", "/outreach/messages/{draft}/delete/"),
    ("templates", "/outreach/templates/"),
    ("template_new", "/outreach/templates/new/"),
    ("template_edit", "/outreach/templates/{template}/edit/"),
    ("template_delete", "/outreach/templates/{template}/delete/"),
    ("builtin_template_edit", "/outreach/templates/builtin/faculty-request/edit/"),
    ("checker_rules", "/outreach/check/rules/"),
    ("checker_rule", "/outreach/check/rules/job-ask/"),
    ("interviews", "/interviews/"),
    ("interview_new", "/interviews/new/"),
    ("interview_done", "/interviews/{done}/"),
    ("interview_scheduled", "/interviews/{scheduled}/"),
    ("interview_keeping_in_touch", "/interviews/{keeping}/"),
    ("interview_schedule", "/interviews/{scheduled}/schedule/"),
    ("interview_cancel", "/interviews/{scheduled}/cancel/"),
    ("prepare", "/interviews/{scheduled}/prepare/"),
    ("prep_sheet", "/interviews/{scheduled}/sheet/"),
    ("meeting_notes", "/interviews/{scheduled}/notes/"),
    ("reflect", "/interviews/{done}/reflect/"),
    ("todos", "/interviews/todos/"),
    ("calendar_settings", "/agenda/calendar/"),
    ("calendar_new_address", "/agenda/calendar/new-address/"),
    ("profile", "/accounts/profile/"),
    ("password_change", "/accounts/password/"),
    ("password_changed", "/accounts/password/done/"),
]

# Rules switched off for one page only, each with the reason it cannot be fixed in the app.
EXCEPTIONS: dict[str, dict[str, str]] = {}


def run_axe(page, name):
    if page.evaluate("() => typeof axe") == "undefined":
        page.evaluate(AXE.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": RULESETS}}
    skipped = EXCEPTIONS.get(name, {})
    if skipped:
        options["rules"] = {rule: {"enabled": False} for rule in skipped}
    results = page.evaluate("options => axe.run(document, options)", options)
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def report(violations):
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}\n    {v['helpUrl']}")
        for node in v["nodes"][:4]:
            why = " / ".join(check["message"] for check in node["any"] + node["all"])
            lines.append(f"    at {' '.join(map(str, node['target']))}: {why}")
        if len(v["nodes"]) > 4:
            lines.append(f"    …and {len(v['nodes']) - 4} more")
    return "\n".join(lines) + "\n"


def check(page, name):
    """Check the page as it stands, with every <details> opened so folded content counts too,
    in the light colour scheme, the dark one (Pico follows the system's choice), and at a
    phone's width."""
    assert page.evaluate("() => typeof axe") == "undefined", "axe must come from the test"
    opened = page.evaluate(
        "() => { const all = document.querySelectorAll('details:not([open])');"
        " all.forEach(d => { d.open = true; }); return all.length; }"
    )
    problems = []
    for label, scheme, width in PASSES:
        page.emulate_media(color_scheme=scheme)
        page.set_viewport_size({"width": width, "height": 900})
        # Pico fades colours in; let the change finish so axe sees the final colours.
        page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
        violations = run_axe(page, name)
        if violations:
            problems.append(f"[{label}]\n{report(violations)}")
    page.emulate_media(color_scheme=None)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not problems, (
        f"{page.url} ({opened} <details> opened): serious or critical problems\n"
        + "\n".join(problems)
    )


@pytest.mark.parametrize(("name", "address"), PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_serious_accessibility_problems(signed_in_page, owner, name, address):
    ids = build_account(owner)
    page = signed_in_page
    response = page.goto(address.format(**ids))
    assert response.ok, f"{address}: {response.status}"
    expect(page.locator("main")).to_be_visible()
    check(page, name)


def test_login_page_has_no_serious_accessibility_problems(page, db):
    response = page.goto("/accounts/login/")
    assert response.ok
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    check(page, "login")


def test_first_run_page_has_no_serious_accessibility_problems(page, db):
    response = page.goto(f"/accounts/setup/{make_setup_token()}/")
    assert response.ok
    expect(page.get_by_role("heading", name="Welcome to coffeechat")).to_be_visible()
    check(page, "first_run")


def _fill_nothing(page):
    """Submit the form with the browser's own checks off, so the server's errors show."""
    form = page.locator("main form[method=post]").last
    form.evaluate("f => { f.noValidate = true; }")
    form.locator("button[type=submit]").last.click()


# (test id, address, what to do there, text that shows the state was reached)
STATES = [
    ("contact_form_errors", "/contacts/new/", _fill_nothing, "Give at least a first or a last"),
    (
        "password_change_errors",
        "/accounts/password/",
        lambda page: (
            page.get_by_label("Old password").fill("not-my-password"),
            page.get_by_label("New password", exact=True).fill("plum-orchard-77"),
            page.get_by_label("New password confirmation").fill("plum-orchard-78"),
            page.get_by_role("button", name="Change").click(),
        ),
        "incorrectly",
    ),
    (
        "profile_saved",
        "/accounts/profile/",
        lambda page: page.get_by_role("button", name="Save profile").click(),
        "Profile saved.",
    ),
    (
        "contacts_searched",
        "/contacts/",
        lambda page: (page.get_by_label("Search").fill("nobody-by-this-name"),),
        "No contacts match",
    ),
    (
        "contact_notes_editing",
        "/contacts/{contact}/",
        lambda page: page.get_by_role("button", name="Edit notes").click(),
        "Save notes",
    ),
    (
        "compose_checked",
        "/outreach/compose/?contact={contact}",
        lambda page: (
            page.get_by_label("Channel").select_option("linkedin"),
            page.get_by_label("Body").fill("Dear [NAME], " + "I would love to chat soon. " * 12),
            expect(page.locator(".check-counts .over-limit")).to_be_visible(),
            expect(page.locator(".finding-error").first).to_be_visible(),
        ),
        "(limit",
    ),
    (
        "import_preview",
        "/contacts/import/",
        lambda page: (
            page.get_by_label("Export file").set_input_files(IMPORTS / "linkedin_connections.csv"),
            page.get_by_role("button", name="Preview the import").click(),
        ),
        "to create",
    ),
]


@pytest.mark.parametrize(
    ("name", "address", "action", "shown"), STATES, ids=[state[0] for state in STATES]
)
def test_page_after_an_action_has_no_serious_accessibility_problems(
    signed_in_page, owner, name, address, action, shown
):
    ids = build_account(owner)
    page = signed_in_page
    page.goto(address.format(**ids))
    action(page)
    expect(page.locator("main")).to_contain_text(shown)
    check(page, name)


def test_login_errors_have_no_serious_accessibility_problems(page, owner):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(owner.username)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".form-errors")).to_be_visible()
    check(page, "login_errors")


def test_locked_out_page_has_no_serious_accessibility_problems(
    browser, live_server, owner, settings
):
    """After too many failed logins. Its own context: the browser logs the 429 status as an
    error, which the shared page fixture would count against the page."""
    settings.AXES_FAILURE_LIMIT = 1
    context = browser.new_context(base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(owner.username)
        page.get_by_label("Password").fill("not-the-password")
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("heading", name="Too many failed log-ins")).to_be_visible()
        check(page, "locked_out")
    finally:
        context.close()


def test_axe_finds_a_problem_when_there_is_one(page, db):
    """The check can fail: a button with no name is reported as critical."""
    page.goto("/accounts/login/")
    page.evaluate("() => document.querySelector('main').append(document.createElement('button'))")
    violations = run_axe(page, "login")
    assert "button-name" in [v["id"] for v in violations]
    assert "button-name" in report(violations)
