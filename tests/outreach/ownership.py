"""Ownership cases for every outreach URL that takes an id (see tests/test_url_security.py)."""

from coffeechat.contacts.models import Contact
from coffeechat.outreach.models import Message, MessageTemplate


def message(owner, **fields):
    contact = Contact.objects.create(owner=owner, first_name="Ada", last_name="Singh")
    return Message.objects.create(
        owner=owner, contact=contact, subject="Hello", body="Hi Ada, could we talk?", **fields
    )


def template(owner):
    return MessageTemplate.objects.create(owner=owner, name="Mine", body="Hi {{ my_name }}")


OUTREACH_URL_CASES = {
    "outreach:message": lambda owner: {"pk": message(owner).pk},
    "outreach:edit": lambda owner: {"pk": message(owner).pk},
    "outreach:delete": lambda owner: {"pk": message(owner).pk},
    "outreach:mark_sent": lambda owner: {"pk": message(owner).pk},
    "outreach:send": lambda owner: {"pk": message(owner).pk},
    "outreach:eml": lambda owner: {"pk": message(owner).pk},
    "outreach:mark_replied": lambda owner: {"pk": message(owner, state="sent").pk},
    "outreach:mark_no_reply": lambda owner: {"pk": message(owner, state="sent").pk},
    "outreach:template_edit": lambda owner: {"pk": template(owner).pk},
    "outreach:template_delete": lambda owner: {"pk": template(owner).pk},
}
