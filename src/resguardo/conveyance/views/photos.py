"""Photos are only served here, after the organization and site check."""

from django.views import View

from resguardo.core.downloads import stored_file_response
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors


def photo_response(instance, name, *, attachment=False):
    """Inline for the pages' <img>; the API sends it as an attachment."""
    extension = instance.file.name.rsplit(".", 1)[-1] if instance.file else "bin"
    return stored_file_response(
        instance.file,
        content_type=instance.content_type,
        filename=f"{name}.{extension}",
        attachment=attachment,
    )


class EventPhotoView(OrganizationRequiredMixin, View):
    def get(self, request, pk):
        event = selectors.event_get(membership=self.membership, pk=pk)
        return photo_response(event, f"seal-{event.seal.number}-{event.sequence}")


class PointPhotoView(OrganizationRequiredMixin, View):
    def get(self, request, pk):
        result = selectors.point_result_get(membership=self.membership, pk=pk)
        return photo_response(result, f"inspection-{result.inspection_id}-{result.code}")
