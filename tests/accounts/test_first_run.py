import pytest
from django.contrib.auth import get_user_model

from coffeechat.accounts.models import Profile, make_setup_token

User = get_user_model()


def setup_url():
    return f"/accounts/setup/{make_setup_token()}/"


def test_the_first_person_creates_an_administrator_account(client, db):
    response = client.post(
        setup_url(),
        {
            "username": "helen",
            "password1": "plum-orchard-77",
            "password2": "plum-orchard-77",
        },
    )
    user = User.objects.get(username="helen")
    assert response.status_code == 302
    assert response.url == "/accounts/profile/"
    assert user.is_superuser and user.is_staff
    assert Profile.objects.filter(owner=user).exists()
    assert client.get("/").status_code == 200


def test_a_tampered_setup_link_is_refused(client, db):
    response = client.get(setup_url() + "x/")
    assert response.status_code == 404
    assert client.get("/accounts/setup/not-a-token/").status_code == 404


def test_the_setup_link_stops_working_once_an_account_exists(client, owner):
    response = client.post(
        setup_url(),
        {
            "username": "mallory",
            "password1": "plum-orchard-77",
            "password2": "plum-orchard-77",
        },
    )
    assert response.status_code == 302
    assert response.url == "/accounts/login/"
    assert not User.objects.filter(username="mallory").exists()


def test_mismatched_passwords_are_explained(client, db):
    response = client.post(
        setup_url(),
        {
            "username": "helen",
            "password1": "plum-orchard-77",
            "password2": "plum-orchard-78",
        },
    )
    assert response.status_code == 200
    assert "didn’t match" in response.text or "didn't match" in response.text
    assert not User.objects.exists()


@pytest.mark.parametrize("path", ["/", "/contacts/", "/accounts/profile/"])
def test_anonymous_visitors_are_sent_to_log_in(client, owner, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
