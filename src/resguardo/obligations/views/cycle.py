"""The yearly internal cycle: recurring obligations, each with its frequency and owner."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from resguardo.core.actors import Actor
from resguardo.core.permissions import Perm, has_perm
from resguardo.core.views.actions import ServiceActionView
from resguardo.core.views.mixins import OrganizationRequiredMixin, ServiceFormMixin

from .. import services
from ..forms import RecordDoneForm, RecurringObligationForm
from ..selectors import recurring_get, recurring_list


class CycleListView(OrganizationRequiredMixin, TemplateView):
    template_name = "obligations/cycle_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        rows = list(recurring_list(membership=self.membership))
        context.update(
            rows=[
                {
                    "obligation": r,
                    "next": r.next_due_on,
                    "overdue": r.active and r.next_due_on < today,
                }
                for r in rows
            ],
            can_manage=has_perm(self.membership, Perm.MANAGE_COMPLIANCE),
        )
        return context


class CycleDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "obligations/cycle_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obligation = recurring_get(membership=self.membership, pk=self.kwargs["pk"])
        can_manage = has_perm(self.membership, Perm.MANAGE_COMPLIANCE)
        context.update(
            obligation=obligation,
            overdue=obligation.active and obligation.next_due_on < timezone.localdate(),
            can_manage=can_manage,
            can_record=can_manage or obligation.owner_id == self.request.user.pk,
            done_form=RecordDoneForm(initial={"done_on": timezone.localdate()}),
        )
        return context


class CycleFormView(OrganizationRequiredMixin, ServiceFormMixin, FormView):
    template_name = "core/form.html"
    form_class = RecurringObligationForm
    required_perm = Perm.MANAGE_COMPLIANCE
    obligation = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "membership": self.membership}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            title=_("Edit recurring obligation")
            if self.obligation
            else _("New recurring obligation"),
            cancel_url=reverse("obligations:cycle_list"),
        )
        return context

    def success(self, form):
        messages.success(self.request, _("Saved."))
        return redirect(self.object.get_absolute_url())


class CycleCreateView(CycleFormView):
    def get_initial(self):
        return {"frequency_months": 12, "first_due_on": timezone.localdate()}

    def perform(self, form):
        data = dict(form.cleaned_data)
        data.pop("version", None)
        return services.recurring_create(actor=Actor.from_request(self.request), **data)


class CycleUpdateView(CycleFormView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and getattr(request, "membership", None):
            self.obligation = recurring_get(membership=request.membership, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        o = self.obligation
        return {
            "kind": o.kind,
            "title": o.title,
            "standard": o.standard,
            "frequency_months": o.frequency_months,
            "first_due_on": o.first_due_on,
            "last_done_on": o.last_done_on,
            "owner": o.owner,
            "site": o.site,
            "notes": o.notes,
            "version": o.version,
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.recurring_update(
            actor=Actor.from_request(self.request),
            obligation=self.obligation,
            expected_version=version,
            **data,
        )


class CycleDoneView(ServiceActionView):
    required_perm = Perm.RECORD  # the owner records it; the service decides who else may
    success_message = ""

    def act(self, request):
        self.obligation = recurring_get(membership=self.membership, pk=self.kwargs["pk"])
        form = RecordDoneForm(request.POST)
        services.recurring_record_done(
            actor=Actor.from_request(request),
            obligation=self.obligation,
            done_on=form.cleaned_data["done_on"] if form.is_valid() else None,
        )
        self.success_message = _("Recorded. Next due on %(date)s.") % {
            "date": date_format(self.obligation.next_due_on, "DATE_FORMAT")
        }

    def redirect_to(self):
        return reverse("obligations:cycle_detail", args=[self.kwargs["pk"]])


class CycleSetupView(ServiceActionView):
    required_perm = Perm.MANAGE_COMPLIANCE

    def act(self, request):
        created = services.internal_cycle_setup(
            actor=Actor.from_request(request), first_due_on=timezone.localdate()
        )
        self.success_message = _("%(n)s items of the yearly cycle added.") % {"n": len(created)}

    def redirect_to(self):
        return reverse("obligations:cycle_list")
