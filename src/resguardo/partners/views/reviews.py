"""Periodic reviews (4.3): the schedule, the calendar, review records and findings."""

import calendar
import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, TemplateView

from resguardo.core.permissions import Perm
from resguardo.core.selectors import member_user_list
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..filtersets import FindingFilterSet
from ..forms import FindingCloseForm, FindingForm, FindingFormSet, ReviewForm
from ..ical import calendar_ics
from .base import ManageFormView, ServicePostView
from .records import PartnerFormView


def _member_users(membership):
    return member_user_list(membership=membership)


class ReviewScheduleView(OrganizationRequiredMixin, TemplateView):
    template_name = "partners/review_schedule.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        due = list(selectors.partners_due_for_review(membership=self.membership, within_days=90))
        context.update(
            overdue=[p for p in due if p.next_review_due < today],
            upcoming=[p for p in due if p.next_review_due >= today],
            recent=selectors.review_list(membership=self.membership)[:15],
            open_findings=selectors.finding_list(membership=self.membership).filter(status="open")[
                :15
            ],
            policy=services.policy_for(self.membership.organization),
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
            today=today,
        )
        return context


def _month(request) -> datetime.date:
    try:
        year, month = (int(x) for x in request.GET.get("month", "").split("-"))
        return datetime.date(year, month, 1)
    except (ValueError, TypeError):
        return timezone.localdate().replace(day=1)


class ReviewCalendarView(OrganizationRequiredMixin, TemplateView):
    """A month grid of due dates: reviews, certification expiries, questionnaire
    deadlines and findings."""

    template_name = "partners/review_calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        first = _month(self.request)
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
        events = selectors.calendar_events(
            membership=self.membership, start=weeks[0][0], end=weeks[-1][-1]
        )
        by_day: dict = {}
        for event in events:
            by_day.setdefault(event.day, []).append(event)
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        context.update(
            month=first,
            weeks=[
                [(day, by_day.get(day, []), day.month == first.month) for day in week]
                for week in weeks
            ],
            events=[e for e in events if e.day.month == first.month],
            previous=f"{previous:%Y-%m}",
            following=f"{following:%Y-%m}",
            today=timezone.localdate(),
            weekdays=[_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
        )
        return context


class ReviewCalendarIcsView(OrganizationRequiredMixin, TemplateView):
    """The same due dates as an iCalendar file, for Outlook or Google Calendar."""

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        events = selectors.calendar_events(
            membership=self.membership,
            start=today - datetime.timedelta(days=365),
            end=today + datetime.timedelta(days=730),
        )
        response = HttpResponse(
            calendar_ics(events, self.membership.organization),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="socios-comerciales.ics"'
        return response


class ReviewCreateView(PartnerFormView):
    template_name = "partners/review_form.html"
    title = gettext_lazy("Record a review")
    success_message = gettext_lazy(
        "Review recorded. The next review date was set from the partner's risk."
    )

    def get_form(self, form_class=None):
        return ReviewForm(**self.get_form_kwargs(), partner=self.partner)

    def get_initial(self):
        return {"performed_on": timezone.localdate()}

    def get_formset(self):
        data = self.request.POST if self.request.method == "POST" else None
        return FindingFormSet(
            data, prefix="findings", form_kwargs={"users": _member_users(self.membership)}
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", getattr(self, "formset", None) or self.get_formset())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        self.formset = self.get_formset()
        form = self.get_form()
        if form.is_valid() and self.formset.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def perform(self, form):
        findings = [
            f.cleaned_data for f in self.formset.forms if f.cleaned_data and f.has_changed()
        ]
        return services.review_record(
            actor=self.actor,
            partner=self.partner,
            findings=findings,
            **form.cleaned_data,
        )

    def success(self, form):
        messages.success(self.request, self.success_message)
        return redirect("partners:review_detail", pk=self.object.pk)


class ReviewDetailView(OrganizationRequiredMixin, DetailView):
    template_name = "partners/review_detail.html"
    context_object_name = "review"

    def get_object(self, queryset=None):
        return selectors.review_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            findings=self.object.findings.select_related("owner"),
            can_manage=self.can(Perm.MANAGE_COMPLIANCE),
            close_form=FindingCloseForm(initial={"closed_on": timezone.localdate()}),
        )
        return context


class FindingListView(FilteredListView):
    template_name = "partners/finding_list.html"
    partial_template_name = "partners/partials/_finding_rows.html"
    filterset_class = FindingFilterSet

    def get_base_queryset(self):
        return selectors.finding_list(membership=self.membership)


class FindingAddView(ManageFormView):
    title = gettext_lazy("New finding")

    @property
    def review(self):
        if not hasattr(self, "_review"):
            self._review = selectors.review_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._review

    def get_form(self, form_class=None):
        return FindingForm(**self.get_form_kwargs(), users=_member_users(self.membership))

    def get_cancel_url(self):
        return reverse("partners:review_detail", args=[self.review.pk])

    def perform(self, form):
        return services.finding_add(
            actor=self.actor,
            review=self.review,
            **form.cleaned_data,
        )

    def success(self, form):
        messages.success(self.request, _("Finding added."))
        return redirect(self.get_cancel_url())


class FindingCloseView(ServicePostView):
    success_message = gettext_lazy("Finding closed.")

    def post(self, request, *args, **kwargs):
        self.finding = selectors.finding_get(membership=self.membership, pk=self.kwargs["pk"])
        return super().post(request, *args, **kwargs)

    def act(self, request):
        form = FindingCloseForm(request.POST)
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        services.finding_close(
            actor=self.actor,
            finding=self.finding,
            **form.cleaned_data,
        )

    def redirect_to(self):
        return reverse("partners:review_detail", args=[self.finding.review_id])
