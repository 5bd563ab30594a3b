import datetime

import time_machine
from django.contrib.auth import get_user_model

from coffeechat.accounts.models import Profile
from tests.conftest import PASSWORD


def test_logging_in_with_the_right_password_opens_the_home_page(client, owner):
    response = client.post("/accounts/login/", {"username": "olivia", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_a_wrong_password_is_refused_with_a_message(client, owner):
    response = client.post("/accounts/login/", {"username": "olivia", "password": "nope"})
    assert response.status_code == 200
    assert "correct username and password" in response.text
    assert client.get("/").status_code == 302


def test_logging_out_ends_the_session(owner_client):
    response = owner_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert owner_client.get("/").status_code == 302


def test_changing_the_password_needs_the_old_one(owner_client, owner):
    bad = owner_client.post(
        "/accounts/password/",
        {
            "old_password": "wrong",
            "new_password1": "fresh-lemon-91",
            "new_password2": "fresh-lemon-91",
        },
    )
    assert bad.status_code == 200
    good = owner_client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "fresh-lemon-91",
            "new_password2": "fresh-lemon-91",
        },
    )
    assert good.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("fresh-lemon-91")


def test_the_profile_saves_every_field(owner_client, owner):
    response = owner_client.post(
        "/accounts/profile/",
        {
            "name": "Olivia Owner",
            "school": "Wellesley",
            "class_year": "2027",
            "major": "Chemistry",
            "interests": "battery research",
            "availability": "Wednesdays 9-11am",
            "signature": "Olivia",
            "time_zone": "America/New_York",
            "follow_up_after_days": "10",
            "linkedin_premium": "on",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(owner=owner)
    assert (profile.class_year, profile.time_zone) == (2027, "America/New_York")
    assert profile.availability == "Wednesdays 9-11am"
    assert (profile.follow_up_after_days, profile.linkedin_premium) == (10, True)


def test_a_bad_class_year_is_explained(owner_client):
    response = owner_client.post("/accounts/profile/", {"class_year": "27", "time_zone": "UTC"})
    assert response.status_code == 200
    assert "four-digit year" in response.text


def test_pages_use_the_profile_time_zone(owner_client, owner):
    Profile.objects.filter(owner=owner).update(time_zone="Asia/Tokyo")
    owner_client.get("/")
    assert owner_client.session["coffeechat_tz"][0] == "Asia/Tokyo"


def test_a_time_zone_changed_elsewhere_reaches_this_browser_within_minutes(owner_client, owner):
    """Changed on a phone, say: the laptop's session reads the profile again soon after."""
    start = datetime.datetime(2026, 3, 4, 20, 0, tzinfo=datetime.UTC)  # already 5 Mar in Tokyo
    with time_machine.travel(start, tick=False):
        assert "Wednesday 4 March 2026" in owner_client.get("/agenda/").text
        Profile.objects.filter(owner=owner).update(time_zone="Asia/Tokyo")
        assert "Wednesday 4 March 2026" in owner_client.get("/agenda/").text  # kept a while
    with time_machine.travel(start + datetime.timedelta(minutes=6), tick=False):
        assert "Thursday 5 March 2026" in owner_client.get("/agenda/").text


def test_staff_can_open_the_admin(owner_client, owner):
    get_user_model().objects.filter(pk=owner.pk).update(is_staff=True, is_superuser=True)
    assert owner_client.get("/admin/").status_code == 200
    assert owner_client.get("/admin/contacts/contact/").status_code == 200
