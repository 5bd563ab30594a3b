"""The importer's quick versions of the normalize helpers must agree with the originals.

They exist only for speed (a 30,000-row file); any difference would make the importer
match people differently from the rest of coffeechat.
"""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from coffeechat.contacts.importing import keys
from coffeechat.contacts.importing.keys import name_key as fast_name_key
from coffeechat.contacts.importing.records import email_address, profile_key
from coffeechat.contacts.models import Contact, search_text
from coffeechat.contacts.normalize import linkedin_key, name_key, normalize_email
from coffeechat.textsearch import fold

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


def _whole_text_index(*parts):
    """index_text as it was first written: the parts joined, then folded as one text."""
    text = " ".join(str(part) for part in parts if part)
    folded = fold(text)
    if any(mark in text for mark in "'\u2019\u02bc`\u00b4"):
        words = re.findall(r"\w+(?:['\u2019\u02bc`\u00b4]\w+)+", text)
        pieces = [fold(re.sub("['\u2019\u02bc`\u00b4]", " ", word)) for word in words]
        folded = " ".join([folded, *pieces])
    return f" {folded} " if folded else ""


texts = st.one_of(
    st.text(max_size=8), st.text(alphabet=st.sampled_from("aZé ñΣσ李\tØ-'’ʼ`´.ß_½ﬁ\u0301"))
)


@settings(deadline=None)
@given(st.lists(texts, min_size=6, max_size=6))
@example(["Siobhán", "O’Neil", "Nurse", "", "D'Souza-Ó'Brien", "ΟΔΥΣΣΕΥΣ"])
def test_the_search_text_folded_part_by_part_matches_the_whole_text(parts):
    contact = Contact(**dict(zip(Contact.search_sources, parts, strict=True)))
    assert search_text(contact, Contact.search_sources) == _whole_text_index(*parts)
    assert keys.search_text(contact) == _whole_text_index(*parts)
    assert keys.search_text(contact) == _whole_text_index(*parts)  # remembered, the same
