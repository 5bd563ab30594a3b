from functools import wraps

from django.http import HttpResponseNotAllowed

from coffeechat.accounts.ownership import get_owned_or_404


def post_only(view):
    """Like ``require_POST``, but someone else's id is a 404 whatever the method.

    A 405 for another user's id would tell them the record exists.
    """
    from coffeechat.contacts.models import Contact
    from coffeechat.interviews.models import Interview, InterviewQuestion, Todo

    owned = {
        "pk": Interview,
        "question_pk": InterviewQuestion,
        "todo_pk": Todo,
        "contact_pk": Contact,
    }

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            for name, model in owned.items():
                if name in kwargs:
                    get_owned_or_404(model, request.user, pk=kwargs[name])
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    return wrapper
