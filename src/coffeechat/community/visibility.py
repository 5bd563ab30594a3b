"""Which of a volunteer's fields a viewer may see: the one function that decides.

Issue 13 (requests) extends ``has_accepted_request``; everything else reads ``visible_fields``.
"""

from coffeechat.community.models.profiles import LIMITABLE, Audience
from coffeechat.community.roles import Role, roles_of


def has_accepted_request(profile, viewer) -> bool:
    """Has the volunteer accepted a request from ``viewer``? Requests come with issue 13;
    until then nobody has one."""
    return False


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
