from coffeechat.interviews import questions as bank
from coffeechat.interviews.models import InterviewQuestion
from coffeechat.interviews.warnings import question_warnings


def test_the_bank_covers_every_category_and_tiara():
    categories = {q.category for q in bank.QUESTIONS}
    assert categories == {key for key, _ in bank.CATEGORIES}
    assert {"tiara-trends", "tiara-insights", "tiara-advice", "tiara-resources"} <= categories
    assert "tiara-assignments" in categories


def test_keys_are_unique():
    assert len(bank.BY_KEY) == len(bank.QUESTIONS)


def test_no_built_in_question_asks_for_a_job_or_about_their_pay():
    flagged = {q.key: question_warnings(q.text) for q in bank.QUESTIONS}
    assert {key: found for key, found in flagged.items() if found} == {}


def test_asking_for_a_job_or_their_salary_is_flagged():
    assert question_warnings("Could you hire me as an intern next summer?")
    assert question_warnings("How much do you make?")
    assert question_warnings("Roughly where do entry-level roles start?") == []


def test_the_prepare_page_warns_on_a_question_that_asks_for_a_job(owner_client, interview):
    response = owner_client.post(
        f"/interviews/{interview.pk}/questions/own/",
        {"text": "Are there any openings on your team for me?"},
        follow=True,
    )
    assert InterviewQuestion.objects.filter(interview=interview).count() == 1
    assert "have another look at it" in response.text
    assert 'class="warning"' in response.text
    assert "asking them for a job" in response.text


def test_every_reflection_topic_has_a_prompt():
    assert bank.REFLECTION_KEYS == [
        "learned",
        "surprised",
        "advice",
        "interest",
        "concerns",
        "enjoy",
        "fit",
        "skills",
        "unknowns",
    ]
