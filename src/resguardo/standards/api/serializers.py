from rest_framework import serializers

from ..models import (
    Checklist,
    ChecklistPoint,
    Framework,
    Library,
    Mapping,
    RequirementNode,
)


class FrameworkSerializer(serializers.ModelSerializer):
    versions = serializers.SerializerMethodField()
    active_library = serializers.SerializerMethodField()

    class Meta:
        model = Framework
        fields = [
            "key",
            "name_es",
            "name_en",
            "short_name_es",
            "short_name_en",
            "versions",
            "active_library",
        ]

    def _libraries(self, obj):
        return list(obj.libraries.all())  # prefetched by the selector

    def get_versions(self, obj) -> list[str]:
        return [library.urn for library in self._libraries(obj)]

    def get_active_library(self, obj) -> str | None:
        return next((lib.urn for lib in self._libraries(obj) if lib.is_active), None)


class LibrarySerializer(serializers.ModelSerializer):
    framework = serializers.SlugRelatedField(slug_field="key", read_only=True)
    node_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Library
        fields = [
            "urn",
            "framework",
            "version",
            "name_es",
            "name_en",
            "short_name_es",
            "short_name_en",
            "description_es",
            "description_en",
            "publisher_es",
            "publisher_en",
            "source",
            "effective_date",
            "applicability_flags",
            "content_sha256",
            "loaded_at",
            "is_active",
            "node_count",
        ]


class RequirementSerializer(serializers.ModelSerializer):
    library = serializers.SlugRelatedField(slug_field="urn", read_only=True)
    framework = serializers.CharField(source="library.framework.key", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="urn", read_only=True)

    class Meta:
        model = RequirementNode
        fields = [
            "urn",
            "library",
            "framework",
            "parent",
            "ref_id",
            "order",
            "depth",
            "title_es",
            "title_en",
            "description_es",
            "description_en",
            "notes",
            "evidence",
            "level",
            "weight",
            "applies_if",
            "indicators",
            "assessable",
            "verified",
            "resguardo_numbering",
        ]


class MappingSerializer(serializers.ModelSerializer):
    mapping_set = serializers.SlugRelatedField(slug_field="urn", read_only=True)
    source = serializers.SlugRelatedField(slug_field="urn", read_only=True)
    target = serializers.SlugRelatedField(slug_field="urn", read_only=True)

    class Meta:
        model = Mapping
        fields = [
            "id",
            "mapping_set",
            "source",
            "target",
            "relationship",
            "strength",
            "rationale_es",
            "rationale_en",
        ]


class ChecklistPointSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChecklistPoint
        fields = ["code", "title_es", "title_en", "guidance_es", "guidance_en", "order"]


class ChecklistSerializer(serializers.ModelSerializer):
    checklist_set = serializers.SlugRelatedField(slug_field="urn", read_only=True)
    is_active = serializers.BooleanField(source="checklist_set.is_active", read_only=True)
    points = ChecklistPointSerializer(many=True, read_only=True)

    class Meta:
        model = Checklist
        fields = [
            "id",
            "key",
            "checklist_set",
            "is_active",
            "name_es",
            "name_en",
            "description_es",
            "description_en",
            "points",
        ]
