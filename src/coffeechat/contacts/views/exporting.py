"""Downloads of a user's data. (Being built: see issue 2, point 6.)"""

from django.http import HttpResponse


def export_page(request):
    return HttpResponse("Export is being built.", content_type="text/plain")


def download(request, fmt):
    return HttpResponse("Export is being built.", content_type="text/plain")
