"""Upload -> preview -> confirm, for LinkedIn, vCard and CSV exports.

The uploaded bytes wait in a PendingImport (the owner's own) until confirmed; the
preview is a dry run of the same ``run_import`` the CLI uses, so what it shows is
what the confirmation does.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.contacts.importing import (
    ImportFileError,
    formats,
    parse_file,
    plan_import,
    run_import,
)
from coffeechat.contacts.importing.csvfile import FIELDS
from coffeechat.contacts.importing.files import csv_columns, display_name
from coffeechat.contacts.models import PendingImport

PREVIEW_ROWS = 200
KEEP_PENDING = timedelta(days=1)


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Export file",
        help_text="Connections.csv from LinkedIn, a .vcf vCard file, or any CSV with a header row.",
    )
    format = forms.ChoiceField(
        label="What kind of file is it?",
        required=False,
        choices=formats.choices(),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"{display_name(upload.name)} is {upload.size / 1e6:.1f} MB; files up to "
                f"{limit / 1e6:.0f} MB can be imported."
            )
        return upload


class MappingForm(forms.Form):
    """One select per CSV column: which contact field it goes into."""

    def __init__(self, *args, headers, mapping, samples, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.headers = headers
        for position, header in enumerate(headers):
            sample = samples.get(header)
            self.fields[f"column_{position}"] = forms.ChoiceField(
                label=header,
                choices=list(FIELDS.items()),
                required=False,
                initial=mapping.get(header, ""),
                help_text=sample or "",
            )

    def mapping(self) -> dict[str, str]:
        return {
            header: self.cleaned_data.get(f"column_{position}", "")
            for position, header in enumerate(self.headers)
        }


@require_http_methods(["GET", "POST"])
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            parsed = parse_file(data, upload.name, form.cleaned_data["format"] or None)
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            PendingImport.objects.filter(created_at__lt=timezone.now() - KEEP_PENDING).delete()
            pending = PendingImport.objects.create(
                owner=request.user,
                filename=parsed.filename[:255],
                format=parsed.format,
                data=data,
                mapping=parsed.mapping,
            )
            url = reverse("contacts:import_preview", args=[pending.pk])
            if request.htmx:
                return HttpResponseClientRedirect(url)
            return redirect(url)
    template = "contacts/import_upload.html"
    status = 400 if form.errors else 200
    if request.htmx:
        # htmx leaves 4xx responses unswapped; the form with its errors must show.
        template += "#upload-form"
        status = 200
    context = {
        "form": form,
        "pending": PendingImport.objects.owned_by(request.user)
        .filter(created_at__gte=timezone.now() - KEEP_PENDING)
        .only("pk", "filename", "format", "created_at")
        .order_by("-created_at")[:5],
        "max_mb": settings.IMPORT_MAX_BYTES // 1_000_000,
    }
    return render(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
def preview(request, pk):
    pending = get_owned_or_404(PendingImport, request.user, pk=pk)
    data = bytes(pending.data)
    if request.method == "POST":
        if request.POST.get("discard"):
            pending.delete()
            messages.info(request, f"Cancelled the import of {pending.filename}; nothing changed.")
            return redirect("contacts:import")
        if pending.format == "csv":
            headers, _ = csv_columns(data, pending.filename)
            form = MappingForm(request.POST, headers=headers, mapping={}, samples={})
            if form.is_valid():
                pending.mapping = form.mapping()
                pending.save(update_fields=["mapping"])
        if not request.htmx:
            return redirect("contacts:import_preview", pk=pending.pk)
    error, result = None, None
    try:
        result = plan_import(request.user, data, pending.filename, pending.format, pending.mapping)
    except ImportFileError as problem:
        error = str(problem)
    mapping_form = None
    if pending.format == "csv":
        headers, samples = csv_columns(data, pending.filename)
        mapping_form = MappingForm(
            headers=headers,
            mapping=result.mapping if result else pending.mapping,
            samples=samples,
        )
    context = {
        "pending": pending,
        "result": result,
        "error": error,
        "rows": result.rows[:PREVIEW_ROWS] if result else [],
        "more_rows": max(0, len(result.rows) - PREVIEW_ROWS) if result else 0,
        "preview_rows": PREVIEW_ROWS,
        "mapping_form": mapping_form,
    }
    template = "contacts/import_preview.html"
    if request.htmx:
        template += "#plan"
    return render(request, template, context)


def confirm(request, pk):
    # Ownership before the method check: someone else's id is a 404 whatever the method.
    get_owned_or_404(PendingImport.objects.only("pk"), request.user, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    with transaction.atomic():
        pending = get_owned_or_404(PendingImport, request.user, pk=pk)
        # Claim it first: a second click (or a second tab) finds nothing and gets a 404.
        if not PendingImport.objects.filter(pk=pending.pk).delete()[0]:
            raise Http404("This import has already been done.")
        try:
            result = run_import(
                request.user,
                bytes(pending.data),
                pending.filename,
                pending.format,
                pending.mapping,
            )
        except ImportFileError as error:
            transaction.set_rollback(True)
            messages.error(request, str(error))
            return redirect("contacts:import")
    messages.success(request, f"Imported {pending.filename}. {result.summary()}")
    return redirect("contacts:list")
