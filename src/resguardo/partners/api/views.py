"""REST endpoints for standard 4. Every write goes through the same services as the UI."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from resguardo.core.actors import Actor
from resguardo.core.api.schema import report_or_field_errors
from resguardo.core.api.views import (
    OrganizationViewSet,
    ReadOnlyOrganizationViewSet,
    service_kwargs,
)
from resguardo.core.downloads import stored_file_response
from resguardo.core.permissions import Perm
from resguardo.core.selectors import member_user_list
from resguardo.core.tabular.api import run_staged_import

from .. import selectors, services
from ..filtersets import (
    CertificationFilterSet,
    FindingFilterSet,
    HitFilterSet,
    ListEntryFilterSet,
    ListVersionFilterSet,
    PartnerFilterSet,
    QuestionnaireFilterSet,
    ReviewFilterSet,
)
from ..models import (
    Certification,
    ListEntry,
    ListVersion,
    Partner,
    PartnerAddress,
    PartnerContact,
    PartnerDocument,
    PartnerReview,
    Questionnaire,
    ReviewFinding,
    ScreeningHit,
    ScreeningRun,
    SecurityAgreement,
    SelectionDecision,
)
from . import serializers as s


class _Scoped:
    """Helpers to turn ids in a request body into this organization's objects (404 else)."""

    def partner_for(self, pk):
        return selectors.partner_get(membership=self.membership, pk=pk)

    def document_for(self, pk):
        return None if pk is None else selectors.document_get(membership=self.membership, pk=pk)

    def member_user(self, pk):
        if pk is None:
            return None
        users = member_user_list(membership=self.membership, active_only=False)
        return get_object_or_404(users, pk=pk)


def _with_documents(view, data):
    for name in ("document", "report"):
        if name in data:
            data[name] = view.document_for(data[name])
    return data


class PartnerViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    OrganizationViewSet,
    _Scoped,
):
    """Business partners, with their computed risk (and its explanation) and screening state."""

    serializer_class = s.PartnerSerializer
    filterset_class = PartnerFilterSet
    queryset = Partner.objects.none()

    def get_scoped_queryset(self):
        return selectors.partner_list(membership=self.membership)

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return s.PartnerWriteSerializer
        return s.PartnerSerializer

    def _present(self, partner, code=status.HTTP_200_OK):
        partner = self.partner_for(partner.pk)
        return Response(s.PartnerSerializer(partner).data, status=code)

    @extend_schema(request=s.PartnerWriteSerializer, responses={201: s.PartnerSerializer})
    def create(self, request, *args, **kwargs):
        serializer = s.PartnerWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data, _version = service_kwargs(serializer)
        partner = services.partner_create(actor=self.actor, **data)
        return self._present(partner, status.HTTP_201_CREATED)

    @extend_schema(request=s.PartnerWriteSerializer, responses=s.PartnerSerializer)
    def update(self, request, *args, **kwargs):
        partner = self.get_object()
        serializer = s.PartnerWriteSerializer(
            data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        data, version = service_kwargs(serializer)
        partner = services.partner_update(
            actor=self.actor,
            partner=partner,
            expected_version=version,
            **data,
        )
        return self._present(partner)

    @extend_schema(request=None, responses=s.ScreeningRunSerializer)
    @action(detail=True, methods=["post"])
    def screen(self, request, pk=None):
        run = services.partners_screen_now(actor=self.actor, partner=self.get_object())
        return Response(s.ScreeningRunSerializer(run).data)

    @extend_schema(request=s.RiskOverrideSerializer, responses=s.PartnerSerializer)
    @action(detail=True, methods=["post"])
    def risk(self, request, pk=None):
        partner = self.get_object()  # another organization's: 404 first
        serializer = s.RiskOverrideSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        partner = services.partner_set_risk(
            actor=self.actor,
            partner=partner,
            **serializer.validated_data,
        )
        return self._present(partner)

    @extend_schema(
        request={"multipart/form-data": s.ImportSerializer},
        responses={200: s.ImportReportSerializer, 400: report_or_field_errors("ImportReport")},
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[MultiPartParser, FormParser],
    )
    def bulk_import(self, request):
        """CSV or XLSX. `dry_run=true` (default) only checks. Without it, all rows or none are
        created; 400 with the same report when a row has a problem."""
        serializer = s.ImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def run(*, data, file_name, options, dry_run):
            return services.partners_import(
                actor=self.actor,
                file_name=file_name,
                content=data,
                dry_run=dry_run,
            )

        report, staged = run_staged_import(
            request=request, kind="partners", data=serializer.validated_data, run=run
        )
        code = status.HTTP_200_OK if report.ok else status.HTTP_400_BAD_REQUEST
        body = services.report_as_dict(report)
        body["staged_import"] = staged.pk if staged else None
        return Response(body, status=code)


class _ChildViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganizationViewSet, _Scoped):
    pass


