import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.community.models import SavedVolunteer
from coffeechat.community.roles import Role
from coffeechat.contacts.models import Contact
from tests.community.conftest import client_for
from tests.community.world import make_profile, person

NOW = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)


def names(response) -> list[str]:
    return [r.profile.name for r in response.context["results"]]


@pytest.fixture
def people(world):
    """Three more volunteers beside Vera Núñez (health, nurse practitioner in Boston)."""
    jose = make_profile(
        person("jose", Role.VOLUNTEER, name="José Álvarez"),
        title="Data Engineer",
        organization="Ionic Labs",
        industries="Energy",
        location="São Paulo",
        majors="Physics",
        class_year=2015,
        topics="graduate school, changing fields",
        languages="Português, English",
    )
    world.arts.join(jose.owner)
    kim = make_profile(
        person("kim", Role.VOLUNTEER, name="Kim Lee"),
        title="Editor",
        organization="Harbor Press",
        industries="Publishing",
        location="New York",
        class_year=2009,
    )
    world.arts.join(kim.owner)
    paused = make_profile(
        person("pat", Role.VOLUNTEER, name="Pat Paused"), paused_until=dt.date(2026, 4, 1)
    )
    return {"jose": jose, "kim": kim, "pat": paused}


@pytest.fixture
def student(world):
    return client_for(world.student)


def test_search_ignores_accents_and_case(student, people):
    assert names(student.get("/network/", {"q": "JOSE alvarez"})) == ["José Álvarez"]
    assert names(student.get("/network/", {"q": "núñez"})) == ["Vera Núñez"]
    assert names(student.get("/network/", {"q": "sao"})) == ["José Álvarez"]


def test_a_word_matches_the_start_of_a_word_only(student, people):
    assert names(student.get("/network/", {"q": "engin"})) == ["José Álvarez"]
    assert names(student.get("/network/", {"q": "ngineer"})) == []


@pytest.mark.parametrize(
    "query,expected",
    [
        ({"industry": "energy"}, ["José Álvarez"]),
        ({"organization": "harbor"}, ["Kim Lee", "Pat Paused", "Vera Núñez"]),
        ({"organization": "harbor press"}, ["Kim Lee"]),
        ({"title": "ENGINEER"}, ["José Álvarez"]),
        ({"location": "new york"}, ["Kim Lee"]),
        ({"class_year": "2009"}, ["Kim Lee"]),
        ({"major": "physics"}, ["José Álvarez"]),
        ({"topic": "Changing Fields"}, ["José Álvarez"]),
        ({"language": "portugues"}, ["José Álvarez"]),
        ({"language": "espanol"}, ["Kim Lee", "Pat Paused", "Vera Núñez"]),
        ({"q": "harbor", "class_year": "2009"}, ["Kim Lee"]),
    ],
)
def test_each_filter_narrows_the_list(student, people, query, expected):
    assert names(student.get("/network/", query)) == expected


def test_community_filter(student, world, people):
    response = student.get("/network/", {"community": world.arts.pk})
    assert names(response) == ["José Álvarez", "Kim Lee"]


def test_taking_requests_now_leaves_out_paused_and_full(student, people):
    with time_machine.travel(NOW, tick=False):
        people["kim"].monthly_capacity = 0
        people["kim"].save()
        response = student.get("/network/", {"available": "on"})
        assert names(response) == ["José Álvarez", "Vera Núñez"]


def test_results_say_why_each_person_matched(student, world, people):
    response = student.get(
        "/network/", {"q": "changing", "community": world.arts.pk, "language": "portugues"}
    )
    (result,) = response.context["results"]
    assert result.reasons == [
        "“changing” in topic: graduate school, changing fields",
        "language: Português",
        "in the Arts and media community",
    ]
    assert "Matched: “changing” in topic" in response.content.decode()


def test_a_limited_field_can_not_be_found_by_search(student, people):
    jose = people["jose"]
    jose.visibility = {"organization": "students", "location": "accepted"}
    jose.save()
    assert names(student.get("/network/", {"q": "ionic"})) == []
    assert names(student.get("/network/", {"location": "paulo"})) == []
    assert names(student.get("/network/", {"q": "jose"})) == ["José Álvarez"]


def test_a_deactivated_profile_vanishes_from_the_directory(world, people):
    adviser = client_for(world.adviser)
    page = adviser.get(f"/network/people/{world.profile.pk}/deactivate/")
    assert "Yes, deactivate" in page.content.decode()
    adviser.post(f"/network/people/{world.profile.pk}/deactivate/")
    student = client_for(world.student)
    assert "Vera Núñez" not in names(student.get("/network/"))
    assert student.get(f"/network/people/{world.profile.pk}/").status_code == 404
    assert adviser.get(f"/network/people/{world.profile.pk}/").status_code == 200
    adviser.post(f"/network/people/{world.profile.pk}/reactivate/")
    assert "Vera Núñez" in names(student.get("/network/"))


def test_an_adviser_of_another_community_can_not_deactivate(world):
    response = client_for(world.other_adviser).post(
        f"/network/people/{world.profile.pk}/deactivate/"
    )
    assert response.status_code == 404
    world.profile.refresh_from_db()
    assert world.profile.is_active


def test_save_to_my_contacts_makes_a_linked_contact_without_private_details(world, student):
    response = student.post(f"/network/people/{world.profile.pk}/save/")
    contact = Contact.objects.get(owner=world.student)
    assert response.url == f"/contacts/{contact.pk}/"
    assert contact.full_name == "Vera Núñez"
    assert contact.source == "school-network"
    assert contact.organization.name == "Harbor Clinic"
    assert contact.emails == [] and contact.phone == ""
    assert SavedVolunteer.objects.get(owner=world.student).contact == contact
    # saving again keeps the one contact, and the page says where it is
    student.post(f"/network/people/{world.profile.pk}/save/")
    assert Contact.objects.filter(owner=world.student).count() == 1
    page = student.get(f"/network/people/{world.profile.pk}/").content.decode()
    assert f'href="/contacts/{contact.pk}/"' in page


def test_the_directory_costs_the_same_queries_for_3_or_30_profiles(student, world):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert (
                student.get("/network/", {"q": "nurse", "language": "english"}).status_code == 200
            )
        return len(queries)

    count()  # the first request of a session reads a few things once
    few = count()
    for number in range(30):
        volunteer = person(f"v{number}", Role.VOLUNTEER, name=f"Vol {number}")
        world.health.join(volunteer)
        make_profile(volunteer)
    assert count() == few


def test_an_empty_directory_says_what_to_do(student, world):
    world.profile.deactivate()
    assert "No volunteers yet" in student.get("/network/").content.decode()


def test_no_match_says_so(student, people):
    assert "Nobody matches" in student.get("/network/", {"q": "zzzz"}).content.decode()
