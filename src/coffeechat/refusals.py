"""One way to refuse: ``Refused``, raised by a model's move, and ``shows_refusals``, which
turns it into the styled message on the page of the record that refused.

A move that can't be made from where a record stands (a message sent twice, a reply to a
draft, a meeting marked done before it started) raises ``Refused`` with a sentence fit to
show the user, and the record it is about. Views wrap their moves in ``shows_refusals``;
commands print the sentence (``CommandError(str(refused))``). Nothing here imports an app.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect


class Refused(ValueError):
    """A move that makes no sense from where the record stands; ``str()`` says why."""

    def __init__(self, message: str, record=None):
        super().__init__(message)
        self.message = message
        # Where the refusal is shown: the page of this record (anything with
        # get_absolute_url), else the page the request came from.
        self.record = record

    def __str__(self) -> str:
        return self.message


def shows_refusals(view: Callable) -> Callable:
    """Show a ``Refused`` raised by ``view`` as an error message, on the page of the record
    that refused: a refusal is never a server error."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            messages.error(request, str(refused))
            if refused.record is not None:
                return redirect(refused.record)
            return redirect(request.path)

    return wrapper
