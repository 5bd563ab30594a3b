"""Keeping in touch after a conversation: a cadence per contact, and each interaction
that restarts its clock."""

from django.db import models
from django.utils import timezone

from coffeechat.accounts.ownership import Owned


class KeepInTouch(Owned):
    """How often to check in with one contact. No row means the default cadence."""

    DEFAULT_DAYS = 90
    CADENCES = [
        (30, "Every 30 days"),
        (60, "Every 60 days"),
        (90, "Every 90 days"),
        (180, "Every 180 days"),
    ]

    contact = models.OneToOneField(
        "contacts.Contact", on_delete=models.CASCADE, related_name="keep_in_touch"
    )
    # None: don't remind me about this person.
    cadence_days = models.PositiveSmallIntegerField(null=True, blank=True, default=DEFAULT_DAYS)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.contact}: {self.cadence_days or 'never'}"

    @classmethod
    def set_cadence(cls, contact, days):
        if days is not None and days not in dict(cls.CADENCES):
            raise ValueError("Choose 30, 60, 90 or 180 days, or no reminders.")
        row, _ = cls.objects.update_or_create(
            contact=contact, defaults={"owner_id": contact.owner_id, "cadence_days": days}
        )
        return row


class Interaction(Owned):
    """A moment of contact logged by hand or by a meeting; each restarts the keep-in-touch clock."""

    class Means(models.TextChoices):
        MEETING = "meeting", "Meeting"
        CALL = "call", "Call"
        EMAIL = "email", "Email"
        MESSAGE = "message", "Message"
        THANK_YOU = "thank-you", "Thank-you"
        UPDATE = "update", "Update on my progress"
        OTHER = "other", "Other"

    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.CASCADE, related_name="interactions"
    )
    interview = models.ForeignKey(
        "interviews.Interview", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=Means.choices, default=Means.OTHER)
    happened_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-happened_at", "-id"]
        indexes = [models.Index(fields=["contact", "happened_at"], name="interaction_latest")]

    def __str__(self):
        return f"{self.get_kind_display()} with {self.contact}"
