"""Templates: the built-ins, the student's versions of them, and their own."""

from coffeechat.outreach.builtin_messages import BY_KEY
from coffeechat.outreach.models import MessageTemplate


def test_the_list_shows_every_built_in(owner_client):
    response = owner_client.get("/outreach/templates/")
    assert response.status_code == 200
    for builtin in BY_KEY.values():
        assert builtin.name in response.text


def test_editing_a_built_in_keeps_a_version_for_the_student_only(owner_client, owner, outsider):
    page = owner_client.get("/outreach/templates/builtin/alum-request/edit/")
    assert page.status_code == 200
    assert "{{ their_first_name }}" in page.text  # the field reference
    response = owner_client.post(
        "/outreach/templates/builtin/alum-request/edit/",
        {
            "name": "To an alum, my way",
            "kind": "request",
            "channel": "email",
            "subject": "Hello from {{ my_school }}",
            "body": "Hi {{ their_first_name }}, could we talk for 20 minutes?",
        },
    )
    assert response.status_code == 302
    copy = MessageTemplate.objects.get(owner=owner, builtin_key="alum-request")
    assert copy.name == "To an alum, my way"
    listing = owner_client.get("/outreach/templates/").text
    assert "To an alum, my way" in listing and "your version" in listing
    assert not MessageTemplate.objects.filter(owner=outsider).exists()
    # Saving again updates the same copy.
    owner_client.post(
        "/outreach/templates/builtin/alum-request/edit/",
        {"name": "Again", "kind": "request", "channel": "email", "body": "Hi?"},
    )
    assert MessageTemplate.objects.filter(owner=owner, builtin_key="alum-request").count() == 1


def test_the_students_version_is_used_for_drafts_and_can_be_reset(owner_client, owner, ada):
    MessageTemplate.objects.create(
        owner=owner,
        builtin_key="faculty-request",
        name="Professor, my way",
        kind="request",
        channel="email",
        subject="Hi",
        body="Hello Dr. {{ their_last_name }}, may I ask you about your work?",
    )
    draft = owner_client.get("/outreach/compose/", {"contact": ada.pk}).context["form"]
    assert draft.initial["body"] == "Hello Dr. Singh, may I ask you about your work?"
    assert "Reset" in owner_client.get("/outreach/templates/builtin/faculty-request/reset/").text
    owner_client.post("/outreach/templates/builtin/faculty-request/reset/")
    assert not MessageTemplate.objects.filter(owner=owner).exists()
    draft = owner_client.get("/outreach/compose/", {"contact": ada.pk}).context["form"]
    assert draft.initial["body"].startswith("Dear Professor Singh,")


def test_a_student_can_add_use_and_delete_their_own_template(owner_client, owner, ada):
    response = owner_client.post(
        "/outreach/templates/new/",
        {
            "name": "Coffee invitation",
            "kind": "request",
            "channel": "linkedin",
            "subject": "ignored for LinkedIn",
            "body": "Hi {{ their_first_name }}, coffee sometime?",
        },
    )
    assert response.status_code == 302
    template = MessageTemplate.objects.get(owner=owner, name="Coffee invitation")
    assert template.subject == ""
    draft = owner_client.get(
        "/outreach/compose/", {"contact": ada.pk, "template": f"mine-{template.pk}"}
    ).context["form"]
    assert draft.initial["body"] == "Hi Ada, coffee sometime?"
    assert owner_client.get(f"/outreach/templates/{template.pk}/edit/").status_code == 200
    owner_client.post(f"/outreach/templates/{template.pk}/delete/")
    assert not MessageTemplate.objects.filter(pk=template.pk).exists()


def test_a_misspelled_merge_field_is_explained(owner_client, owner):
    response = owner_client.post(
        "/outreach/templates/new/",
        {
            "name": "Typo",
            "kind": "request",
            "channel": "email",
            "body": "Hi {{ their_frist_name }}",
        },
    )
    assert response.status_code == 200
    assert "doesn&#x27;t know the merge field {{ their_frist_name }}" in response.text
    assert not MessageTemplate.objects.filter(owner=owner).exists()


def test_an_unknown_built_in_is_a_404(owner_client):
    assert owner_client.get("/outreach/templates/builtin/nope/edit/").status_code == 404
    assert owner_client.post("/outreach/templates/builtin/nope/reset/").status_code == 404


def test_another_users_template_is_a_404(outsider_client, owner):
    template = MessageTemplate.objects.create(owner=owner, name="Mine", body="Hi")
    for url in (
        f"/outreach/templates/{template.pk}/edit/",
        f"/outreach/templates/{template.pk}/delete/",
    ):
        assert outsider_client.get(url).status_code == 404
        assert outsider_client.post(url, {"name": "x", "body": "y"}).status_code == 404
    assert MessageTemplate.objects.filter(pk=template.pk, name="Mine").exists()
