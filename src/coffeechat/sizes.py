"""File sizes in words, in the binary megabytes the upload limit and the docs use."""

import math

MEGABYTE = 1024 * 1024


def megabytes(size: int, *, round_up: bool = False) -> str:
    """'20 MB' for a limit; with ``round_up``, a file over it never reads as equal to it."""
    value = size / MEGABYTE
    if round_up:
        value = math.ceil(value * 10) / 10
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"
