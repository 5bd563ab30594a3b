"""A volunteer's contact details (email, phone, LinkedIn, as they chose to share them)
reach a student only once the volunteer accepted that student's request.

The student walks everything they can reach, the way a person (or a script) would:
every link and htmx address on every page from the home page on, the volunteer's page,
the ask page with each sample, the request pages and threads, the notifications, the
calendar feed, every export and the backup, and every email sent to them through a real
SMTP server, with the addresses in those emails opened too. Each body is searched for the
details, in the shapes they could take (escaped, URL-encoded, a phone number written
another way). Before the yes: none of them, after several requests were declined,
expired or left waiting. After it: the ones the volunteer shares, and still nothing of
another volunteer's, nor the volunteer's own sign-in address; another student sees none.
"""

import datetime as dt
import email.policy
import html
import re
from collections import deque
from email import message_from_bytes
from html.parser import HTMLParser
from urllib.parse import quote, urldefrag, urlsplit

import pytest
from django.urls import reverse

from coffeechat.chats.clock import tick
from coffeechat.chats.models import ChatRequest
from coffeechat.chats.samples import Topic
from coffeechat.community.models.profiles import Audience
from coffeechat.contacts.exporting import FORMATS
from tests.chats.conftest import NOW
from tests.community.conftest import client_for
from tests.community.world import make_profile, person

pytestmark = pytest.mark.django_db(transaction=True)  # mail goes out after a real commit

DAY = dt.timedelta(days=1)
LIMIT = 1500  # pages per walk; reaching it fails the test rather than skipping pages
SKIPPED = ("/static/", "/admin/", "/accounts/logout/")

VERA = {
    "email": "vera.contact@alumni.example",
    "phone": "+1 (617) 555-0142",
    "linkedin_url": "https://www.linkedin.com/in/vera-nunez-rn",
}
VERA_SIGN_IN = "vera.signin@alumni.example"  # her account's address: never shown to students
NIA = {
    "email": "nia.private@alumni.example",
    "phone": "+1 617 555 0199",
    "linkedin_url": "https://www.linkedin.com/in/nia-nurse-private",
}


