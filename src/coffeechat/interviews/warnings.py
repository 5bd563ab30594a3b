"""Warnings on interview questions, from the outreach checker's rules (not a copy of them)."""

from coffeechat.outreach.checker import find_job_asks, find_salary_asks


def question_warnings(text: str) -> list[str]:
    """What's wrong with a question that asks for a job or about the person's own pay."""
    return [finding.message for finding in [*find_job_asks(text), *find_salary_asks(text)]]