class AddressViewSet(mixins.CreateModelMixin, mixins.DestroyModelMixin, _ChildViewSet):
    serializer_class = s.AddressSerializer
    queryset = PartnerAddress.objects.none()
    filterset_fields = ["partner"]

    def get_scoped_queryset(self):
        return PartnerAddress.objects.filter(organization=self.membership.organization)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        partner = self.partner_for(data.pop("partner_id"))
        serializer.instance = services.address_add(actor=self.actor, partner=partner, **data)

    def perform_destroy(self, instance):
        services.partner_child_remove(actor=self.actor, instance=instance)


class ContactViewSet(AddressViewSet):
    serializer_class = s.ContactSerializer
    queryset = PartnerContact.objects.none()

    def get_scoped_queryset(self):
        return PartnerContact.objects.filter(organization=self.membership.organization)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        partner = self.partner_for(data.pop("partner_id"))
        serializer.instance = services.contact_add(actor=self.actor, partner=partner, **data)


class DocumentViewSet(mixins.CreateModelMixin, _ChildViewSet):
    """Partner documents. Upload with multipart; download with /download/."""

    serializer_class = s.DocumentSerializer
    queryset = PartnerDocument.objects.none()
    filterset_fields = ["partner", "kind", "questionnaire"]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_scoped_queryset(self):
        return selectors.document_list(membership=self.membership)

    @extend_schema(
        request={"multipart/form-data": s.DocumentUploadSerializer},
        responses={201: s.DocumentSerializer},
    )
    def create(self, request, *args, **kwargs):
        serializer = s.DocumentUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        partner = self.partner_for(data.pop("partner"))
        document = services.document_upload(actor=self.actor, partner=partner, **data)
        return Response(s.DocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "*/*"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        document = self.get_object()
        return stored_file_response(
            document.file, content_type=document.content_type, filename=document.original_name
        )


class CertificationViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin, _ChildViewSet
):
    serializer_class = s.CertificationSerializer
    filterset_class = CertificationFilterSet
    queryset = Certification.objects.none()

    def get_scoped_queryset(self):
        return selectors.certification_list(membership=self.membership)

    @extend_schema(
        request=s.CertificationWriteSerializer, responses={201: s.CertificationSerializer}
    )
    def create(self, request, *args, **kwargs):
        serializer = s.CertificationWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data, _version = service_kwargs(serializer)
        partner = self.partner_for(data.pop("partner", None))
        certification = services.certification_create(
            actor=self.actor,
            partner=partner,
            **_with_documents(self, data),
        )
        return Response(
            s.CertificationSerializer(certification).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=s.CertificationWriteSerializer, responses=s.CertificationSerializer)
    def update(self, request, *args, **kwargs):
        certification = self.get_object()
        serializer = s.CertificationWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data, version = service_kwargs(serializer, drop=("version", "partner"))
        certification = services.certification_update(
            actor=self.actor,
            certification=certification,
            expected_version=version,
            **_with_documents(self, data),
        )
        return Response(s.CertificationSerializer(certification).data)

    def perform_destroy(self, instance):
        services.certification_delete(actor=self.actor, certification=instance)


