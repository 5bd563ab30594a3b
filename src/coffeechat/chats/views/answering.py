"""The volunteer's side: the inbox, accept, decline, pause; and the request's page and
invite, which both people open."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coffeechat.chats import ical
from coffeechat.chats.fitting import others_who_fit
from coffeechat.chats.forms import (
    AcceptForm,
    CancelForm,
    ChooseForm,
    DeclineForm,
    MessageForm,
    OfferForm,
    PauseForm,
    RescheduleForm,
)
from coffeechat.chats.lookup import request_for
from coffeechat.chats.models import ChatRequest, RequestRefused
from coffeechat.chats.notify import tell_accepted, tell_declined
from coffeechat.chats.views.after import after_context
from coffeechat.chats.views.meeting import own_zone
from coffeechat.community.access import allowed
from coffeechat.community.models import VolunteerProfile
from coffeechat.links import absolute_url

INBOX_ANSWERED = 20


@allowed("request.answer")
def inbox(request):
    profile = VolunteerProfile.objects.filter(owner=request.user).first()
    waiting, answered = [], []
    if profile is not None:
        mine = ChatRequest.objects.filter(volunteer=profile).select_related("student__profile")
        waiting = list(mine.filter(state=ChatRequest.State.OPEN).order_by("created_at", "id"))
        answered = list(
            mine.exclude(state=ChatRequest.State.OPEN).order_by("-created_at", "-id")[
                :INBOX_ANSWERED
            ]
        )
    context = {
        "profile": profile,
        "waiting": waiting,
        "answered": answered,
        "pause_form": PauseForm(),
        "today": timezone.localdate(),
    }
    return render(request, "chats/inbox.html", context)


@allowed("request.view")
def detail(request, pk, accept_form=None, decline_form=None, offer_form=None, choose_form=None):
    chat = request_for(request.user, pk)
    is_volunteer = chat.volunteer.owner_id == request.user.pk
    now = timezone.now()
    context = after_context(chat, request.user, now) | {
        "chat": chat,
        "is_volunteer": is_volunteer,
        "proposed": [
            chat.label(start, for_volunteer=is_volunteer) for start in chat.proposed_starts()
        ],
        "when": chat.label(chat.starts_at, for_volunteer=is_volunteer) if chat.starts_at else "",
        "offered": [
            chat.label(start, for_volunteer=is_volunteer) for start in chat.offered_starts()
        ],
        "accept_form": accept_form or AcceptForm(request=chat),
        "offer_form": offer_form or OfferForm(request=chat),
        "choose_form": choose_form or ChooseForm(request=chat),
        "decline_form": decline_form or DeclineForm(),
        "reschedule_form": RescheduleForm(zone_name=own_zone(chat, request.user)),
        "cancel_form": CancelForm(),
        "message_form": MessageForm(),
        "thread": list(chat.messages.select_related("author")),
        "upcoming": chat.state == ChatRequest.State.ACCEPTED
        and chat.starts_at is not None
        and chat.starts_at > now,
        "others": (
            others_who_fit(chat)
            if not is_volunteer
            and chat.state in (ChatRequest.State.EXPIRED, ChatRequest.State.DECLINED)
            else []
        ),
    }
    return render(request, "chats/detail.html", context)


@allowed("request.answer")
@require_POST
def accept(request, pk):
    chat = request_for(request.user, pk, as_volunteer=True)
    form = AcceptForm(request.POST, request=chat)
    if not form.is_valid():
        return detail(request, pk, accept_form=form)
    try:
        chat.accept(form.cleaned_data["starts_at"], place=form.cleaned_data.get("place", ""))
    except RequestRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(chat)
    tell_accepted(chat)
    messages.success(request, "Accepted. You both have the invite; it's in your inbox too.")
    return redirect(chat)


@allowed("request.answer")
@require_POST
def decline(request, pk):
    chat = request_for(request.user, pk, as_volunteer=True)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, decline_form=form)
    try:
        chat.decline(form.cleaned_data["reason"], form.cleaned_data["note"])
    except RequestRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(chat)
    tell_declined(chat)
    messages.success(request, "Declined, kindly. Thank you for answering.")
    return redirect("chats:inbox")


@allowed("request.answer")
@require_POST
def pause(request):
    profile = VolunteerProfile.objects.filter(owner=request.user).first()
    if profile is None:
        messages.error(request, "Fill in your volunteer profile first.")
        return redirect("community:my_profile")
    form = PauseForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("chats:inbox")
    declined = ChatRequest.pause_and_decline(
        profile, form.cleaned_data["until"], form.cleaned_data["note"]
    )
    for chat in declined:
        tell_declined(chat)
    count = len(declined)
    messages.success(
        request,
        "Paused. "
        + (
            f"{count} waiting request{'s were' if count != 1 else ' was'} declined kindly."
            if count
            else ""
        ),
    )
    return redirect("chats:inbox")


@allowed("request.view")
def invite(request, pk):
    chat = request_for(request.user, pk)
    if chat.starts_at is None:
        messages.info(request, "There is no meeting to add to a calendar yet.")
        return redirect(chat)
    is_volunteer = chat.volunteer.owner_id == request.user.pk
    body = ical.invite(
        chat, for_volunteer=is_volunteer, url=absolute_url(request, chat.get_absolute_url())
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="conversation-{chat.pk}.ics"'
    return response
