"""A new user's first minutes, in a real browser."""

from playwright.sync_api import expect

from coffeechat.accounts.models import make_setup_token
from coffeechat.contacts.models import Contact, Organization


def test_the_first_person_creates_their_account_and_profile(page, db):
    page.goto(f"/accounts/setup/{make_setup_token()}/")
    expect(page.get_by_role("heading", name="Welcome to coffeechat")).to_be_visible()
    page.get_by_label("Username").fill("helen")
    page.locator("#id_password1").fill("plum-orchard-77")
    page.locator("#id_password2").fill("plum-orchard-77")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    page.get_by_label("Your name").fill("Helen Park")
    page.get_by_label("School").fill("Wellesley")
    page.get_by_label("Class year").fill("2028")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible()
    page.get_by_role("link", name="Home", exact=True).click()
    expect(page.get_by_role("heading", name="Hello, Helen Park")).to_be_visible()
    expect(page.get_by_role("button", name="Add a contact")).to_be_visible()


def test_adding_a_contact_from_the_empty_list(logged_in_page, owner):
    page = logged_in_page
    page.get_by_role("link", name="Contacts", exact=True).click()
    page.get_by_role("button", name="Add your first contact").click()
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Singh")
    page.get_by_label("Organization").fill("Ionic Labs")
    page.get_by_label("Email addresses").fill("ada@ionic.example")
    page.get_by_label("How you know them").select_option("faculty")
    page.get_by_label("Tags").fill("batteries, boston")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", name="Ada Singh")).to_be_visible()
    expect(page.get_by_text("Added Ada Singh.")).to_be_visible()
    contact = Contact.objects.get(owner=owner)
    assert contact.organization.name == "Ionic Labs"
    assert contact.emails == ["ada@ionic.example"]


def test_notes_are_edited_in_place(logged_in_page, owner):
    contact = Contact.objects.create(owner=owner, first_name="Ada", last_name="Singh")
    page = logged_in_page
    page.goto(f"/contacts/{contact.pk}/")
    page.get_by_role("button", name="Edit notes").click()
    # The card keeps its heading while it is a form.
    expect(page.locator("#notes").get_by_role("heading", name="Notes and research")).to_be_visible()
    page.get_by_label("Notes", exact=True).fill("Met at the open house.")
    page.get_by_role("button", name="Save notes").click()
    expect(page.locator("#notes")).to_contain_text("Met at the open house.")
    assert page.url.endswith(f"/contacts/{contact.pk}/")  # no full page load
    contact.refresh_from_db()
    assert contact.notes == "Met at the open house."


def test_search_filters_the_list_as_you_type(logged_in_page, owner):
    bank = Organization.objects.create(owner=owner, name="Harbor Bank")
    lab = Organization.objects.create(owner=owner, name="Ionic Labs")
    Contact.objects.create(owner=owner, first_name="Grace", last_name="Ho", organization=bank)
    Contact.objects.create(owner=owner, first_name="Ada", last_name="Singh", organization=lab)
    page = logged_in_page
    page.goto("/contacts/")
    results = page.locator("#results")
    expect(results).to_contain_text("Grace Ho")
    page.get_by_label("Search").press_sequentially("ionic", delay=30)
    expect(results).not_to_contain_text("Grace Ho")
    expect(results).to_contain_text("Ada Singh")
    page.wait_for_url("**/contacts/?*q=ionic*")
    page.get_by_label("Search").fill("nobody-by-this-name")
    expect(results).to_contain_text("No contacts match")
