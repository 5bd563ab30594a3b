"""Every form on every page takes hostile input without a server error.

For each page the owner can open (records made by the ownership cases), every POST form
on it is submitted with the same field names filled with input a student never means to
type: nothing at all, markup and SQL, a null byte, very long text, odd numbers and dates.
The page may refuse it, redirect or say what is wrong; it must never answer 500 (the
test client raises the view's exception, which fails the test with its traceback).
"""

import importlib
import inspect
from html.parser import HTMLParser

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coffeechat.community.roles import Role, grant
from tests.community.role_cases import AS_HOSTILE_OWNER, ROLE_URL_CASES
from tests.community.world import build_world, make_profile
from tests.ownership_cases import OWNED_URL_CASES, TOKEN_URLS
from tests.rich_account import build_rich_account
from tests.test_url_security import PUBLIC, all_urls

HOSTILE = [
    "",
    "<script>alert(1)</script>",
    "' OR 1=1; DROP TABLE contacts_contact; --",
    "nul\x00byte",
    "x" * 20_000,
    "-1",
    "1e309",
    "９９",
    "31/31/2024",
    "../../etc/passwd",
    "🙂‍↔️ Zoë Ñúñez",
]
SKIP = PUBLIC | TOKEN_URLS | {"accounts:password_change"}  # changing it logs out


class Forms(HTMLParser):
    """The forms of a page sent with ``method``: their action and the names of their fields."""

    def __init__(self, method="post"):
        super().__init__()
        self.method = method
        self.forms: list[dict] = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if attrs.get("method", "get").lower() == self.method:
                self._current = {"action": attrs.get("action") or "", "fields": {}, "files": set()}
                self.forms.append(self._current)
        elif self._current is not None and tag in ("input", "textarea", "select"):
            name = attrs.get("name")
            if not name or name == "csrfmiddlewaretoken":
                return
            if attrs.get("type") == "file":
                self._current["files"].add(name)
            else:
                self._current["fields"][name] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def pages():
    for name, pattern in all_urls():
        if name in SKIP or name.startswith("admin:"):
            continue
        if pattern.pattern.converters and name not in OWNED_URL_CASES | ROLE_URL_CASES.keys():
            continue  # a slug or token page: covered by its own tests
        yield name


def kwargs_for(name, owner, settings) -> dict:
    """The page's kwargs for ``owner``. A network page is opened with the network on and
    the owner holding every role (the most forms), beside a small network."""
    if name in ROLE_URL_CASES:
        settings.NETWORK = True
        grant(owner, *Role)
        make_profile(owner)
        cases = {name: case for name, (case, _) in ROLE_URL_CASES.items()} | AS_HOSTILE_OWNER
        return cases[name](build_world(administrator=owner))
    return OWNED_URL_CASES[name](owner) if name in OWNED_URL_CASES else {}


@pytest.mark.parametrize("name", sorted(pages()))
def test_every_form_on_the_page_survives_hostile_input(owner, owner_client, settings, name):
    kwargs = kwargs_for(name, owner, settings)
    url = reverse(name, kwargs=kwargs)
    page = owner_client.get(url)
    if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
        pytest.skip(f"{url} answered {page.status_code} to a plain GET")
    parser = Forms()
    parser.feed(page.content.decode())
    posted = 0
    for form in parser.forms:
        action = form["action"] or url
        if action == reverse("accounts:logout"):
            continue  # the menu's, on every page: it would end the session
        for turn, _ in enumerate(HOSTILE):
            # Each field gets a different hostile value on each turn.
            data = {
                field: HOSTILE[(turn + offset) % len(HOSTILE)]
                for offset, field in enumerate(form["fields"])
            }
            for field in form["files"]:
                data[field] = SimpleUploadedFile("junk.csv", b"\x00\xff" * 64)
            response = owner_client.post(action, data)
            assert response.status_code < 500, f"{action} with {data!r}"
            posted += 1
    assert owner_client.get(url).status_code in (200, 404), "still signed in afterwards"
    assert (
        posted
        or not parser.forms
        or all((f["action"] or url) == reverse("accounts:logout") for f in parser.forms)
    )


def every_field_name() -> list[str]:
    """The names of the fields of every form class in the app's forms modules."""
    names = set()
    apps = ("accounts", "contacts", "interviews", "outreach", "community", "chats", "notifications")
    for app in apps:
        module = importlib.import_module(f"coffeechat.{app}.forms")
        for _name, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, forms.BaseForm) and hasattr(form, "base_fields"):
                names.update(form.base_fields)
    return sorted(names)


@pytest.mark.parametrize("name", sorted(pages()))
def test_a_post_straight_to_the_address_survives_hostile_input(owner, owner_client, settings, name):
    """Every address, the actions without a page of their own too (move a stage, add a
    question, mark sent, restore...), gets every field name any form uses, filled the
    same hostile ways."""
    kwargs = kwargs_for(name, owner, settings)
    url = reverse(name, kwargs=kwargs)
    fields = every_field_name()
    for turn, _ in enumerate(HOSTILE):
        data = {
            field: HOSTILE[(turn + offset) % len(HOSTILE)] for offset, field in enumerate(fields)
        }
        response = owner_client.post(url, data)
        assert response.status_code < 500, f"{url} with {data!r}"
    assert owner_client.get(reverse("home")).status_code == 200, "still signed in afterwards"


# What the pages read from their address, besides their filter forms' own fields.
QUERY_PARAMETERS = [
    "contact",
    "follow_up_to",
    "interview",
    "page",
    "q",
    "send_anyway",
    "show",
    "stage",
    "state",
    "template",
    "their_work",
]


@pytest.mark.parametrize("name", sorted(pages()))
def test_a_hostile_address_gets_a_page_or_a_404_never_an_error(owner, owner_client, settings, name):
    if name in OWNED_URL_CASES or name in ROLE_URL_CASES:
        kwargs = kwargs_for(name, owner, settings)
    else:
        kwargs = {}
        build_rich_account(owner)  # lists and searches run their queries only with data
    url = reverse(name, kwargs=kwargs)
    page = owner_client.get(url)
    names = set(QUERY_PARAMETERS)
    if page.status_code == 200 and "html" in page.get("Content-Type", ""):
        parser = Forms(method="get")
        parser.feed(page.content.decode())
        names.update(field for form in parser.forms for field in form["fields"])
    names = sorted(names)
    for turn, _ in enumerate(HOSTILE[:-1]):  # not the 20,000 characters: URLs are shorter
        query = {
            field: HOSTILE[(turn + offset) % (len(HOSTILE) - 1)]
            for offset, field in enumerate(names)
        }
        query = {field: value for field, value in query.items() if value != "x" * 20_000}
        response = owner_client.get(url, query)
        assert response.status_code < 500, f"{url} with {query!r}"
    # One parameter at a time too: with all of them, a bad id can 404 before the rest is read.
    for field in names:
        for value in ("nul\x00byte", "' OR 1=1; --", "９９", "-1"):
            response = owner_client.get(url, {field: value})
            assert response.status_code < 500, f"{url} with {field}={value!r}"
