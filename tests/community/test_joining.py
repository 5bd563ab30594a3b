import datetime as dt
import re
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from coffeechat.community.models import Invitation
from coffeechat.community.roles import Role, roles_of
from tests.community.conftest import client_for
from tests.outreach.conftest import free_port, smtp_server  # noqa: F401  (a fixture)

NOW = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)
NEW_PERSON = {
    "name": "Nia Newcomer",
    "email": "nia@alumni.example",
    "username": "nia",
    "password1": "a-long-test-password-42",
    "password2": "a-long-test-password-42",
}


@pytest.fixture
def mail(settings, smtp_server):  # noqa: F811
    controller, received = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = controller.hostname
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "careers@school.example"
    return received


def link_in(message) -> str:
    body = message.get_payload(decode=True).decode()
    return re.search(r"http://testserver(/network/\S+)", body).group(1)


def test_an_invitation_lets_one_person_join_once(world):
    with time_machine.travel(NOW, tick=False):
        invitation = Invitation.issue(world.administrator, [Role.VOLUNTEER], [world.health])
        response = Client().post(invitation.get_absolute_url(), NEW_PERSON)
        assert response.url == "/network/profile/"
        nia = get_user_model().objects.get(username="nia")
        assert roles_of(nia) == {Role.VOLUNTEER}
        assert world.health.members.filter(pk=nia.pk).exists()
        second = Client().post(invitation.get_absolute_url(), {**NEW_PERSON, "username": "n2"})
        assert second.status_code == 410
        assert not get_user_model().objects.filter(username="n2").exists()


def test_an_invitation_expires(world):
    with time_machine.travel(NOW, tick=False):
        invitation = Invitation.issue(world.administrator, [Role.STUDENT], days=14)
    with time_machine.travel(NOW + dt.timedelta(days=14, seconds=1), tick=False):
        response = Client().get(invitation.get_absolute_url())
        assert response.status_code == 410
        assert "no longer works" in response.content.decode()


def test_a_revoked_invitation_no_longer_works(world):
    administrator = client_for(world.administrator)
    administrator.post(f"/network/office/invitations/{world.invitation.pk}/revoke/")
    assert Client().get(world.invitation.get_absolute_url()).status_code == 410


def test_an_invitation_adds_roles_to_a_signed_in_account(world):
    invitation = Invitation.issue(world.administrator, [Role.VOLUNTEER])
    client_for(world.student).post(invitation.get_absolute_url())
    assert roles_of(get_user_model().objects.get(pk=world.student.pk)) == {
        Role.STUDENT,
        Role.VOLUNTEER,
    }


def test_the_office_makes_an_invitation_and_emails_it(world, mail):
    administrator = client_for(world.administrator)
    response = administrator.post(
        "/network/office/invitations/new/",
        {"email": "otis@alumni.example", "roles": ["adviser"], "days": "7"},
    )
    assert response.status_code == 302
    (message,) = mail
    assert message["To"] == "otis@alumni.example"
    invitation = Invitation.objects.get(email="otis@alumni.example")
    assert link_in(message) == invitation.get_absolute_url()
    assert invitation.roles == ["adviser"]


def test_joining_by_an_allowed_domain_needs_the_address_verified(world, mail):
    anonymous = Client()
    person = {**NEW_PERSON, "email": "nia@students.example.edu"}
    page = anonymous.post("/network/signup/", person)
    assert "We sent a link to nia@students.example.edu" in page.content.decode()
    nia = get_user_model().objects.get(username="nia")
    assert not nia.is_active and roles_of(nia) == set()
    login = Client().post("/accounts/login/", {"username": "nia", "password": person["password1"]})
    assert login.status_code == 200  # the form again: not signed in
    (message,) = mail
    response = anonymous.get(link_in(message))
    assert response.url == "/network/"
    nia = get_user_model().objects.get(username="nia")
    assert nia.is_active and roles_of(nia) == {Role.STUDENT}
    assert anonymous.get("/network/").status_code == 200


def test_an_address_outside_the_allowed_domains_is_refused(world, mail):
    page = Client().post("/network/signup/", {**NEW_PERSON, "email": "nia@elsewhere.example"})
    assert "not one the career office allows" in page.content.decode()
    assert not get_user_model().objects.filter(username="nia").exists()
    assert mail == []


def test_a_verification_link_expires_after_three_days(world, mail):
    with time_machine.travel(NOW, tick=False):
        Client().post("/network/signup/", {**NEW_PERSON, "email": "nia@students.example.edu"})
    with time_machine.travel(NOW + dt.timedelta(days=3, minutes=1), tick=False):
        assert Client().get(link_in(mail[0])).status_code == 410
    assert not get_user_model().objects.get(username="nia").is_active


def test_without_email_the_administrators_command_prints_the_links(world):
    Client().post("/network/signup/", {**NEW_PERSON, "email": "nia@students.example.edu"})
    out = StringIO()
    call_command("network", "links", "--base-url", "https://careers.example.edu", stdout=out)
    lines = out.getvalue().splitlines()
    assert any(
        line.startswith(
            "invitation (volunteer) for anyone: https://careers.example.edu/network/join/"
        )
        for line in lines
    )
    verify = next(line for line in lines if line.startswith("confirm address of nia@"))
    path = verify.split("https://careers.example.edu")[1]
    Client().get(path)
    assert get_user_model().objects.get(username="nia").is_active


def test_the_command_invites_and_grants(world):
    out = StringIO()
    call_command("network", "invite", "--role", "adviser", "--community", "health", stdout=out)
    invitation = Invitation.objects.get(roles=["adviser"])
    assert out.getvalue().strip().endswith(invitation.get_absolute_url())
    assert list(invitation.communities.all()) == [world.health]
    call_command("network", "grant", "sam", "volunteer", stdout=out)
    assert Role.VOLUNTEER in roles_of(get_user_model().objects.get(username="sam"))


def test_the_command_refuses_in_laptop_mode(db, settings):
    settings.NETWORK = False
    err = StringIO()
    with pytest.raises(SystemExit):
        call_command("network", "links", stderr=err)
    assert "COFFEECHAT_NETWORK=on" in err.getvalue()


def test_the_login_page_leads_to_joining_only_in_network_mode(db, settings):
    settings.NETWORK = False
    assert "/network/signup/" not in Client().get("/accounts/login/").content.decode()
    settings.NETWORK = True
    page = Client().get("/accounts/login/").content.decode()
    assert 'href="/network/signup/"' in page and 'href="/network/claim/"' in page
