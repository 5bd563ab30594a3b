"""A password made of the username is refused everywhere a password is set."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from coffeechat.accounts.models import make_setup_token

User = get_user_model()


@pytest.mark.parametrize("password", ["carolcarol", "Carol-2026!", "my-CAROL-password"])
def test_the_first_account_cannot_use_its_username_as_password(client, db, password):
    response = client.post(
        f"/accounts/setup/{make_setup_token()}/",
        {"username": "carol", "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert "can&#x27;t contain your username" in response.text
    assert not User.objects.exists()


def test_createuser_refuses_the_username_as_password(db, capsys):
    with pytest.raises(SystemExit):
        call_command("createuser", "carol", "--password", "carolcarol", stdout=StringIO())
    assert "can't contain your username" in capsys.readouterr().err
    assert not User.objects.exists()


def test_changing_to_the_username_doubled_is_refused(owner, owner_client):
    response = owner_client.post(
        "/accounts/password/",
        {
            "old_password": "a-long-test-password-42",
            "new_password1": "oliviaolivia",
            "new_password2": "oliviaolivia",
        },
    )
    assert response.status_code == 200
    assert "can&#x27;t contain your username" in response.text
    owner.refresh_from_db()
    assert not owner.check_password("oliviaolivia")


def test_a_short_username_does_not_forbid_common_letters(db):
    call_command("createuser", "al", "--password", "walnut-galaxy-41", stdout=StringIO())
    assert User.objects.get(username="al").check_password("walnut-galaxy-41")
