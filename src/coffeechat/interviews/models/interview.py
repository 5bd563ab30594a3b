"""An informational interview from first idea to keeping in touch.

Every change of stage is a method on ``Interview`` (``schedule``, ``mark_done``,
``mark_thanked``…). Each refuses a move that makes no sense with ``Refused``
(coffeechat/refusals.py: a message fit to show the user) and leaves an entry on the
interview's timeline. The web pages, the CLI and conversations.moves (a message sent or
answered) call these same methods; this module knows nothing of messages.
"""

import datetime
import zoneinfo

from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.ownership import Owned
from coffeechat.interviews.models.attached import TimelineEntry
from coffeechat.interviews.models.keeping_in_touch import Interaction
from coffeechat.refusals import Refused
from coffeechat.zones import zone_named

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
            # The meetings still to reflect on, oldest first (the agenda's first few).
            models.Index(
                fields=["owner", "ends_at"],
                condition=models.Q(reflected_at__isnull=True),
                name="interview_to_reflect",
            ),
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
        return zone_named(self.time_zone)

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
    def plan(cls, owner, contact, *, at=None):
        """Plan a conversation with ``contact`` (conversations.moves.plan also takes in a
        request already sent to them). Callers check ``under_way()`` first."""
        interview = cls.objects.create(owner=owner, contact=contact)
        interview.log(
            TimelineEntry.Topic.STAGE, f"Planned a conversation with {contact.full_name}", at=at
        )
        return interview

    # -- transitions ----------------------------------------------------------------

    def _move(self, action, *, at=None, note=""):
        sources, target, _label = TRANSITIONS[action]
        if self.stage not in sources:
            raise Refused(refusal(action, self.stage), self)
        now = at or timezone.now()
        previous = self.stage
        self.stage = target
        self.stage_changed_at = now
        self.save()
        text = note or f"{self.Stage(previous).label} → {self.Stage(target).label}"
        self.log(TimelineEntry.Topic.STAGE, text, at=now)
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
            raise Refused(refusal("reply", self.stage), self)
        self.replied_at = getattr(message, "replied_at", None) or timezone.now()
        self.save(update_fields=["replied_at", "updated_at"])
        if self.stage == self.Stage.REQUESTED:
            self.log(TimelineEntry.Topic.MESSAGE, "They answered: time to agree a date")
        return self

    @transaction.atomic
    def schedule(
        self, starts_at, *, time_zone, duration_minutes=DEFAULT_MINUTES, mode="", place=""
    ):
        """Set (or move) the meeting. ``starts_at`` must be aware."""
        rescheduling = self.stage == self.Stage.SCHEDULED
        if not rescheduling and self.stage not in TRANSITIONS["schedule"][0]:
            raise Refused(refusal("schedule", self.stage), self)
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
            self.log(TimelineEntry.Topic.SCHEDULE, f"Moved to {when}")
            return self
        return self._move("schedule", note=f"Scheduled for {when}")

    @transaction.atomic
    def mark_done(self, at=None):
        """The meeting took place; it counts as an interaction with the contact."""
        now = at or timezone.now()
        if self.stage == self.Stage.SCHEDULED and self.starts_at and self.starts_at > now:
            raise Refused(
                "This meeting hasn't started yet. Mark it done after you have met, "
                "or reschedule it if the date changed.",
                self,
            )
        self._move("done", at=now, note="Met")
        Interaction.objects.create(
            owner_id=self.owner_id,
            contact_id=self.contact_id,
            kind=Interaction.Means.MEETING,
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
                kind=Interaction.Means.THANK_YOU,
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

# What is due for an interview once it is scheduled: one rule, read by its page
# (``next_step``), by the agenda (``interviews/due.py``) and so by the CLI and the feed.
# Each rule is written twice, side by side, from the same stages: as a check on one
# interview and as a filter for the database (tests/interviews/test_due_rules.py makes
# the two agree for every stage).
PREPARE_STAGES = frozenset({S.SCHEDULED})
REFLECT_STAGES = frozenset({S.SCHEDULED, *MET_STAGES})
THANK_STAGES = frozenset({S.SCHEDULED, S.DONE})


def due_to_prepare(interview, now, *, prepared: bool) -> bool:
    """The meeting is still to come and the preparation isn't done."""
    return (
        interview.stage in PREPARE_STAGES
        and interview.starts_at is not None
        and interview.starts_at > now
        and not prepared
    )


def to_prepare(now) -> Q:
    return Q(stage__in=PREPARE_STAGES, starts_at__gt=now)


def due_to_reflect(interview, now) -> bool:
    """The meeting has ended and no reflection is written yet."""
    return (
        interview.stage in REFLECT_STAGES
        and interview.ends_at is not None
        and interview.ends_at <= now
        and interview.reflected_at is None
    )


def to_reflect(now) -> Q:
    return Q(stage__in=REFLECT_STAGES, ends_at__lte=now, reflected_at__isnull=True)


def due_to_thank(interview, now) -> bool:
    """The meeting has ended and no thank-you went out yet (due within THANK_YOU_WITHIN)."""
    return (
        interview.stage in THANK_STAGES
        and interview.ends_at is not None
        and interview.ends_at <= now
    )


def to_thank(now) -> Q:
    return Q(stage__in=THANK_STAGES, ends_at__lte=now)


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
