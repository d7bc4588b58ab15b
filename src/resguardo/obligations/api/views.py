"""REST endpoints of the obligations calendar. Writes go through the same services as the
pages; the obligations list reads the same filters as the calendar page."""

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from resguardo.core.actors import Actor
from resguardo.core.api.views import OrganizationViewSet, service_kwargs
from resguardo.core.models import Notification
from resguardo.core.permissions import Perm

from .. import selectors, services
from ..models import RecurringObligation
from ..selectors import ObligationFilter, obligation_list
from . import serializers as s


class ObligationListView(APIView):
    """Every module's open obligations the member may see (overdue ones included), soonest
    first; the calendar page's filters as query parameters."""

    @extend_schema(
        parameters=[s.ObligationFilterSerializer], responses=s.ObligationSerializer(many=True)
    )
    def get(self, request):
        query = s.ObligationFilterSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        filters = ObligationFilter(
            start=data.get("start"),
            end=data.get("end"),
            standard=data.get("standard"),
            site_id=data.get("site"),
            module=data.get("module", ""),
            owner_id=data.get("owner"),
            status=data.get("status", ""),
            mine=data.get("mine", False),
        )
        today = timezone.localdate()
        items = obligation_list(membership=request.membership, filters=filters, today=today)
        return Response(s.ObligationSerializer([_row(i, today) for i in items], many=True).data)


def _row(item, today) -> dict:
    try:
        module_name = str(apps.get_app_config(item.module).verbose_name)
    except LookupError:
        module_name = item.module
    return {
        "key": item.key,
        "title": str(item.title),
        "due_on": item.due_on,
        "overdue": item.due_on < today,
        "url": item.url,
        "standard": item.standard,
        "site": item.site_id,
        "owner": item.owner_id,
        "module": item.module,
        "module_name": module_name,
    }


class NotificationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganizationViewSet):
    """The member's own notifications in this organization."""

    queryset = Notification.objects.none()
    serializer_class = s.NotificationSerializer
    write_perm = Perm.VIEW

    def get_scoped_queryset(self):
        notifications = selectors.notification_list(membership=self.membership)
        unread = self.request.query_params.get("unread")
        if unread in ("true", "1"):
            notifications = notifications.filter(read_at__isnull=True)
        return notifications

    @extend_schema(request=None, responses=s.NotificationSerializer)
    @action(detail=True, methods=["post"], url_path="mark-read")
    def mark_read(self, request, pk=None):
        notification = services.notification_mark_read(
            actor=Actor.from_request(request), notification=self.get_object()
        )
        return Response(s.NotificationSerializer(notification).data)

    @extend_schema(request=None, responses=s.MarkedSerializer)
    @action(detail=False, methods=["post"], url_path="mark-all-read")
    def mark_all_read(self, request):
        count = services.notifications_mark_all_read(actor=Actor.from_request(request))
        return Response({"marked": count})


class RecurringObligationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    OrganizationViewSet,
):
    """The yearly internal cycle (recurring obligations)."""

    queryset = RecurringObligation.objects.none()
    serializer_class = s.RecurringObligationSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_scoped_queryset(self):
        return selectors.recurring_list(membership=self.membership)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False):
            context["membership"] = self.request.membership
        return context

    def perform_create(self, serializer):
        data, _version = service_kwargs(serializer)
        serializer.instance = services.recurring_create(
            actor=Actor.from_request(self.request), **data
        )

    def perform_update(self, serializer):
        data, version = service_kwargs(serializer)
        serializer.instance = services.recurring_update(
            actor=Actor.from_request(self.request),
            obligation=serializer.instance,
            expected_version=version,
            **data,
        )

    @extend_schema(request=s.RecordDoneSerializer, responses=s.RecurringObligationSerializer)
    @action(detail=True, methods=["post"], url_path="done")
    def done(self, request, pk=None):
        obligation = self.get_object()  # another organization's id: 404 before anything
        body = s.RecordDoneSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        obligation = services.recurring_record_done(
            actor=Actor.from_request(request),
            obligation=obligation,
            done_on=body.validated_data["done_on"],
            expected_version=body.validated_data.get("version"),
        )
        return Response(self.get_serializer(obligation).data)

    def get_permissions(self):
        # the owner records their own item as done; the service checks who may
        if getattr(self, "action", None) == "done":
            self.write_perm = Perm.RECORD
        return super().get_permissions()


class PreferenceView(APIView):
    """How the user's notifications are e-mailed."""

    write_perm = Perm.VIEW

    @extend_schema(responses=s.PreferenceSerializer)
    def get(self, request):
        return Response({"email": selectors.email_preference(user=request.user)})

    @extend_schema(request=s.PreferenceSerializer, responses=s.PreferenceSerializer)
    def put(self, request):
        body = s.PreferenceSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        preference = services.email_preference_set(
            actor=Actor.from_request(request), email=body.validated_data["email"]
        )
        return Response({"email": preference.email})


class FeedTokenView(APIView):
    """The user's private iCal address: POST makes a new one (the old one stops working) and
    is the only answer that contains it; DELETE revokes it."""

    write_perm = Perm.VIEW

    def _state(self, feed, url=None):
        return {
            "active": feed is not None,
            "scope": feed.scope if feed else None,
            "created_at": feed.created_at if feed else None,
            "url": url,
        }

    @extend_schema(responses=s.FeedSerializer)
    def get(self, request):
        return Response(self._state(selectors.active_feed(membership=request.membership)))

    @extend_schema(request=s.FeedRequestSerializer, responses={201: s.FeedSerializer})
    def post(self, request):
        body = s.FeedRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        feed, token = services.calendar_feed_create(
            actor=Actor.from_request(request), scope=body.validated_data["scope"]
        )
        url = request.build_absolute_uri(reverse("obligations:feed", args=[token]))
        return Response(self._state(feed, url), status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request):
        services.calendar_feed_revoke(actor=Actor.from_request(request))
        return Response(status=status.HTTP_204_NO_CONTENT)
