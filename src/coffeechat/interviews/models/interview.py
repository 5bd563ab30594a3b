"""An informational interview from first idea to keeping in touch.

Every change of stage is a method on ``Interview`` (``schedule``, ``mark_done``,
``mark_thanked``…). Each refuses a move that makes no sense with ``TransitionRefused``
(a message fit to show the user) and leaves an entry on the interview's timeline. The
web pages, the CLI and the outreach app all call these same methods.
"""

import datetime
import zoneinfo

from django.apps import apps
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.ownership import Owned
from coffeechat.interviews.models.keeping_in_touch import Interaction
from coffeechat.interviews.models.records import TimelineEntry

# The guide's rule is to *ask* for 15 to 30 minutes. A meeting recorded as agreed may be
# shorter or longer (they offered an hour): that earns a word of warning, not a refusal.
ASK_MIN_MINUTES = 15
ASK_MAX_MINUTES = 30
MIN_MINUTES = 5
MAX_MINUTES = 240
DEFAULT_MINUTES = 30

# Preparation counts as done with goals written and this many questions chosen,
# or with every item of the checklist ticked.
PREPARED_MIN_QUESTIONS = 3

# A thank-you is due within this long after the meeting ends.
THANK_YOU_WITHIN = datetime.timedelta(hours=24)


class TransitionRefused(ValueError):
    """A stage change that isn't possible from where the interview stands."""


class Mode(models.TextChoices):
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video call"
    IN_PERSON = "in-person", "In person"


