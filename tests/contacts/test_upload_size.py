"""The upload limit is said in the same megabytes everywhere: the page, the error, the docs."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from coffeechat.contacts.models import PendingImport
from coffeechat.sizes import MEGABYTE, megabytes

DOCS = Path(__file__).resolve().parents[2] / "docs" / "CONFIGURATION.md"


def test_the_default_limit_reads_as_the_docs_say(owner_client, settings):
    assert megabytes(settings.IMPORT_MAX_BYTES) == "20 MB"
    assert "`20971520` (20 MB)" in DOCS.read_text()
    assert "Up to 20 MB." in owner_client.get("/contacts/import/").text


def test_a_file_just_over_the_limit_is_refused_in_the_same_units(owner_client, settings):
    settings.IMPORT_MAX_BYTES = 2 * MEGABYTE
    upload = SimpleUploadedFile("big.csv", b"x" * (2 * MEGABYTE + 1))
    response = owner_client.post("/contacts/import/", {"file": upload, "format": ""})
    assert response.status_code == 400
    assert "big.csv is 2.1 MB; files up to 2 MB can be imported." in response.text
    assert not PendingImport.objects.exists()


def test_sizes_in_words():
    assert megabytes(20 * MEGABYTE) == "20 MB"
    assert megabytes(int(20.5 * MEGABYTE)) == "20.5 MB"
    assert megabytes(20 * MEGABYTE + 1, round_up=True) == "20.1 MB"
