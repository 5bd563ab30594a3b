"""Time-zone pickers: common zones first, places by region, no machine names; any real
zone still accepted, and a zone kept from before still shown."""

import re

from coffeechat.accounts.models import Profile
from coffeechat.accounts.time_zones import time_zone_options
from coffeechat.contacts.models import Contact
from coffeechat.interviews.models import Interview


def options(html):
    select = re.search(r'<select name="time_zone".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"', select), select


def profile_data(**changes):
    return {"name": "Olivia Owner", "time_zone": "UTC", "follow_up_after_days": "7", **changes}


def test_the_profile_offers_common_zones_first_and_no_machine_names(owner_client):
    values, select = options(owner_client.get("/accounts/profile/").text)
    assert select.index('<optgroup label="Common">') < select.index('<optgroup label="Europe">')
    assert values[0] == "America/New_York"
    assert "US Eastern (New York)" in select and "Argentina / Buenos Aires" in select
    assert "data-time-zone" in select
    for hidden in ("Factory", "localtime", "Etc/GMT+5", "US/Eastern", "EST5EDT", "GB"):
        assert hidden not in values
    assert len(values) < 450
    assert "Oslo (Norway)" in select and "Kolkata (India)" in select  # searchable by country
    common = {value for value, _ in time_zone_options()[0][1]}
    assert len(values) == len(set(values)) + len(common - {"UTC"})  # common ones listed twice


def test_the_current_zone_is_selected_once(owner_client):
    _, select = options(owner_client.get("/accounts/profile/").text)
    assert select.count(" selected") == 1
    assert '<option value="UTC" selected>' in select


def test_a_real_zone_outside_the_list_is_accepted_and_kept_on_screen(owner, owner_client):
    response = owner_client.post("/accounts/profile/", profile_data(time_zone="US/Eastern"))
    assert response.status_code == 302
    assert Profile.objects.get(owner=owner).time_zone == "US/Eastern"
    _, select = options(owner_client.get("/accounts/profile/").text)
    assert '<optgroup label="Current">' in select
    assert '<option value="US/Eastern" selected>' in select


def test_a_name_that_is_no_place_is_refused(owner, owner_client):
    for bad in ("Factory", "localtime", "Mars/Olympus_Mons"):
        response = owner_client.post("/accounts/profile/", profile_data(time_zone=bad))
        assert response.status_code == 200
        assert "Pick a time zone from the list" in response.text
    assert Profile.objects.get(owner=owner).time_zone == "UTC"


def test_the_meeting_form_uses_the_same_picker(owner, owner_client):
    contact = Contact.objects.create(owner=owner, first_name="Ada", last_name="Okafor")
    interview = Interview.objects.create(owner=owner, contact=contact)
    values, select = options(owner_client.get(f"/interviews/{interview.pk}/schedule/").text)
    assert '<optgroup label="Common">' in select
    assert "Factory" not in values and "Etc/UTC" not in values
