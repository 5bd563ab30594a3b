"""The accounts' part of the backup (the rules are in docs/BACKUP.md): the ``profile``
merged into messages. Logins and passwords stay out: a backup is restored into an account
someone has made.
"""

from coffeechat import backup
from coffeechat.accounts.models import Profile
from coffeechat.backup.fields import kind

# The fields every version 1 file has (see contacts/backup.py).
V1_FIELDS = {
    "name",
    "school",
    "class_year",
    "major",
    "interests",
    "availability",
    "signature",
    "time_zone",
}


def _export_profile(user, ctx):
    return backup.encode_fields(Profile.for_user(user), backup.plain_fields(Profile))


def _parse_profile(raw, ctx):
    if not isinstance(raw, dict):
        ctx.problem("profile", f"should be an object, not {kind(raw)}")
        return {}
    row = backup.Row(ctx, raw, "profile")
    values = backup.read_values(row, Profile, V1_FIELDS)
    row.no_other_keys()
    return values


def _restore_profile(user, values, ctx):
    profile = Profile.for_user(user)
    for name, value in values.items():
        setattr(profile, name, value)
    profile.save()
    return None


SECTIONS = [
    backup.Section(
        "profile",
        _export_profile,
        _parse_profile,
        _restore_profile,
        label=("profile", "profile"),
        required=True,
    ),
]
