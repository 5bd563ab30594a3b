"""A line break inside a one-line box (a name, a title) is refused with a clear message."""

import pytest

from coffeechat.contacts.models import Contact, Organization

MESSAGE = "Keep this on one line: it can&#x27;t contain a line break."


@pytest.mark.parametrize("field", ["first_name", "last_name", "title", "organization_name"])
@pytest.mark.parametrize("brk", ["\n", "\r\n", "\u2028"])
def test_a_contact_name_with_a_line_break_is_refused(owner, owner_client, field, brk):
    data = {"first_name": "Ann", "last_name": "Lee", "source": "alum", field: f"Ann{brk}Lee"}
    response = owner_client.post("/contacts/new/", data)
    assert response.status_code == 200
    assert MESSAGE in response.text
    assert not Contact.objects.exists()
    assert not Organization.objects.exists()


def test_a_contact_with_ordinary_names_is_saved(owner, owner_client):
    response = owner_client.post(
        "/contacts/new/", {"first_name": " Ann ", "last_name": "Lee", "source": "alum"}
    )
    assert response.status_code == 302
    assert Contact.objects.get().first_name == "Ann"


def test_the_profile_name_must_stay_on_one_line(owner, owner_client):
    page = owner_client.get("/accounts/profile/")
    assert page.status_code == 200
    response = owner_client.post(
        "/accounts/profile/",
        {"name": "Olivia\nOwner", "time_zone": "UTC", "follow_up_after_days": "7"},
    )
    assert response.status_code == 200
    assert MESSAGE in response.text
    owner.profile.refresh_from_db()
    assert owner.profile.name == "Olivia Owner"
