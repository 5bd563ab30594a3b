"""What a conversation leaves behind: its timeline, its chosen questions, its next steps."""

from django.db import models
from django.utils import timezone

from coffeechat.accounts.ownership import Owned


class TimelineEntry(Owned):
    class Topic(models.TextChoices):
        STAGE = "stage", "Stage"
        SCHEDULE = "schedule", "Schedule"
        MESSAGE = "message", "Message"
        NOTE = "note", "Note"

    interview = models.ForeignKey(
        "interviews.Interview", on_delete=models.CASCADE, related_name="timeline"
    )
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=16, choices=Topic.choices)
    text = models.CharField(max_length=500)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return self.text


class InterviewQuestion(Owned):
    """A question chosen for one interview. The text is a copy, so the user can reword it."""

    interview = models.ForeignKey(
        "interviews.Interview", on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()
    # The key of the built-in question it came from; blank for the user's own.
    bank_key = models.CharField(max_length=64, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text


class NextStep(Owned):
    """A next step after a conversation."""

    class Category(models.TextChoices):
        JOB_SHADOWING = "job-shadowing", "Job shadowing"
        RESEARCH = "research", "More research"
        APPLICATION = "application", "An application"
        CAREER_ADVISER = "career-adviser", "See a career adviser"
        OTHER = "other", "Other"

    interview = models.ForeignKey(
        "interviews.Interview",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="todos",
    )
    contact = models.ForeignKey(
        "contacts.Contact", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Category.choices, default=Category.OTHER)
    text = models.CharField(max_length=500)
    due_date = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done_at", "due_date", "id"]
        indexes = [models.Index(fields=["owner", "done_at"], name="todo_owner_open")]

    def __str__(self):
        return self.text

    def mark_done(self):
        self.done_at = timezone.now()
        self.save(update_fields=["done_at"])

    def undo(self):
        self.done_at = None
        self.save(update_fields=["done_at"])
