"""A student's request for a conversation with a volunteer, from asking to the meeting.

Every change is a method here (``ask``, ``accept``, ``decline``, ``withdraw``, ``expire``…);
the pages, the tasks and the CLI call them. The limits that protect volunteers are
checked inside ``ask`` with the student's and the volunteer's rows locked, so two
requests sent at the same moment can't both slip under a limit; one open request per
pair is also a unique constraint in the database.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, models, transaction
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.chats import slots
from coffeechat.chats.limits import limit_words, no_show_period, open_limit
from coffeechat.chats.models.blocks import refuse_if_blocked
from coffeechat.chats.models.offers import CHOOSE_NUDGE, OfferMixin
from coffeechat.chats.refusal import RequestRefused
from coffeechat.chats.samples import Topic
from coffeechat.community.models import VolunteerProfile
from coffeechat.interviews.models import Mode
from coffeechat.outreach.draft_check import check_draft

EXPIRES_AFTER = dt.timedelta(days=14)
REMIND_AFTER = dt.timedelta(days=7)
MIN_MINUTES, MAX_MINUTES = 15, 30  # the guide: ask for 15 to 30 minutes
MAX_BODY = 3000
# The checker judges a request as an email; its subject is ours, so it never asks for one.
SUBJECT = "A request through our school's network"


class DeclineReason(models.TextChoices):
    BUSY = "busy", "I'm stretched too thin right now"
    FIT = "fit", "Someone else could help you more with this"
    TIMING = "timing", "None of these times work and I can't offer others soon"
    PAUSED = "paused", "I'm taking a break from conversations"
    OTHER = "other", "Something else (written below)"


# What the student reads for each reason: kind, and pointing somewhere useful.
DECLINE_WORDS = {
    DeclineReason.BUSY: "They are stretched too thin to take on a conversation just now.",
    DeclineReason.FIT: "They think someone else in the network could help you more with this.",
    DeclineReason.TIMING: "They couldn't make any of the times work in the next few weeks.",
    DeclineReason.PAUSED: "They are taking a break from conversations for a while.",
    DeclineReason.OTHER: "",
}


class Happened(models.TextChoices):
    """Did the conversation happen? Each person says, after its time (``Debrief``)."""

    MET = "met", "Yes, we talked"
    NO_SHOW = "no-show", "No: they didn't come"
    OFF = "off", "No: we called it off or moved it"


class ChatRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state=ChatRequest.State.OPEN)

    def involving(self, user):
        """Requests ``user`` sent or received: the only ones they may open."""
        return self.filter(models.Q(student=user) | models.Q(volunteer__owner=user))


class ChatRequest(OfferMixin, models.Model):
    class State(models.TextChoices):
        OPEN = "open", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        EXPIRED = "expired", "Expired"
        WITHDRAWN = "withdrawn", "Withdrawn"
        CANCELLED = "cancelled", "Cancelled"

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_requests_sent"
    )
    volunteer = models.ForeignKey(
        VolunteerProfile, on_delete=models.CASCADE, related_name="chat_requests"
    )
    topic = models.CharField(max_length=20, choices=Topic.choices, default=Topic.FIELD)
    body = models.TextField(max_length=MAX_BODY)
    # Proposed starts, ISO strings in UTC; empty: the student asked for the volunteer's.
    proposed = models.JSONField(default=list, blank=True)
    student_time_zone = models.CharField(max_length=64, default="UTC")
    duration_minutes = models.PositiveSmallIntegerField(default=MAX_MINUTES)
    mode = models.CharField(max_length=16, choices=Mode.choices, default=Mode.VIDEO)

    state = models.CharField(max_length=12, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reminded_at = models.DateTimeField(null=True, blank=True)
    # When the clock asked both how the meeting went (each accepted request once).
    after_asked_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    # Times the volunteer offered instead (keys as ``proposed``), for the student to pick.
    offered = models.JSONField(default=list, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(max_length=12, choices=DeclineReason.choices, blank=True)
    decline_note = models.TextField(max_length=1000, blank=True)

    # The meeting, once accepted. ``sequence`` goes up with every move or cancellation,
    # so calendars replace the event they have.
    starts_at = models.DateTimeField(null=True, blank=True)
    place = models.CharField("place or link", max_length=500, blank=True)
    sequence = models.PositiveIntegerField(default=0)
    interview = models.ForeignKey(
        "interviews.Interview", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ChatRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                "student",
                "volunteer",
                condition=models.Q(state="open"),
                name="one_open_request_per_pair",
            ),
        ]
        indexes = [
            models.Index(fields=["volunteer", "state", "created_at"], name="chat_inbox"),
            models.Index(fields=["student", "state", "created_at"], name="chat_sent"),
            # The newest first, whatever the state: a busy volunteer's answered requests
            # and a student's list are read from the top and stop at the page's end.
            models.Index(fields=["volunteer", "-created_at", "-id"], name="chat_inbox_recent"),
            models.Index(fields=["student", "-created_at", "-id"], name="chat_sent_recent"),
            # The periodic tasks walk only what is still open.
            models.Index(
                fields=["expires_at"], condition=models.Q(state="open"), name="chat_open_expiry"
            ),
            models.Index(
                fields=["created_at"],
                condition=models.Q(state="open", reminded_at__isnull=True),
                name="chat_open_unreminded",
            ),
            # The day-before notice and the questions after the meeting look by time.
            models.Index(
                fields=["starts_at"],
                condition=models.Q(state="accepted"),
                name="chat_accepted_start",
            ),
        ]

    def __str__(self):
        return f"Request to {self.volunteer.name}"

    def get_absolute_url(self):
        return reverse("chats:detail", args=[self.pk])

    # --- reading ----------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def ends_at(self):
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)

    def student_name(self) -> str:
        """The name the student gave coffeechat (their profile's, which they can edit),
        else their account's. Lists load it with ``select_related("student__profile")``."""
        student = self.student
        try:
            name = student.profile.name.strip()
        except Profile.DoesNotExist:
            name = ""
        return name or student.get_full_name() or student.get_username()

    def proposed_starts(self) -> list[dt.datetime]:
        starts = [slots.parse_key(key) for key in self.proposed or []]
        return [start for start in starts if start is not None]

    def label(self, starts_at: dt.datetime, *, for_volunteer: bool = False) -> str:
        """A start on both clocks, worded for its reader: "their time" is the other
        person's, "yours" the reader's own."""
        theirs, yours = self.volunteer.time_zone, self.student_time_zone
        if for_volunteer:
            theirs, yours = yours, theirs
        return slots.both_clocks(starts_at, theirs, yours)

    def decline_words(self) -> str:
        words = DECLINE_WORDS.get(self.decline_reason, "")
        return " ".join(part for part in (words, self.decline_note.strip()) if part)

    # --- asking -----------------------------------------------------------------------
    @classmethod
    def ask(
        cls,
        student,
        volunteer: VolunteerProfile,
        *,
        topic: str,
        body: str,
        proposed: list[dt.datetime],
        student_time_zone: str,
        duration_minutes: int = MAX_MINUTES,
        mode: str = Mode.VIDEO,
        now: dt.datetime | None = None,
        report=None,
    ) -> "ChatRequest":
        """Send a request, or refuse with a RequestRefused that says why and what to do.

        ``report`` is the checker's verdict on ``body`` (the page runs it to show it; run
        here when not given): any error in it refuses the request, the network protects
        its volunteers."""
        now = now or timezone.now()
        if report is None:
            report = check_draft(
                Profile.for_user(student),
                channel="email",
                kind="request",
                subject=SUBJECT,
                body=body,
            )
        if volunteer.owner_id == student.pk:
            raise RequestRefused("This is your own profile.")
        if report is not None and report.has_errors:
            raise RequestRefused("Fix what the checker marks “Fix” first, then send it.")
        if not body.strip():
            raise RequestRefused("Write a short message first.")
        if not MIN_MINUTES <= duration_minutes <= MAX_MINUTES:
            raise RequestRefused(f"Ask for {MIN_MINUTES} to {MAX_MINUTES} minutes.")
        offered = {
            slot.starts_at
            for slot in slots.offered_slots(
                volunteer.availability,
                volunteer.time_zone,
                student_time_zone,
                now=now,
                minutes=duration_minutes,
            )
        }
        proposed = sorted(set(proposed))
        if proposed and not slots.MIN_PROPOSED <= len(proposed) <= slots.MAX_PROPOSED:
            raise RequestRefused(
                f"Propose {slots.MIN_PROPOSED} or {slots.MAX_PROPOSED} times, or ask for theirs."
            )
        if any(start not in offered for start in proposed):
            raise RequestRefused(
                "One of those times is no longer inside their availability; choose again."
            )
        try:
            with transaction.atomic():
                # Lock the two rows the limits count against, always in this order.
                get_user_model().objects.select_for_update().filter(pk=student.pk).first()
                profile = VolunteerProfile.objects.select_for_update().get(pk=volunteer.pk)
                cls._check_limits(student, profile, now)
                request = cls.objects.create(
                    student=student,
                    volunteer=profile,
                    topic=topic if topic in Topic.values else Topic.FIELD,
                    body=body.strip()[:MAX_BODY],
                    proposed=[start.strftime("%Y-%m-%dT%H:%MZ") for start in proposed],
                    student_time_zone=student_time_zone,
                    duration_minutes=duration_minutes,
                    mode=mode if mode in Mode.values else Mode.VIDEO,
                    created_at=now,
                    expires_at=now + EXPIRES_AFTER,
                )
                request.recount_volunteer()
                return request
        except IntegrityError:  # the same pair at the same moment: the first one stands
            raise RequestRefused(_ALREADY_OPEN) from None

    @classmethod
    def _check_limits(cls, student, profile: VolunteerProfile, now: dt.datetime) -> None:
        today = now.astimezone(slots.zone(profile.time_zone)).date()
        offering = profile.is_active and profile.joined and profile.monthly_capacity > 0
        if not offering or profile.is_paused(today):
            raise RequestRefused(
                f"{profile.name} isn't taking requests right now. The directory's “taking "
                "requests now” filter shows who is."
            )
        refuse_if_blocked(student, profile.owner, profile.name)
        if cls.objects.open().filter(student=student, volunteer=profile).exists():
            raise RequestRefused(_ALREADY_OPEN)
        limit = open_limit()
        waiting = cls.objects.open().filter(student=student).count()
        missed = cls.missed_by(student, now)
        if waiting + len(missed) >= limit:
            raise RequestRefused(limit_words(limit, waiting, missed))
        if cls.count_received(profile, today) >= profile.monthly_capacity:
            raise RequestRefused(
                f"{profile.name} has had all the requests they offer this month. Try again "
                "next month, or look for someone similar in the directory."
            )

    @classmethod
    def count_received(cls, profile: VolunteerProfile, today: dt.date) -> int:
        """Requests ``profile`` received in ``today``'s month (their time zone), withdrawn
        ones left out; stored on the profile, where the directory's filter reads it."""
        month_start = dt.datetime.combine(
            today.replace(day=1), dt.time(), tzinfo=slots.zone(profile.time_zone)
        )
        received = (
            cls.objects.filter(volunteer=profile, created_at__gte=month_start)
            .exclude(state=cls.State.WITHDRAWN)
            .count()
        )
        profile.record_requests(today, received)
        return received

    def recount_volunteer(self) -> None:
        """Refresh the volunteer's count for the month this request came in."""
        zone = slots.zone(self.volunteer.time_zone)
        self.count_received(self.volunteer, self.created_at.astimezone(zone).date())

    @classmethod
    def missed_by(cls, student, now: dt.datetime) -> list[dt.datetime]:
        """The starts of the conversations ``student`` missed (their volunteer said so)
        that still count against their limit at ``now``, earliest first."""
        period = no_show_period()
        if not period:
            return []
        return list(
            cls.objects.filter(
                student=student,
                starts_at__gt=now - period,
                debriefs__by_volunteer=True,
                debriefs__happened=Happened.NO_SHOW,
            )
            .order_by("starts_at")
            .values_list("starts_at", flat=True)
        )

    # --- answering --------------------------------------------------------------------
    def _close(self, state: str, now: dt.datetime, **fields) -> bool:
        """Claim the move from open to ``state``: only one of two racing clicks (or a
        click and the expiry task) wins; the loser gets False."""
        changed = (
            type(self)
            .objects.filter(pk=self.pk, state=self.State.OPEN)
            .update(state=state, **fields)
        )
        if changed:
            self.state = state
            for name, value in fields.items():
                setattr(self, name, value)
        return bool(changed)

    def _refuse_unless_open(self) -> None:
        if not self.is_open:
            raise RequestRefused(
                f"This request is {self.get_state_display().lower()} already; nothing to answer."
            )

    def accept(
        self, starts_at: dt.datetime, *, place: str = "", now: dt.datetime | None = None
    ) -> "ChatRequest":
        """The volunteer says yes, at one of the proposed times or one they offer."""
        now = now or timezone.now()
        self._refuse_unless_open()
        if timezone.is_naive(starts_at):
            raise ValueError("starts_at must be aware")
        if starts_at <= now:
            raise RequestRefused("That time has already passed; choose a later one.")
        with transaction.atomic():
            if not self._close(
                self.State.ACCEPTED,
                now,
                answered_at=self.answered_at or now,
                starts_at=starts_at,
                place=place.strip()[:500],
            ):
                raise RequestRefused("This request was answered or expired a moment ago.")
            from coffeechat.chats.meeting import on_accepted

            on_accepted(self, now)
        return self

    def decline(self, reason: str, note: str = "", *, now: dt.datetime | None = None) -> None:
        now = now or timezone.now()
        self._refuse_unless_open()
        if reason not in DeclineReason.values:
            raise RequestRefused("Choose a reason, or write one.")
        if reason == DeclineReason.OTHER and not note.strip():
            raise RequestRefused("Write a few words for the student, or choose a reason.")
        if not self._close(
            self.State.DECLINED,
            now,
            answered_at=now,
            closed_at=now,
            decline_reason=reason,
            decline_note=note.strip()[:1000],
        ):
            raise RequestRefused("This request was answered or expired a moment ago.")

    # --- after a yes: either person may move or cancel the meeting --------------------
    def _refuse_unless_upcoming(self, now: dt.datetime) -> None:
        if self.state != self.State.ACCEPTED:
            raise RequestRefused("Only an accepted conversation can be moved or cancelled.")
        if self.starts_at is not None and self.starts_at <= now:
            raise RequestRefused(
                "This conversation has already started or taken place; it can't be changed."
            )

    def _bump(self, now: dt.datetime, **fields) -> None:
        """Change the meeting if nobody else changed it first (the sequence says)."""
        changed = (
            type(self)
            .objects.filter(pk=self.pk, state=self.State.ACCEPTED, sequence=self.sequence)
            .update(sequence=self.sequence + 1, **fields)
        )
        if not changed:
            raise RequestRefused("The other person changed this a moment ago; have a look.")
        self.sequence += 1
        for name, value in fields.items():
            setattr(self, name, value)

    def reschedule(self, starts_at: dt.datetime, *, now: dt.datetime | None = None) -> None:
        """Move the meeting; both calendars get the event again with a higher SEQUENCE."""
        now = now or timezone.now()
        self._refuse_unless_upcoming(now)
        if timezone.is_naive(starts_at):
            raise ValueError("starts_at must be aware")
        if starts_at <= now:
            raise RequestRefused("That time has already passed; choose a later one.")
        with transaction.atomic():
            self._bump(now, starts_at=starts_at)
            if self.interview_id and self.interview.stage == self.interview.Stage.SCHEDULED:
                self.interview.schedule(
                    starts_at,
                    time_zone=self.student_time_zone,
                    duration_minutes=self.duration_minutes,
                    mode=self.mode,
                    place=self.place,
                )

    def cancel(self, by, reason: str = "", *, now: dt.datetime | None = None) -> None:
        """Call the meeting off (either person); calendars get a cancellation."""
        now = now or timezone.now()
        self._refuse_unless_upcoming(now)
        with transaction.atomic():
            self._bump(
                now,
                state=self.State.CANCELLED,
                closed_at=now,
                decline_note=reason.strip()[:1000],
            )
            if self.interview_id and self.interview.stage == self.interview.Stage.SCHEDULED:
                who = "They" if by.pk != self.student_id else "You"
                self.interview.cancel(f"{who} called it off" + (f": {reason}" if reason else ""))

    def withdraw(self, *, now: dt.datetime | None = None) -> None:
        now = now or timezone.now()
        if not self._close(self.State.WITHDRAWN, now, closed_at=now):
            raise RequestRefused("Only a request still waiting for an answer can be withdrawn.")
        self.recount_volunteer()  # a withdrawn request gives the month's place back

    @classmethod
    def pause_and_decline(
        cls, profile: VolunteerProfile, until: dt.date, note: str = "", *, now=None
    ) -> list:
        """Pause the volunteer and decline everything waiting, kindly; the requests declined."""
        with transaction.atomic():
            declined = cls.decline_all_waiting(profile, note, now=now)
            profile.pause(until)  # its signal finds nothing left waiting
        return declined

    @classmethod
    def decline_all_waiting(
        cls, profile: VolunteerProfile, note: str = "", *, now=None, gone: bool = False
    ) -> list:
        """Decline every open request to ``profile`` as paused (or, ``gone``, with only
        ``note`` as the reason); the requests declined."""
        now = now or timezone.now()
        waiting = list(
            cls.objects.open().filter(volunteer=profile).select_related("student__profile")
        )
        declined = []
        for request in waiting:
            if request._close(
                cls.State.DECLINED,
                now,
                answered_at=now,
                closed_at=now,
                decline_reason=DeclineReason.OTHER if gone else DeclineReason.PAUSED,
                decline_note=note.strip()[:1000],
            ):
                declined.append(request)
        return declined

    # --- the clock (periodic tasks) ---------------------------------------------------
    @classmethod
    def expire_overdue(cls, now: dt.datetime) -> list[int]:
        """Close every open request older than 14 days; the ids this call closed (a
        second run, or a second worker, closes none of the same)."""
        return _claim(
            "state = 'expired', closed_at = %s",
            "state = 'open' AND expires_at <= %s",
            [now, now],
        )

    @classmethod
    def claim_ended(cls, now: dt.datetime, window: dt.timedelta) -> list[int]:
        """Mark as asked-about the accepted meetings that started within ``window`` and
        are over by ``now`` even at the longest length asked for; the ids this call
        claimed, each once ever. An older one (the worker was down) is left unasked."""
        return _claim(
            "after_asked_at = %s",
            "state = 'accepted' AND after_asked_at IS NULL AND starts_at <= %s AND starts_at > %s",
            [now, now - dt.timedelta(minutes=MAX_MINUTES), now - window],
        )

    @classmethod
    def remind_quiet(cls, now: dt.datetime) -> list[int]:
        """Mark the open requests unanswered for 7 days as reminded (one with times
        offered has its answer); the ids this call claimed, each once ever."""
        return _claim(
            "reminded_at = %s",
            "state = 'open' AND reminded_at IS NULL AND answered_at IS NULL "
            "AND created_at <= %s AND expires_at > %s",
            [now, now - REMIND_AFTER, now],
        )

    @classmethod
    def remind_to_choose(cls, now: dt.datetime) -> list[int]:
        """Mark as reminded the open requests whose offered times have gone unchosen
        with two days left; the ids this call claimed (the student hears, once)."""
        return _claim(
            "reminded_at = %s",
            "state = 'open' AND offered_at IS NOT NULL AND reminded_at IS NULL "
            "AND expires_at <= %s AND expires_at > %s",
            [now, now + CHOOSE_NUDGE, now],
        )


_ALREADY_OPEN = (
    "You already have a request waiting with this person. Give them time to answer; it "
    "expires after 14 days."
)


def _claim(assignments: str, condition: str, params: list) -> list[int]:
    """UPDATE ... RETURNING id: one statement, so each row is claimed by exactly one run."""
    table = ChatRequest._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {assignments} WHERE {condition} RETURNING id",  # noqa: S608
            params,
        )
        return [row[0] for row in cursor.fetchall()]
