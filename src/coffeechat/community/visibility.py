"""Which of a volunteer's fields a viewer may see: the one function that decides.

Whether a volunteer accepted a viewer's request is answered by the request app above
(``coffeechat.chats`` registers it when it is ready), so this app never imports it;
everything else reads ``visible_fields``.
"""

from collections.abc import Callable

from coffeechat.community.models.profiles import LIMITABLE, Audience
from coffeechat.community.roles import Role, roles_of

_accepted_checks: list[Callable] = []


def register_accepted_check(check: Callable) -> None:
    """``check(profile, viewer) -> bool``: one more way a request can have been accepted."""
    if check not in _accepted_checks:
        _accepted_checks.append(check)


def has_accepted_request(profile, viewer) -> bool:
    """Has the volunteer accepted a request from ``viewer``?"""
    return any(check(profile, viewer) for check in _accepted_checks)


def visible_fields(profile, viewer) -> set[str]:
    """The limitable fields of ``profile`` that ``viewer`` may see."""
    if viewer.pk == profile.owner_id:
        return set(LIMITABLE)
    is_student = Role.STUDENT in roles_of(viewer)
    accepted = None  # asked only when a field needs it
    shown = set()
    for field in LIMITABLE:
        audience = profile.audience(field)  # email and phone: always ACCEPTED
        if audience == Audience.SIGNED_IN or (audience == Audience.STUDENTS and is_student):
            shown.add(field)
            continue
        if accepted is None:
            accepted = has_accepted_request(profile, viewer)
        if accepted:
            shown.add(field)
    return shown
