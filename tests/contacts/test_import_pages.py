"""Upload -> preview -> confirm in the browser, with the plain test client (and htmx headers)."""

import re
from pathlib import Path

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from coffeechat.contacts.models import Contact, Organization, PendingImport

FIXTURES = Path(__file__).parent / "fixtures" / "import"
HTMX = {"HTTP_HX_REQUEST": "true"}


def upload(client, name, fmt="", **extra):
    data = (FIXTURES / name).read_bytes()
    return client.post(
        "/contacts/import/",
        {"file": SimpleUploadedFile(name, data), "format": fmt},
        **extra,
    )


def test_the_upload_page_explains_where_the_files_come_from(owner_client):
    response = owner_client.get("/contacts/import/")
    assert response.status_code == 200
    text = response.text
    assert 'enctype="multipart/form-data"' in text
    assert 'hx-encoding="multipart/form-data"' in text
    assert "data-upload-progress" in text and "data-upload-status" in text
    assert "Get a copy of your data" in text and "Connections" in text
    assert "Apple Contacts" in text and "Google Contacts" in text and "Outlook" in text


def test_upload_preview_confirm_creates_the_contacts(owner, owner_client):
    response = upload(owner_client, "linkedin_connections.csv")
    pending = PendingImport.objects.get(owner=owner)
    assert response.status_code == 302
    assert response.url == f"/contacts/import/{pending.pk}/"
    assert pending.format == "linkedin"
    assert Contact.objects.filter(owner=owner).count() == 0  # nothing saved yet

    preview = owner_client.get(response.url)
    assert preview.status_code == 200
    text = preview.text
    assert re.search(r"<strong>6</strong> to create", text)
    assert re.search(r"<strong>0</strong> to merge", text)
    assert re.search(r"<strong>1</strong> to skip", text)
    assert "Núñez" in text and "李" in text
    assert "no name: the first, last and full name are all blank" in text
    assert 'data-busy-text="Importing…"' in text

    done = owner_client.post(f"/contacts/import/{pending.pk}/confirm/")
    assert done.status_code == 302
    assert done.url == "/contacts/"
    assert Contact.objects.filter(owner=owner).count() == 6
    assert not PendingImport.objects.filter(pk=pending.pk).exists()
    listing = owner_client.get("/contacts/")
    assert "Created 6, merged 0, skipped 1." in listing.text


def test_the_preview_names_the_contact_a_row_merges_into(owner, owner_client):
    org = Organization.objects.create(owner=owner, name="Acme Robotics")
    zoe = Contact.objects.create(
        owner=owner,
        first_name="Zoë",
        last_name="Martin",
        organization=org,
        linkedin_url="https://www.linkedin.com/in/zoe-martin-4b1a2c3d/",
    )
    upload(owner_client, "contacts_40.vcf")
    pending = PendingImport.objects.get(owner=owner)
    text = owner_client.get(f"/contacts/import/{pending.pk}/").text
    assert re.search(r"<strong>1</strong> to merge", text)
    assert f'href="/contacts/{zoe.pk}/"' in text
    assert "same LinkedIn profile as Zoë Martin" in text


def test_confirming_twice_is_a_404_and_imports_once(owner, owner_client):
    upload(owner_client, "google_30.vcf")
    pending = PendingImport.objects.get(owner=owner)
    url = f"/contacts/import/{pending.pk}/confirm/"
    assert owner_client.post(url).status_code == 302
    assert owner_client.post(url).status_code == 404
    assert Contact.objects.filter(owner=owner).count() == 1


def test_confirm_only_accepts_post(owner, owner_client):
    upload(owner_client, "google_30.vcf")
    pending = PendingImport.objects.get(owner=owner)
    assert owner_client.get(f"/contacts/import/{pending.pk}/confirm/").status_code == 405
    assert Contact.objects.filter(owner=owner).count() == 0


def test_an_outsider_gets_404_on_someone_elses_import(owner, owner_client, outsider_client):
    upload(owner_client, "linkedin_connections.csv")
    pending = PendingImport.objects.get(owner=owner)
    assert outsider_client.get(f"/contacts/import/{pending.pk}/").status_code == 404
    assert (
        outsider_client.post(f"/contacts/import/{pending.pk}/", {"discard": "1"}).status_code == 404
    )
    assert outsider_client.post(f"/contacts/import/{pending.pk}/confirm/").status_code == 404
    assert Contact.objects.count() == 0
    assert PendingImport.objects.filter(pk=pending.pk).exists()


