"""The organization's reminder policy, and each member's e-mail preference and private
calendar feed. The feed itself (FeedView) is public: its unguessable token is the key."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from resguardo.core.actors import Actor
from resguardo.core.permissions import Perm
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import services
from ..forms import FeedForm, PreferenceForm, ReminderPolicyForm
from ..ical import feed_calendar
from ..selectors import active_feed, email_preference, feed_by_token_hash, reminder_policy


class PolicyView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "core/form.html"
    form_class = ReminderPolicyForm
    required_perm = Perm.MANAGE_COMPLIANCE

    def get_initial(self):
        policy = reminder_policy(organization=self.membership.organization)
        return {
            "offsets": ", ".join(str(o) for o in policy.offsets),
            "remind_when_overdue": policy.remind_when_overdue,
            "escalate_after_days": policy.escalate_after_days,
            "version": policy.version if policy.pk else None,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            title=_("Reminder settings"),
            intro=_(
                "Who is reminded: the owner of each obligation, or the compliance officers "
                "and administrators when it has none. Each reminder is sent once."
            ),
            cancel_url=reverse("obligations:calendar"),
        )
        return context

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.reminder_policy_set(
            actor=Actor.from_request(self.request), expected_version=version, **data
        )

    def success(self, form):
        messages.success(self.request, _("Reminder settings saved."))
        return redirect("obligations:policy")


class PreferencesView(OrganizationRequiredMixin, TemplateView):
    """E-mail preference and the private calendar feed, on one page."""

    template_name = "obligations/preferences.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        preference = email_preference(user=self.request.user)
        context.update(
            preference_form=kwargs.get("preference_form")
            or PreferenceForm(initial={"email": preference}),
            feed=active_feed(membership=self.membership),
            feed_form=FeedForm(),
            new_feed_url=kwargs.get("new_feed_url"),
        )
        return context

    def post(self, request):
        form = PreferenceForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(preference_form=form))
        services.email_preference_set(
            actor=Actor.from_request(request), email=form.cleaned_data["email"]
        )
        messages.success(request, _("Your e-mail preference is saved."))
        return redirect("obligations:preferences")


class FeedCreateView(PreferencesView):
    """POST: a new private address, shown on this answer only (just its hash is stored)."""

    http_method_names = ["post"]

    def post(self, request):
        form = FeedForm(request.POST)
        scope = form.cleaned_data["scope"] if form.is_valid() else "all"
        _feed, token = services.calendar_feed_create(actor=Actor.from_request(request), scope=scope)
        url = request.build_absolute_uri(reverse("obligations:feed", args=[token]))
        response = self.render_to_response(self.get_context_data(new_feed_url=url))
        response["Cache-Control"] = "no-store"
        return response


class FeedRevokeView(OrganizationRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        services.calendar_feed_revoke(actor=Actor.from_request(request))
        messages.success(request, _("Your calendar address no longer works."))
        return redirect("obligations:preferences")


class FeedView(View):
    """The iCal feed. An unknown or revoked token answers the same plain 404 as any other
    missing page: nothing tells whether the token ever existed."""

    http_method_names = ["get", "head"]

    def get(self, request, token):
        feed = feed_by_token_hash(services.hash_feed_token(token))
        if feed is None:
            raise Http404
        body = feed_calendar(feed)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
