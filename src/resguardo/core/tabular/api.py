"""The staged import in the API: a clean dry run answers `staged_import` (an id); sending that id
with `dry_run=false` and no file imports exactly the file that was checked, re-read from storage.
Sending the file again with `dry_run=false` still works (one call: check, then import)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from rest_framework import serializers

from .staging import (
    staged_import_create,
    staged_import_discard,
    staged_import_get,
    staged_import_read,
)


class StagedImportRequestSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, help_text="CSV or XLSX file.")
    staged_import = serializers.IntegerField(
        required=False,
        help_text="Instead of a file: the id a clean dry run answered, to import that file.",
    )
    dry_run = serializers.BooleanField(default=True)

    def validate(self, attrs):
        if not attrs.get("file") and attrs.get("staged_import") is None:
            raise serializers.ValidationError({"file": [_("Send a file or a staged_import.")]})
        return attrs


def run_staged_import(*, request, kind: str, scope="", data: dict, options=None, run):
    """`run(data=bytes, file_name=str, options=dict, dry_run=bool)` is the app's import service
    call. Returns (report, staged import kept for a confirmation or None)."""
    owner = {"membership": request.membership, "user": request.user, "kind": kind, "scope": scope}
    upload, dry_run = data.get("file"), data["dry_run"]
    if upload is None:
        staged = staged_import_get(**owner, pk=data["staged_import"])
        if staged is None:
            raise ValidationError(
                {"staged_import": [_("No checked file with this id: check the file again.")]}
            )
        body, file_name, options = staged_import_read(staged), staged.file_name, staged.options
        report = run(data=body, file_name=file_name, options=options, dry_run=dry_run)
        if not dry_run:
            staged_import_discard(**owner)
        return report, (staged if dry_run else None)
    body, options = upload.read(), options or {}
    report = run(data=body, file_name=upload.name, options=options, dry_run=dry_run)
    staged = None
    if dry_run and report.ok:
        staged = staged_import_create(**owner, data=body, file_name=upload.name, options=options)
    return report, staged
