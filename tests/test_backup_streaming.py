"""The JSON export written in chunks (issue 14): the same file, in bounded memory, with no
query whose size grows with the account (SQLite refused one IN over 302,000 contacts)."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat import backup
from coffeechat.backup import fields, model_sections
from coffeechat.contacts import backup as contacts_backup
from coffeechat.contacts import exporting
from coffeechat.contacts.models import Contact
from tests.rich_account import build_rich_account


@pytest.fixture
def rich_owner(owner):
    build_rich_account(owner)
    return owner


def streamed(user) -> str:
    parts = []
    backup.write_backup(user, parts.append)
    return "".join(parts)


def without_time(text: str) -> str:
    return re.sub(r'"exported_at": "[^"]*"', '"exported_at": ""', text)


@pytest.fixture
def tiny_chunks(monkeypatch):
    """Two records at a time: every section of the rich account takes several chunks."""
    for module in (fields, model_sections, contacts_backup):
        monkeypatch.setattr(module, "EXPORT_CHUNK", 2)
    monkeypatch.setattr(exporting, "CHUNK", 2)


def test_the_streamed_file_is_the_same_text_as_the_whole_one(rich_owner):
    whole = backup.dump_backup(backup.export_backup(rich_owner))
    assert without_time(streamed(rich_owner)) == without_time(whole)


def test_read_in_chunks_of_two_it_is_still_the_same_file(rich_owner, tiny_chunks):
    whole = backup.dump_backup(backup.export_backup(rich_owner))
    assert without_time(streamed(rich_owner)) == without_time(whole)
    assert '"referred_by": 1' in whole  # a link within a section survives the chunks


def test_an_empty_account_streams_the_same_file_too(owner):
    whole = backup.dump_backup(backup.export_backup(owner))
    assert without_time(streamed(owner)) == without_time(whole)
    assert '"contacts": []' in whole


def test_no_query_grows_with_the_number_of_contacts(owner, tiny_chunks):
    Contact.objects.bulk_create(
        [Contact(owner=owner, first_name=f"P{i}", last_name="Lee") for i in range(9)]
    )
    for contact in Contact.objects.filter(owner=owner):
        contact.set_tags(["alumni", f"t{contact.pk % 3}"])
    with CaptureQueriesContext(connection) as queries:
        streamed(owner)
        for fmt in ("csv", "vcard"):
            exporting.write_export(owner, fmt, io.BytesIO())
    lists = [found for q in queries for found in re.findall(r" IN \(([^)]*)\)", q["sql"])]
    assert lists  # tags are fetched with IN ...
    assert max(len(found.split(",")) for found in lists) <= 2  # ... one chunk's ids at a time


def test_the_csv_and_cards_read_in_chunks_are_the_same_files(rich_owner, monkeypatch):
    whole = {fmt: exporting.export_file(rich_owner, fmt) for fmt in ("csv", "vcard")}
    monkeypatch.setattr(exporting, "CHUNK", 1)
    assert {fmt: exporting.export_file(rich_owner, fmt) for fmt in ("csv", "vcard")} == whole
