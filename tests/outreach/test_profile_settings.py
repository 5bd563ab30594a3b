"""The outreach settings on the profile page: follow-up wait, 3B7, Premium, dictionary."""

import pytest

from coffeechat.accounts.models import Profile


def profile_data(**changes):
    data = {
        "name": "Olivia Owner",
        "time_zone": "UTC",
        "follow_up_after_days": "10",
        "use_3b7": "on",
        "linkedin_premium": "on",
        "dictionary": "electrochemistry, Wellesley\nTIARA",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_profile_page_saves_the_outreach_settings(owner_client, owner):
    page = owner_client.get("/accounts/profile/")
    assert "one to two weeks" in page.text
    response = owner_client.post("/accounts/profile/", profile_data())
    assert response.status_code == 302
    profile = Profile.objects.get(owner=owner)
    assert profile.follow_up_after_days == 10
    assert profile.use_3b7 and profile.linkedin_premium
    assert profile.dictionary_words == ["electrochemistry", "Wellesley", "TIARA"]


@pytest.mark.parametrize("days", ["45", "1", "-3"])
def test_the_wait_must_be_between_3_and_30_days_and_the_error_says_so(owner_client, owner, days):
    response = owner_client.post("/accounts/profile/", profile_data(follow_up_after_days=days))
    assert response.status_code == 200
    # The range the model really allows, not Django's "greater than or equal to 0".
    assert "Choose a wait between 3 and 30 days; 7 to 14 is usual." in response.text
    assert "greater than or equal to" not in response.text
    assert Profile.objects.get(owner=owner).follow_up_after_days == 7


def test_the_wait_field_tells_the_browser_its_range(owner_client):
    page = owner_client.get("/accounts/profile/")
    assert 'min="3"' in page.text and 'max="30"' in page.text


def test_the_defaults_follow_the_guide(owner):
    profile = Profile.objects.get(owner=owner)
    assert profile.follow_up_after_days == 7
    assert not profile.use_3b7 and not profile.linkedin_premium


def test_the_students_dictionary_silences_the_spell_checker(owner_client, owner):
    body = "Hi Ada, I study chemestry at Wellesley. Could we talk for 20 minutes? Thanks!"

    def rules():
        response = owner_client.post("/outreach/check/", {"channel": "linkedin", "body": body})
        return {f.rule for f in response.context["report"].findings}

    assert "spelling" in rules()
    Profile.objects.filter(owner=owner).update(dictionary="chemestry")
    assert "spelling" not in rules()


def test_the_checker_is_told_the_names_of_everyone_involved(owner, ada):
    from coffeechat.contacts.models import Contact
    from coffeechat.outreach.draft_check import names_for

    ada.referred_by = Contact.objects.create(owner=owner, first_name="Maria", last_name="Lopez")
    ada.save()
    names = names_for(Profile.objects.get(owner=owner), ada)
    for name in ("Olivia Owner", "Wellesley", "Ada", "Singh", "Ionic Labs", "Maria Lopez"):
        assert name in names
