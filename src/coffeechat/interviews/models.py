from django.db import models

from coffeechat.accounts.ownership import Owned


class Interview(Owned):
    """One informational interview with one contact, from first idea to keeping in touch.

    The interviews issue grows this model (stages, scheduling, preparation, notes,
    reflection); outreach messages point at it.
    """

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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "stage"], name="interview_owner_stage")]

    def __str__(self):
        return f"Interview with {self.contact.full_name}"
