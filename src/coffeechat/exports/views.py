"""The Export page: downloads of the user's data, and restoring a backup into an empty account."""

import tempfile

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from coffeechat.accounts.middleware import remember_time_zone
from coffeechat.accounts.models import Profile
from coffeechat.backup import BackupError, existing_data, restore_file
from coffeechat.contacts.exporting import FORMATS, write_export
from coffeechat.contacts.models import Contact


class RestoreForm(forms.Form):
    backup = forms.FileField(
        label="Backup file (.json)",
        help_text="The .json file that “Download the backup” saved, unchanged.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_backup(self):
        upload = self.cleaned_data["backup"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"This file is {filesizeformat(upload.size)}; the largest this coffeechat "
                f"accepts is {filesizeformat(limit)}."
            )
        # Read by the restore itself, a piece at a time (Django keeps a big upload in a
        # temporary file): a 200 MB backup is never held in memory whole.
        return upload


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _page(request, form=None, problems=()):
    found = existing_data(request.user)
    context = {
        "contact_count": Contact.objects.owned_by(request.user).count(),
        "formats": FORMATS,
        "can_restore": not found,
        "restore_form": form or RestoreForm(),
        "problems": problems,
    }
    return render(request, "exports/export.html", context)


@require_GET
def export_page(request):
    return _page(request)


@require_GET
def download(request, fmt):
    if fmt not in FORMATS:
        raise Http404("There is no export in that format.")
    export = FORMATS[fmt]
    # Written to a temporary file first (in the export's one transaction), then sent from
    # it: a big account's export takes disk, not memory.
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - the FileResponse closes it
    write_export(request.user, fmt, spool)
    spool.seek(0)
    response = FileResponse(spool, content_type=export.content_type)
    filename = export.filename(timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def restore(request):
    if existing_data(request.user):
        messages.error(
            request,
            "A backup can only be restored into an empty account, and this one already has "
            "data. Nothing was changed.",
        )
        return redirect("exports:export")
    form = RestoreForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form=form)
    upload = form.cleaned_data["backup"]
    try:
        upload.seek(0)
        summary = restore_file(request.user, upload)
    except BackupError as error:
        if error.about_file:  # not a backup at all: said next to the file field
            form.add_error("backup", _sentence(str(error)))
            return _page(request, form=form)
        problems = error.problems
        if error.count > len(problems):
            problems = [*problems, f"… and {error.count - len(problems)} more problems."]
        return _page(request, form=form, problems=problems)
    remember_time_zone(request, Profile.for_user(request.user).time_zone)
    messages.success(request, str(summary))
    return redirect("contacts:list")
