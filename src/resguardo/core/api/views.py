"""API base classes: every endpoint is scoped to the organization of the request."""

from rest_framework import mixins, viewsets

from ..actors import Actor
from ..permissions import Perm
from .parsers import CleanTextParser


class OrganizationViewSet(viewsets.GenericViewSet):
    """Subclasses set `queryset = Model.objects.none()` (for the schema) and define
    `get_scoped_queryset` through a selector taking `self.membership`; services receive
    `actor=self.actor`.

    Objects of another organization are never in the queryset, so they answer 404.
    """

    read_perm = Perm.VIEW
    write_perm = Perm.MANAGE_COMPLIANCE

    def get_parsers(self):
        return [CleanTextParser(parser) for parser in super().get_parsers()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no request user
            return self.queryset
        return self.get_scoped_queryset()

    def get_scoped_queryset(self):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    @property
    def membership(self):
        return self.request.membership

    @property
    def actor(self) -> Actor:
        return Actor.from_request(self.request)


class ReadOnlyOrganizationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganizationViewSet
):
    pass


def service_kwargs(serializer, *, drop=("version",)):
    data = dict(serializer.validated_data)
    version = data.pop("version", None)
    for key in drop:
        data.pop(key, None)
    return data, version
