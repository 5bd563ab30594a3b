"""A forgotten password: an emailed link where email works (through a real SMTP server),
a one-time link or a typed password from `coffeechat resetpassword` on a laptop."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.outreach.conftest import smtp_server, smtp_settings  # noqa: F401

User = get_user_model()
NEW = "harbor-lantern-35"


@pytest.fixture
def olivia_with_email(owner):
    owner.email = "olivia@school.example"
    owner.save()
    return owner


def set_password_through(client, path):
    """Follow a one-time link and choose NEW on its page."""
    page = client.get(path, follow=True)
    assert page.status_code == 200
    assert "Choose a new password" in page.text
    form_path = page.redirect_chain[-1][0] if page.redirect_chain else path
    done = client.post(form_path, {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302
    assert done.url == "/accounts/password/reset/done/"
    return done


def test_the_log_in_page_offers_a_way_back_in(client, db):
    assert 'href="/accounts/password/forgot/"' in client.get("/accounts/login/").text


def test_without_email_the_page_explains_the_command(client, db, settings):
    settings.EMAIL_HOST = ""
    page = client.get("/accounts/password/forgot/")
    assert page.status_code == 200
    assert "coffeechat resetpassword YOUR-USERNAME --link" in page.text
    assert "<form" not in page.text.split("<main", 1)[1]


def test_an_emailed_link_sets_a_new_password(
    client,
    olivia_with_email,
    smtp_settings,  # noqa: F811
    smtp_server,  # noqa: F811
):
    smtp_settings.DEFAULT_FROM_EMAIL = "coffeechat@school.example"
    # pytest-django keeps mail in memory; this test sends it through the real server.
    smtp_settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    _, received = smtp_server
    response = client.post("/accounts/password/forgot/", {"email": "OLIVIA@school.example"})
    assert response.status_code == 302
    assert response.url == "/accounts/password/forgot/sent/"
    assert len(received) == 1
    mail = received[0]
    assert mail["To"] == "olivia@school.example"
    assert mail["Subject"] == "Your coffeechat password"
    body = mail.get_payload(decode=True).decode()
    assert "Hello olivia" in body
    path = re.search(r"http://testserver(/accounts/password/reset/\S+/)", body).group(1)

    set_password_through(client, path)
    olivia_with_email.refresh_from_db()
    assert olivia_with_email.check_password(NEW)
    # The link is spent once used.
    again = client.get(path, follow=True)
    assert "This link no longer works" in again.text


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    client,
    olivia_with_email,
    smtp_settings,  # noqa: F811
    smtp_server,  # noqa: F811
):
    smtp_settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    _, received = smtp_server
    response = client.post("/accounts/password/forgot/", {"email": "nobody@school.example"})
    assert response.status_code == 302
    assert response.url == "/accounts/password/forgot/sent/"
    assert received == []


def test_the_command_prints_a_one_time_link(client, owner, settings):
    settings.SERVE_PORT = 8123
    out = StringIO()
    call_command("resetpassword", "olivia", "--link", stdout=out)
    link = out.getvalue().strip().splitlines()[-1]
    assert link.startswith("http://127.0.0.1:8123/accounts/password/reset/")
    set_password_through(client, link.removeprefix("http://127.0.0.1:8123"))
    owner.refresh_from_db()
    assert owner.check_password(NEW)


def test_the_command_picks_the_only_account_and_asks_for_the_password(owner, monkeypatch):
    answers = iter([NEW, NEW])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    out = StringIO()
    call_command("resetpassword", stdout=out)
    owner.refresh_from_db()
    assert owner.check_password(NEW)
    assert "Set a new password for 'olivia'" in out.getvalue()


def test_the_command_refuses_a_weak_password_and_changes_nothing(owner, monkeypatch, capsys):
    monkeypatch.setattr("getpass.getpass", lambda prompt: "oliviaolivia")
    with pytest.raises(SystemExit):
        call_command("resetpassword", "olivia", stdout=StringIO())
    assert "too weak" in capsys.readouterr().err
    owner.refresh_from_db()
    assert not owner.check_password("oliviaolivia")


def test_the_command_needs_a_name_when_there_are_several(owner, outsider, capsys):
    with pytest.raises(SystemExit):
        call_command("resetpassword", "--link", stdout=StringIO())
    assert "more than one account" in capsys.readouterr().err


def test_the_profile_keeps_the_email_address_for_resets(owner_client, owner):
    response = owner_client.post(
        "/accounts/profile/",
        {
            "name": "Olivia Owner",
            "email": "olivia@school.example",
            "time_zone": "UTC",
            "follow_up_after_days": "7",
        },
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.email == "olivia@school.example"
    assert 'value="olivia@school.example"' in owner_client.get("/accounts/profile/").text


def test_createuser_takes_an_email_address(db):
    call_command(
        "createuser",
        "ana",
        "--password",
        "quiet-river-58",
        "--email",
        "ana@x.example",
        stdout=StringIO(),
    )
    assert User.objects.get(username="ana").email == "ana@x.example"


def test_logging_out_says_so(owner_client):
    response = owner_client.post("/accounts/logout/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/"
    assert "You are logged out." in response.text
    assert owner_client.get("/").status_code == 302