class Links(HTMLParser):
    """The addresses a page offers a GET to: links, htmx GETs, and what its GET forms
    send as they stand."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "hx-get", "src"):
            if attrs.get(name):
                self.found.append(attrs[name])
        if tag == "form" and (attrs.get("method") or "get").lower() == "get":
            self.found.append(attrs.get("action") or "")
        if tag == "input" and (attrs.get("value") or "").startswith("http"):
            self.found.append(attrs["value"])  # the calendar feed's address is shown so


def local_path(address: str, page: str) -> str | None:
    address = html.unescape(urldefrag(address)[0].strip())
    if not address:
        return None
    parts = urlsplit(address)
    if parts.scheme not in ("", "http", "https") or parts.scheme and not parts.netloc:
        return None
    if parts.netloc and parts.netloc not in ("testserver", "127.0.0.1:8000"):
        return None
    path = parts.path or urlsplit(page).path
    if not path.startswith("/") or path.startswith(SKIPPED):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def walk(client, starts) -> dict[str, bytes]:
    """Every page reachable by GET from ``starts``: {address: body}."""
    bodies: dict[str, bytes] = {}
    waiting = deque(starts)
    while waiting:
        address = waiting.popleft()
        if address in bodies:
            continue
        assert len(bodies) < LIMIT, "the walk found more pages than it may open"
        response = client.get(address)
        body = body_of(response)
        bodies[address] = body
        assert response.status_code < 500, f"{address} answered {response.status_code}"
        if response.status_code in (301, 302) and (
            target := local_path(response["Location"], address)
        ):
            waiting.append(target)
        if "html" in response.get("Content-Type", ""):
            parser = Links()
            parser.feed(body.decode("utf-8", "replace"))
            waiting.extend(p for a in parser.found if (p := local_path(a, address)))
    return bodies


def shapes(detail: str) -> list[re.Pattern]:
    """Ways ``detail`` could be written in a page, a file or an email."""
    texts = {detail, html.escape(detail), quote(detail, safe=""), quote(detail)}
    if detail.startswith("https://"):
        bare = detail.removeprefix("https://").removeprefix("www.")
        texts |= {bare, quote(bare, safe="")}
    patterns = [re.compile(re.escape(text).encode(), re.IGNORECASE) for text in texts]
    digits = re.sub(r"\D", "", detail)
    if len(digits) >= 10 and "@" not in detail and "/" not in detail:
        # The last ten digits, whatever is written between them.
        apart = rb"[^0-9A-Za-z]{0,3}".join(d.encode() for d in digits[-10:])
        patterns.append(re.compile(rb"(?<![0-9])" + apart + rb"(?![0-9])"))
    return patterns


def found_in(bodies: dict[str, bytes], details) -> dict[str, list[str]]:
    """{detail: [where it was found]}"""
    found = {}
    for detail in details:
        places = [
            where
            for where, body in bodies.items()
            if any(pattern.search(body) for pattern in shapes(detail))
        ]
        if places:
            found[detail] = places
    return found


def mail_bodies(received, to: str) -> dict[str, bytes]:
    """Each email to ``to``: its headers and every part, decoded."""
    bodies = {}
    for index, raw in enumerate(received):
        message = message_from_bytes(raw.as_bytes(), policy=email.policy.default)
        if str(message["To"]) != to:
            continue
        parts = [str(message).encode()]
        for part in message.walk():
            if not part.is_multipart():
                payload = part.get_payload(decode=True) or b""
                parts.append(payload)
        bodies[f"email {index}: {message['Subject']}"] = b"\n".join(parts)
    return bodies


def links_in_mail(bodies: dict[str, bytes]) -> list[str]:
    found = []
    for body in bodies.values():
        for address in re.findall(rb"https?://[^\s\"'<>]+", body):
            if path := local_path(address.decode(), "/"):
                found.append(path)
    return found


def student_starts(world, chats) -> list[str]:
    profile = world.profile
    starts = ["/", reverse("agenda:due"), reverse("notifications:list"), reverse("agenda:calendar")]
    starts += [reverse("exports:download", args=[fmt]) for fmt in FORMATS]
    starts += [profile.get_absolute_url(), reverse("chats:sent")]
    starts += [f"{reverse('chats:ask', args=[profile.pk])}?topic={topic}" for topic in Topic]
    starts += [chat.get_absolute_url() for chat in chats]
    starts += [reverse("chats:invite", args=[chat.pk]) for chat in chats]
    return starts


@pytest.fixture
def sharing(world, smtp_settings):
    """Vera shares her email and phone (only ever after a yes) and her LinkedIn only
    with people whose request she accepted; Nia shares the same, and is never asked."""
    smtp_settings.SESSION_COOKIE_AGE = 60 * 86400  # the clock moves weeks; stay signed in
    world.volunteer.email = VERA_SIGN_IN
    world.volunteer.save()
    profile = world.profile
    for field, value in VERA.items():
        setattr(profile, field, value)
    profile.visibility = {**profile.visibility, "linkedin_url": Audience.ACCEPTED}
    profile.monthly_capacity = 10
    profile.save()
    nia = make_profile(
        person("nia", "volunteer", name="Nia Nurse"),
        **NIA,
        visibility={"linkedin_url": Audience.ACCEPTED},
    )
    nia.owner.email = "nia.signin@alumni.example"
    nia.owner.save()
    return world


def send_request(client, profile) -> ChatRequest:
    response = client.post(
        reverse("chats:ask", args=[profile.pk]),
        {
            "topic": "field",
            "body": (
                "Dear Vera,\n\nI'm Sam, studying biology at Wellesley. Your work as a nurse "
                "practitioner at Harbor Clinic is the kind I hope to learn about: how do night "
                "shifts shape the work? Would you have 20 minutes for a conversation in the "
                "next two weeks?\n\nThank you for considering it,\nSam"
            ),
            "duration_minutes": "20",
            "mode": "video",
            "ask_for_theirs": "on",
            "action": "send",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ChatRequest.objects.filter(state="open").get()


def test_contact_details_reach_a_student_only_after_a_yes(sharing, clock, smtp_server):
    world = sharing
    _, received = smtp_server
    sam, vera = client_for(world.student), client_for(world.volunteer)
    profile = world.profile
    to_sam = world.student.email

    # Before any yes: saved to contacts, asked three times (declined, expired, waiting),
    # a thread both ways, the reminder.
    assert sam.post(reverse("community:save_volunteer", args=[profile.pk])).status_code == 302
    declined = send_request(sam, profile)
    vera.post(
        reverse("chats:decline", args=[declined.pk]),
        {"reason": "timing", "note": "Write again in April?"},
    )
    expired = send_request(sam, profile)
    clock.move_to(NOW + 15 * DAY)
    assert tick(NOW + 15 * DAY) == (0, 1)
    waiting = send_request(sam, profile)
    vera.post(reverse("chats:write", args=[waiting.pk]), {"body": "Happy to. Which week suits?"})
    sam.post(reverse("chats:write", args=[waiting.pk]), {"body": "The week of the 23rd, please."})
    clock.move_to(NOW + 22 * DAY + dt.timedelta(minutes=10))
    assert tick(NOW + 22 * DAY + dt.timedelta(minutes=10)) == (1, 0)
    chats = [declined, expired, waiting]
    assert [c.state for c in ChatRequest.objects.order_by("pk")] == ["declined", "expired", "open"]

    mail = mail_bodies(received, to_sam)
    assert len(mail) >= 3, f"the student should have had mail by now: {list(mail)}"
    seen = walk(sam, student_starts(world, chats) + links_in_mail(mail))
    assert len(seen) > 60, f"the walk reached too little to mean anything: {sorted(seen)}"
    everything = {**seen, **mail}
    secrets = [*VERA.values(), VERA_SIGN_IN, *NIA.values(), "nia.signin@alumni.example"]
    assert found_in(everything, secrets) == {}
    # The details are in the data the pages were built from, so the search can find them.
    page = vera.get(profile.get_absolute_url()).content
    assert set(found_in({"Vera's own page": page}, VERA.values())) == set(VERA.values())

    # Nor can a search of the directory tell that her email or phone is hers.
    for detail in [VERA["email"], VERA["phone"], "555-0142", "alumni.example"]:
        results = sam.get(reverse("community:directory"), {"q": detail}).content.decode()
        assert profile.get_absolute_url() not in results, detail

    # The yes: from now on, what Vera shares reaches Sam, and only Sam.
    accepted = vera.post(
        reverse("chats:accept", args=[waiting.pk]),
        {"other_date": "2026-03-26", "other_time": "18:00", "place": "https://meet.example/v"},
    )
    assert accepted.status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == "accepted"

    mail_after = mail_bodies(received, to_sam)
    assert len(mail_after) > len(mail)
    seen_after = walk(sam, student_starts(world, chats) + links_in_mail(mail_after))
    everything_after = {**seen_after, **mail_after}
    shown = found_in(everything_after, secrets)
    assert set(shown) == set(VERA.values()), "only what Vera shares, and all of it"
    contact = waiting.interview.contact
    for detail in VERA.values():
        assert profile.get_absolute_url() in shown[detail]
        assert contact.get_absolute_url() in shown[detail]
    assert reverse("exports:download", args=["json"]) in shown[VERA["email"]]

    tess = person("tess", "student", name="Tess Other")
    world.health.join(tess)
    tess_client = client_for(tess)
    assert tess_client.get(profile.get_absolute_url()).status_code == 200
    seen_by_tess = walk(tess_client, ["/", profile.get_absolute_url()])
    assert found_in(seen_by_tess, secrets) == {}
