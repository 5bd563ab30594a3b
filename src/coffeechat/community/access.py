"""Who may do what in the career-office network: the one place that decides.

``POLICY`` maps each action to the roles allowed it; ``can()`` adds the rules that depend
on the record (an adviser acts only inside the communities they advise). Views are
wrapped in ``@allowed(action)``; the role × URL test reads the same table.

Outside network mode (the single-person laptop mode, COFFEECHAT_NETWORK off) every
network page is a 404, so nothing of it shows.
"""

import functools

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404

from coffeechat.community.models import CareerCommunity
from coffeechat.community.roles import Role, roles_of

EVERYONE = frozenset(Role)

POLICY: dict[str, frozenset[Role]] = {
    "directory.search": EVERYONE,
    "volunteer.view": EVERYONE,
    "volunteer.save_to_contacts": EVERYONE,
    "volunteer.deactivate": frozenset({Role.ADVISER, Role.ADMINISTRATOR}),
    "profile.edit_own": frozenset({Role.VOLUNTEER}),
    "community.view": EVERYONE,
    "community.join": frozenset({Role.STUDENT, Role.VOLUNTEER}),
    "community.manage": frozenset({Role.ADMINISTRATOR}),
    "office.manage": frozenset({Role.ADMINISTRATOR}),
    # Requests for a conversation (the chats app): a student asks, a volunteer answers,
    # and each sees only the requests they are in (chats.views.lookup).
    "request.ask": frozenset({Role.STUDENT}),
    "request.answer": frozenset({Role.VOLUNTEER}),
    "request.view": frozenset({Role.STUDENT, Role.VOLUNTEER}),
    # A report about a request: read (with its thread) by the advisers of the
    # communities of the two people in it, and by administrators.
    "report.read": frozenset({Role.ADVISER, Role.ADMINISTRATOR}),
}


def network_on() -> bool:
    return bool(getattr(settings, "NETWORK", False))


def can(user, action: str, target=None) -> bool:
    """May ``user`` do ``action`` (to ``target``, a record, when the rule depends on it)?"""
    if not network_on():
        return False
    roles = roles_of(user) & POLICY[action]
    if not roles:
        return False
    if action == "volunteer.deactivate" and target is not None:
        return Role.ADMINISTRATOR in roles or advises(user, target.owner)
    if action == "report.read" and target is not None:
        # ``target`` is a report (chats); ``people()`` are the two it is about.
        return Role.ADMINISTRATOR in roles or any(
            advises(user, person) for person in target.people()
        )
    return True


def advises(adviser, person) -> bool:
    """Is ``adviser`` an adviser of one of the communities ``person`` belongs to?"""
    return CareerCommunity.objects.filter(advisers=adviser, members=person).exists()


def allowed(action: str):
    """View decorator: 404 outside network mode, 403 for a role without ``action``."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not network_on():
                raise Http404("The career-office network is not switched on.")
            if not can(request.user, action):
                raise PermissionDenied("Your role in the network does not include this page.")
            return view(request, *args, **kwargs)

        wrapper.network_action = action
        return wrapper

    return decorate


def require(user, action: str, target) -> None:
    """404 when ``user`` may not do ``action`` to this record: it may as well not exist."""
    if not can(user, action, target):
        raise Http404("Not found.")
