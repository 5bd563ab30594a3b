from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse


class CareerCommunity(models.Model):
    """A field the career office groups people by (health; business and finance; ...),
    with its advisers. Students and volunteers join as many as they like."""

    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    advisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="advised_communities"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="career_communities"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = [Lower("name")]
        verbose_name_plural = "career communities"
        constraints = [models.UniqueConstraint(Lower("name"), name="community_unique_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:community_detail", args=[self.pk])

    def join(self, user) -> None:
        self.members.add(user)

    def leave(self, user) -> None:
        self.members.remove(user)
