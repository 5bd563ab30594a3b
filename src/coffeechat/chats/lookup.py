"""The one way to turn a request id into a request: only its student and its volunteer
find it; anyone else (an adviser, an administrator) gets a 404."""

from django.http import Http404

from coffeechat.chats.models import ChatRequest


def request_for(user, pk, *, as_volunteer: bool | None = None) -> ChatRequest:
    """The request ``pk`` if ``user`` is in it (as the volunteer, the student, or either)."""
    found = ChatRequest.objects.select_related("volunteer__owner", "student__profile", "interview")
    try:
        request = found.get(pk=int(pk))
    except (ChatRequest.DoesNotExist, ValueError, TypeError):
        raise Http404("No such request.") from None
    is_volunteer = request.volunteer.owner_id == user.pk
    is_student = request.student_id == user.pk
    allowed = {None: is_volunteer or is_student, True: is_volunteer, False: is_student}
    if not allowed[as_volunteer]:
        raise Http404("No such request.")
    return request
