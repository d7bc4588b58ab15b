"""Read-only endpoints of the standards catalog. The catalog is global reference data, so the
querysets are not restricted by organization; every endpoint still requires an authenticated,
current member (the API's default permission)."""

from resguardo.core.api.views import ReadOnlyOrganizationViewSet

from .. import selectors
from ..filtersets import ChecklistFilterSet, MappingFilterSet, RequirementFilterSet
from ..models import Checklist, Framework, Library, Mapping, RequirementNode
from .serializers import (
    ChecklistSerializer,
    FrameworkSerializer,
    LibrarySerializer,
    MappingSerializer,
    RequirementSerializer,
)

URN_REGEX = r"urn:[^/]+"


class FrameworkViewSet(ReadOnlyOrganizationViewSet):
    """Frameworks (NEEC/OEA customs agent, C-TPAT, WCO SAFE, ISO 28000) and their versions."""

    serializer_class = FrameworkSerializer
    lookup_field = "key"
    queryset = Framework.objects.none()

    def get_scoped_queryset(self):
        return selectors.framework_list()


class LibraryViewSet(ReadOnlyOrganizationViewSet):
    """Loaded versions of each framework; the active one is the newest."""

    serializer_class = LibrarySerializer
    lookup_field = "urn"
    lookup_value_regex = URN_REGEX
    queryset = Library.objects.none()

    def get_scoped_queryset(self):
        return selectors.library_list()


class RequirementViewSet(ReadOnlyOrganizationViewSet):
    """Requirement nodes; `q` searches reference, title, text and notes in both languages."""

    serializer_class = RequirementSerializer
    filterset_class = RequirementFilterSet
    lookup_field = "urn"
    lookup_value_regex = URN_REGEX
    queryset = RequirementNode.objects.none()

    def get_scoped_queryset(self):
        return selectors.node_list().select_related("parent")


class MappingViewSet(ReadOnlyOrganizationViewSet):
    """Crosswalk mappings: "source is <relationship> of target", strength 1-5."""

    serializer_class = MappingSerializer
    filterset_class = MappingFilterSet
    queryset = Mapping.objects.none()

    def get_scoped_queryset(self):
        return selectors.mapping_list()


class ChecklistViewSet(ReadOnlyOrganizationViewSet):
    """Inspection point lists (7-point container, 8-point reefer, 17-point tractor...)."""

    serializer_class = ChecklistSerializer
    filterset_class = ChecklistFilterSet
    queryset = Checklist.objects.none()

    def get_scoped_queryset(self):
        return selectors.checklist_list(active_only=False)
