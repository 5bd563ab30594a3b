"""Upgrading a database: each interview's "about the person" joins its contact's note."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("interviews", "0003_speed_indexes"), ("contacts", "0007_school_network_source")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_moves_research_onto_the_contact_without_repeating_it():
    old = migrate(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="mia")
    Contact = old.get_model("contacts", "Contact")
    Interview = old.get_model("interviews", "Interview")
    ana = Contact.objects.create(owner=user, first_name="Ana", research_notes="Writes a blog.")
    ben = Contact.objects.create(owner=user, first_name="Ben")
    for contact, text in [
        (ana, "Leads the data team."),
        (ana, "Leads the data team."),  # the same text on a second conversation
        (ana, "Writes a blog."),  # already in the note
        (ben, "Moved from teaching."),
        (ben, ""),
    ]:
        Interview.objects.create(owner=user, contact=contact, research_person=text)

    executor = MigrationExecutor(connection)
    new = migrate(executor.loader.graph.leaf_nodes())

    notes = dict(
        new.get_model("contacts", "Contact").objects.values_list("first_name", "research_notes")
    )
    assert notes == {"Ana": "Writes a blog.\n\nLeads the data team.", "Ben": "Moved from teaching."}
    from coffeechat.contacts.models import Contact as Live
    from coffeechat.contacts.search import search_contacts

    assert [
        c.first_name
        for c in search_contacts(Live.objects.get(first_name="Ben").owner, q="teaching")
    ] == ["Ben"]
