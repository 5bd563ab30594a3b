from coffeechat.community.access import network_on
from coffeechat.community.roles import roles_of


def network(request) -> dict:
    """Whether the network is on and the signed-in person's roles, for the menu."""
    if not network_on():
        return {"network_on": False, "network_roles": frozenset()}
    return {"network_on": True, "network_roles": {r.value for r in roles_of(request.user)}}
