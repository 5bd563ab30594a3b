"""Ownership cases for every interviews URL that takes an id (see tests/test_url_security.py)."""

from coffeechat.contacts.models import Contact
from coffeechat.interviews.models import Interview, InterviewQuestion, NextStep

# The calendar feed opts out of logging in: its secret token is the key.
INTERVIEW_TOKEN_URLS = {"agenda:feed"}


def contact(owner):
    return Contact.objects.create(owner=owner, first_name="Ada", last_name="Okafor")


def interview(owner):
    return Interview.objects.create(owner=owner, contact=contact(owner))


def question(owner):
    chosen = InterviewQuestion.objects.create(
        owner=owner, interview=interview(owner), text="How did you start?"
    )
    return {"pk": chosen.interview_id, "question_pk": chosen.pk}


def todo(owner):
    return NextStep.objects.create(owner=owner, interview=interview(owner), text="Read up")


def by_pk(owner):
    return {"pk": interview(owner).pk}


INTERVIEW_URL_CASES = {
    "interviews:detail": by_pk,
    "interviews:move": lambda owner: {"pk": interview(owner).pk, "action": "request"},
    "interviews:schedule": by_pk,
    "interviews:cancel": by_pk,
    "interviews:invite": by_pk,
    "interviews:prepare": by_pk,
    "interviews:add_bank_questions": by_pk,
    "interviews:add_own_question": by_pk,
    "interviews:edit_question": question,
    "interviews:move_question": question,
    "interviews:remove_question": question,
    "interviews:sheet": by_pk,
    "interviews:notes": by_pk,
    "interviews:referral": by_pk,
    "interviews:reflect": by_pk,
    "interviews:add_todo": by_pk,
    "interviews:draft_thank_you": by_pk,
    "interviews:toggle_todo": lambda owner: {"todo_pk": todo(owner).pk},
    "interviews:set_cadence": lambda owner: {"contact_pk": contact(owner).pk},
    "interviews:log_interaction": lambda owner: {"contact_pk": contact(owner).pk},
}
