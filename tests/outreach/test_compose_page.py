"""Drafting: pick a contact and a template, get a filled draft, check it as you type."""

import pytest

from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Contact
from coffeechat.outreach.models import Message
from tests.outreach.conftest import make_message


@pytest.fixture
def profile(owner):
    Profile.objects.filter(owner=owner).update(
        name="Olivia Owner",
        school="Wellesley College",
        class_year=2027,
        major="Chemistry",
        interests="energy research",
        availability="Tuesday and Thursday afternoons",
        signature="Olivia",
    )
    return Profile.objects.get(owner=owner)


def test_without_a_contact_it_asks_who_to_write_to(owner_client, ada):
    response = owner_client.get("/outreach/compose/")
    assert response.status_code == 200
    assert "Who are you writing to?" in response.text
    assert f"/outreach/compose/?contact={ada.pk}" in response.text


def test_the_contact_picker_searches(owner_client, owner, ada):
    Contact.objects.create(owner=owner, first_name="Grace", last_name="Ho")
    response = owner_client.get("/outreach/compose/", {"q": "grace"})
    assert "Grace Ho" in response.text
    assert "Ada Singh" not in response.text


def test_with_no_contacts_it_says_to_add_one_first(owner_client):
    response = owner_client.get("/outreach/compose/")
    assert "Add someone to write to first" in response.text


def test_a_draft_comes_filled_from_the_profile_and_the_contact(owner_client, ada, profile):
    response = owner_client.get("/outreach/compose/", {"contact": ada.pk})
    assert response.status_code == 200
    form = response.context["form"]
    body = form.initial["body"]
    # Ada is faculty, so the professor template is chosen for her.
    assert response.context["template"].key == "faculty-request"
    assert body.startswith("Dear Professor Singh,")
    assert "Olivia Owner, a chemistry student at Wellesley College (class of 2027)" in body
    assert "your lab's work on sodium-ion cells" in body  # first line of research notes
    assert "Tuesday and Thursday afternoons" in body
    assert "how you found your way into chemistry" in body
    assert "{{" not in body
    assert form.initial["subject"] == "A question about your work in chemistry"


def test_fields_with_nothing_to_fill_stay_for_the_checker_to_flag(owner_client, owner, ada):
    # A bare profile: no school, major or availability.
    response = owner_client.get("/outreach/compose/", {"contact": ada.pk, "template": "thank-you"})
    body = response.context["form"].initial["body"]
    assert "{{ takeaway }}" in body
    report = response.context["report"]
    assert report.has_errors
    assert "placeholder" in {f.rule for f in report.findings}


def test_choosing_another_template_and_inputs_refills_the_draft(owner_client, ada, profile):
    response = owner_client.get(
        "/outreach/compose/",
        {
            "contact": ada.pk,
            "template": "linkedin-note",
            "their_work": "",
            "what_i_hope_to_learn": "how a chemist ends up in policy",
        },
    )
    form = response.context["form"]
    assert form.initial["channel"] == "linkedin"
    assert form.initial["subject"] == ""
    assert form.initial["body"].startswith("Hi Ada, I'd love to learn from your path into")
    assert len(form.initial["body"]) <= 200


def test_saving_the_draft_creates_a_message_for_the_contact(owner_client, owner, ada):
    response = owner_client.post(
        "/outreach/compose/",
        {
            "contact": ada.pk,
            "template": "alum-request",
            "channel": "email",
            "kind": "request",
            "subject": "  A   question  ",
            "body": "Hi Ada,\r\n\r\nCould we talk for 20 minutes?\r\n",
            "action": "save",
        },
    )
    message = Message.objects.get(owner=owner)
    assert response.status_code == 302
    assert response.url == f"/outreach/messages/{message.pk}/"
    assert message.contact == ada
    assert message.state == "draft"
    assert message.subject == "A question"
    assert message.body == "Hi Ada,\n\nCould we talk for 20 minutes?"
    assert message.template_key == "alum-request"


def test_the_check_button_works_without_javascript_and_saves_nothing(owner_client, owner, ada):
    response = owner_client.post(
        "/outreach/compose/",
        {
            "contact": ada.pk,
            "channel": "linkedin",
            "kind": "request",
            "body": "Hi Ada! " + "x" * 230,
            "action": "check",
        },
    )
    assert response.status_code == 200
    assert not Message.objects.filter(owner=owner).exists()
    assert "over-limit" in {f.rule for f in response.context["report"].findings}
    assert "(limit 200)" in response.text


def test_an_empty_body_is_not_saved(owner_client, owner, ada):
    response = owner_client.post(
        "/outreach/compose/",
        {"contact": ada.pk, "channel": "email", "kind": "request", "body": "  ", "action": "save"},
    )
    assert response.status_code == 200
    assert "Write the message before saving it." in response.text
    assert not Message.objects.exists()


