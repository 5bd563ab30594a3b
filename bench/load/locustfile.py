"""Simulated students for `make load` (run by bench/load/run.py, not by hand).

Each simulated student logs in to their own account and then, with pauses a person would
take, reads the home page and the contact list, searches, opens a contact, writes a draft
and saves notes. Every write carries this run's mark; what each student saw succeed is
written to $LOAD_RESULTS at the end, so run.py can check that every write landed.

`Static` is the baseline: the same number of users fetching a static file.
"""

import itertools
import json
import os
import random
from html.parser import HTMLParser
from pathlib import Path

from locust import HttpUser, between, events, task

RUN = os.environ.get("LOAD_RUN_ID", "manual")
_accounts_file = os.environ.get("LOAD_ACCOUNTS")
ACCOUNTS = json.loads(Path(_accounts_file).read_text()) if _accounts_file else []
PASSWORD = os.environ.get("LOAD_PASSWORD", "")
WORDS = ["engineer", "analyst", "boston", "research", "health", "data", "manager", "law"]

_next_account = itertools.count()
landed: dict = {"drafts": [], "notes": {}}


class FormReader(HTMLParser):
    """The fields of the first POST form whose action ends with ``action`` (or of the
    first POST form), as a browser would send them untouched."""

    def __init__(self, action=None):
        super().__init__()
        self.action, self.inside, self.done = action, False, False
        self.fields: dict[str, str] = {}
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and not self.inside:
            posts = (attrs.get("method") or "").lower() == "post"
            self.inside = posts and (
                self.action is None or (attrs.get("action") or "").endswith(self.action)
            )
        elif self.inside and tag == "input" and attrs.get("name"):
            if attrs.get("type") not in ("checkbox", "radio", "submit") or "checked" in attrs:
                self.fields.setdefault(attrs["name"], attrs.get("value") or "")
        elif self.inside and tag == "textarea":
            self._textarea = attrs.get("name")
            self.fields[self._textarea] = ""
        elif self.inside and tag == "select":
            self._select = attrs.get("name")
        elif (
            self.inside
            and tag == "option"
            and self._select
            and ("selected" in attrs or self._select not in self.fields)
        ):
            self.fields[self._select] = attrs.get("value") or ""  # the selected, else the first

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        if tag == "select":
            self._select = None
        if tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_fields(html: str, action=None) -> dict[str, str]:
    reader = FormReader(action)
    reader.feed(html)
    return reader.fields


class Student(HttpUser):
    wait_time = between(0.5, 2.0)

    def on_start(self):
        account = ACCOUNTS[next(_next_account) % len(ACCOUNTS)]
        self.contacts = account["contacts"]
        login = self.client.get("/accounts/login/", name="log in (form)")
        fields = form_fields(login.text)
        fields.update(username=account["username"], password=PASSWORD)
        with self.client.post(
            "/accounts/login/", data=fields, name="log in", catch_response=True
        ) as response:
            if "/accounts/login/" in response.url:
                response.failure("the login was refused")

    @task(4)
    def home(self):
        self.client.get("/", name="home")

    @task(3)
    def contact_list(self):
        self.client.get("/contacts/", name="contact list")

    @task(3)
    def search(self):
        self.client.get(f"/contacts/?q={random.choice(WORDS)}", name="search")

    @task(2)
    def contact_page(self):
        self.client.get(f"/contacts/{random.choice(self.contacts)}/", name="contact page")

    @task(1)
    def write_a_draft(self):
        contact = random.choice(self.contacts)
        page = self.client.get(f"/outreach/compose/?contact={contact}", name="compose")
        fields = form_fields(page.text, "/outreach/compose/")
        mark = f"load-{RUN}-{random.getrandbits(48):x}"
        fields["body"] = f"{fields.get('body', '')}\n\n{mark}"
        with self.client.post(
            f"/outreach/compose/?contact={contact}",
            data=fields,
            name="write a draft",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302 and "/outreach/messages/" in response.headers.get(
                "Location", ""
            ):
                landed["drafts"].append(mark)
            else:
                response.failure(f"no draft saved ({response.status_code})")

    @task(1)
    def save_notes(self):
        contact = random.choice(self.contacts)
        form = self.client.get(f"/contacts/{contact}/notes/", name="notes (form)")
        fields = form_fields(form.text, f"/contacts/{contact}/notes/")
        notes = f"load {RUN} {random.getrandbits(48):x}"
        fields["notes"] = notes
        with self.client.post(
            f"/contacts/{contact}/notes/",
            data=fields,
            headers={"HX-Request": "true"},
            name="save notes",
            catch_response=True,
        ) as response:
            if response.status_code == 200 and notes in response.text:
                landed["notes"][str(contact)] = notes
            else:
                response.failure(f"notes not saved ({response.status_code})")


class Static(HttpUser):
    """The baseline: what the server does with no application code in the way."""

    wait_time = between(0.5, 2.0)

    @task
    def static_file(self):
        self.client.get("/static/coffeechat/app.css", name="static file")


@events.quitting.add_listener
def _write_results(environment, **kwargs):
    path = os.environ.get("LOAD_RESULTS")
    if path:
        with open(path, "w") as out:
            json.dump(landed, out)
