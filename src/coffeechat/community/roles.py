"""The four roles of the career-office network, kept as Django groups of the same names.

One account may hold several (a senior can be a student and a volunteer). The account
that set coffeechat up (a superuser) is always an administrator.
"""

from django.contrib.auth.models import Group
from django.db import models


class Role(models.TextChoices):
    STUDENT = "student", "Student"
    VOLUNTEER = "volunteer", "Volunteer"
    ADVISER = "adviser", "Adviser"
    ADMINISTRATOR = "administrator", "Administrator"


def roles_of(user) -> frozenset[Role]:
    """The roles ``user`` holds, read once per request (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_network_roles", None)
    if cached is None:
        names = set(user.groups.filter(name__in=Role.values).values_list("name", flat=True))
        if user.is_superuser:
            names.add(Role.ADMINISTRATOR)
        cached = frozenset(Role(name) for name in names)
        user._network_roles = cached
    return cached


def grant(user, *roles: Role) -> None:
    for role in roles:
        group, _ = Group.objects.get_or_create(name=Role(role).value)
        user.groups.add(group)
    user.__dict__.pop("_network_roles", None)


def revoke(user, *roles: Role) -> None:
    user.groups.remove(*Group.objects.filter(name__in=[Role(r).value for r in roles]))
    user.__dict__.pop("_network_roles", None)


def holders(role: Role):
    """A filter for the users who hold ``role``: ``User.objects.filter(holders(role))``."""
    if role == Role.ADMINISTRATOR:
        return models.Q(groups__name=role.value) | models.Q(is_superuser=True)
    return models.Q(groups__name=role.value)