class SelectionDecisionViewSet(mixins.CreateModelMixin, _ChildViewSet):
    serializer_class = s.SelectionDecisionSerializer
    queryset = SelectionDecision.objects.none()
    filterset_fields = ["partner", "outcome"]

    def get_scoped_queryset(self):
        return selectors.selection_decision_list(membership=self.membership)

    @extend_schema(
        request=s.SelectionDecisionWriteSerializer, responses={201: s.SelectionDecisionSerializer}
    )
    def create(self, request, *args, **kwargs):
        serializer = s.SelectionDecisionWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        partner = self.partner_for(data.pop("partner"))
        decision = services.selection_decide(actor=self.actor, partner=partner, **data)
        return Response(
            s.SelectionDecisionSerializer(decision).data, status=status.HTTP_201_CREATED
        )


class AgreementViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, _ChildViewSet):
    serializer_class = s.AgreementSerializer
    queryset = SecurityAgreement.objects.none()
    filterset_fields = ["partner"]

    def get_scoped_queryset(self):
        return selectors.agreement_list(membership=self.membership)

    @extend_schema(request=s.AgreementWriteSerializer, responses={201: s.AgreementSerializer})
    def create(self, request, *args, **kwargs):
        serializer = s.AgreementWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data, _version = service_kwargs(serializer)
        partner = self.partner_for(data.pop("partner", None))
        agreement = services.agreement_create(
            actor=self.actor,
            partner=partner,
            **_with_documents(self, data),
        )
        return Response(s.AgreementSerializer(agreement).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.AgreementWriteSerializer, responses=s.AgreementSerializer)
    def update(self, request, *args, **kwargs):
        agreement = self.get_object()
        serializer = s.AgreementWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data, version = service_kwargs(serializer, drop=("version", "partner"))
        agreement = services.agreement_update(
            actor=self.actor,
            agreement=agreement,
            expected_version=version,
            **_with_documents(self, data),
        )
        return Response(s.AgreementSerializer(agreement).data)


