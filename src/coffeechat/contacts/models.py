from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from coffeechat.accounts.ownership import Owned, OwnedQuerySet
from coffeechat.contacts.sources import SOURCES
from coffeechat.text import with_paragraph
from coffeechat.textsearch import FoldedTextField, index_text


class HttpsURLField(models.URLField):
    """A URL field whose forms read 'example.com' as https://example.com."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


# How the student knows someone: the places DOMAIN.md says contacts come from. The table is
# in sources.py, which the import parsers read without loading any model.
Source = models.TextChoices(
    "Source", [(value.upper().replace("-", "_"), (value, label)) for value, label in SOURCES]
)


class _SearchedQuerySet(OwnedQuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        # bulk_create skips save(): fold the search column here, so a restore, a seed or
        # a benchmark's rows are found like any other.
        objs = list(objs)
        for obj in objs:
            obj.refresh_search()
        return super().bulk_create(objs, *args, **kwargs)


class _Searched(Owned):
    """A model with a folded search column kept from its other fields on every save
    (``search_sources`` -> ``search_column``), so search ignores accents, case and
    apostrophes on both databases."""

    search_sources: tuple[str, ...] = ()
    search_column = ""

    objects = _SearchedQuerySet.as_manager()

    class Meta:
        abstract = True

    def refresh_search(self) -> None:
        setattr(self, self.search_column, search_text(self, self.search_sources))

    def save(self, *args, **kwargs):
        self.refresh_search()
        fields = kwargs.get("update_fields")
        if fields is not None and set(self.search_sources) & set(fields):
            kwargs["update_fields"] = {*fields, self.search_column}
        super().save(*args, **kwargs)


def search_text(obj, sources) -> str:
    """The folded words of ``obj``'s ``sources`` (any object with those attributes, such
    as an import's row)."""
    return index_text(*(getattr(obj, name) for name in sources))


class Organization(_Searched):
    name = models.CharField(max_length=255)
    website = HttpsURLField(max_length=500, blank=True)
    industry = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    search_name = FoldedTextField()

    search_sources = ("name",)
    search_column = "search_name"

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint("owner", Lower("name"), name="organization_unique_name"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contacts:organization_detail", args=[self.pk])

    @classmethod
    def named(cls, owner, name: str):
        """The owner's organization with this name (any case), created if new; None if blank."""
        name = (name or "").strip()
        if not name:
            return None
        existing = cls.objects.filter(owner=owner, name__iexact=name).first()
        return existing or cls.objects.create(owner=owner, name=name)


class Tag(_Searched):
    name = models.CharField(max_length=64)
    search_name = FoldedTextField()

    search_sources = ("name",)
    search_column = "search_name"

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint("owner", Lower("name"), name="tag_unique_name"),
        ]

    def __str__(self):
        return self.name


class Contact(_Searched):
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    title = models.CharField("title or position", max_length=255, blank=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts"
    )
    field = models.CharField("field or industry", max_length=200, blank=True)
    # Primary address first. A list keeps imports fast and the backup format simple.
    emails = models.JSONField(default=list, blank=True)
    phone = models.CharField(max_length=64, blank=True)
    linkedin_url = HttpsURLField("LinkedIn URL", max_length=500, blank=True)
    location = models.CharField(max_length=200, blank=True)
    source = models.CharField(
        "how you know them", max_length=32, choices=Source.choices, default=Source.OTHER
    )
    referred_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="contacts")
    notes = models.TextField(blank=True)
    research_notes = models.TextField(
        blank=True, help_text="What you have learned about their work and organization."
    )
    connected_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = FoldedTextField()

    # What the contact list's search box looks in, besides the organization's and tags' names.
    search_sources = ("first_name", "last_name", "title", "field", "notes", "research_notes")
    search_column = "search_text"

    class Meta:
        ordering = [Lower("last_name"), Lower("first_name"), "id"]
        indexes = [
            # The list's order, to the last key, so a page is read from the index and
            # stops after its 50 (from the end for the later pages: views/contacts.py).
            models.Index(
                "owner", Lower("last_name"), Lower("first_name"), "id", name="contact_by_name"
            ),
            models.Index(fields=["owner", "-created_at"], name="contact_newest"),
            # The list's field filter reads the distinct fields from this index alone.
            models.Index(fields=["owner", "field"], name="contact_fields"),
            # The agenda's "someone else in the same field", first in name order: found
            # directly rather than by walking every contact in name order.
            models.Index(
                "owner",
                Lower("field"),
                Lower("last_name"),
                Lower("first_name"),
                "id",
                name="contact_by_field",
            ),
        ]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("contacts:detail", args=[self.pk])

    @property
    def full_name(self):
        return " ".join(part for part in (self.first_name, self.last_name) if part) or "(no name)"

    @property
    def primary_email(self):
        return self.emails[0] if self.emails else None

    def set_research_notes(self, text: str) -> None:
        """Replace what the student has learned about this person (from their page or
        while preparing for a conversation: one note per person)."""
        text = text.replace("\r\n", "\n")
        if text != self.research_notes:
            self.research_notes = text
            self.save(update_fields=["research_notes", "updated_at"])

    def note_referral(self, by: "Contact", note: str = "") -> None:
        """``by`` suggested talking to this contact: remember who (the first to suggest
        them stays), and what they said."""
        fields = []
        if self.referred_by_id is None and by.pk != self.pk:
            self.referred_by = by
            fields.append("referred_by")
        if with_paragraph(self.notes, note) != self.notes:
            self.notes = with_paragraph(self.notes, note)
            fields.append("notes")
        if fields:
            self.save(update_fields=fields)

    def set_tags(self, names):
        """Replace this contact's tags with ``names``, creating the owner's new tags."""
        tags = []
        for name in names:
            tag = Tag.objects.filter(owner=self.owner, name__iexact=name).first()
            tags.append(tag or Tag.objects.create(owner=self.owner, name=name))
        self.tags.set(tags)


class PendingImport(Owned):
    """An uploaded file waiting between the import preview and its confirmation."""

    filename = models.CharField(max_length=255)
    format = models.CharField(max_length=16, blank=True)
    data = models.BinaryField()
    # Generic CSV only: {column header: contact field or ""}, as edited in the preview.
    mapping = models.JSONField(default=dict, blank=True)
    # The file's records as parsed with that mapping (importing/stored.py), so that the
    # preview and the confirmation do not parse the file again.
    parsed = models.BinaryField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.filename
