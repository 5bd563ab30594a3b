"""The student's side: ask a volunteer from their page, see one's requests, withdraw."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts.models import Profile
from coffeechat.chats import slots
from coffeechat.chats.forms import AskForm
from coffeechat.chats.limits import limit_words
from coffeechat.chats.lookup import request_for
from coffeechat.chats.models import SUBJECT, ChatRequest, RequestRefused, open_limit
from coffeechat.chats.models.blocks import refuse_if_blocked
from coffeechat.chats.notify import tell_new_request
from coffeechat.chats.samples import Topic, sample_message
from coffeechat.community.access import allowed
from coffeechat.community.models import VolunteerProfile
from coffeechat.community.visibility import visible_fields
from coffeechat.outreach.draft_check import check_draft
from coffeechat.submissions.once import submitted_once


def _volunteer(pk) -> VolunteerProfile:
    profile = get_object_or_404(
        VolunteerProfile.objects.select_related("owner"), pk=pk, is_active=True, joined=True
    )
    return profile


@allowed("request.ask")
@require_http_methods(["GET", "POST"])
@submitted_once
def ask(request, pk):
    volunteer = _volunteer(pk)
    if volunteer.owner_id == request.user.pk:
        raise Http404("This is your own profile.")
    student_profile = Profile.for_user(request.user)
    now = timezone.now()
    source = request.POST if request.method == "POST" else request.GET
    try:
        minutes = int(source.get("duration_minutes", 20))
    except ValueError:
        minutes = 20
    minutes = minutes if minutes in (15, 20, 30) else 20
    offered = slots.offered_slots(
        volunteer.availability if "availability" in visible_fields(volunteer, request.user) else [],
        volunteer.time_zone,
        student_profile.time_zone,
        now=now,
        minutes=minutes,
    )
    topic = source.get("topic") if source.get("topic") in Topic.values else Topic.FIELD
    report = None
    if request.method == "POST":
        form = AskForm(request.POST, offered=offered)
        body = request.POST.get("body", "")
        report = check_draft(
            student_profile, channel="email", kind="request", subject=SUBJECT, body=body
        )
        if form.is_valid() and request.POST.get("action") != "check":
            try:
                chat = ChatRequest.ask(
                    request.user,
                    volunteer,
                    topic=form.cleaned_data["topic"],
                    body=form.cleaned_data["body"],
                    proposed=form.cleaned_data["proposed"],
                    student_time_zone=student_profile.time_zone,
                    duration_minutes=form.cleaned_data["duration_minutes"],
                    mode=form.cleaned_data["mode"],
                    now=now,
                    report=report,
                )
            except RequestRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                tell_new_request(chat)
                messages.success(
                    request, f"Sent. {volunteer.name} has 14 days to answer; you'll hear here."
                )
                return redirect(chat)
    else:
        body = sample_message(
            topic,
            student_profile=student_profile,
            volunteer=volunteer,
            shown=visible_fields(volunteer, request.user),
        )
        form = AskForm(
            initial={"topic": topic, "body": body, "duration_minutes": minutes}, offered=offered
        )
        report = check_draft(
            student_profile, channel="email", kind="request", subject=SUBJECT, body=body
        )
    waiting = ChatRequest.objects.open().filter(student=request.user).count()
    context = {
        "volunteer": volunteer,
        "form": form,
        "held_back": held_back(request.user, volunteer, waiting, now),
        "report": report,
        "subject": SUBJECT,
        "topics": Topic.choices,
        "topic": topic,
        "waiting": waiting,
        "limit": open_limit(),
    }
    return render(request, "chats/ask.html", context)


def held_back(student, volunteer: VolunteerProfile, waiting: int, now) -> str:
    """Why sending will be refused, said before the student writes: a block, or the
    limit with the missed conversations that count against it; "" when nothing holds."""
    try:
        refuse_if_blocked(student, volunteer.owner, volunteer.name)
    except RequestRefused as refusal:
        return str(refusal)
    missed = ChatRequest.missed_by(student, now)
    if missed and waiting + len(missed) >= open_limit():
        return limit_words(open_limit(), waiting, missed)
    return ""


@allowed("request.ask")
def sent(request):
    chats = (
        ChatRequest.objects.filter(student=request.user)
        .select_related("volunteer")
        .order_by("-created_at", "-id")[:100]
    )
    return render(request, "chats/sent.html", {"chats": chats, "limit": open_limit()})


@allowed("request.ask")
@require_POST
def withdraw(request, pk):
    chat = request_for(request.user, pk, as_volunteer=False)
    try:
        chat.withdraw()
    except RequestRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Withdrawn. You can ask someone else now.")
    return redirect(chat)
