import datetime

import time_machine

from coffeechat.interviews.models import Interaction, KeepInTouch
from tests.interviews.conftest import at, scheduled


def test_setting_a_cadence_from_the_contact_page(owner_client, contact):
    response = owner_client.post(
        f"/interviews/contacts/{contact.pk}/keep-in-touch/", {"cadence": "60"}
    )
    assert response["Location"] == f"/contacts/{contact.pk}/#keep-in-touch"
    assert KeepInTouch.objects.get(contact=contact).cadence_days == 60
    owner_client.post(f"/interviews/contacts/{contact.pk}/keep-in-touch/", {"cadence": "none"})
    assert KeepInTouch.objects.get(contact=contact).cadence_days is None
    page = owner_client.get(f"/contacts/{contact.pk}/")
    assert "No reminders for this person." in page.text
    assert '<option value="none" selected>' in page.text


def test_an_unknown_cadence_is_refused(owner_client, contact):
    response = owner_client.post(
        f"/interviews/contacts/{contact.pk}/keep-in-touch/", {"cadence": "45"}, follow=True
    )
    assert "30, 60, 90 or 180 days" in response.text
    assert not KeepInTouch.objects.exists()


def test_logging_an_interaction_restarts_the_clock_on_the_panel(owner_client, owner):
    with time_machine.travel(at(2026, 3, 1, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 2, 10))
    with time_machine.travel(at(2026, 3, 2, 11), tick=False):
        interview.mark_done()
    contact = interview.contact
    with time_machine.travel(at(2026, 4, 20, 12), tick=False):
        page = owner_client.get(f"/contacts/{contact.pk}/")
        assert "Last in touch: 2 Mar 2026." in page.text
        assert "Next check-in: 31 May 2026." in page.text
        response = owner_client.post(
            f"/interviews/contacts/{contact.pk}/interactions/",
            {"kind": "email", "day": "2026-04-18", "note": "Sent news about my internship"},
            follow=True,
        )
        assert "The keep-in-touch clock starts again" in response.text
        assert "Last in touch: 18 Apr 2026." in response.text
        assert "Next check-in: 17 Jul 2026." in response.text
    logged = Interaction.objects.get(kind="email")
    assert logged.owner == owner and logged.note == "Sent news about my internship"


def test_an_interaction_in_the_future_is_refused(owner_client, contact):
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    response = owner_client.post(
        f"/interviews/contacts/{contact.pk}/interactions/",
        {"kind": "call", "day": tomorrow.isoformat()},
        follow=True,
    )
    assert "not a future date" in response.text
    assert not Interaction.objects.exists()


def test_an_interaction_with_a_garbled_date_says_the_format(owner_client, contact):
    response = owner_client.post(
        f"/interviews/contacts/{contact.pk}/interactions/",
        {"kind": "call", "day": "18/04/2026"},
        follow=True,
    )
    assert "Write the date as YYYY-MM-DD, e.g. 2026-03-14." in response.text
    assert not Interaction.objects.exists()
