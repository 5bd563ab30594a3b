"""Messages a student sends, and the templates they draft them from.

A Message moves draft → sent → replied. The moves are methods here, so the web pages
and the console commands change state the same way and refuse the same impossible moves
(a reply to a draft, sending twice). What a move means for the conversation (an interview
requested, answered, thanked) is conversations.moves', which calls these.
"""

import datetime

from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.ownership import Owned
from coffeechat.refusals import Refused

# A claim to send by SMTP lapses after this, in case the sending process died mid-way.
SMTP_CLAIM_TIMEOUT = datetime.timedelta(minutes=2)


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    LINKEDIN = "linkedin", "LinkedIn"


class Kind(models.TextChoices):
    REQUEST = "request", "Request for a conversation"
    FOLLOW_UP = "follow-up", "Follow-up"
    THANK_YOU = "thank-you", "Thank-you"
    RUNNING_LATE = "running-late", "Running late"
    KEEP_IN_TOUCH = "keep-in-touch", "Keep-in-touch update"


class MessageTemplate(Owned):
    """A user's own template, or their edited copy of a built-in one (``builtin_key`` set)."""

    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REQUEST)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    subject = models.CharField(max_length=255, blank=True)
    body = models.TextField()
    # The built-in this copy replaces for its owner; blank for a template of their own.
    builtin_key = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "builtin_key"],
                condition=~Q(builtin_key=""),
                name="template_one_copy_per_builtin",
            )
        ]

    def __str__(self):
        return self.name


class Message(Owned):
    """One piece of outreach to one contact."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENT = "sent", "Sent"
        REPLIED = "replied", "Replied"

    class Via(models.TextChoices):
        MAILTO = "mailto", "your mail app"
        CLIPBOARD = "clipboard", "copy and paste"
        EML = "eml", "an .eml file"
        SMTP = "smtp", "coffeechat's mail server"
        MANUAL = "manual", "marked by hand"

    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.CASCADE, related_name="messages"
    )
    interview = models.ForeignKey(
        "interviews.Interview",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REQUEST)
    subject = models.CharField(max_length=255, blank=True)
    body = models.TextField(blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    template_key = models.CharField(max_length=40, blank=True)
    # A follow-up points at the request it follows up.
    follow_up_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_via = models.CharField(max_length=10, choices=Via.choices, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    # Set on a request when the student lets it go after an unanswered follow-up.
    no_reply_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The open requests: no_reply_at before sent_at, so the agenda reads only the
            # requests still waiting, not every request the student ever let go of.
            models.Index(
                fields=["owner", "state", "kind", "no_reply_at", "sent_at"], name="message_open"
            ),
            models.Index(fields=["contact", "created_at"], name="message_by_contact"),
            # A contact's latest message sent and latest reply (the keep-in-touch clock).
            models.Index(fields=["contact", "sent_at"], name="message_last_sent"),
            models.Index(fields=["contact", "replied_at"], name="message_last_reply"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.contact.full_name}"

    def get_absolute_url(self):
        return reverse("outreach:message", args=[self.pk])

    @property
    def is_draft(self):
        return self.state == self.State.DRAFT

    @property
    def request(self):
        """The request this message belongs to: itself, or the one it follows up."""
        return self.follow_up_to if self.follow_up_to_id else self

    def check_sendable(self, when: datetime.datetime | None = None):
        """Raise Refused, saying why, if this can't be recorded as sent at ``when``."""
        if self.state != self.State.DRAFT:
            raise Refused(
                f"This message was already sent on {_day(self.sent_at)}; "
                "draft a new message to write again.",
                self,
            )
        when = when or timezone.now()
        if when > timezone.now() + datetime.timedelta(minutes=5):
            raise Refused("A message can't be marked as sent in the future.", self)
        request = self.follow_up_to
        if request is None:
            return
        if request.sent_at and when < request.sent_at:
            raise Refused(
                "A follow-up can't be sent before the message it follows up "
                f"(sent on {_day(request.sent_at)}).",
                self,
            )
        if request.follow_ups.exclude(pk=self.pk).exclude(state=self.State.DRAFT).exists():
            raise Refused(
                "You have already followed up on this request once; one follow-up is "
                "enough. If they still don't answer, let it go and try someone else.",
                self,
            )

    def mark_sent(self, when: datetime.datetime | None = None, via: str = Via.MANUAL):
        when = when or timezone.now()
        self.check_sendable(when)
        if via not in self.Via.values:
            raise Refused(f"Unknown way of sending: {via!r}.", self)
        with transaction.atomic():
            # Claim by update: of two clicks (or two tabs), only one records the send.
            claimed = Message.objects.filter(pk=self.pk, state=self.State.DRAFT).update(
                state=self.State.SENT, sent_at=when, sent_via=via, updated_at=timezone.now()
            )
            if not claimed:
                self.refresh_from_db(fields=["state", "sent_at", "sent_via"])
                self.check_sendable(when)  # raises: already sent
            self.state, self.sent_at, self.sent_via = self.State.SENT, when, via

    def claim_for_smtp(self) -> bool:
        """Take this draft for sending by SMTP; False while another request is sending it."""
        recent = timezone.now() - SMTP_CLAIM_TIMEOUT
        return bool(
            Message.objects.filter(pk=self.pk, state=self.State.DRAFT)
            .exclude(sent_via=self.Via.SMTP, updated_at__gte=recent)
            .update(sent_via=self.Via.SMTP, updated_at=timezone.now())
        )

    def release_smtp_claim(self):
        Message.objects.filter(pk=self.pk, state=self.State.DRAFT, sent_via=self.Via.SMTP).update(
            sent_via=""
        )

    def mark_replied(self, when: datetime.datetime | None = None):
        if self.state == self.State.DRAFT:
            raise Refused(
                "This message is still a draft, so it can't have a reply yet. "
                "Mark it as sent first.",
                self,
            )
        if self.state == self.State.REPLIED:
            raise Refused(
                f"This message is already marked replied ({_day(self.replied_at)}).",
                self,
            )
        when = when or timezone.now()
        if when < self.sent_at:
            raise Refused(
                f"The reply can't come before the message was sent ({_day(self.sent_at)}).",
                self,
            )
        with transaction.atomic():
            self._set_replied(when)
            # A reply to the follow-up answers the request too: nothing more is due.
            request = self.follow_up_to
            if request is not None and request.state == self.State.SENT:
                request._set_replied(when)

    def _set_replied(self, when):
        self.state = self.State.REPLIED
        self.replied_at = when
        self.no_reply_at = None
        self.save(update_fields=["state", "replied_at", "no_reply_at", "updated_at"])

    def mark_no_reply(self, when: datetime.datetime | None = None):
        """Let an unanswered request go, after its follow-up went unanswered too."""
        request = self.request
        if request.state != self.State.SENT:
            if request.state == self.State.DRAFT:
                raise Refused("This message hasn't been sent yet.", self)
            raise Refused("They replied, so this can't be marked as no reply.", self)
        if request.no_reply_at:
            raise Refused(f"Already marked as no reply on {_day(request.no_reply_at)}.", self)
        request.no_reply_at = when or timezone.now()
        request.save(update_fields=["no_reply_at", "updated_at"])
        return request


def _day(moment):
    if moment is None:
        return "an unknown date"
    return timezone.localtime(moment).strftime("%-d %b %Y")
