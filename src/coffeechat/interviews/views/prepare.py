"""Preparation: research, goals, the checklist, the question list and the prep sheet."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Max
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.interviews import questions as bank
from coffeechat.interviews.forms import PickQuestionsForm, PrepareForm, QuestionTextForm
from coffeechat.interviews.models import CHECKLIST, Interview, InterviewQuestion
from coffeechat.interviews.views import post_only
from coffeechat.interviews.views.interviews import get_interview
from coffeechat.interviews.warnings import question_warnings
from coffeechat.saving import saved_status
from coffeechat.submissions.once import submitted_once
from coffeechat.zones import user_zone


def chosen_questions(interview):
    """The interview's questions, each with ``warnings`` set from the checker."""
    chosen = list(interview.questions.order_by("position", "id"))
    for question in chosen:
        question.warnings = question_warnings(question.text)
    return chosen


def _prepare_url(interview, anchor=""):
    return reverse("interviews:prepare", args=[interview.pk]) + (f"#{anchor}" if anchor else "")


@require_http_methods(["GET", "POST"])
def prepare_interview(request, pk):
    interview = get_interview(
        request, pk, Interview.objects.select_related("contact", "contact__organization")
    )
    form = PrepareForm(request.POST or None, instance=interview)
    if request.method == "POST" and request.htmx:
        return saved_status(request, form)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Preparation saved.")
        return redirect(_prepare_url(interview))
    return render(request, "interviews/prepare.html", _prepare_context(interview, form=form))


def _prepare_context(interview, **extra):
    chosen = chosen_questions(interview)
    taken = {q.bank_key for q in chosen if q.bank_key}
    context = {
        "interview": interview,
        "form": PrepareForm(instance=interview),
        "chosen": chosen,
        "bank": [
            (label, [q for q in items if q.key not in taken]) for label, items in bank.grouped()
        ],
        "own_form": QuestionTextForm(),
        "prepared": interview.is_prepared(len(chosen)),
    }
    context.update(extra)
    return context


@post_only
def add_bank_questions(request, pk):
    interview = get_interview(request, pk)
    form = PickQuestionsForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["keys"][0])
        return redirect(_prepare_url(interview, "bank"))
    with transaction.atomic():
        taken = set(interview.questions.exclude(bank_key="").values_list("bank_key", flat=True))
        position = _next_position(interview)
        added = 0
        for key in form.cleaned_data["keys"]:
            if key in taken:
                continue
            InterviewQuestion.objects.create(
                owner=request.user,
                interview=interview,
                position=position,
                text=bank.BY_KEY[key].text,
                bank_key=key,
            )
            position += 1
            added += 1
    messages.success(request, f"Added {added} question{'s' if added != 1 else ''}.")
    return redirect(_prepare_url(interview, "questions"))


def _next_position(interview):
    highest = interview.questions.aggregate(top=Max("position"))["top"]
    return 0 if highest is None else highest + 1


@post_only
@submitted_once
def add_own_question(request, pk):
    interview = get_interview(request, pk)
    form = QuestionTextForm(request.POST)
    if not form.is_valid():
        return render(
            request, "interviews/prepare.html", _prepare_context(interview, own_form=form)
        )
    text = form.cleaned_data["text"]
    InterviewQuestion.objects.create(
        owner=request.user, interview=interview, position=_next_position(interview), text=text
    )
    warnings = question_warnings(text)
    if warnings:
        messages.warning(request, "Added, but have another look at it: " + " ".join(warnings))
    else:
        messages.success(request, "Added your question.")
    return redirect(_prepare_url(interview, "questions"))


def _get_question(request, pk, question_pk):
    return get_owned_or_404(
        InterviewQuestion.objects.select_related("interview"),
        request.user,
        pk=question_pk,
        interview_id=pk,
    )


@post_only
def edit_question(request, pk, question_pk):
    question = _get_question(request, pk, question_pk)
    form = QuestionTextForm(request.POST)
    if form.is_valid():
        question.text = form.cleaned_data["text"]
        question.save(update_fields=["text"])
        warnings = question_warnings(question.text)
        if warnings:
            messages.warning(request, "Saved, but have another look at it: " + " ".join(warnings))
        else:
            messages.success(request, "Question saved.")
    elif not request.POST.get("text", "").strip():
        messages.error(request, "A question can't be empty; remove it instead.")
    else:
        messages.error(request, " ".join(form.errors["text"]))
    return redirect(_prepare_url(question.interview, f"q-{question.pk}"))


@post_only
def move_question(request, pk, question_pk):
    question = _get_question(request, pk, question_pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, "Say whether to move the question up or down.")
        return redirect(_prepare_url(question.interview, "questions"))
    with transaction.atomic():
        ordered = list(question.interview.questions.order_by("position", "id"))
        index = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, item in enumerate(ordered):
            if item.position != position:
                item.position = position
                item.save(update_fields=["position"])
    return redirect(_prepare_url(question.interview, f"q-{question.pk}"))


@post_only
def remove_question(request, pk, question_pk):
    question = _get_question(request, pk, question_pk)
    question.delete()
    messages.success(request, "Question removed.")
    return redirect(_prepare_url(question.interview, "questions"))


def prep_sheet(request, pk):
    interview = get_interview(
        request, pk, Interview.objects.select_related("contact", "contact__organization")
    )
    context = {
        "interview": interview,
        "chosen": list(interview.questions.order_by("position", "id")),
        "checklist": CHECKLIST,
        "ticked": set(interview.checklist or []),
        "user_zone": user_zone(request.user),
    }
    return render(request, "interviews/sheet.html", context)
