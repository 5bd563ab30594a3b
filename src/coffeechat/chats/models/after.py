"""After the meeting: each person's private word on it (``Debrief``: did it happen, how
it went, and from the volunteer, happy to talk again and someone else to ask), and a
report to the advisers (``Report``)."""

import contextlib
import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from coffeechat.chats.models.requests import ChatRequest, Happened
from coffeechat.chats.refusal import RequestRefused
from coffeechat.community.models import CareerCommunity, VolunteerProfile
from coffeechat.community.roles import Role, holders
from coffeechat.interviews.models import Interview
from coffeechat.refusals import Refused


class Debrief(models.Model):
    """One person's answer after the meeting; only its author ever sees the feedback."""

    request = models.ForeignKey(ChatRequest, on_delete=models.CASCADE, related_name="debriefs")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    by_volunteer = models.BooleanField()
    happened = models.CharField(max_length=10, choices=Happened.choices)
    feedback = models.TextField(max_length=2000, blank=True)
    # The volunteer's, shown to the student.
    again = models.BooleanField("happy to talk again", default=False)
    suggested = models.ForeignKey(
        VolunteerProfile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    suggestion_note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint("request", "author", name="one_debrief_each"),
        ]

    def __str__(self):
        return f"After {self.request}"

    @classmethod
    def record(
        cls,
        chat: ChatRequest,
        author,
        *,
        happened: str,
        feedback: str = "",
        again: bool = False,
        suggested: VolunteerProfile | None = None,
        note: str = "",
        now: dt.datetime | None = None,
    ) -> "Debrief":
        """Say (or change) how the meeting went. The volunteer's ``again`` and
        ``suggested`` are shown to the student; the feedback to no one else."""
        now = now or timezone.now()
        by_volunteer = chat.volunteer.owner_id == author.pk
        if not by_volunteer and chat.student_id != author.pk:
            raise RequestRefused("Only the two people in a conversation can say how it went.")
        if chat.state != ChatRequest.State.ACCEPTED or chat.starts_at is None:
            raise RequestRefused("Only a conversation that was set can be looked back on.", chat)
        if chat.starts_at > now:
            raise RequestRefused(
                "The conversation hasn't started yet; say how it went afterwards.", chat
            )
        if happened not in Happened.values:
            raise RequestRefused("Say whether the conversation happened.", chat)
        if not by_volunteer:
            again, suggested, note = False, None, ""
        if suggested is not None:
            _refuse_suggestion(chat, suggested)
        fields = {
            "by_volunteer": by_volunteer,
            "happened": happened,
            "feedback": feedback.strip()[:2000],
            "again": bool(again) and happened == Happened.MET,
            "suggested": suggested,
            "suggestion_note": note.strip()[:300] if suggested else "",
            "updated_at": now,
        }
        with transaction.atomic():
            debrief, _ = cls.objects.update_or_create(
                request=chat,
                author=author,
                defaults=fields,
                create_defaults={**fields, "created_at": now},
            )
            if not by_volunteer and happened == Happened.MET:
                _mark_met(chat, now)
        return debrief


def _refuse_suggestion(chat: ChatRequest, suggested: VolunteerProfile) -> None:
    if suggested.pk == chat.volunteer_id:
        raise RequestRefused("Suggest someone other than yourself.", chat)
    if suggested.owner_id == chat.student_id:
        raise RequestRefused("That is the student's own profile; suggest someone else.", chat)
    if not (suggested.is_active and suggested.joined):
        raise RequestRefused("That person isn't in the directory now; suggest someone else.", chat)


def _mark_met(chat: ChatRequest, now: dt.datetime) -> None:
    """The student says they met: their conversation is done, if it still waits."""
    interview = chat.interview
    if interview is not None and interview.stage == Interview.Stage.SCHEDULED:
        # Moved to a later time on the student's side: theirs to mark, then.
        with contextlib.suppress(Refused):
            interview.mark_done(at=now)


class ReportReason(models.TextChoices):
    UNKIND = "unkind", "Rude, unkind or harassing"
    UNSAFE = "unsafe", "It made me feel unsafe"
    PRESSURE = "pressure", "Pressure to hire, buy or pay"
    NO_SHOW = "no-show", "Missed meetings again and again"
    OTHER = "other", "Something else (written below)"


class Report(models.Model):
    """A word to the advisers about a request: they read it with the thread."""

    request = models.ForeignKey(ChatRequest, on_delete=models.CASCADE, related_name="reports")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=12, choices=ReportReason.choices)
    note = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Report on {self.request}"

    def get_absolute_url(self):
        return reverse("chats:report", args=[self.pk])

    @classmethod
    def file(cls, chat: ChatRequest, author, reason: str, note: str = "") -> "Report":
        if author.pk not in (chat.student_id, chat.volunteer.owner_id):
            raise RequestRefused("Only the two people in a request can report it.")
        if reason not in ReportReason.values:
            raise RequestRefused("Choose what happened.", chat)
        if reason == ReportReason.OTHER and not note.strip():
            raise RequestRefused("Write a few words about what happened.", chat)
        return cls.objects.create(
            request=chat, author=author, reason=reason, note=note.strip()[:2000]
        )

    def people(self) -> list:
        """The two people the report is about (for the advisers' scope)."""
        return [self.request.student, self.request.volunteer.owner]

    def recipients(self):
        """The advisers of the communities either person is in; the administrators when
        neither is in a community with an adviser."""
        users = get_user_model().objects
        ids = [person.pk for person in self.people()]
        advisers = users.filter(
            pk__in=CareerCommunity.objects.filter(members__in=ids).values("advisers")
        )
        if advisers.exists():
            return advisers
        return users.filter(holders(Role.ADMINISTRATOR)).distinct()
