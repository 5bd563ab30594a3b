"""During the meeting: notes against each question and free notes (a referral, which
may take in a request already sent, is conversations' add_referral)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from coffeechat.contacts.normalize import without_nul
from coffeechat.interviews.forms import ReferralForm
from coffeechat.interviews.models import Interview
from coffeechat.interviews.views.interviews import get_interview

NOTES_LIMIT = 20_000


@require_http_methods(["GET", "POST"])
def meeting_notes(request, pk):
    interview = get_interview(
        request, pk, Interview.objects.select_related("contact", "contact__organization")
    )
    questions = list(interview.questions.order_by("position", "id"))
    if request.method == "POST":
        too_long = _save_notes(request.POST, interview, questions)
        if request.htmx:
            return render(
                request,
                "interviews/meeting.html#status",
                {"saved_at": timezone.now(), "too_long": too_long},
            )
        if too_long:
            messages.warning(request, f"Notes are capped at {NOTES_LIMIT:,} characters each.")
        messages.success(request, "Notes saved.")
        return redirect(reverse("interviews:notes", args=[interview.pk]))
    context = {"interview": interview, "questions": questions, "referral_form": ReferralForm()}
    return render(request, "interviews/meeting.html", context)


def _save_notes(data, interview, questions):
    """Save whichever note fields were posted; returns True if any had to be cut short."""
    too_long = False

    def clip(text):
        nonlocal too_long
        # A null character (pasted from some PDFs) can't be stored by PostgreSQL and
        # can't be seen by anyone: dropped rather than refused, as the notes save as you type.
        text = without_nul(text)
        if len(text) > NOTES_LIMIT:
            too_long = True
            return text[:NOTES_LIMIT]
        return text

    with transaction.atomic():
        if "free_notes" in data:
            interview.free_notes = clip(data["free_notes"])
            interview.save(update_fields=["free_notes", "updated_at"])
        for question in questions:
            field = f"q-{question.pk}"
            if field in data and data[field] != question.notes:
                question.notes = clip(data[field])
                question.save(update_fields=["notes"])
    return too_long


def meeting_page(request, interview, referral_form, status=200, **extra):
    questions = list(interview.questions.order_by("position", "id"))
    context = {
        "interview": interview,
        "questions": questions,
        "referral_form": referral_form,
        **extra,
    }
    return render(request, "interviews/meeting.html", context, status=status)
