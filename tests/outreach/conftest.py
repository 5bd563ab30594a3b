"""People and messages the outreach tests share."""

import datetime
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message as MessageHandler
from django.utils import timezone

from coffeechat.contacts.models import Contact, Organization
from coffeechat.outreach.models import Message


@pytest.fixture
def ionic(owner):
    return Organization.objects.create(owner=owner, name="Ionic Labs")


@pytest.fixture
def ada(owner, ionic):
    return Contact.objects.create(
        owner=owner,
        first_name="Ada",
        last_name="Singh",
        title="Battery chemist",
        organization=ionic,
        field="Chemistry",
        emails=["ada@ioniclabs.example", "ada.singh@alumni.example"],
        source="faculty",
        research_notes="your lab's work on sodium-ion cells\nSecond line is ignored.",
    )


def make_message(owner, contact, *, sent_on=None, kind="request", **fields):
    """A message; sent at noon UTC on ``sent_on`` when given."""
    message = Message.objects.create(
        owner=owner,
        contact=contact,
        kind=kind,
        subject=fields.pop("subject", "A question about your work"),
        body=fields.pop("body", "Hi Ada, could we talk for 20 minutes about your path?"),
        **fields,
    )
    if sent_on is not None:
        when = timezone.make_aware(
            datetime.datetime.combine(sent_on, datetime.time(12)), datetime.UTC
        )
        Message.objects.filter(pk=message.pk).update(
            state=Message.State.SENT, sent_at=when, sent_via="manual", created_at=when
        )
        message.refresh_from_db()
    return message


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free local port, keeping what it receives."""
    received = []

    class Keep(MessageHandler):
        def handle_message(self, message):
            received.append(message)

    handler = Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, received
    finally:
        controller.stop()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_settings(settings, smtp_server):
    controller, _ = smtp_server
    settings.EMAIL_HOST = controller.hostname
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.OUTREACH_FROM_EMAIL = "olivia@school.example"
    return settings
