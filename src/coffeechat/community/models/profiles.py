"""A volunteer's profile: what they offer, who may see each part, and whether they are
taking requests."""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.models import time_zone_choices
from coffeechat.contacts.models import HttpsURLField
from coffeechat.textsearch import fold, index_text

STALE_AFTER = dt.timedelta(days=182)  # six months without confirming

# Sent (profile=…) when a volunteer pauses, so what is waiting for them is answered too:
# the request app declines it kindly. A pause must never leave people waiting.
profile_paused = Signal()
# Sent (profile=…) when the office deactivates a profile: the request app closes what is
# waiting for that person with a kind word, so nobody waits on someone who has gone.
profile_deactivated = Signal()


class Audience(models.TextChoices):
    SIGNED_IN = "signed-in", "Everyone signed in"
    STUDENTS = "students", "Students only"
    ACCEPTED = "accepted", "Only people whose request I accepted"


class ReachBy(models.TextChoices):
    APP = "app", "In coffeechat"
    EMAIL = "email", "Email"
    LINKEDIN = "linkedin", "LinkedIn"
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video call"


# Fields whose audience the volunteer chooses; the name, communities and whether they
# take requests are always shown to everyone signed in.
LIMITABLE = [
    "class_year",
    "majors",
    "title",
    "organization",
    "industries",
    "location",
    "career_path",
    "topics",
    "languages",
    "reach_by",
    "availability",
    "linkedin_url",
    "email",
    "phone",
]
# Never shown before a request is accepted, whatever the volunteer chose.
PRIVATE = {"email", "phone"}
# Multi-valued fields, stored as comma-separated text and as facets for the filters.
FACETS = ["industries", "majors", "topics", "languages"]


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def split_values(text: str) -> list[str]:
    seen: dict[str, str] = {}
    for part in (text or "").replace(";", ",").replace("\n", ",").split(","):
        value = " ".join(part.split())[:100]
        if value and fold(value) and fold(value) not in seen:
            seen[fold(value)] = value
    return list(seen.values())


class VolunteerProfileQuerySet(models.QuerySet):
    def listed(self):
        """Profiles the directory shows: not deactivated by the office."""
        return self.filter(is_active=True, joined=True)

    def taking_requests(self, today: dt.date):
        """Listed, not paused, and with room left in this month's requests."""
        return self.listed().filter(
            models.Q(paused_until__isnull=True) | models.Q(paused_until__lte=today),
            models.Q(requests_month__isnull=True)
            | models.Q(requests_month__lt=first_of_month(today))
            | models.Q(requests_this_month__lt=models.F("monthly_capacity")),
            monthly_capacity__gt=0,
        )


