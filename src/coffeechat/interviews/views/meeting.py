"""During the meeting: notes against each question, free notes, and referrals."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.contacts.matching import same_person
from coffeechat.contacts.models import Contact, Organization, Source
from coffeechat.contacts.normalize import without_nul
from coffeechat.interviews.forms import ReferralForm
from coffeechat.interviews.models import Interview, TimelineEntry
from coffeechat.interviews.views import post_only
from coffeechat.interviews.views.interviews import get_interview
from coffeechat.submissions.once import submitted_once

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


@post_only
@submitted_once
def add_referral(request, pk):
    """ "They suggested I talk to…": the person (a new contact, or one the student already
    has), who suggested them, and a plan to talk."""
    interview = get_interview(request, pk)
    form = ReferralForm(request.POST)
    if not form.is_valid():
        return _meeting_page(request, interview, form, status=400)
    data = form.cleaned_data
    chosen = request.POST.get("person", "")
    if chosen:
        person = get_owned_or_404(Contact, request.user, pk=chosen)
    elif request.POST.get("new_anyway"):
        person = None
    else:
        person, why = same_person(
            request.user,
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            organization=data["organization"],
            emails=[data["email"]] if data["email"] else [],
        )
        if person is not None:
            # Offer the person already there rather than making them twice.
            return _meeting_page(request, interview, form, match=person, match_why=why)
    with transaction.atomic():
        if person is None:
            person = Contact.objects.create(
                owner=request.user,
                first_name=data["first_name"].strip(),
                last_name=data["last_name"].strip(),
                title=data["title"].strip(),
                organization=Organization.named(request.user, data["organization"]),
                emails=[data["email"].lower()] if data["email"] else [],
                source=Source.REFERRAL,
                referred_by=interview.contact,
                notes=data["note"].strip(),
            )
            added = f"Added {person.full_name}, referred by {interview.contact.full_name}"
        else:
            person.note_referral(interview.contact, data["note"].strip())
            added = f"{person.full_name} was already in your contacts: noted the suggestion"
        planned = Interview.under_way(request.user, person)
        if planned is None:
            planned = Interview.plan(request.user, person)
            planned.log(TimelineEntry.Topic.STAGE, f"Suggested by {interview.contact.full_name}")
            added += ", with a conversation planned."
        else:
            added += "; your conversation with them is already under way."
        interview.log(TimelineEntry.Topic.NOTE, f"Suggested I talk to {person.full_name}")
    messages.success(request, added)
    return redirect(reverse("interviews:notes", args=[interview.pk]) + "#referral")


def _meeting_page(request, interview, referral_form, status=200, **extra):
    questions = list(interview.questions.order_by("position", "id"))
    context = {
        "interview": interview,
        "questions": questions,
        "referral_form": referral_form,
        **extra,
    }
    return render(request, "interviews/meeting.html", context, status=status)
