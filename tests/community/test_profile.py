import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from coffeechat.community import visibility
from coffeechat.community.answering import MIN_REQUESTS, AnswerRate, answer_rate
from coffeechat.community.availability import parse_windows
from coffeechat.community.models import VolunteerProfile
from coffeechat.community.models.profiles import LIMITABLE, PRIVATE
from coffeechat.community.roles import Role, grant
from tests.community.conftest import client_for
from tests.community.world import make_profile, person

NOW = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)

FORM = {
    "name": "Vera Núñez",
    "class_year": "2009",
    "majors": "Biology",
    "title": "Nurse practitioner",
    "organization": "Harbor Clinic",
    "industries": "Health care, Public health",
    "location": "Boston",
    "time_zone": "America/New_York",
    "career_path": "Staff nurse\nResearch assistant",
    "topics": "night shifts",
    "languages": "English, Español",
    "reach_by": ["app", "video"],
    "availability": "Tue 18:00-20:00\nsat 9-11",
    "monthly_capacity": "3",
    "email": "vera@alumni.example",
    "phone": "+1 617 555 0100",
    "linkedin_url": "linkedin.com/in/vera",
    **{f"see_{field}": "signed-in" for field in LIMITABLE if field not in PRIVATE},
}


def test_a_volunteer_fills_in_their_profile(world):
    newcomer = person("nia", Role.VOLUNTEER, name="Nia Newcomer")
    response = client_for(newcomer).post("/network/profile/", {**FORM, "see_location": "students"})
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(owner=newcomer)
    assert profile.availability == [
        {"day": "tue", "start": "18:00", "end": "20:00"},
        {"day": "sat", "start": "09:00", "end": "11:00"},
    ]
    assert profile.reach_by == ["app", "video"]
    assert profile.audience("location") == "students"
    assert profile.audience("email") == "accepted"
    assert profile.confirmed_at is not None
    assert sorted(profile.facets.values_list("folded", flat=True)) == [
        "biology",
        "english",
        "espanol",
        "health care",
        "night shifts",
        "public health",
    ]
    # a field limited to students is not searchable by anyone
    assert "boston" not in profile.search_all


def test_a_bad_availability_line_is_named(world):
    newcomer = person("nia", Role.VOLUNTEER)
    response = client_for(newcomer).post("/network/profile/", {**FORM, "availability": "Tue 20-18"})
    assert response.status_code == 200
    assert "ends before it starts" in response.content.decode()
    assert not VolunteerProfile.objects.filter(owner=newcomer).exists()


@pytest.mark.parametrize("text", ["Funday 9-10", "Tue 25:00-26:00", "Tue"])
def test_windows_that_do_not_exist_are_refused(text):
    with pytest.raises(ValueError):
        parse_windows(text)


def test_email_and_phone_are_never_shown_before_a_request_is_accepted(world):
    world.profile.visibility = {"email": "signed-in", "phone": "students"}
    world.profile.save()
    page = client_for(world.student).get(f"/network/people/{world.profile.pk}/").content.decode()
    assert world.profile.email not in page
    assert world.profile.phone not in page
    assert world.profile.title in page


def test_a_field_limited_to_students_is_hidden_from_others(world):
    world.profile.visibility = {"organization": "students"}
    world.profile.save()
    url = f"/network/people/{world.profile.pk}/"
    assert "Harbor Clinic" in client_for(world.student).get(url).content.decode()
    other_volunteer = person("val", Role.VOLUNTEER)
    assert "Harbor Clinic" not in client_for(other_volunteer).get(url).content.decode()
    assert "Harbor Clinic" not in client_for(world.adviser).get(url).content.decode()


def test_an_accepted_request_opens_the_limited_fields(world, monkeypatch):
    """The hook issue 13 fills in: one function decides, and the page follows it."""
    world.profile.visibility = {"organization": "accepted"}
    world.profile.save()
    assert "organization" not in visibility.visible_fields(world.profile, world.student)
    monkeypatch.setattr(visibility, "has_accepted_request", lambda profile, viewer: True)
    shown = visibility.visible_fields(world.profile, world.student)
    assert {"organization", "email", "phone"} <= shown


def test_the_answer_rate_shows_only_with_enough_requests(world, monkeypatch):
    from coffeechat.community import answering

    assert answer_rate(world.profile) is None
    few = AnswerRate(received=MIN_REQUESTS - 1, answered=2, typical_hours=30)
    monkeypatch.setattr(answering, "request_counts", lambda profile: few)
    assert answer_rate(world.profile) is None
    enough = AnswerRate(received=MIN_REQUESTS * 2, answered=MIN_REQUESTS * 2 - 1, typical_hours=30)
    monkeypatch.setattr(answering, "request_counts", lambda profile: enough)
    assert answer_rate(world.profile).share == 90
    page = client_for(world.student).get(f"/network/people/{world.profile.pk}/").content.decode()
    assert "Answers 90% of requests, usually within 30 hours" in page


def test_a_profile_not_confirmed_in_six_months_may_be_slow_to_answer(world):
    with time_machine.travel(NOW, tick=False):
        profile = make_profile(person("sol", Role.VOLUNTEER, name="Sol Stale"), title="Editor")
        profile.confirm(NOW - dt.timedelta(days=200))
        world.profile.confirm(NOW - dt.timedelta(days=10))
        listing = client_for(world.student).get("/network/").content.decode()
        sol_part = listing.split("Sol Stale")[1]
        assert "May be slow to answer" in sol_part
        assert "May be slow to answer" not in listing.split("Sol Stale")[0]
        own = client_for(profile.owner).get("/network/profile/").content.decode()
        assert "Is this still right?" in own
        client_for(profile.owner).post("/network/profile/confirm/")
        profile.refresh_from_db()
        assert profile.confirmed_at == NOW
        assert not profile.is_stale(NOW)


def test_pausing_stops_requests_until_the_day_and_resuming_restarts(world):
    with time_machine.travel(NOW, tick=False):
        vera = client_for(world.volunteer)
        until = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
        assert vera.post("/network/profile/pause/", {"until": until}).status_code == 302
        world.profile.refresh_from_db()
        assert not world.profile.is_taking_requests(NOW.date())
        assert world.profile.is_taking_requests(NOW.date() + dt.timedelta(days=30))
        vera.post("/network/profile/resume/")
        world.profile.refresh_from_db()
        assert world.profile.paused_until is None


@pytest.mark.parametrize("until", ["2026-03-02", "2027-06-01", "not a date"])
def test_a_pause_in_the_past_or_too_far_is_refused(world, until):
    with time_machine.travel(NOW, tick=False):
        client_for(world.volunteer).post("/network/profile/pause/", {"until": until})
        world.profile.refresh_from_db()
        assert world.profile.paused_until is None


def test_a_student_without_the_volunteer_role_has_no_profile_page(world):
    assert client_for(world.student).get("/network/profile/").status_code == 403
    grant(world.student, Role.VOLUNTEER)
    assert client_for(world.student).get("/network/profile/").status_code == 200
