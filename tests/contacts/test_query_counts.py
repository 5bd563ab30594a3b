"""The contact pages issue a fixed number of queries, however many contacts there are.

Each page is asked for with 2 contacts and with 60 (several organizations, tags,
emails, referrals: bench/generate.py's data, smaller) and must issue exactly the
pinned number both times. A page that grows a query per row fails here long before
it is slow at 5,000 contacts (`make bench` measures that).
"""

import pytest

from bench.generate import generate
from coffeechat.contacts.models import Contact, Organization

# Every request starts with two: the session and the user. Then the filter form's
# fields and tags, and the page: without a filter, a count, the page's ids, its rows
# and their tags; with one, the matching ids (counted in Python), rows and tags.
LIST = 8
SEARCH = 7
LIST_PAGES = [
    ("/contacts/", LIST),
    ("/contacts/?page=2", LIST),
    ("/contacts/?q=engineer", SEARCH),
    ("/contacts/?q=boston+alumni", SEARCH),
    ("/contacts/?source=alum", SEARCH),
    ("/contacts/?field=Software", SEARCH),
    ("/contacts/?tag=alumni", SEARCH),
    ("/contacts/?organization={organization}", SEARCH),
    ("/contacts/?organization=labs", SEARCH),
    ("/contacts/?q=a&source=alum&tag=boston&page=2", SEARCH),
]
# No rows to show: no page query, no tags, but one to tell "no match" from "no contacts".
NO_MATCH = 6


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Hashing the owner's password dominates these tests otherwise; no login is tested here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(params=[2, 60], ids=lambda size: f"{size} contacts")
def dataset(request, owner, owner_client):
    size = request.param
    data = generate(owner, contacts=size, organizations=max(2, size // 5))
    # Someone every search and filter below finds, so both sizes render rows.
    ada = Contact.objects.create(
        owner=owner,
        first_name="Ada",
        last_name="Singh",
        title="Software Engineer",
        organization=Organization.objects.create(owner=owner, name="Ionic Labs"),
        field="Software",
        emails=["ada@ioniclabs.example", "ada.singh@alumni.example.edu"],
        source="alum",
        referred_by=data.contacts[0],
    )
    ada.set_tags(["alumni", "boston"])
    # The first request of a session also stores the user's time zone in it.
    owner_client.get("/contacts/")
    return data


def busiest(model, related):
    """The object with the most related rows, so the 60-contact case shows them all."""
    from django.db.models import Count

    return model.objects.annotate(n=Count(related)).order_by("-n", "pk").first()


def fill(url, dataset):
    return url.format(
        organization=busiest(Organization, "contacts").pk,
        contact=busiest(Contact, "referrals").pk,
    )


@pytest.mark.parametrize("url, queries", LIST_PAGES)
def test_the_contact_list_issues_a_fixed_number_of_queries(
    owner_client, dataset, url, queries, django_assert_num_queries
):
    url = fill(url, dataset)
    with django_assert_num_queries(queries):
        response = owner_client.get(url)
    assert response.status_code == 200


def test_a_search_that_finds_nobody_issues_a_fixed_number_of_queries(
    owner_client, dataset, django_assert_num_queries
):
    with django_assert_num_queries(NO_MATCH):
        response = owner_client.get("/contacts/?q=zzz-nobody")
    assert "No contacts match" in response.text


def test_the_search_as_you_type_fragment_issues_a_fixed_number_of_queries(
    owner_client, dataset, django_assert_num_queries
):
    with django_assert_num_queries(SEARCH):
        response = owner_client.get(
            "/contacts/?q=engineer", headers={"HX-Request": "true", "HX-Target": "results"}
        )
    assert response.status_code == 200
    row = response.text.split("Ada Singh", 1)[1].split("</tr>", 1)[0]
    assert "Ionic Labs" in row
    assert "Software Engineer" in row
    assert "<td>Alum</td>" in row
    assert ">alumni</a>" in row and ">boston</a>" in row


def test_the_contact_page_issues_a_fixed_number_of_queries(
    owner_client, dataset, django_assert_num_queries
):
    contact = busiest(Contact, "referrals")
    assert contact.emails or len(dataset.contacts) == 2
    # The contact with organization and referrer, tags, referrals; the messages panel;
    # the interviews panel: keep-in-touch, whether they have met, interactions, interviews.
    with django_assert_num_queries(11):
        response = owner_client.get(f"/contacts/{contact.pk}/")
    assert response.status_code == 200
    if len(dataset.contacts) == 60:
        assert contact.referrals.exists()
        assert "People they referred you to" in response.text


@pytest.mark.parametrize(
    "url, queries",
    [
        ("/contacts/organizations/", 4),
        ("/contacts/organizations/?q=labs&page=2", 4),
        ("/contacts/organizations/{organization}/", 4),
    ],
)
def test_the_organization_pages_issue_a_fixed_number_of_queries(
    owner_client, dataset, url, queries, django_assert_num_queries
):
    url = fill(url, dataset)
    with django_assert_num_queries(queries):
        response = owner_client.get(url)
    assert response.status_code == 200


def test_the_sixty_contact_account_has_what_the_pages_show(owner):
    """Guards the fixture: the larger case really has referrals, tags and emails."""
    generate(owner, contacts=60, organizations=12)
    contacts = Contact.objects.owned_by(owner)
    assert Organization.objects.owned_by(owner).count() == 12
    assert contacts.filter(referred_by__isnull=False).count() >= 5
    assert contacts.filter(tags__isnull=False).distinct().count() >= 30
    assert sum(len(c.emails) > 1 for c in contacts) >= 3