def test_a_broken_file_shows_the_upload_page_again_and_stores_nothing(owner, owner_client):
    response = upload(owner_client, "photo.png")
    assert response.status_code == 400
    assert "photo.png: this is a PNG image, not a contacts export." in response.text
    assert PendingImport.objects.count() == 0
    response = upload(owner_client, "cut_off.vcf")
    assert "cut_off.vcf: no complete vCard" in response.text
    assert PendingImport.objects.count() == 0


def test_with_htmx_the_upload_answers_with_a_redirect_header(owner, owner_client):
    response = upload(owner_client, "outlook_21.vcf", **HTMX)
    pending = PendingImport.objects.get(owner=owner)
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/contacts/import/{pending.pk}/"


def test_with_htmx_a_broken_file_swaps_in_the_form_with_its_error(owner_client):
    response = upload(owner_client, "not_contacts.txt", **HTMX)
    assert response.status_code == 200  # htmx does not swap 4xx answers
    assert response.text.lstrip().startswith('<form id="upload-form"')
    assert "no header row found" in response.text
    assert "<html" not in response.text


def test_the_mapping_of_a_generic_csv_can_be_edited_in_the_preview(owner, owner_client):
    upload(owner_client, "spreadsheet_semicolon.csv")
    pending = PendingImport.objects.get(owner=owner)
    url = f"/contacts/import/{pending.pk}/"
    text = owner_client.get(url).text
    headers = ["Name", "Email", "Company", "Role", "Notes"]  # the form's columns, in file order
    assert set(pending.mapping) == set(headers)
    assert '<option value="full_name" selected>' in text
    assert "Renée Dubois" in text  # the first value of the Name column, as a hint

    mapping = {"Name": "full_name", "Email": "email", "Company": "organization",
               "Role": "", "Notes": "tags"}  # fmt: skip
    form = {f"column_{i}": mapping[h] for i, h in enumerate(headers)}
    response = owner_client.post(url, form)
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.mapping == mapping

    owner_client.post(f"{url}confirm/")
    renee = Contact.objects.get(owner=owner)
    assert renee.title == ""
    assert [t.name for t in renee.tags.all()] == ["Rencontrée au forum"]


def test_with_htmx_a_mapping_change_returns_only_the_new_plan(owner, owner_client):
    upload(owner_client, "spreadsheet_semicolon.csv")
    pending = PendingImport.objects.get(owner=owner)
    form = {f"column_{i}": "" for i in range(5)}  # every column ignored: no name left
    response = owner_client.post(f"/contacts/import/{pending.pk}/", form, **HTMX)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="plan"')
    assert "no column holds a name" in response.text
    form["column_0"] = "full_name"
    response = owner_client.post(f"/contacts/import/{pending.pk}/", form, **HTMX)
    assert re.search(r"<strong>1</strong> to create", response.text)


def test_a_big_file_shows_only_the_first_rows_and_says_so(owner, owner_client):
    rows = "".join(f"Person,Number{n},,,,,\n" for n in range(250))
    data = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + rows
    response = owner_client.post(
        "/contacts/import/",
        {"file": SimpleUploadedFile("Connections.csv", data.encode())},
    )
    text = owner_client.get(response.url).text
    assert re.search(r"<strong>250</strong> to create", text)
    assert "the other 50 are counted above" in text
    assert text.count('class="row-create"') == 200


def test_uploads_left_for_more_than_a_day_are_forgotten(owner, owner_client, outsider):
    with time_machine.travel("2025-03-01 09:00Z"):
        PendingImport.objects.create(owner=outsider, filename="old.csv", data=b"Name\nA B\n")
        upload(owner_client, "google_30.vcf")
    with time_machine.travel("2025-03-02 10:00Z"):
        upload(owner_client, "outlook_21.vcf")
    assert list(PendingImport.objects.values_list("filename", flat=True)) == ["outlook_21.vcf"]


def test_cancelling_forgets_the_upload(owner, owner_client):
    upload(owner_client, "google_30.vcf")
    pending = PendingImport.objects.get(owner=owner)
    response = owner_client.post(f"/contacts/import/{pending.pk}/", {"discard": "1"})
    assert response.status_code == 302
    assert not PendingImport.objects.exists()
    assert Contact.objects.count() == 0
