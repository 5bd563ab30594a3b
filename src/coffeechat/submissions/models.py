"""A create form, sent once: what makes a double click or a resubmitted form harmless."""

import datetime

from django.db import models
from django.utils import timezone

from coffeechat.accounts.ownership import Owned

# A token is remembered this long: longer than anyone keeps a form open and sends it twice.
KEPT_FOR = datetime.timedelta(days=2)


class Submission(Owned):
    """One sending of one rendered create form, and the page it led to."""

    token = models.UUIDField()
    sent_at = models.DateTimeField(default=timezone.now)
    result_url = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "token"], name="one_submission_per_form")
        ]

    @classmethod
    def forget_old(cls, user) -> None:
        cls.objects.owned_by(user).filter(sent_at__lt=timezone.now() - KEPT_FOR).delete()