class VolunteerProfile(models.Model):
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    name = models.CharField(max_length=150)
    class_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    majors = models.CharField(max_length=300, blank=True, help_text="Separate with commas.")
    title = models.CharField("current title", max_length=200, blank=True)
    organization = models.CharField(max_length=200, blank=True)
    industries = models.CharField(max_length=300, blank=True, help_text="Separate with commas.")
    location = models.CharField(max_length=200, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC", choices=time_zone_choices)
    career_path = models.TextField(
        "career path", blank=True, help_text="Earlier roles, one a line, most recent first."
    )
    topics = models.CharField(
        "ask me about", max_length=500, blank=True, help_text="Topics, separated with commas."
    )
    languages = models.CharField(max_length=200, blank=True, help_text="Separate with commas.")
    reach_by = models.JSONField("how I like to be reached", default=list, blank=True)
    availability = models.JSONField("weekly availability", default=list, blank=True)
    monthly_capacity = models.PositiveSmallIntegerField(
        "conversations a month",
        default=2,
        validators=[MaxValueValidator(30)],
        help_text="0 means not taking requests.",
    )
    paused_until = models.DateField("not taking requests until", null=True, blank=True)
    # How many requests came in during ``requests_month`` (its first day, in the
    # volunteer's time zone), written by the request app each time that number changes.
    requests_month = models.DateField(null=True, blank=True, editable=False)
    requests_this_month = models.PositiveIntegerField(default=0, editable=False)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=64, blank=True)
    linkedin_url = HttpsURLField("LinkedIn URL", max_length=500, blank=True)
    visibility = models.JSONField(default=dict, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    # False for a profile made from a roster until its person claims the account.
    joined = models.BooleanField(default=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Folded copies for search (coffeechat.textsearch), holding only what everyone signed
    # in may see, so a search can never reveal a limited field.
    sort_name = models.CharField(max_length=150, editable=False, default="")
    search_all = models.TextField(editable=False, default="")
    search_title = models.CharField(max_length=400, editable=False, default="")
    search_organization = models.CharField(max_length=400, editable=False, default="")
    search_location = models.CharField(max_length=400, editable=False, default="")

    objects = VolunteerProfileQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "id"]
        indexes = [
            # The directory walks this in name order, probing the filters' own indexes with
            # the id and owner (kept in it so no row is read until a page is chosen).
            models.Index(
                fields=["sort_name", "id", "owner"],
                condition=models.Q(is_active=True, joined=True),
                name="profile_directory",
            ),
            models.Index(fields=["class_year", "sort_name"], name="profile_class_year"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_search()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "sort_name",
                "search_all",
                "search_title",
                "search_organization",
                "search_location",
            }
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("community:volunteer", args=[self.pk])

    # --- who sees what -------------------------------------------------------------
    def audience(self, field: str) -> Audience:
        if field in PRIVATE:
            return Audience.ACCEPTED
        try:
            return Audience(self.visibility.get(field, Audience.SIGNED_IN))
        except (ValueError, AttributeError):
            return Audience.ACCEPTED  # unreadable: the safest

    def public(self, field: str) -> str:
        return getattr(self, field) if self.audience(field) == Audience.SIGNED_IN else ""

    def values(self, field: str) -> list[str]:
        return split_values(getattr(self, field))

    def refresh_search(self) -> None:
        self.sort_name = fold(self.name)[:150]
        self.search_title = index_text(self.public("title"))[:400]
        self.search_organization = index_text(self.public("organization"))[:400]
        self.search_location = index_text(self.public("location"))[:400]
        self.search_all = index_text(
            self.name,
            *(self.public(field) for field in ("title", "organization", "location")),
            *(self.public(field) for field in FACETS),
            self.public("career_path"),
        )

    def sync_facets(self) -> None:
        """Rewrite the facet rows the directory's filters read (public values only)."""
        rows = [
            ProfileFacet(profile=self, kind=kind, value=value[:100], folded=fold(value)[:100])
            for kind in FACETS
            if self.audience(kind) == Audience.SIGNED_IN
            for value in self.values(kind)
        ]
        with transaction.atomic():
            self.facets.all().delete()
            ProfileFacet.objects.bulk_create(rows)

    # --- state ---------------------------------------------------------------------
    def confirm(self, now=None) -> None:
        """The volunteer says the profile is still right (resets the staleness clock)."""
        self.confirmed_at = now or timezone.now()
        self.save(update_fields=["confirmed_at", "updated_at"])

    def is_stale(self, now=None) -> bool:
        confirmed = self.confirmed_at or self.created_at
        return confirmed is not None and (now or timezone.now()) - confirmed > STALE_AFTER

    def pause(self, until: dt.date) -> None:
        with transaction.atomic():
            self.paused_until = until
            self.save(update_fields=["paused_until", "updated_at"])
            profile_paused.send(sender=type(self), profile=self)

    def resume(self) -> None:
        self.paused_until = None
        self.save(update_fields=["paused_until", "updated_at"])

    def is_paused(self, today: dt.date) -> bool:
        return self.paused_until is not None and self.paused_until > today

    def is_taking_requests(self, today: dt.date) -> bool:
        return self.is_active and not self.is_paused(today) and self.capacity_left(today) > 0

    def capacity_left(self, today: dt.date) -> int:
        """Conversations still on offer in ``today``'s month."""
        used = self.requests_this_month if self.requests_month == first_of_month(today) else 0
        return max(self.monthly_capacity - used, 0)

    def record_requests(self, month: dt.date, count: int) -> None:
        """Store the month's request count (the request app counts; the directory reads)."""
        self.requests_month, self.requests_this_month = first_of_month(month), count
        type(self).objects.filter(pk=self.pk).update(
            requests_month=self.requests_month, requests_this_month=count
        )

    def deactivate(self) -> None:
        with transaction.atomic():
            self.is_active = False
            self.deactivated_at = timezone.now()
            self.save(update_fields=["is_active", "deactivated_at", "updated_at"])
            profile_deactivated.send(sender=type(self), profile=self)

    def reactivate(self) -> None:
        self.is_active = True
        self.deactivated_at = None
        self.save(update_fields=["is_active", "deactivated_at", "updated_at"])


class ProfileFacet(models.Model):
    """One value of a profile's industries, majors, topics or languages, for the filters."""

    profile = models.ForeignKey(VolunteerProfile, on_delete=models.CASCADE, related_name="facets")
    kind = models.CharField(max_length=16)
    value = models.CharField(max_length=100)
    folded = models.CharField(max_length=100)

    class Meta:
        indexes = [models.Index(fields=["kind", "folded", "profile"], name="facet_lookup")]

    def __str__(self):
        return f"{self.kind}: {self.value}"


class SavedVolunteer(models.Model):
    """A student's contact made from a volunteer's profile ("Save to my contacts")."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey(VolunteerProfile, on_delete=models.CASCADE, related_name="+")
    contact = models.OneToOneField(
        "contacts.Contact", on_delete=models.CASCADE, related_name="volunteer_link"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint("owner", "profile", name="saved_volunteer_once"),
        ]

    def __str__(self):
        return f"{self.profile} saved as a contact"
