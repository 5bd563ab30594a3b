"""Upload -> preview -> confirm, for LinkedIn, vCard and CSV exports.

The uploaded bytes wait in a PendingImport (the owner's own) until confirmed, with the
records parsed from them at upload (importing/pending.py): the preview plans those records
and the confirmation saves the same ones, through the ``import_records`` the CLI's
``run_import`` ends in, so what the preview shows is what the confirmation does.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.contacts.importing import ImportFileError, formats, rows, stored
from coffeechat.contacts.importing import pending as imports
from coffeechat.contacts.importing.csvfile import FIELDS
from coffeechat.contacts.importing.files import csv_columns, display_name
from coffeechat.contacts.importing.plan import KEPT_ROWS
from coffeechat.contacts.models import PendingImport
from coffeechat.sizes import megabytes

# The preview lists the plans the import keeps (the file's first rows); the rest are counted.
PREVIEW_ROWS = KEPT_ROWS


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
                f"{display_name(upload.name)} is {megabytes(upload.size, round_up=True)}; "
                f"files up to {megabytes(limit)} can be imported."
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
        try:
            pending = imports.start(
                request.user, upload.read(), upload.name, form.cleaned_data["format"] or None
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
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
        .filter(created_at__gte=timezone.now() - imports.KEEP_PENDING)
        .only("pk", "filename", "format", "created_at")
        .order_by("-created_at")[:5],
        "max_size": megabytes(settings.IMPORT_MAX_BYTES),
    }
    return render(request, template, context, status=status)


def _pending_imports():
    # The uploaded bytes are read only when the records must be parsed again (pending.py),
    # so the file's size is not held through every preview and the confirmation; the
    # parsed copy is read when needed (rows.read_bytes: as binary on PostgreSQL).
    return PendingImport.objects.defer("data", "parsed")


@require_http_methods(["GET", "POST"])
def preview(request, pk):
    pending = get_owned_or_404(_pending_imports(), request.user, pk=pk)
    if request.method == "POST":
        if request.POST.get("discard"):
            pending.delete()
            messages.info(request, f"Cancelled the import of {pending.filename}; nothing changed.")
            return redirect("contacts:import")
        if pending.format == "csv":
            headers, _ = _columns(pending)
            form = MappingForm(request.POST, headers=headers, mapping={}, samples={})
            if form.is_valid() and form.mapping() != pending.mapping:
                imports.remap(pending, form.mapping())
        if not request.htmx:
            return redirect("contacts:import_preview", pk=pending.pk)
    error, result = None, None
    try:
        result = imports.preview(request.user, pending)
    except ImportFileError as problem:
        error = str(problem)
    mapping_form = None
    if pending.format == "csv":
        headers, samples = (result.headers, result.samples) if result else _columns(pending)
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
        "more_rows": max(0, result.total - PREVIEW_ROWS) if result else 0,
        "preview_rows": PREVIEW_ROWS,
        "mapping_form": mapping_form,
    }
    template = "contacts/import_preview.html"
    if request.htmx:
        template += "#plan"
    return render(request, template, context)


def _columns(pending: PendingImport) -> tuple[list[str], dict[str, str]]:
    """The CSV's columns in file order, with a first value of each: from the kept records
    when there are some, else read from the file (its mapping may name no name column)."""
    parsed = stored.load(rows.read_bytes(pending, "parsed"))
    if parsed is not None and parsed.headers:
        return parsed.headers, parsed.samples
    return csv_columns(bytes(rows.read_bytes(pending, "data")), pending.filename)


def confirm(request, pk):
    # Ownership before the method check: someone else's id is a 404 whatever the method.
    pending = get_owned_or_404(_pending_imports(), request.user, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        result = imports.confirm(request.user, pending)
    except ImportFileError as error:
        messages.error(request, str(error))
        return redirect("contacts:import")
    if result is None:
        raise Http404("This import has already been done.")
    messages.success(request, f"Imported {pending.filename}. {result.summary()}")
    return redirect("contacts:list")
