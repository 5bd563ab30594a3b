"""Importing contacts in a real browser: htmx upload, live mapping preview, confirm."""

from pathlib import Path

from playwright.sync_api import expect

from coffeechat.contacts.models import Contact

FIXTURES = Path(__file__).parent.parent / "contacts" / "fixtures" / "import"


def test_importing_a_linkedin_export(logged_in_page, owner):
    page = logged_in_page
    page.get_by_role("link", name="Import", exact=True).click()
    page.get_by_label("Export file").set_input_files(FIXTURES / "linkedin_connections.csv")
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("heading", name="Check the import")).to_be_visible()
    expect(page.locator(".import-summary")).to_contain_text("6 to create")
    expect(page.get_by_text("no name: the first, last and full name are all blank")).to_be_visible()
    page.get_by_role("button", name="Confirm the import").click()
    expect(page.get_by_text("Created 6, merged 0, skipped 1.")).to_be_visible()
    assert Contact.objects.filter(owner=owner).count() == 6


def test_a_broken_file_is_explained_in_place(logged_in_page):
    page = logged_in_page
    page.goto("/contacts/import/")
    page.get_by_label("Export file").set_input_files(FIXTURES / "photo.png")
    page.get_by_role("button", name="Preview the import").click()
    expect(
        page.get_by_text("photo.png: this is a PNG image, not a contacts export.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Import contacts")).to_be_visible()


def test_changing_a_column_updates_the_preview_without_a_reload(logged_in_page, owner):
    page = logged_in_page
    page.goto("/contacts/import/")
    page.get_by_label("Export file").set_input_files(FIXTURES / "spreadsheet_semicolon.csv")
    page.get_by_role("button", name="Preview the import").click()
    expect(page.locator(".import-summary")).to_contain_text("1 to create")
    page.get_by_label("Name", exact=True).select_option("")
    expect(page.get_by_text("no column holds a name")).to_be_visible()
    page.get_by_label("Name", exact=True).select_option("full_name")
    expect(page.locator(".import-summary")).to_contain_text("1 to create")
    page.get_by_label("Role", exact=True).select_option("")
    page.get_by_role("button", name="Confirm the import").click()
    expect(page.get_by_text("Created 1, merged 0, skipped 1.")).to_be_visible()
    assert Contact.objects.get(owner=owner).title == ""
