"""Upload -> preview -> confirm. (Being built: see issue 2, point 5.)"""

from django.http import HttpResponse


def upload(request):
    return HttpResponse("Import is being built.", content_type="text/plain")


def preview(request, pk):
    return HttpResponse("Import is being built.", content_type="text/plain")


def confirm(request, pk):
    return HttpResponse("Import is being built.", content_type="text/plain")