class QuestionnaireViewSet(mixins.CreateModelMixin, _ChildViewSet):
    """Create = send the private link by e-mail (the token itself is never returned)."""

    serializer_class = s.QuestionnaireSerializer
    filterset_class = QuestionnaireFilterSet
    queryset = Questionnaire.objects.none()

    def get_scoped_queryset(self):
        return selectors.questionnaire_list(membership=self.membership)

    @extend_schema(
        request=s.QuestionnaireSendSerializer, responses={201: s.QuestionnaireSerializer}
    )
    def create(self, request, *args, **kwargs):
        serializer = s.QuestionnaireSendSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        partner = self.partner_for(data.pop("partner"))
        questionnaire, _token = services.questionnaire_send(
            actor=self.actor,
            partner=partner,
            base_url=request.build_absolute_uri("/"),
            **data,
        )
        return Response(
            s.QuestionnaireSerializer(questionnaire).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=s.CommentSerializer, responses=s.QuestionnaireSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        questionnaire = self.get_object()  # another organization's: 404 first
        serializer = s.CommentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        questionnaire = services.questionnaire_accept(
            actor=self.actor,
            questionnaire=questionnaire,
            **serializer.validated_data,
        )
        return Response(s.QuestionnaireSerializer(questionnaire).data)

    @extend_schema(request=s.CommentSerializer, responses=s.QuestionnaireSerializer)
    @action(detail=True, methods=["post"])
    def corrections(self, request, pk=None):
        questionnaire = self.get_object()
        serializer = s.CommentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        questionnaire, _token = services.questionnaire_request_corrections(
            actor=self.actor,
            questionnaire=questionnaire,
            comment=serializer.validated_data.get("comment", ""),
        )
        return Response(s.QuestionnaireSerializer(questionnaire).data)

    @extend_schema(request=None, responses=s.QuestionnaireSerializer)
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        questionnaire = services.questionnaire_revoke(
            actor=self.actor, questionnaire=self.get_object()
        )
        return Response(s.QuestionnaireSerializer(questionnaire).data)


class ReviewViewSet(mixins.CreateModelMixin, _ChildViewSet):
    serializer_class = s.ReviewSerializer
    filterset_class = ReviewFilterSet
    queryset = PartnerReview.objects.none()

    def get_scoped_queryset(self):
        return selectors.review_list(membership=self.membership).prefetch_related("findings__owner")

    @extend_schema(request=s.ReviewWriteSerializer, responses={201: s.ReviewSerializer})
    def create(self, request, *args, **kwargs):
        serializer = s.ReviewWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = _with_documents(self, dict(serializer.validated_data))
        partner = self.partner_for(data.pop("partner"))
        findings = [
            {**f, "owner": self.member_user(f.get("owner"))} for f in data.pop("findings", [])
        ]
        review = services.review_record(
            actor=self.actor,
            partner=partner,
            findings=findings,
            **data,
        )
        return Response(s.ReviewSerializer(review).data, status=status.HTTP_201_CREATED)


class FindingViewSet(_ChildViewSet):
    serializer_class = s.FindingSerializer
    filterset_class = FindingFilterSet
    queryset = ReviewFinding.objects.none()

    def get_scoped_queryset(self):
        return selectors.finding_list(membership=self.membership)

    @extend_schema(request=s.FindingCloseSerializer, responses=s.FindingSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        finding = self.get_object()  # another organization's: 404 first
        serializer = s.FindingCloseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        finding = services.finding_close(
            actor=self.actor,
            finding=finding,
            **serializer.validated_data,
        )
        return Response(s.FindingSerializer(finding).data)


class HitViewSet(_ChildViewSet):
    """Watchlist hits. `decide`: true match (blocks the partner) or false positive."""

    serializer_class = s.HitSerializer
    filterset_class = HitFilterSet
    queryset = ScreeningHit.objects.none()

    def get_scoped_queryset(self):
        return selectors.hit_list(membership=self.membership)

    @extend_schema(request=s.HitDecisionSerializer, responses=s.HitSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        hit = self.get_object()  # another organization's: 404 first
        serializer = s.HitDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        hit = services.hit_decide(
            actor=self.actor,
            hit=hit,
            **serializer.validated_data,
        )
        return Response(
            s.HitSerializer(selectors.hit_get(membership=self.membership, pk=hit.pk)).data
        )


class ScreeningRunViewSet(ReadOnlyOrganizationViewSet):
    serializer_class = s.ScreeningRunSerializer
    queryset = ScreeningRun.objects.none()
    filterset_fields = ["trigger"]

    def get_scoped_queryset(self):
        return selectors.screening_run_list(membership=self.membership)


class ListVersionViewSet(ReadOnlyOrganizationViewSet):
    """Watchlist versions (public data shared by every organization)."""

    serializer_class = s.ListVersionSerializer
    filterset_class = ListVersionFilterSet
    queryset = ListVersion.objects.none()

    def get_scoped_queryset(self):
        return selectors.list_version_list(membership=self.membership)


class ListEntryViewSet(ReadOnlyOrganizationViewSet):
    serializer_class = s.ListEntrySerializer
    filterset_class = ListEntryFilterSet
    queryset = ListEntry.objects.none()

    def get_scoped_queryset(self):
        return selectors.list_entry_list(membership=self.membership).order_by("pk")


class PartnerPolicyView(APIView):
    """The organization's partner policy: review months by risk, reminders, matching."""

    write_perm = Perm.MANAGE_COMPLIANCE

    @extend_schema(responses=s.PolicySerializer)
    def get(self, request):
        return Response(
            s.PolicySerializer(services.policy_for(request.membership.organization)).data
        )

    @extend_schema(request=s.PolicySerializer, responses=s.PolicySerializer)
    def patch(self, request):
        serializer = s.PolicySerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes, version = service_kwargs(serializer)
        policy = services.policy_update(
            actor=Actor.from_request(request), expected_version=version, **changes
        )
        return Response(s.PolicySerializer(policy).data)
