"""For every URL that takes an id: how to make a record of ``owner`` and the URL's kwargs.

test_url_security.py checks an outsider gets 404 and the owner gets through.
"""

from coffeechat.contacts.models import Contact, Organization, PendingImport

# Views reachable without logging in because a secret token in the URL is the key.
TOKEN_URLS: set[str] = set()


def contact(owner):
    org = Organization.objects.create(owner=owner, name="Harbor Bank")
    return Contact.objects.create(
        owner=owner, first_name="Ada", last_name="Singh", organization=org
    )


def organization(owner):
    return Organization.objects.create(owner=owner, name="Ionic Labs")


def pending_import(owner):
    return PendingImport.objects.create(
        owner=owner, filename="people.csv", format="csv", data=b"Name\nAda Singh\n"
    )


OWNED_URL_CASES = {
    "contacts:detail": lambda owner: {"pk": contact(owner).pk},
    "contacts:edit": lambda owner: {"pk": contact(owner).pk},
    "contacts:edit_notes": lambda owner: {"pk": contact(owner).pk},
    "contacts:delete": lambda owner: {"pk": contact(owner).pk},
    "contacts:organization_detail": lambda owner: {"pk": organization(owner).pk},
    "contacts:organization_edit": lambda owner: {"pk": organization(owner).pk},
    "contacts:organization_delete": lambda owner: {"pk": organization(owner).pk},
    "contacts:import_preview": lambda owner: {"pk": pending_import(owner).pk},
    "contacts:import_confirm": lambda owner: {"pk": pending_import(owner).pk},
}

# Outreach keeps its cases beside its own tests.
from tests.outreach.ownership import OUTREACH_URL_CASES  # noqa: E402

OWNED_URL_CASES.update(OUTREACH_URL_CASES)

# Interviews keep theirs beside their own tests too.
from tests.interviews.ownership import INTERVIEW_TOKEN_URLS, INTERVIEW_URL_CASES  # noqa: E402

OWNED_URL_CASES.update(INTERVIEW_URL_CASES)
TOKEN_URLS.update(INTERVIEW_TOKEN_URLS)

# The network's pages are walked per role instead (tests/community/role_cases.py).
from tests.community.role_cases import NETWORK_TOKEN_URLS  # noqa: E402

TOKEN_URLS.update(NETWORK_TOKEN_URLS)

# Notifications: a person's own notices; the unsubscribe link's signed token is its key.
from coffeechat.notifications.models import Notification  # noqa: E402

OWNED_URL_CASES["notifications:open"] = lambda owner: {
    "pk": Notification.objects.create(owner=owner, kind="answer", subject="Hi", text="x").pk
}
TOKEN_URLS.add("notifications:unsubscribe")
