"""The one way to look up a user's records.

Every view and command that turns an id into an object goes through
``get_owned_or_404``: another user's object and a missing one look the same (404),
so ids never leak whether a record exists.
"""

from collections.abc import Callable
from functools import wraps

from django.db import models
from django.http import Http404, HttpResponseNotAllowed


class OwnedQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)


class Owned(models.Model):
    """Abstract base for every record that belongs to one user."""

    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="+")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True


def get_owned_or_404(model_or_queryset, user, **lookup):
    """Return the object matching ``lookup`` that belongs to ``user``, else raise Http404."""
    if isinstance(model_or_queryset, models.QuerySet):
        queryset = model_or_queryset
    else:
        queryset = model_or_queryset._default_manager.all()
    if not getattr(user, "is_authenticated", False):
        raise Http404("Not found.")
    try:
        return queryset.filter(owner=user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404(f"No {queryset.model._meta.verbose_name} with that id.") from None


def post_only(**owned) -> Callable:
    """Like ``require_POST``, but someone else's id is a 404 whatever the method: each
    keyword names a URL argument and the model whose record must be the user's. A 405 for
    another user's id would tell them the record exists."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "POST":
                for name, model in owned.items():
                    if name in kwargs:
                        get_owned_or_404(model, request.user, pk=kwargs[name])
                return HttpResponseNotAllowed(["POST"])
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
