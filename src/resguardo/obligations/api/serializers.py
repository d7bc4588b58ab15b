from django.contrib.auth import get_user_model
from rest_framework import serializers

from resguardo.core.models import Notification, Site

from ..choices import CycleKind, EmailPreference, FeedScope
from ..models import RecurringObligation


class ObligationSerializer(serializers.Serializer):
    """One due date from any module (core.modules.DueDate)."""

    key = serializers.CharField(help_text="Stable name of the obligation (not of its date).")
    title = serializers.CharField()
    due_on = serializers.DateField()
    overdue = serializers.BooleanField()
    url = serializers.CharField(help_text="The record's page in the app.")
    standard = serializers.IntegerField(allow_null=True)
    site = serializers.IntegerField(allow_null=True)
    owner = serializers.IntegerField(allow_null=True)
    module = serializers.CharField()
    module_name = serializers.CharField()


class MarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField()


class ObligationFilterSerializer(serializers.Serializer):
    """The query parameters of the obligations list (the calendar page's filters)."""

    start = serializers.DateField(required=False)
    end = serializers.DateField(required=False)
    standard = serializers.IntegerField(required=False, min_value=1, max_value=11)
    site = serializers.IntegerField(required=False)
    module = serializers.CharField(required=False)
    owner = serializers.IntegerField(required=False)
    status = serializers.ChoiceField(choices=["open", "overdue"], required=False)
    mine = serializers.BooleanField(required=False)


class NotificationSerializer(serializers.ModelSerializer):
    email_failed = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id", "key", "title", "body", "url", "created_at", "read_at", "emailed_at",
            "email_attempts", "email_error", "email_failed",
        ]  # fmt: skip
        read_only_fields = fields

    def get_email_failed(self, notification) -> bool:
        from ..delivery import MAX_EMAIL_ATTEMPTS

        return notification.emailed_at is None and notification.email_attempts >= MAX_EMAIL_ATTEMPTS


class RecurringObligationSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=CycleKind.choices)
    # the organization's members and sites (set per request in __init__)
    owner = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.none(), required=False, allow_null=True
    )
    site = serializers.PrimaryKeyRelatedField(
        queryset=Site.objects.none(), required=False, allow_null=True
    )
    next_due_on = serializers.DateField(read_only=True)
    version = serializers.IntegerField(required=False)

    class Meta:
        model = RecurringObligation
        fields = [
            "id", "kind", "title", "standard", "frequency_months", "first_due_on",
            "last_done_on", "next_due_on", "owner", "site", "notes", "version",
        ]  # fmt: skip
        extra_kwargs = {"title": {"required": False, "allow_blank": True}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        membership = self.context.get("membership")
        if membership is not None:
            from resguardo.core.selectors import member_user_list, site_list

            self.fields["owner"].queryset = member_user_list(membership=membership)
            self.fields["site"].queryset = site_list(membership=membership)


class RecordDoneSerializer(serializers.Serializer):
    done_on = serializers.DateField()
    version = serializers.IntegerField(required=False)


class PreferenceSerializer(serializers.Serializer):
    email = serializers.ChoiceField(choices=EmailPreference.choices)


class FeedRequestSerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=FeedScope.choices, default=FeedScope.ALL)


class FeedSerializer(serializers.Serializer):
    active = serializers.BooleanField()
    scope = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField(allow_null=True)
    url = serializers.CharField(
        allow_null=True, help_text="The private address: returned only when it is created."
    )
