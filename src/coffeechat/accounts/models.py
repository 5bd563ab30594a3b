import functools
import re
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction


@functools.cache
def time_zone_choices():
    # available_timezones() walks the tz database on disk; the list doesn't change at run time.
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class Profile(models.Model):
    """What a student tells coffeechat about themselves; merged into their messages."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    name = models.CharField("your name", max_length=150, blank=True)
    school = models.CharField(max_length=200, blank=True)
    class_year = models.PositiveSmallIntegerField("class year", null=True, blank=True)
    major = models.CharField(max_length=200, blank=True)
    interests = models.TextField(
        blank=True, help_text="Careers or fields you are exploring, e.g. chemistry research."
    )
    availability = models.TextField(
        blank=True, help_text="When you are usually free to talk, in your own words."
    )
    signature = models.TextField(blank=True, help_text="How you sign your messages.")
    time_zone = models.CharField(max_length=64, default="UTC", choices=time_zone_choices)
    # Outreach: when a follow-up is due, and what the message checker accepts.
    follow_up_after_days = models.PositiveSmallIntegerField(
        "follow up after (days)",
        default=7,
        validators=[MinValueValidator(3), MaxValueValidator(30)],
        help_text="How long to wait for a reply before one follow-up. Career advisers "
        "suggest one to two weeks (7 to 14 days).",
    )
    use_3b7 = models.BooleanField(
        "use the 3B7 routine",
        default=False,
        help_text="Counts business days instead: if there is no reply by day 3, write to a "
        "second person at the same organization; on day 7, follow up once with the first. "
        "Replaces the wait above.",
    )
    linkedin_premium = models.BooleanField(
        "I have LinkedIn Premium",
        default=False,
        help_text="Premium allows 300-character connection notes instead of 200.",
    )
    dictionary = models.TextField(
        "your dictionary",
        blank=True,
        help_text="Words the spell-checker should accept (names, places, jargon), "
        "separated by spaces, commas or new lines.",
    )

    def __str__(self):
        return self.name or self.owner.get_username()

    @classmethod
    def for_user(cls, user):
        profile, _ = cls.objects.get_or_create(owner=user, defaults={"name": user.get_full_name()})
        return profile

    @property
    def display_name(self):
        return self.name or self.owner.get_username()

    @property
    def dictionary_words(self) -> list[str]:
        return [word for word in re.split(r"[\s,;]+", self.dictionary) if word]


SETUP_SALT = "coffeechat.accounts.first-run"


def make_setup_token() -> str:
    """A signed token that lets the first person create the first account.

    It is only honoured while no account exists, so it is spent the moment it is used.
    """
    return signing.dumps("first-run", salt=SETUP_SALT)


def setup_token_is_valid(token: str, max_age_seconds: int = 7 * 24 * 3600) -> bool:
    try:
        return signing.loads(token, salt=SETUP_SALT, max_age=max_age_seconds) == "first-run"
    except signing.BadSignature:
        return False


# Any fixed number, the same in every process: the key of PostgreSQL's advisory lock
# that first-run creations queue on.
FIRST_ACCOUNT_LOCK = 0x636F_6666


def create_first_account(user) -> bool:
    """Save ``user`` (unsaved) as the administrator, unless an account exists already.

    Twelve set-up posts at once must make one account. Locking rows of an empty table
    locks nothing, so on PostgreSQL the posts queue on an advisory lock held until the
    transaction ends; on SQLite the IMMEDIATE transaction (see settings) already holds
    the database's one write lock. The check for an account runs after the lock, so it
    sees what the post before committed. Returns False when someone else came first.
    """
    with transaction.atomic():
        connection = transaction.get_connection()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [FIRST_ACCOUNT_LOCK])
        if get_user_model().objects.exists():
            return False
        user.is_staff = user.is_superuser = True
        user.save()
        Profile.for_user(user)
    return True
