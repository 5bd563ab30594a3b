"""The one way to turn a request id into a request: only its student and its volunteer
find it; anyone else (an adviser, an administrator) gets a 404. A report is found only by
those community/access.py lets read it."""

from django.http import Http404

from coffeechat.chats.models import ChatRequest, Report
from coffeechat.community.access import require


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


def report_for(user, pk) -> Report:
    """The report ``pk`` if ``user`` may read it (community/access.py decides); else 404."""
    found = Report.objects.select_related("request__student", "request__volunteer__owner", "author")
    try:
        report = found.get(pk=int(pk))
    except (Report.DoesNotExist, ValueError, TypeError):
        raise Http404("No such report.") from None
    require(user, "report.read", report)
    return report
