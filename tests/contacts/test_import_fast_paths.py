"""The importer's quick versions of the normalize helpers must agree with the originals.

They exist only for speed (a 30,000-row file); any difference would make the importer
match people differently from the rest of coffeechat.
"""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from coffeechat.contacts.importing.keys import name_key as fast_name_key
from coffeechat.contacts.importing.records import email_address, profile_key
from coffeechat.contacts.normalize import linkedin_key, name_key, normalize_email

names = st.text(alphabet=st.sampled_from("aZé ñ李\tØ-' .ß"), max_size=12)
paths = st.text(alphabet=st.sampled_from("aB-_/%?#=.é9"), max_size=20)
hosts = st.sampled_from(
    ["https://www.linkedin.com", "http://linkedin.com", "HTTPS://WWW.LinkedIn.com",
     "https://m.linkedin.com", "https://uk.linkedin.com", "linkedin.com", "https://example.com"]
)  # fmt: skip


# No deadline: a busy test machine makes the first (uncached) call slow, not wrong.
@settings(deadline=None)
@given(names, names, names)
@example("Zoë", "Martin", "Acme Robotics, Inc.")
@example("  ", "Núñez", "")
def test_name_key_matches_normalize(first, last, organization):
    assert fast_name_key(first, last, organization) == name_key(first, last, organization)


@settings(deadline=None)
@given(hosts, paths)
@example("https://www.linkedin.com", "/in/Jane-Doe/?trk=x")
def test_profile_key_matches_normalize(host, path):
    url = host + path
    assert profile_key(url) == linkedin_key(url)


@given(
    st.from_regex(
        r"[A-Za-z0-9._+-]{1,20}@([A-Za-z0-9-]{1,10}\.){1,3}[A-Za-z0-9]{1,6}", fullmatch=True
    )
)
@example("Jane.Doe@Example.COM")
@example("a@b.test")
@example("a..b@c.com")
def test_email_address_matches_normalize(address):
    assert email_address(address) == normalize_email(address)
