"""Error pages look like the rest of coffeechat, keep the navigation and offer a way on.

pytest-django runs with DEBUG off, as a server does, so these are the real pages.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.views.defaults import permission_denied, server_error

from coffeechat.contacts.models import Contact
from coffeechat.outreach.models import Message
from tests.outreach.conftest import make_message

STYLESHEET = "coffeechat/app.css"


def looks_like_coffeechat(response):
    text = response.text
    assert STYLESHEET in text
    assert 'href="/" class="brand"' in text
    assert '<main id="main"' in text
    return text


def test_a_missing_page_for_a_signed_in_person(settings, owner_client):
    assert settings.DEBUG is False
    response = owner_client.get("/contacts/999999/")
    assert response.status_code == 404
    text = looks_like_coffeechat(response)
    assert "No contact with that id" in text
    assert 'href="/contacts/" role="button">Your contacts</a>' in text
    assert ">Log out</button>" in text  # the full navigation


def test_an_unknown_address_for_a_visitor_offers_to_log_in(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    text = looks_like_coffeechat(response)
    assert "There is nothing at this address" in text
    assert 'href="/accounts/login/?next=/no-such-page/"' in text


def test_posting_to_a_deleted_draft_says_it_is_gone(owner, owner_client):
    ada = Contact.objects.create(owner=owner, first_name="Ada", last_name="Singh")
    draft = make_message(owner, ada)
    assert owner_client.post(f"/outreach/messages/{draft.pk}/delete/").status_code == 302
    assert not Message.objects.filter(pk=draft.pk).exists()
    again = owner_client.post(f"/outreach/messages/{draft.pk}/delete/")
    assert again.status_code == 404
    text = looks_like_coffeechat(again)
    assert "No message with that id" in text
    assert "deleted, or already done" in text
    assert 'href="/outreach/" role="button">Your messages</a>' in text


def test_djangos_own_wording_is_not_shown(owner_client):
    from coffeechat.errors import reason_for

    assert reason_for(Exception("No Contact matches the given query.")) == ""
    assert reason_for(Exception({"path": "x"})) == ""
    assert reason_for(Exception("This import has already been done.")) == (
        "This import has already been done"
    )


def test_a_bad_host_gets_the_styled_400(client, db):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    text = looks_like_coffeechat(response)
    assert "couldn't read that request" in text
    assert 'href="/contacts/">Contacts</a>' in text


def test_the_403_page(owner):
    request = RequestFactory().get("/admin/")
    request.user = owner
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    text = response.content.decode()
    assert STYLESHEET in text and "You can't do that here" in text


def test_an_expired_form_gets_the_styled_csrf_page(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    response = client.post("/contacts/new/", {"first_name": "Ada"})
    assert response.status_code == 403
    text = looks_like_coffeechat(response)
    assert "This form has expired" in text and "Nothing was saved" in text


def test_the_500_page_needs_no_database_or_user():
    # No `db` fixture: any query would fail this test.
    request = RequestFactory().get("/")
    response = server_error(request)
    assert response.status_code == 500
    text = response.content.decode()
    assert STYLESHEET in text
    assert "Something went wrong on our side" in text
    assert 'href="/interviews/">Interviews</a>' in text


@pytest.mark.django_db
def test_an_error_in_a_view_answers_with_the_500_page(owner, monkeypatch):
    from coffeechat import views

    def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "due_items", lambda *args: broken(None))
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    response = client.get("/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
