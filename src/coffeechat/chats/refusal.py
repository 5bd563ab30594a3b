"""The refusal of every move of a request (asking, answering, the thread, afterwards)."""

from coffeechat.refusals import Refused


class RequestRefused(Refused):
    """A request that can't be made or answered now; the message is fit to show (and,
    given the request, ``shows_refusals`` shows it on the request's page)."""
