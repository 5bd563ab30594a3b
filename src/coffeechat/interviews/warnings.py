"""Warnings on interview questions, from the outreach checker's rules (not a copy of them)."""


def _text(finding) -> str:
    for attribute in ("message", "text", "advice"):
        value = getattr(finding, attribute, None)
        if isinstance(value, str) and value:
            return value
    return str(finding)


def question_warnings(text: str) -> list[str]:
    """What's wrong with a question that asks for a job or about the person's own pay."""
    try:
        from coffeechat.outreach.checker import find_job_asks, find_salary_asks
    except ImportError:  # TODO(interviews): drop once the outreach checker has landed
        return []
    findings = [*find_job_asks(text), *find_salary_asks(text)]
    return [_text(finding) for finding in findings]
