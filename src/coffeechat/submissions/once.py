"""``@submitted_once``: a create view that makes one thing however often its form is sent.

Each create form carries a fresh token (``{% once %}``). The first POST with a token
records it in the same transaction as the view's work; a second POST with the same token
(a double click, a form sent again from the browser's history) finds it and is sent to
what the first one made. On PostgreSQL the second insert waits on the unique index until
the first commits; SQLite's IMMEDIATE transactions queue the two the same way.
"""

import uuid
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect

from coffeechat.submissions.models import Submission

FIELD = "once"


def _token(request) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def submitted_once(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token = _token(request) if request.method == "POST" else None
        if token is None or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    sent = Submission.objects.create(owner=request.user, token=token)
            except IntegrityError:
                return _already_sent(request, token)
            response = view(request, *args, **kwargs)
            if isinstance(response, HttpResponseRedirect):
                sent.result_url = response.url[:500]
                sent.save(update_fields=["result_url"])
            else:
                # Not done (the form had errors): the same form may be sent again, fixed.
                sent.delete()
        Submission.forget_old(request.user)
        return response

    return wrapper


def _already_sent(request, token):
    earlier = Submission.objects.owned_by(request.user).filter(token=token).first()
    messages.info(request, "That form was already sent, so nothing new was made: here it is.")
    return redirect(earlier.result_url if earlier and earlier.result_url else request.path)