class Interview(Owned):
    """One informational interview with one contact."""

    class Stage(models.TextChoices):
        PLANNED = "planned", "Planned"
        REQUESTED = "requested", "Requested"
        SCHEDULED = "scheduled", "Scheduled"
        DONE = "done", "Done"
        THANKED = "thanked", "Thanked"
        KEEPING_IN_TOUCH = "keeping-in-touch", "Keeping in touch"
        DECLINED = "declined", "Declined"
        NO_REPLY = "no-reply", "No reply"
        CANCELLED = "cancelled", "Cancelled"

    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.CASCADE, related_name="interviews"
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.PLANNED)
    stage_changed_at = models.DateTimeField(default=timezone.now)
    replied_at = models.DateTimeField(null=True, blank=True)

    # Scheduling. The start is stored as an aware datetime (UTC in the database) together
    # with the time zone it was agreed in, so it can be shown as both people see it.
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(default=DEFAULT_MINUTES)
    mode = models.CharField(max_length=16, choices=Mode.choices, default=Mode.VIDEO)
    place = models.CharField("place or link", max_length=500, blank=True)
    # Bumped whenever the meeting moves or is cancelled, so calendars replace the event.
    sequence = models.PositiveIntegerField(default=0)

    # Preparation (what is learned about the person is the contact's research note).
    research_organization = models.TextField("about the organization", blank=True)
    goal_learn = models.TextField("what I most hope to learn", blank=True)
    goal_decision = models.TextField("the decision this should help me make", blank=True)
    checklist = models.JSONField(default=list, blank=True)

    # During and after.
    free_notes = models.TextField("notes", blank=True)
    reflection = models.JSONField(default=dict, blank=True)
    interest_score = models.PositiveSmallIntegerField(null=True, blank=True)
    fit_score = models.PositiveSmallIntegerField(null=True, blank=True)
    reflected_at = models.DateTimeField(null=True, blank=True)
    thanked_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["owner", "stage"], name="interview_owner_stage"),
            models.Index(fields=["owner", "starts_at"], name="interview_owner_starts"),
            # A contact's latest meeting (the keep-in-touch clock).
            models.Index(fields=["contact", "ends_at"], name="interview_last_met"),
        ]

    def __str__(self):
        return f"Interview with {self.contact.full_name}"

    def get_absolute_url(self):
        return reverse("interviews:detail", args=[self.pk])

    # -- derived state --------------------------------------------------------------

    @property
    def is_open(self):
        return self.stage not in CLOSED_STAGES

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone or "UTC")
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return datetime.UTC

    @property
    def local_start(self):
        """The start as seen in the time zone the meeting was agreed in."""
        return self.starts_at.astimezone(self.zone) if self.starts_at else None

    @property
    def thank_you_deadline(self):
        return self.ends_at + THANK_YOU_WITHIN if self.ends_at else None

    def is_prepared(self, question_count=None):
        if question_count is None:
            question_count = self.questions.count()
        goals = bool(self.goal_learn.strip() or self.goal_decision.strip())
        return (goals and question_count >= PREPARED_MIN_QUESTIONS) or checklist_complete(
            self.checklist
        )

    def allowed_actions(self):
        return [
            name
            for name, (sources, _target, _label) in TRANSITIONS.items()
            if self.stage in sources
        ]

    # -- starting one ---------------------------------------------------------------

    @classmethod
    def under_way(cls, owner, contact):
        """The conversation with ``contact`` already under way (planned, asked for or
        scheduled), if there is one."""
        return (
            cls.objects.filter(
                owner=owner,
                contact=contact,
                stage__in=[cls.Stage.PLANNED, cls.Stage.REQUESTED, cls.Stage.SCHEDULED],
            )
            .order_by("-created_at", "-id")
            .first()
        )

    @classmethod
    @transaction.atomic
    def plan(cls, owner, contact):
        """Plan a conversation with ``contact``. A request already sent to them that
        belongs to no conversation yet (written from their contact page, say) joins it,
        and so does its answer. Callers check ``under_way()`` first: one conversation at
        a time with each person."""
        interview = cls.objects.create(owner=owner, contact=contact)
        interview.log(TimelineEntry.Kind.STAGE, f"Planned a conversation with {contact.full_name}")
        request = (
            apps.get_model("outreach", "Message")
            .objects.filter(
                owner=owner, contact=contact, kind="request", interview=None, no_reply_at=None
            )
            .exclude(state="draft")
            .order_by("-sent_at", "-id")
            .first()
        )
        if request is not None:
            request.join(interview)
        return interview

    @classmethod
    def for_request(cls, message):
        """The conversation a request sent outside any belongs to: the one with its
        contact already under way, or a new one."""
        waiting = cls.under_way(message.owner_id, message.contact_id)
        if waiting is not None:
            return waiting
        interview = cls.objects.create(owner_id=message.owner_id, contact_id=message.contact_id)
        interview.log(
            TimelineEntry.Kind.STAGE,
            f"Planned a conversation with {message.contact.full_name}",
            at=message.sent_at,  # no later than the request it is planned for
        )
        return interview

    # -- transitions ----------------------------------------------------------------

    def _move(self, action, *, at=None, note=""):
        sources, target, _label = TRANSITIONS[action]
        if self.stage not in sources:
            raise TransitionRefused(refusal(action, self.stage))
        now = at or timezone.now()
        previous = self.stage
        self.stage = target
        self.stage_changed_at = now
        self.save()
        text = note or f"{self.Stage(previous).label} → {self.Stage(target).label}"
        self.log(TimelineEntry.Kind.STAGE, text, at=now)
        return self

    def log(self, kind, text, at=None):
        return TimelineEntry.objects.create(
            owner_id=self.owner_id, interview=self, kind=kind, text=text, at=at or timezone.now()
        )

    @transaction.atomic
    def mark_requested(self, message=None):
        """A request for a conversation went out (by the outreach app, or by hand)."""
        note = "Asked for a conversation"
        if message is not None and getattr(message, "subject", ""):
            note += f": “{message.subject}”"
        return self._move("request", at=getattr(message, "sent_at", None), note=note)

    @transaction.atomic
    def mark_replied(self, message=None):
        """They answered the request: the interview now waits to be scheduled."""
        if self.stage == self.Stage.NO_REPLY:
            self._move("reply", note="They answered after all")
        elif self.stage != self.Stage.REQUESTED:
            raise TransitionRefused(refusal("reply", self.stage))
        self.replied_at = getattr(message, "replied_at", None) or timezone.now()
        self.save(update_fields=["replied_at", "updated_at"])
        if self.stage == self.Stage.REQUESTED:
            self.log(TimelineEntry.Kind.MESSAGE, "They answered: time to agree a date")
        return self

    @transaction.atomic
    def schedule(
        self, starts_at, *, time_zone, duration_minutes=DEFAULT_MINUTES, mode="", place=""
    ):
        """Set (or move) the meeting. ``starts_at`` must be aware."""
        rescheduling = self.stage == self.Stage.SCHEDULED
        if not rescheduling and self.stage not in TRANSITIONS["schedule"][0]:
            raise TransitionRefused(refusal("schedule", self.stage))
        check_duration(duration_minutes)
        if timezone.is_naive(starts_at):
            raise ValueError("starts_at must be an aware datetime")
        zoneinfo.ZoneInfo(time_zone)  # raises for an unknown name
        self.starts_at = starts_at
        self.duration_minutes = duration_minutes
        self.ends_at = starts_at + datetime.timedelta(minutes=duration_minutes)
        self.time_zone = time_zone
        if mode:
            self.mode = mode
        self.place = place
        when = self.local_start.strftime("%a %d %b %Y, %H:%M") + f" ({time_zone})"
        if rescheduling:
            self.sequence += 1
            self.save()
            self.log(TimelineEntry.Kind.SCHEDULE, f"Moved to {when}")
            return self
        return self._move("schedule", note=f"Scheduled for {when}")

    @transaction.atomic
    def mark_done(self, at=None):
        """The meeting took place; it counts as an interaction with the contact."""
        now = at or timezone.now()
        if self.stage == self.Stage.SCHEDULED and self.starts_at and self.starts_at > now:
            raise TransitionRefused(
                "This meeting hasn't started yet. Mark it done after you have met, "
                "or reschedule it if the date changed."
            )
        self._move("done", at=now, note="Met")
        Interaction.objects.create(
            owner_id=self.owner_id,
            contact_id=self.contact_id,
            kind=Interaction.Kind.MEETING,
            happened_at=min(self.ends_at or now, now),
            note="Informational interview",
            interview=self,
        )
        return self

    @transaction.atomic
    def mark_thanked(self, message=None):
        """The thank-you went out (a sent outreach message, or noted by hand)."""
        at = getattr(message, "sent_at", None) or timezone.now()
        self._move("thank", at=at, note="Sent the thank-you")
        self.thanked_at = at
        self.save(update_fields=["thanked_at", "updated_at"])
        if message is None:
            # A message sent through outreach counts by itself; one sent elsewhere is logged.
            Interaction.objects.create(
                owner_id=self.owner_id,
                contact_id=self.contact_id,
                kind=Interaction.Kind.THANK_YOU,
                happened_at=at,
                interview=self,
            )
        return self

    def keep_in_touch(self):
        return self._move("keep-in-touch", note="Now part of your network")

    def mark_declined(self):
        return self._move("decline", note="They said no")

    def mark_no_reply(self):
        return self._move("no-reply", note="No answer: letting it go")

    @transaction.atomic
    def cancel(self, reason=""):
        if self.stage == self.Stage.SCHEDULED:
            self.sequence += 1
        note = "Cancelled" + (f": {reason}" if reason else "")
        return self._move("cancel", note=note)

    def reopen(self):
        return self._move("reopen", note="Back to planning")

    def record_message(self, message):
        """Move along after an outreach message was sent or answered, if that means a move.

        For the outreach app: call it after ``mark_sent``/``mark_replied``. It never refuses;
        a message that doesn't change the stage only lands on the timeline.
        """
        kind = getattr(message, "kind", "")
        state = getattr(message, "state", "")
        try:
            if state == "replied" and self.stage in (self.Stage.REQUESTED, self.Stage.NO_REPLY):
                return self.mark_replied(message)
            if kind == "request" and self.stage == self.Stage.PLANNED:
                return self.mark_requested(message)
            ended = self.ends_at is not None and self.ends_at <= timezone.now()
            if kind == "thank-you" and self.stage == self.Stage.SCHEDULED and ended:
                # Thanking them says the meeting happened, if it was left unmarked.
                self.mark_done()
            if kind == "thank-you" and self.stage == self.Stage.DONE:
                return self.mark_thanked(message)
        except TransitionRefused:
            pass
        label = kind.replace("-", " ") or "message"
        self.log(TimelineEntry.Kind.MESSAGE, f"{label.capitalize()} {state or 'saved'}")
        return self


