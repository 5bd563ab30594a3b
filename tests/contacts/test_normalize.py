"""The keys that decide whether two records are the same person."""

import pytest

from coffeechat.contacts.normalize import clean_linkedin_url, linkedin_key


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/jane-doe",
        "http://linkedin.com/in/Jane-Doe/",
        "www.linkedin.com/in/jane-doe?trk=profile",
        "https://m.linkedin.com/in/jane-doe",
        "https://fr.linkedin.com/in/jane-doe/",
        "https://UK.LinkedIn.com/in/Jane-Doe",
    ],
)
def test_every_way_of_writing_a_profile_gives_one_key(url):
    assert linkedin_key(url) == "linkedin.com/in/jane-doe"


def test_a_country_address_is_stored_in_the_usual_form():
    assert clean_linkedin_url("https://fr.linkedin.com/in/jane-doe") == (
        "https://www.linkedin.com/in/jane-doe"
    )


def test_other_sites_keep_their_host():
    assert linkedin_key("https://fr.example.com/in/jane-doe") == "fr.example.com/in/jane-doe"
    assert linkedin_key("https://news.linkedin.com/post") == "news.linkedin.com/post"


def test_nothing_gives_no_key():
    assert linkedin_key("") is None
    assert linkedin_key("   ") is None
