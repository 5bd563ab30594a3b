"""The prepare and reflect forms save themselves as the student types (htmx posts)."""

import time_machine

HTMX = {"HTTP_HX_REQUEST": "true"}


@time_machine.travel("2026-03-11 15:00Z", tick=False)
def test_a_typed_goal_is_saved_and_the_answer_is_a_status_line(owner_client, interview):
    response = owner_client.post(
        f"/interviews/{interview.pk}/prepare/",
        {"goal_learn": "How she chose industry", "goal_decision": ""},
        **HTMX,
    )

    assert response.status_code == 200
    assert response.content.decode().startswith("Saved at")
    assert "<html" not in response.content.decode()
    interview.refresh_from_db()
    assert interview.goal_learn == "How she chose industry"


def test_an_invalid_autosave_saves_nothing_and_says_why(owner_client, interview):
    response = owner_client.post(
        f"/interviews/{interview.pk}/prepare/",
        {"goal_learn": "Changed", "checklist": ["not-an-item"]},
        **HTMX,
    )

    assert "Not saved" in response.content.decode()
    interview.refresh_from_db()
    assert interview.goal_learn == ""


def test_a_reflection_saves_as_it_is_typed(owner_client, interview):
    response = owner_client.post(
        f"/interviews/{interview.pk}/reflect/", {"r_learned": "Grants, mostly."}, **HTMX
    )

    assert "Saved at" in response.content.decode()
    interview.refresh_from_db()
    assert interview.reflection == {"learned": "Grants, mostly."}


def test_someone_elses_interview_is_not_saved(outsider_client, interview):
    response = outsider_client.post(
        f"/interviews/{interview.pk}/reflect/", {"r_learned": "Mine now"}, **HTMX
    )

    assert response.status_code == 404
    interview.refresh_from_db()
    assert interview.reflection in ({}, None)
