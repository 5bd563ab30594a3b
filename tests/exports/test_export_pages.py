"""The Export page: downloads, and restoring a backup into an empty account."""

import csv
import io
import json

import pytest
import time_machine
import vobject
from django.core.files.uploadedfile import SimpleUploadedFile

from coffeechat.accounts.models import Profile
from coffeechat.backup import dump_backup, export_backup
from coffeechat.contacts.models import Contact, Organization, Tag
from tests.rich_account import GOLDEN, build_rich_account, same_data


def body(response) -> bytes:
    """A download's bytes: it is sent from a file, in pieces."""
    return b"".join(response.streaming_content)


@pytest.fixture
def rich_owner(owner):
    build_rich_account(owner)
    return owner


def upload(content: bytes, name="backup.json"):
    return SimpleUploadedFile(name, content, content_type="application/json")


# -- the page ------------------------------------------------------------------------------------


def test_the_page_explains_each_format_and_links_its_download(owner_client, rich_owner):
    response = owner_client.get("/contacts/export/")

    assert response.status_code == 200
    page = response.text
    assert (
        "Backup (JSON)" in page and "Spreadsheet (CSV)" in page and "Address book (vCard)" in page
    )
    for fmt in ("json", "csv", "vcard"):
        assert f'href="/contacts/export/{fmt}/"' in page
    assert "You have 4 contacts." in page


def test_an_account_with_data_gets_no_restore_form(owner_client, rich_owner):
    page = owner_client.get("/contacts/export/").text

    assert 'action="/contacts/export/restore/"' not in page
    assert "only be restored into an empty account" in page


def test_an_empty_account_gets_the_restore_form(owner_client):
    page = owner_client.get("/contacts/export/").text

    assert 'action="/contacts/export/restore/"' in page
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file"' in page


# -- downloads -----------------------------------------------------------------------------------


@time_machine.travel("2026-11-25 12:00Z")
@pytest.mark.parametrize(
    ("fmt", "content_type", "filename"),
    [
        ("json", "application/json; charset=utf-8", "coffeechat-backup-2026-11-25.json"),
        ("csv", "text/csv; charset=utf-8", "coffeechat-contacts-2026-11-25.csv"),
        ("vcard", "text/vcard; charset=utf-8", "coffeechat-contacts-2026-11-25.vcf"),
    ],
)
def test_each_download_is_an_attachment_with_a_dated_name(
    owner_client, rich_owner, fmt, content_type, filename
):
    # Signed in at the frozen moment: a session opened on the real day could have expired
    # by then, or not yet have begun.
    owner_client.force_login(rich_owner)
    response = owner_client.get(f"/contacts/export/{fmt}/")

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert "no-store" in response["Cache-Control"]


@time_machine.travel("2026-11-26 03:30Z")
def test_the_date_in_the_name_is_the_users_own(owner_client, owner):
    Profile.objects.filter(owner=owner).update(time_zone="America/Los_Angeles")
    owner_client.force_login(owner)  # at the frozen moment, as above

    response = owner_client.get("/contacts/export/csv/")

    assert "coffeechat-contacts-2026-11-25.csv" in response["Content-Disposition"]


def test_the_json_download_is_the_full_backup(owner_client, rich_owner):
    data = json.loads(body(owner_client.get("/contacts/export/json/")))

    assert data["format"] == "coffeechat-backup"
    assert len(data["contacts"]) == 4
    assert data["profile"]["name"] == "Olivia Ørsted-Núñez"


def test_the_csv_download_opens_with_accents_intact(owner_client, rich_owner):
    content = body(owner_client.get("/contacts/export/csv/"))

    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert {row["Last Name"] for row in rows} == {"Singh", "Núñez", "", "Blank"}


def test_the_vcard_download_parses(owner_client, rich_owner):
    content = body(owner_client.get("/contacts/export/vcard/"))

    names = sorted(card.fn.value for card in vobject.readComponents(content.decode()))
    assert names == ["Ada Singh", "Blank", "José Núñez", "Zoë"]


@pytest.mark.parametrize("fmt", ["json", "csv", "vcard"])
def test_an_outsiders_download_has_none_of_the_owners_data(outsider_client, rich_owner, fmt):
    content = body(outsider_client.get(f"/contacts/export/{fmt}/")).decode("utf-8-sig")

    for secret in ("Ada", "Singh", "Ionic Labs", "ada@ioniclabs.example", "batteries", "Ørsted"):
        assert secret not in content


def test_the_json_download_holds_the_whole_backup(owner_client, rich_owner):
    response = owner_client.get("/contacts/export/json/")

    data = json.loads(body(response))
    for key in ("contacts", "interviews", "interview_timeline", "messages", "message_templates"):
        assert data[key] == export_backup(rich_owner)[key], key
    assert len(data["messages"]) == 7