CLOSED_STAGES = {
    Interview.Stage.DECLINED,
    Interview.Stage.NO_REPLY,
    Interview.Stage.CANCELLED,
}
MET_STAGES = {
    Interview.Stage.DONE,
    Interview.Stage.THANKED,
    Interview.Stage.KEEPING_IN_TOUCH,
}

S = Interview.Stage
# action: (stages it may start from, stage it leads to, button label)
TRANSITIONS = {
    "request": ({S.PLANNED}, S.REQUESTED, "I've asked them"),
    "reply": ({S.REQUESTED, S.NO_REPLY}, S.REQUESTED, "They answered"),
    "schedule": ({S.PLANNED, S.REQUESTED, S.NO_REPLY}, S.SCHEDULED, "Schedule"),
    "done": ({S.SCHEDULED}, S.DONE, "We met"),
    "thank": ({S.DONE}, S.THANKED, "I've thanked them"),
    "keep-in-touch": ({S.THANKED}, S.KEEPING_IN_TOUCH, "Keep in touch"),
    "decline": ({S.REQUESTED, S.NO_REPLY}, S.DECLINED, "They said no"),
    "no-reply": ({S.REQUESTED}, S.NO_REPLY, "No reply: let it go"),
    "cancel": ({S.PLANNED, S.REQUESTED, S.SCHEDULED}, S.CANCELLED, "Cancel"),
    "reopen": ({S.DECLINED, S.NO_REPLY, S.CANCELLED}, S.PLANNED, "Plan again"),
}

