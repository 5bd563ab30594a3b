"""Notices: listed in the app with an unread count in the menu, emailed as each person
prefers (one by one, or a daily digest), and a one-click way to stop email."""

import datetime as dt

import pytest
import time_machine
from django.test import Client

from coffeechat.notifications.digest import send_digests
from coffeechat.notifications.mail import unsubscribe_token
from coffeechat.notifications.models import Notification, Preferences
from coffeechat.notifications.notify import notify
from tests.community.conftest import client_for
from tests.community.world import person

NOW = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)


@pytest.fixture
def sam(db, settings):
    settings.NETWORK = True
    settings.TASKS_IN_PROCESS = True
    user = person("sam", "student", name="Sam Student")
    user.email = "sam@students.example.edu"
    user.save()
    return user


def test_the_menu_counts_unread_notices_and_the_page_lists_them(sam):
    notify(sam, "answer", "Vera said yes", "Thursday at 18:00.", url="/network/requests/1/")
    client = client_for(sam)
    home = client.get("/").content.decode()
    assert 'aria-label="1 unread"' in home
    page = client.get("/notifications/").content.decode()
    assert "Vera said yes" in page and "Thursday at 18:00." in page


def test_opening_a_notice_marks_it_read_and_goes_where_it_points(sam):
    notice = notify(sam, "answer", "Vera said yes", "x", url="/network/requests/1/")
    response = client_for(sam).post(f"/notifications/{notice.pk}/open/")
    assert response.url == "/network/requests/1/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert 'aria-label="1 unread"' not in client_for(sam).get("/").content.decode()


def test_a_notice_told_twice_with_one_key_is_one_notice(sam):
    assert notify(sam, "expiry", "Closed", "x", key="request-1-expired") is not None
    assert notify(sam, "expiry", "Closed", "x", key="request-1-expired") is None
    assert Notification.objects.count() == 1


def test_email_goes_only_for_the_kinds_chosen(
    sam, smtp_settings, smtp_server, django_capture_on_commit_callbacks
):
    _, received = smtp_server
    client_for(sam).post("/notifications/settings/", {"emailed": ["expiry"]})
    with django_capture_on_commit_callbacks(execute=True):
        notify(sam, "answer", "Vera said yes", "x")
        notify(sam, "expiry", "Your request closed", "x")
    assert [mail["Subject"] for mail in received] == ["Your request closed"]
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 1


def test_the_daily_digest_gathers_the_day_in_one_email_once(
    sam, smtp_settings, smtp_server, django_capture_on_commit_callbacks
):
    _, received = smtp_server
    client_for(sam).post(
        "/notifications/settings/", {"emailed": ["answer", "expiry"], "digest": "on"}
    )
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        notify(sam, "answer", "Vera said yes", "Thursday.")
        notify(sam, "expiry", "Your request to Ray closed", "Try Nia.")
    assert received == []  # nothing one by one
    assert send_digests(NOW + dt.timedelta(hours=14)) == 1
    assert send_digests(NOW + dt.timedelta(hours=14, minutes=5)) == 0
    (mail,) = received
    assert mail["Subject"] == "coffeechat: 2 things since yesterday"
    (plain,) = [part for part in mail.walk() if part.get_content_type() == "text/plain"]
    text = plain.get_payload(decode=True).decode()
    assert "Vera said yes" in text and "Your request to Ray closed" in text


def test_one_click_unsubscribe_needs_no_session_and_no_form(sam):
    token = unsubscribe_token(sam)
    client = Client(enforce_csrf_checks=True)
    assert client.get(f"/notifications/unsubscribe/{token}/").status_code == 200
    response = client.post(
        f"/notifications/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    preferences = Preferences.objects.get(owner=sam)
    assert preferences.emailed == [] and not preferences.digest


def test_a_forged_unsubscribe_link_is_a_404(sam):
    assert Client().post("/notifications/unsubscribe/eyJ1c2VyIjoxfQ:bad:sig/").status_code == 404


def test_nobody_opens_anothers_notice(sam):
    notice = notify(sam, "answer", "Vera said yes", "x")
    other = person("tia", "student")
    assert client_for(other).post(f"/notifications/{notice.pk}/open/").status_code == 404
