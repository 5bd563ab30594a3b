"""The contact search is answered from an index (FTS5 on SQLite, trigrams on PostgreSQL):
a typed word finds the start of a word, in the contact's text, their organization's name
or a tag's, and the index follows every change to a contact."""

import pytest
from django.db import connection

from coffeechat.contacts.models import Contact, Organization, Tag
from coffeechat.contacts.search import distinct_fields, search_contacts
from tests.conftest import make_user


@pytest.fixture
def ada(owner):
    org = Organization.objects.create(owner=owner, name="Harborview Medical")
    ada = Contact.objects.create(
        owner=owner,
        first_name="Ada",
        last_name="Quist",
        title="Software engineer",
        organization=org,
    )
    ada.tags.add(Tag.objects.create(owner=owner, name="alumni-mentors"))
    return ada


def found(owner, typed):
    return [contact.first_name for contact in search_contacts(owner, q=typed)]


@pytest.mark.parametrize("typed", ["eng", "engineer", "soft", "harbor", "medic", "alumni", "ment"])
def test_a_word_is_found_by_its_start(owner, ada, typed):
    assert found(owner, typed) == ["Ada"]


@pytest.mark.parametrize("typed", ["neer", "ware", "view", "umni"])
def test_the_middle_of_a_word_finds_nothing(owner, ada, typed):
    assert found(owner, typed) == []


def test_every_word_must_match_somewhere(owner, ada):
    assert found(owner, "ada harbor alumni") == ["Ada"]
    assert found(owner, "ada boston") == []


def test_the_index_follows_edits_and_deletions(owner, ada):
    ada.title = "Nurse practitioner"
    ada.save()
    assert found(owner, "engineer") == []
    assert found(owner, "practitioner") == ["Ada"]

    Contact.objects.filter(pk=ada.pk).update(search_text=" ada quist pilot ")
    assert found(owner, "pilot") == ["Ada"]

    ada.delete()
    assert found(owner, "pilot") == []


def test_someone_elses_matching_contact_is_not_found(owner, outsider, ada):
    Contact.objects.create(owner=outsider, first_name="Ada", title="Engineer")
    assert found(owner, "engineer") == ["Ada"]
    assert found(outsider, "harbor") == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 triggers exist on SQLite only")
def test_every_full_text_index_has_the_triggers_that_keep_it_in_step(db):
    """A migration that makes SQLite rebuild a table drops its triggers with it; the
    migrations must put them back (textsearch.fts5_triggers)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'")
        indexes = [name for (name,) in cursor.fetchall()]
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in cursor.fetchall()}
    assert "contacts_contact_fts" in indexes
    for index in indexes:
        assert {f"{index}_ai", f"{index}_ad", f"{index}_au"} <= triggers, index


def test_the_field_filter_offers_each_of_the_owners_fields_once_in_order(owner, outsider):
    for field in ["Nursing", "Chemistry", "", "Nursing", "Art history", "Chemistry"]:
        Contact.objects.create(owner=owner, first_name="P", field=field)
    Contact.objects.create(owner=outsider, first_name="Q", field="Zoology")

    assert distinct_fields(owner) == ["Art history", "Chemistry", "Nursing"]
    assert distinct_fields(outsider) == ["Zoology"]
    assert distinct_fields(make_user("newcomer")) == []