def test_an_unknown_format_is_not_found(owner_client):
    assert owner_client.get("/contacts/export/xlsx/").status_code == 404


def test_downloads_are_only_for_reading(owner_client):
    assert owner_client.post("/contacts/export/csv/").status_code == 405


# -- restore -------------------------------------------------------------------------------------


def test_restoring_a_backup_fills_the_empty_account(owner_client, owner):
    response = owner_client.post(
        "/contacts/export/restore/", {"backup": upload(GOLDEN.read_bytes())}, follow=True
    )

    assert response.redirect_chain == [("/contacts/", 302)]
    assert "Restored 3 organizations, 5 tags, 4 contacts and the profile." in response.text
    assert same_data(export_backup(owner), json.loads(GOLDEN.read_text("utf-8")))


def test_restoring_switches_the_pages_to_the_backups_time_zone(owner_client, owner):
    owner_client.get("/contacts/export/")  # the session now remembers UTC
    owner_client.post("/contacts/export/restore/", {"backup": upload(GOLDEN.read_bytes())})

    assert owner_client.session["coffeechat_tz"][0] == "America/New_York"


def assert_unchanged(user):
    assert not Contact.objects.filter(owner=user).exists()
    assert not Organization.objects.filter(owner=user).exists()
    assert not Tag.objects.filter(owner=user).exists()
    assert Profile.objects.get(owner=user).name == "Olivia Owner"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"First Name,Last Name\nAda,Singh\n", "The file is not valid JSON (line 1, column 1"),
        (b'{"format": "something-else"}', "its &quot;format&quot; should be"),
        (b"", "The submitted file is empty."),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused_plainly(owner_client, owner, content, message):
    response = owner_client.post("/contacts/export/restore/", {"backup": upload(content)})

    assert response.status_code == 200
    assert message in response.text
    assert_unchanged(owner)


def test_every_problem_in_a_broken_backup_is_listed(owner_client, owner):
    data = json.loads(GOLDEN.read_text("utf-8"))
    data["contacts"][0]["connected_on"] = "15/01/2024"
    data["contacts"][2]["tags"] = [1, 40]
    data["profile"]["name"] = "Olivia Owner"

    response = owner_client.post(
        "/contacts/export/restore/", {"backup": upload(dump_backup(data).encode())}
    )

    assert response.status_code == 200
    assert "nothing was saved" in response.text
    assert "contacts, item 1, “connected_on”: &#x27;15/01/2024&#x27; is not a date" in response.text
    assert "contacts, item 3, “tags”: points to tags id 40" in response.text
    assert 'action="/contacts/export/restore/"' in response.text  # try again with a fixed file
    assert_unchanged(owner)


def test_a_backup_is_not_restored_into_an_account_with_data(owner_client, rich_owner):
    before = export_backup(rich_owner)

    response = owner_client.post(
        "/contacts/export/restore/", {"backup": upload(GOLDEN.read_bytes())}, follow=True
    )

    assert response.redirect_chain == [("/contacts/export/", 302)]
    assert "only be restored into an empty account" in response.text
    assert export_backup(rich_owner)["contacts"] == before["contacts"]
    assert Contact.objects.filter(owner=rich_owner).count() == 4


def test_restoring_without_a_file_asks_for_one(owner_client, owner):
    response = owner_client.post("/contacts/export/restore/", {})

    assert response.status_code == 200
    assert "This field is required." in response.text


def test_a_file_over_the_limit_is_refused(owner_client, owner, settings):
    settings.IMPORT_MAX_BYTES = 2048
    response = owner_client.post(
        "/contacts/export/restore/", {"backup": upload(GOLDEN.read_bytes())}
    )

    assert response.status_code == 200
    assert "the largest this coffeechat accepts is 2.0\xa0KB" in response.text
    assert_unchanged(owner)


def test_the_restore_page_only_takes_posts(owner_client):
    assert owner_client.get("/contacts/export/restore/").status_code == 405


def test_a_big_upload_is_read_from_its_temporary_file(owner_client, owner, settings, monkeypatch):
    # Django keeps an upload over this size on disk; the restore reads it from there, in
    # pieces, rather than all at once.
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    reads = []
    monkeypatch.setattr(
        "django.core.files.uploadedfile.TemporaryUploadedFile.read",
        lambda self, size=-1: reads.append(size) or self.file.read(size),
        raising=False,
    )
    with GOLDEN.open("rb") as file:
        response = owner_client.post("/contacts/export/restore/", {"backup": file}, follow=True)

    assert "Restored 3 organizations, 5 tags, 4 contacts" in response.text
    assert reads and -1 not in reads and None not in reads
