"""mailto: links, .eml files and SMTP, each read back with a real parser or a real server."""

import email
import email.policy
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from coffeechat.outreach.sending import (
    SendError,
    build_eml,
    mailto_url,
    send_by_smtp,
)
from tests.outreach.conftest import free_port

BODY = "Hi Ada,\n\nCould we talk for 20 minutes? Café & more: 50% sure?\n\nThanks,\nOlivia"
SUBJECT = "A question about R&D (and #tags) = fun?"


def test_a_mailto_link_round_trips_subject_and_body():
    url = mailto_url("ada@ioniclabs.example", SUBJECT, BODY)
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "ada@ioniclabs.example"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["subject"] == [SUBJECT]
    # RFC 6068: line breaks travel as %0D%0A.
    assert query["body"] == [BODY.replace("\n", "\r\n")]
    assert "%0D%0A" in url
    assert " " not in url and "+" not in url.split("?", 1)[1].replace("%2B", "")


def test_a_mailto_link_without_an_address_still_opens_a_message():
    url = mailto_url(None, "Hello", "")
    assert url == "mailto:?subject=Hello"


def test_an_address_with_odd_characters_is_escaped():
    url = mailto_url("ada+work@ionic.example", "Hi", "x")
    assert url.startswith("mailto:ada%2Bwork@ionic.example?")
    assert unquote(urlsplit(url).path) == "ada+work@ionic.example"


def test_an_eml_file_parses_back_with_the_right_headers_and_text():
    raw = build_eml(
        subject=SUBJECT,
        body=BODY,
        to_name="Ada Singh",
        to_address="ada@ioniclabs.example",
        from_name="Olivia Ówner",
        from_address="olivia@school.example",
    )
    assert b"\r\n" in raw  # mail files use CRLF line ends
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == SUBJECT
    assert parsed["To"].addresses[0].addr_spec == "ada@ioniclabs.example"
    assert parsed["To"].addresses[0].display_name == "Ada Singh"
    assert parsed["From"].addresses[0].display_name == "Olivia Ówner"
    assert parsed["X-Unsent"] == "1"
    assert parsed["Date"] and parsed["Message-ID"]
    assert parsed.get_content().replace("\r\n", "\n").strip() == BODY


def test_an_eml_file_without_addresses_leaves_them_for_the_mail_app():
    parsed = email.message_from_bytes(build_eml(subject="Hi", body="Hello"))
    assert parsed["To"] is None and parsed["From"] is None


def test_smtp_delivers_to_a_real_server(smtp_settings, smtp_server):
    _, received = smtp_server
    send_by_smtp(
        subject=SUBJECT,
        body=BODY,
        to_name="Ada Singh",
        to_address="ada@ioniclabs.example",
        from_name="Olivia Owner",
    )
    assert len(received) == 1
    got = received[0]
    assert got["Subject"] == SUBJECT
    assert "ada@ioniclabs.example" in got["To"]
    assert "olivia@school.example" in got["From"]
    payload = got.get_payload(decode=True).decode(got.get_content_charset())
    assert payload.replace("\r\n", "\n").strip() == BODY


def test_smtp_says_clearly_when_the_server_is_not_there(settings):
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens here
    settings.EMAIL_USE_TLS = False
    settings.OUTREACH_FROM_EMAIL = "olivia@school.example"
    with pytest.raises(SendError, match="Couldn't reach the mail server at 127.0.0.1"):
        send_by_smtp(subject="Hi", body="Hello", to_name="Ada", to_address="ada@x.example")


def test_smtp_refuses_when_it_is_not_configured(settings):
    settings.EMAIL_HOST = ""
    with pytest.raises(SendError, match="isn't set up"):
        send_by_smtp(subject="Hi", body="Hello", to_name="Ada", to_address="ada@x.example")