def test_the_live_check_returns_findings_and_counts(owner_client, ada):
    response = owner_client.post(
        "/outreach/check/",
        {
            "contact": ada.pk,
            "channel": "linkedin",
            "kind": "request",
            "body": "Hi Ada, could we talk for 20 minutes about your work? " + "a" * 160,
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "<html" not in response.text  # a fragment, not a page
    assert "(limit 200)" in response.text
    assert 'data-rule="over-limit"' in response.text
    assert 'data-has-errors="true"' in response.text


def test_the_live_check_uses_the_premium_limit_when_the_student_has_it(owner_client, owner, ada):
    Profile.objects.filter(owner=owner).update(linkedin_premium=True)
    response = owner_client.post(
        "/outreach/check/",
        {"channel": "linkedin", "kind": "request", "body": "Could we talk? " + "a" * 220},
    )
    assert "(limit 300)" in response.text
    assert 'data-rule="over-limit"' not in response.text


def test_the_compose_page_wires_the_live_check(owner_client, ada):
    response = owner_client.get("/outreach/compose/", {"contact": ada.pk})
    assert 'hx-post="/outreach/check/"' in response.text
    assert "input changed delay:300ms" in response.text
    assert 'id="check-results"' in response.text


def test_an_outsider_cannot_write_to_the_owners_contact(outsider_client, ada):
    assert outsider_client.get("/outreach/compose/", {"contact": ada.pk}).status_code == 404
    assert outsider_client.post("/outreach/check/", {"contact": ada.pk}).status_code == 404
    response = outsider_client.post(
        "/outreach/compose/", {"contact": ada.pk, "channel": "email", "body": "Hi"}
    )
    assert response.status_code == 404


class TestFollowingUp:
    def test_a_follow_up_draft_points_at_the_request(self, owner_client, owner, ada, profile):
        import datetime

        request = make_message(
            owner, ada, sent_on=datetime.date(2025, 11, 3), subject="A question about batteries"
        )
        response = owner_client.get("/outreach/compose/", {"follow_up_to": request.pk})
        form = response.context["form"]
        assert response.context["template"].key == "follow-up"
        assert form.initial["kind"] == "follow-up"
        assert form.initial["subject"] == "Re: A question about batteries"
        assert "my note from 3 November" in form.initial["body"]
        data = {
            "follow_up_to": request.pk,
            "channel": "email",
            "kind": "request",  # ignored: it is a follow-up
            "subject": form.initial["subject"],
            "body": form.initial["body"],
            "action": "save",
        }
        owner_client.post("/outreach/compose/", data)
        follow_up = Message.objects.get(follow_up_to=request)
        assert (follow_up.kind, follow_up.contact) == ("follow-up", ada)

    def test_a_draft_request_cannot_be_followed_up(self, owner_client, owner, ada):
        request = make_message(owner, ada)
        response = owner_client.get("/outreach/compose/", {"follow_up_to": request.pk})
        assert response.status_code == 302
        assert response.url == f"/outreach/messages/{request.pk}/"

    def test_only_one_follow_up(self, owner_client, owner, ada):
        import datetime

        request = make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
        make_message(
            owner, ada, kind="follow-up", follow_up_to=request, sent_on=datetime.date(2025, 11, 10)
        )
        response = owner_client.get("/outreach/compose/", {"follow_up_to": request.pk}, follow=True)
        assert "You already followed up once" in response.text


def test_writing_from_an_interview_fills_the_meeting_and_links_the_message(
    owner_client, owner, ada, profile
):
    import datetime
    import zoneinfo

    from coffeechat.interviews.models import Interview

    interview = Interview.objects.create(
        owner=owner, contact=ada, goal_learn="what a week in the lab is like"
    )
    start = datetime.datetime(2030, 3, 5, 14, 30, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    interview.schedule(start, time_zone="America/New_York")
    response = owner_client.get(
        "/outreach/compose/", {"interview": interview.pk, "template": "running-late"}
    )
    assert response.context["contact"] == ada
    body = response.context["form"].initial["body"]
    assert "our conversation at 2:30 pm" in body
    request_page = owner_client.get(
        "/outreach/compose/", {"interview": interview.pk, "template": "alum-request"}
    )
    assert "what a week in the lab is like" in request_page.context["form"].initial["body"]
    owner_client.post(
        "/outreach/compose/",
        {
            "interview": interview.pk,
            "channel": "email",
            "kind": "running-late",
            "subject": "Late",
            "body": body,
            "action": "save",
        },
    )
    assert Message.objects.get(owner=owner).interview == interview


def test_an_outsider_cannot_use_the_owners_interview(outsider_client, owner, ada):
    from coffeechat.interviews.models import Interview

    interview = Interview.objects.create(owner=owner, contact=ada)
    assert outsider_client.get("/outreach/compose/", {"interview": interview.pk}).status_code == 404


def test_the_same_finding_in_many_places_is_shown_once_with_a_count(owner_client):
    body = "Hi Ada, could we talk talk for 20 minutes? I'd love to talk talk about your path."
    response = owner_client.post("/outreach/check/", {"channel": "linkedin", "body": body})
    findings = response.context["report"].findings
    messages = [f.message for f in findings]
    repeated = {m for m in messages if messages.count(m) > 1}
    assert repeated, "the checker flags the same doubled word twice"
    assert "(2 places)" in response.text
    assert len(response.text.split('class="finding ')) - 1 == len(set(messages))
