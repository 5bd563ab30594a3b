"""Pages with a signed-in person's data are neither shared-cached nor kept for Back."""

import pytest

from coffeechat.agenda.models import CalendarFeed


@pytest.mark.parametrize("path", ["/", "/contacts/", "/accounts/profile/", "/agenda/"])
def test_signed_in_pages_are_private_and_not_stored(owner_client, path):
    response = owner_client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_redirect_after_an_action_is_not_stored_either(owner_client):
    response = owner_client.post("/contacts/new/", {"first_name": "Ada", "source": "alum"})
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"


def test_the_calendar_feed_keeps_its_own_caching(owner, client):
    feed = CalendarFeed.for_user(owner)
    response = client.get(f"/agenda/feed/{feed.token}.ics")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=900"
