"""Moving to a new account: download the backup, restore it there, in a real browser."""

import json
import os

from playwright.sync_api import expect

from coffeechat.backup import export_backup
from tests.conftest import PASSWORD, make_user
from tests.rich_account import build_rich_account


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_a_backup_downloaded_from_one_account_restores_into_a_new_one(page, owner, tmp_path):
    build_rich_account(owner)
    log_in(page, owner.username)
    page.goto("/contacts/")
    page.get_by_role("button", name="Export").click()
    expect(page.get_by_role("heading", name="Export and back up")).to_be_visible()
    expect(page.get_by_role("button", name="Restore this backup")).to_have_count(0)
    screenshots = os.environ.get("COFFEECHAT_SCREENSHOTS")
    if screenshots:
        page.screenshot(path=f"{screenshots}/export-with-data.png", full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the backup").click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.name.startswith("coffeechat-backup-") and saved.suffix == ".json"

    newcomer = make_user("nadia")
    page.get_by_role("button", name="Log out").click()
    log_in(page, "nadia")
    page.goto("/contacts/export/")
    page.get_by_label("Backup file (.json)").set_input_files(saved)
    if screenshots:
        page.screenshot(path=f"{screenshots}/export-empty.png", full_page=True)
    page.get_by_role("button", name="Restore this backup").click()

    expect(page.get_by_text("Restored 3 organizations, 5 tags, 4 contacts")).to_be_visible()
    expect(page.get_by_role("link", name="Ada Singh")).to_be_visible()
    original = json.loads(saved.read_text("utf-8"))
    restored = export_backup(newcomer)
    for data in (original, restored):
        data.pop("exported_at")
    assert restored == original


def test_a_broken_backup_shows_what_is_wrong(page, db, tmp_path):
    make_user("nadia")
    bad = tmp_path / "backup.json"
    bad.write_text('{"format": "coffeechat-backup", "version": 1, "contacts": "none"}')
    log_in(page, "nadia")
    page.goto("/contacts/export/")
    page.get_by_label("Backup file (.json)").set_input_files(bad)
    page.get_by_role("button", name="Restore this backup").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("nothing was saved")
    expect(alert).to_contain_text("contacts: should be a list, not text")
    expect(alert).to_contain_text("profile: is missing from the file")
    screenshots = os.environ.get("COFFEECHAT_SCREENSHOTS")
    if screenshots:
        page.screenshot(path=f"{screenshots}/export-problems.png", full_page=True)
