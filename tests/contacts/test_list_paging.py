"""The contact list's pages read the later half of the list backwards (views/contacts.py,
``_IdsFromNearerEnd``): every page still shows the contacts in name order, each once,
ties broken by the id, and the last page is read from the end of the name index."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.contacts.models import Contact

NAMES = [
    ("Ada", "singh"),
    ("ada", "Singh"),  # the same name in other letters: the id decides
    ("Ada", "Singh"),
    ("Bo", "Andersson"),
    ("", ""),
    ("Zoë", "Abara"),
    ("Carl", "Zimmer"),
    ("Dee", "Müller"),
    ("Eve", "muller"),
    ("Flo", "Singh"),
    ("Gus", "Ng"),
]


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr("coffeechat.contacts.views.contacts.PAGE_SIZE", 3)


@pytest.fixture
def people(owner):
    Contact.objects.bulk_create(
        Contact(owner=owner, first_name=first, last_name=last) for first, last in NAMES
    )
    return list(Contact.objects.owned_by(owner).values_list("pk", flat=True))


def shown(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'href="/contacts/(\d+)/"', response.text)]


def test_every_page_lists_its_contacts_in_name_order(owner_client, people, small_pages):
    pages = [shown(owner_client.get(f"/contacts/?page={n}")) for n in range(1, 5)]

    assert [len(page) for page in pages] == [3, 3, 3, 2]
    assert [pk for page in pages for pk in page] == people


def test_a_page_past_the_end_shows_the_last_page(owner_client, people, small_pages):
    assert shown(owner_client.get("/contacts/?page=99")) == people[-2:]


def test_the_last_page_is_read_from_the_end_of_the_name_index(owner_client, people, small_pages):
    with CaptureQueriesContext(connection) as captured:
        owner_client.get("/contacts/?page=4")
    [sql] = [q["sql"] for q in captured if "ORDER BY" in q["sql"] and "LIMIT" in q["sql"]]

    assert " DESC" in sql
    assert "OFFSET" not in sql
    assert "LIMIT 2" in sql
