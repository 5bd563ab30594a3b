"""Keeping an import's memory and time in check: the cycle collector held off while it
makes tens of thousands of small objects, and the memory handed back when it is done."""

import contextlib
import ctypes
import ctypes.util
import functools
import gc

from coffeechat.contacts.importing import keys


@functools.cache
def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to do
        return None


def give_back_memory():
    """Hand the memory an import used back to the system, once it is done with it.

    An import frees a few hundred thousand small objects at its end, but Python returns a
    block of its memory (an arena, 1 MB) only when nothing in it is alive, and the caches
    of keys.py put one long-lived entry in nearly every block made while they fill: emptied,
    the blocks go back, and the next import in the same web worker (the confirmation after
    the preview) does not start from this one's peak. glibc's malloc_trim then returns
    what malloc itself holds.
    """
    keys.clear_caches()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@contextlib.contextmanager
def paused_gc():
    """Hold off CPython's cycle collector while tens of thousands of small objects are made.

    It would otherwise walk all of them again and again (a third of a 30,000-row import's
    time); an import makes no reference cycles that need it, and it runs again after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Everything made meanwhile sits in the youngest generation, and the first
            # collection would scan it all at once; freeze-then-unfreeze files it with the
            # oldest objects instead, for the next full collection (rare, and not now).
            gc.freeze()
            gc.enable()
            gc.unfreeze()
