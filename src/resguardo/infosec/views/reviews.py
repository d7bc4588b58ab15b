from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from resguardo.core.actors import Actor
from resguardo.core.permissions import Perm
from resguardo.core.views.actions import ServiceActionView

from .. import selectors, services
from ..access import MANAGE_PERM
from ..choices import Decision, ReviewStatus
from ..filtersets import AccessReviewFilterSet
from ..forms import ReviewDecideForm, ReviewSignForm, ReviewStartForm
from .common import FormPage, ListPage, ReadMixin


class ReviewListView(ListPage):
    template_name = "infosec/review_list.html"
    partial_template_name = "infosec/partials/_review_rows.html"
    filterset_class = AccessReviewFilterSet

    def get_base_queryset(self):
        return selectors.review_list(membership=self.membership)


class ReviewStartView(FormPage):
    form_class = ReviewStartForm
    submit_label = gettext_lazy("Start the review")

    def get_system(self):
        if not hasattr(self, "_system"):
            self._system = selectors.system_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._system

    def get_title(self):
        return _("Access review of %(system)s") % {"system": self.get_system().name}

    def get_cancel_url(self):
        return reverse("infosec:system_detail", args=[self.get_system().pk])

    def get_context_data(self, **kwargs):
        system = self.get_system()
        intro = (
            _("Every current member of the organization is listed; keep or revoke each.")
            if system.is_builtin
            else _("Every active or disabled account of this system is listed; keep or revoke "
                   "each. Import the system's current account list first if it changed.")
        )  # fmt: skip
        return super().get_context_data(intro=intro, **kwargs)

    def perform(self, form):
        return services.review_start(
            actor=self.actor, system=self.get_system(), **form.cleaned_data
        )

    def success(self, form):
        return redirect("infosec:review_detail", pk=self.object.pk)


class ReviewDetailView(ReadMixin, DetailView):
    template_name = "infosec/review_detail.html"
    context_object_name = "review"

    def get_object(self, queryset=None):
        return selectors.review_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        review = self.object
        is_open = review.status == ReviewStatus.OPEN
        return super().get_context_data(
            items=selectors.review_item_list(membership=self.membership).filter(review=review),
            is_open=is_open,
            decide_form=ReviewDecideForm(),
            sign_form=ReviewSignForm(initial={"version": review.version}),
            admin_needed=review.system.is_builtin
            and review.revoked_count
            and not self.can(Perm.MANAGE_ORGANIZATION),
            own_membership_id=self.membership.pk,
            Decision=Decision,
            **kwargs,
        )


class ReviewDecideView(ServiceActionView):
    required_perm = MANAGE_PERM

    def act(self, request):
        self.item = selectors.review_item_get(membership=self.membership, pk=self.kwargs["pk"])
        form = ReviewDecideForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Choose keep or revoke."))
        services.review_decide(actor=Actor.from_request(request), item=self.item,
                               **form.cleaned_data)  # fmt: skip

    def redirect_to(self):
        return (
            reverse("infosec:review_detail", args=[self.item.review_id]) + f"#item-{self.item.pk}"
        )


class ReviewSignView(FormPage):
    form_class = ReviewSignForm
    submit_label = gettext_lazy("Sign the review")

    def get_review(self):
        if not hasattr(self, "_review"):
            self._review = selectors.review_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._review

    def get_title(self):
        return _("Sign the access review of %(system)s") % {"system": self.get_review().system}

    def get_initial(self):
        return {"version": self.get_review().version, "notes": self.get_review().notes}

    def get_cancel_url(self):
        return reverse("infosec:review_detail", args=[self.get_review().pk])

    def perform(self, form):
        return services.review_sign(
            actor=self.actor,
            review=self.get_review(),
            notes=form.cleaned_data["notes"],
            expected_version=form.cleaned_data.get("version"),
        )

    def success(self, form):
        messages.success(
            self.request,
            _("Review signed; %(n)s accesses revoked.") % {"n": self.get_review().revoked_count},
        )
        return redirect("infosec:review_detail", pk=self.object.pk)
