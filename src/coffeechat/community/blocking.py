"""Whether a block keeps two people of the network apart.

Blocks are kept by the request app above (``coffeechat.chats`` registers its check when
it is ready), so this app never imports it. The directory reads ``block_between`` to leave
out an Ask that could only be refused.
"""

from collections.abc import Callable

_checks: list[Callable] = []


def register_block_check(check: Callable) -> None:
    """``check(user, other) -> (user blocked other, other blocked user)``."""
    if check not in _checks:
        _checks.append(check)


def block_between(user, other) -> tuple[bool, bool]:
    """(``user`` blocked ``other``, ``other`` blocked ``user``)."""
    mine = theirs = False
    for check in _checks:
        by_me, by_them = check(user, other)
        mine, theirs = mine or by_me, theirs or by_them
    return mine, theirs
