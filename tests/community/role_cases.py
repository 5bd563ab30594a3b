"""Every network URL: its kwargs in a World, and the roles that may open it.

tests/test_url_security.py walks these for every persona; a network URL missing here
fails ``test_every_network_url_has_a_role_case``.
"""

from coffeechat.chats.models import Report
from coffeechat.community.access import EVERYONE
from coffeechat.community.roles import Role

A = Role.ADMINISTRATOR
BOTH = {Role.STUDENT, Role.VOLUNTEER}


def reported(w) -> Report:
    """A report by the student about their request to the volunteer (both in health)."""
    return Report.objects.create(request=w.chat, author=w.student, reason="unkind")


# Pages anyone may open without an account (joining), and token pages.
NETWORK_PUBLIC = {"community:signup", "community:claim"}
NETWORK_TOKEN_URLS = {"community:join", "community:verify", "community:claim_confirm"}

# name: (kwargs from the world, the roles that may open it)
ROLE_URL_CASES = {
    "community:directory": (lambda w: {}, EVERYONE),
    "community:volunteer": (lambda w: {"pk": w.profile.pk}, EVERYONE),
    "community:save_volunteer": (lambda w: {"pk": w.profile.pk}, EVERYONE),
    "community:deactivate": (lambda w: {"pk": w.profile.pk}, {Role.ADVISER, A}),
    "community:reactivate": (lambda w: {"pk": w.profile.pk}, {Role.ADVISER, A}),
    "community:my_profile": (lambda w: {}, {Role.VOLUNTEER}),
    "community:pause": (lambda w: {}, {Role.VOLUNTEER}),
    "community:resume": (lambda w: {}, {Role.VOLUNTEER}),
    "community:confirm": (lambda w: {}, {Role.VOLUNTEER}),
    "community:communities": (lambda w: {}, EVERYONE),
    "community:community_detail": (lambda w: {"pk": w.health.pk}, EVERYONE),
    "community:community_join": (lambda w: {"pk": w.health.pk}, {Role.STUDENT, Role.VOLUNTEER}),
    "community:community_leave": (lambda w: {"pk": w.arts.pk}, {Role.STUDENT, Role.VOLUNTEER}),
    "community:community_new": (lambda w: {}, {A}),
    "community:community_edit": (lambda w: {"pk": w.health.pk}, {A}),
    "community:office": (lambda w: {}, {A}),
    "community:invitation_new": (lambda w: {}, {A}),
    "community:invitation_revoke": (lambda w: {"pk": w.invitation.pk}, {A}),
    "community:domain_add": (lambda w: {}, {A}),
    "community:domain_delete": (lambda w: {"pk": w.domain.pk}, {A}),
    "community:roster_upload": (lambda w: {}, {A}),
    "community:roster_preview": (lambda w: {"pk": w.roster.pk}, {A}),
    "community:roster_confirm": (lambda w: {"pk": w.roster.pk}, {A}),
    # Requests for a conversation (the chats app).
    "chats:sent": (lambda w: {}, {Role.STUDENT}),
    "chats:ask": (lambda w: {"pk": w.profile.pk}, {Role.STUDENT}),
    "chats:inbox": (lambda w: {}, {Role.VOLUNTEER}),
    "chats:pause": (lambda w: {}, {Role.VOLUNTEER}),
    "chats:detail": (lambda w: {"pk": w.chat.pk}, {Role.STUDENT, Role.VOLUNTEER}),
    "chats:accept": (lambda w: {"pk": w.chat.pk}, {Role.VOLUNTEER}),
    "chats:decline": (lambda w: {"pk": w.chat.pk}, {Role.VOLUNTEER}),
    "chats:offer": (lambda w: {"pk": w.chat.pk}, {Role.VOLUNTEER}),
    "chats:choose": (lambda w: {"pk": w.chat.pk}, {Role.STUDENT}),
    "chats:withdraw": (lambda w: {"pk": w.chat.pk}, {Role.STUDENT}),
    "chats:invite": (lambda w: {"pk": w.chat.pk}, {Role.STUDENT, Role.VOLUNTEER}),
    "chats:reschedule": (lambda w: {"pk": w.chat.pk}, {Role.STUDENT, Role.VOLUNTEER}),
    "chats:cancel": (lambda w: {"pk": w.chat.pk}, {Role.STUDENT, Role.VOLUNTEER}),
    "chats:write": (lambda w: {"pk": w.chat.pk}, {Role.STUDENT, Role.VOLUNTEER}),
    "chats:debrief": (lambda w: {"pk": w.chat.pk}, BOTH),
    "chats:thank": (lambda w: {"pk": w.chat.pk}, {Role.STUDENT}),
    "chats:report_request": (lambda w: {"pk": w.chat.pk}, BOTH),
    "chats:block": (lambda w: {"pk": w.chat.pk}, BOTH),
    "chats:unblock": (lambda w: {"pk": w.chat.pk}, BOTH),
    "chats:report": (lambda w: {"pk": reported(w).pk}, {Role.ADVISER, A}),
}

# URL namespaces that belong to the network: each of their URLs needs a case above.
NETWORK_NAMESPACES = ("community:", "chats:")

# The hostile-input test opens network pages as an owner who holds every role and
# volunteers too; these pages need a request that owner is in.
AS_HOSTILE_OWNER = {
    "chats:detail": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:accept": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:decline": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:offer": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:choose": lambda w: {"pk": w.chat_from_admin.pk},
    "chats:invite": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:withdraw": lambda w: {"pk": w.chat_from_admin.pk},
    "chats:reschedule": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:cancel": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:write": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:debrief": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:thank": lambda w: {"pk": w.chat_from_admin.pk},
    "chats:report_request": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:block": lambda w: {"pk": w.chat_to_admin.pk},
    "chats:unblock": lambda w: {"pk": w.chat_to_admin.pk},
}

# Personas of the walk (World attributes) and the role each stands for. The adviser of
# another community holds the adviser role but must not act on the health volunteer.
PERSONAS = {
    "anonymous": None,
    "student": Role.STUDENT,
    "volunteer": Role.VOLUNTEER,
    "adviser": Role.ADVISER,
    "other_adviser": Role.ADVISER,
    "administrator": A,
}
OUT_OF_SCOPE = {
    ("other_adviser", "community:deactivate"),
    ("other_adviser", "community:reactivate"),
    ("other_adviser", "chats:report"),  # the report is about two people in health
}


def expected_allowed(persona: str, name: str) -> bool:
    role = PERSONAS[persona]
    return (
        role is not None and role in ROLE_URL_CASES[name][1] and (persona, name) not in OUT_OF_SCOPE
    )


__all__ = [
    "AS_HOSTILE_OWNER",
    "NETWORK_NAMESPACES",
    "NETWORK_PUBLIC",
    "NETWORK_TOKEN_URLS",
    "PERSONAS",
    "ROLE_URL_CASES",
]