_VERBS = {
    "request": "mark it as requested",
    "reply": "record a reply",
    "schedule": "schedule it",
    "done": "mark it done",
    "thank": "mark it thanked",
    "keep-in-touch": "move it to keeping in touch",
    "decline": "mark it declined",
    "no-reply": "mark it as unanswered",
    "cancel": "cancel it",
    "reopen": "plan it again",
}

_HINTS = {
    "request": "Only a planned interview can be requested.",
    "reply": "Only a request that is waiting (or was given up on) can get a reply.",
    "schedule": "Use Reschedule to move a meeting; plan a closed one again first.",
    "done": "Schedule the meeting first; only a scheduled meeting can be marked done.",
    "thank": "Mark the meeting done first, then thank them.",
    "keep-in-touch": "Send your thank-you first.",
    "decline": "Only a request that is waiting for an answer can be declined.",
    "no-reply": "Only a request that is waiting for an answer can go unanswered.",
    "cancel": "Only an interview that hasn't happened yet can be cancelled.",
    "reopen": "Only a declined, unanswered or cancelled interview can be planned again.",
}


def refusal(action, stage):
    label = Interview.Stage(stage).label.lower()
    return f"Can't {_VERBS[action]}: this interview is {label}. {_HINTS[action]}"


def check_duration(minutes):
    if not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(
            f"A meeting lasts {MIN_MINUTES} to {MAX_MINUTES} minutes; {minutes!r} is outside "
            f"that. Ask for {ASK_MIN_MINUTES} to {ASK_MAX_MINUTES} minutes if unsure."
        )


def duration_warning(minutes: int) -> str:
    """A word about a length outside the 15-30 minutes to ask for; empty inside it."""
    if minutes > ASK_MAX_MINUTES:
        return (
            f"{minutes} minutes is longer than the {ASK_MIN_MINUTES}-{ASK_MAX_MINUTES} a request "
            "asks for. Fine if they offered it; keep an eye on the time and offer to stop at "
            f"{ASK_MAX_MINUTES} minutes."
        )
    if minutes < ASK_MIN_MINUTES:
        return f"{minutes} minutes is short: pick your two or three most important questions."
    return ""


# What to have ready, in our words (DOMAIN.md's preparation checklist).
CHECKLIST = [
    ("on-time", "I know how I'll get there (or my link works) and I'll be a few minutes early"),
    ("dress", "I've picked something professional to wear, even for video"),
    ("questions", "My questions are written down and within reach"),
    ("paper", "I have paper and a pen for notes"),
    ("resume", "A copy of my resume is at hand, to share only if they ask"),
]
CHECKLIST_KEYS = [key for key, _ in CHECKLIST]


def checklist_complete(ticked):
    return set(CHECKLIST_KEYS) <= set(ticked or [])
