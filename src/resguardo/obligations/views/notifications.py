"""The member's notifications: the list, mark one read (and follow it), mark all read."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from resguardo.core.actors import Actor
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import services
from ..delivery import MAX_EMAIL_ATTEMPTS
from ..selectors import notification_get, notification_list, unread_count


class NotificationListView(OrganizationRequiredMixin, ListView):
    template_name = "obligations/notification_list.html"
    paginate_by = 50

    def get_queryset(self):
        notifications = notification_list(membership=self.membership)
        if self.request.GET.get("unread"):
            notifications = notifications.filter(read_at__isnull=True)
        return notifications

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            unread=unread_count(membership=self.membership),
            max_attempts=MAX_EMAIL_ATTEMPTS,
            query_string="unread=1" if self.request.GET.get("unread") else "",
        )
        return context


class NotificationReadView(OrganizationRequiredMixin, View):
    """POST: mark it read. htmx gets the row back; a plain form follows `next` (the link)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        notification = notification_get(membership=self.membership, pk=pk)
        services.notification_mark_read(
            actor=Actor.from_request(request), notification=notification
        )
        if getattr(request, "htmx", False):
            response = render(
                request,
                "obligations/partials/_notification_row.html",
                {"n": notification, "max_attempts": MAX_EMAIL_ATTEMPTS},
            )
            response["HX-Trigger"] = "notifications-changed"  # the bell refreshes its count
            return response
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("obligations:notification_list")
        return redirect(target or reverse("obligations:notification_list"))


class NotificationReadAllView(OrganizationRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        count = services.notifications_mark_all_read(actor=Actor.from_request(request))
        messages.success(request, _("%(n)s notifications marked as read.") % {"n": count})
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return redirect("obligations:notification_list")


class BellView(OrganizationRequiredMixin, View):
    """The top bar's bell alone, for htmx to refresh its count."""

    def get(self, request):
        return render(
            request,
            "obligations/partials/_bell.html",
            {"panel": {"unread": unread_count(membership=self.membership)}},
        )
