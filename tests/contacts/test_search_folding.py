"""The contact search finds what a person types: accents, case and apostrophes aside.

Every way a contact reaches the database (the form's save, an import, a restore, a bulk
insert) stores the folded search column, so the same words find them on SQLite and on
PostgreSQL.
"""

import pytest

from coffeechat.backup.files import export_backup, restore_backup
from coffeechat.contacts.importing.apply import run_import
from coffeechat.contacts.models import Contact, Organization, Tag
from coffeechat.contacts.search import pick_contacts, search_contacts
from tests.conftest import make_user

PEOPLE = [
    ("José", "García", "Analyst"),
    ("Zoë", "Müller", "Engineer"),
    ("Siobhán", "O’Neil", "Nurse"),  # a curly apostrophe, as phones type it
    ("Dara", "D'Souza", "Teacher"),
]


@pytest.fixture
def people(owner):
    return [
        Contact.objects.create(owner=owner, first_name=first, last_name=last, title=title)
        for first, last, title in PEOPLE
    ]


def names(queryset):
    return sorted(contact.full_name for contact in queryset)


@pytest.mark.parametrize(
    "typed, found",
    [
        ("jose", "José García"),
        ("garcia", "José García"),
        ("GARCÍA", "José García"),
        ("muller", "Zoë Müller"),
        ("zoe", "Zoë Müller"),
        ("oneil", "Siobhán O’Neil"),
        ("o'neil", "Siobhán O’Neil"),
        ("neil", "Siobhán O’Neil"),
        ("siobhan", "Siobhán O’Neil"),
        ("dsouza", "Dara D'Souza"),
        ("d’souza", "Dara D'Souza"),
        ("jose analyst", "José García"),
    ],
)
def test_a_name_is_found_however_it_is_typed(owner, people, typed, found):
    assert names(search_contacts(owner, q=typed)) == [found]


def test_every_typed_word_must_match_somewhere(owner, people):
    assert names(search_contacts(owner, q="jose engineer")) == []


def test_organizations_and_tags_are_found_without_their_accents(owner, people):
    jose, zoe, *_ = people
    jose.organization = Organization.named(owner, "Société Générale")
    jose.save()
    zoe.set_tags(["Café crowd"])
    assert names(search_contacts(owner, q="societe")) == ["José García"]
    assert names(search_contacts(owner, q="cafe")) == ["Zoë Müller"]
    assert names(search_contacts(owner, organization="generale")) == ["José García"]


def test_an_edited_contact_is_found_by_its_new_words(owner, people):
    jose = people[0]
    jose.title = "Économiste"
    jose.save(update_fields=["title"])
    assert names(search_contacts(owner, q="economiste")) == ["José García"]
    assert names(search_contacts(owner, q="analyst")) == []


def test_a_renamed_organization_is_found_by_its_new_name(owner, people):
    organization = Organization.named(owner, "Acme")
    Contact.objects.filter(pk=people[0].pk).update(organization=organization)
    organization.name = "Crédit Agricole"
    organization.save(update_fields=["name"])
    assert names(search_contacts(owner, q="credit")) == ["José García"]


def test_imported_contacts_are_found_without_accents(owner):
    csv = "First Name,Last Name,Company,Position\nRenée,Lefèvre,Société Générale,Économiste\n"
    run_import(owner, csv.encode(), "people.csv")
    assert names(search_contacts(owner, q="renee")) == ["Renée Lefèvre"]
    assert names(search_contacts(owner, q="societe economiste")) == ["Renée Lefèvre"]


def test_a_merge_by_import_refreshes_the_search_words(owner):
    Contact.objects.create(owner=owner, first_name="Renée", last_name="Lefèvre", emails=["r@x.fr"])
    csv = "First Name,Last Name,Email Address,Position\nRenée,Lefèvre,r@x.fr,Économiste\n"
    run_import(owner, csv.encode(), "people.csv")
    assert names(search_contacts(owner, q="economiste")) == ["Renée Lefèvre"]


def test_restored_contacts_organizations_and_tags_are_found_without_accents(owner, people):
    people[0].organization = Organization.named(owner, "Société Générale")
    people[0].save()
    people[1].set_tags(["Café crowd"])
    newcomer = make_user("newcomer")
    restore_backup(newcomer, export_backup(owner))
    assert names(search_contacts(newcomer, q="jose societe")) == ["José García"]
    assert names(search_contacts(newcomer, q="cafe")) == ["Zoë Müller"]


def test_rows_made_in_bulk_are_found_too(owner):
    Contact.objects.bulk_create([Contact(owner=owner, first_name="Åsa", last_name="Ström")])
    Tag.objects.bulk_create([Tag(owner=owner, name="Göteborg")])
    assert names(search_contacts(owner, q="asa strom")) == ["Åsa Ström"]
    assert Tag.objects.get(owner=owner).search_name == " goteborg "


def test_the_backup_leaves_the_search_column_out(owner, people):
    data = export_backup(owner)
    assert "search_text" not in data["contacts"][0]


def test_the_plan_a_conversation_picker_finds_by_the_same_rules(owner, people):
    assert [c.full_name for c in pick_contacts(owner, "muller")] == ["Zoë Müller"]


def test_another_persons_contacts_are_never_found(owner, outsider, people):
    assert names(search_contacts(outsider, q="jose")) == []


def test_the_contact_list_page_finds_an_accented_name(owner_client, people):
    page = owner_client.get("/contacts/?q=zoe").content.decode()
    assert "Müller" in page
    assert "García" not in page


def test_the_upgrade_folds_the_contacts_already_stored(owner, people):
    from importlib import import_module

    from django.apps import apps

    Contact.objects.update(search_text="")  # as a database from before the column holds them
    import_module("coffeechat.contacts.migrations.0008_search_columns").fill(apps, None)
    assert names(search_contacts(owner, q="muller")) == ["Zoë Müller"]
