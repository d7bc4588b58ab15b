"""Pages of the signed register versions: the list, signing a new one, one version compared
with the previous, and its matrix export."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from resguardo.core.permissions import Perm
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..exports import matrix_pdf, matrix_xlsx
from ..forms import ReviewForm
from ..heatmap import register_heat_map, scale_of_snapshot
from ..presenters import readable_changes, readable_rows
from ..services.reviews import register_changes, register_snapshot
from .base import RisksFormView

ROWS_PER_PAGE = 100


class ReviewListView(OrganizationRequiredMixin, TemplateView):
    template_name = "risks/review_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reviews=selectors.review_list(membership=self.membership),
            can_sign=self.can(Perm.APPROVE),
            **kwargs,
        )


class ReviewCreateView(RisksFormView):
    form_class = ReviewForm
    required_perm = Perm.APPROVE
    template_name = "risks/review_form.html"
    title = gettext_lazy("Sign the risk register")
    intro = gettext_lazy(
        "Signing freezes the register as it is now, with your name, the date and what changed "
        "since the previous version. The next yearly review falls due twelve months from today."
    )

    def get_context_data(self, **kwargs):
        organization = self.membership.organization
        last = selectors.latest_review(organization)
        pending = register_changes(last.snapshot if last else None, register_snapshot(organization))
        return super().get_context_data(
            pending=pending,
            pending_changed=readable_changes(pending, organization=organization),
            last=last,
            **kwargs,
        )

    def get_cancel_url(self):
        return reverse("risks:review_list")

    def perform(self, form):
        return services.register_review_sign(actor=self.actor, **form.cleaned_data)

    def success(self, form):
        messages.success(
            self.request, _("Register version %(n)s signed.") % {"n": self.object.number}
        )
        return redirect(self.object)


class ReviewDetailView(OrganizationRequiredMixin, TemplateView):
    """One signed version, its heat map beside the previous version's, and what changed."""

    template_name = "risks/review_detail.html"

    def get_context_data(self, **kwargs):
        review = selectors.review_get(membership=self.membership, pk=self.kwargs["pk"])
        previous = selectors.review_previous(review)
        rows = selectors.visible_rows(self.membership, review.snapshot.get("risks", []))
        page = Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("page"))
        context = {
            "review": review,
            "previous": previous,
            "rows": readable_rows(page.object_list),
            "page_obj": page,
            "is_paginated": page.has_other_pages(),
            "heat_map": register_heat_map(
                selectors.snapshot_heat_counts(rows),
                scale_of_snapshot(review.snapshot),
                title=_("Residual risk, version %(n)s") % {"n": review.number},
            ),
            "changes": review.changes,
            "changed": readable_changes(review.changes, organization=review.organization),
        }
        if previous is not None:
            previous_rows = selectors.visible_rows(
                self.membership, previous.snapshot.get("risks", [])
            )
            context["previous_map"] = register_heat_map(
                selectors.snapshot_heat_counts(previous_rows),
                scale_of_snapshot(previous.snapshot),
                title=_("Residual risk, version %(n)s") % {"n": previous.number},
            )
        return super().get_context_data(**context, **kwargs)


class ReviewExportView(OrganizationRequiredMixin, View):
    def get(self, request, pk):
        export = request.GET.get("format", "xlsx")
        if export not in ("xlsx", "pdf"):
            raise Http404
        review = selectors.review_get(membership=self.membership, pk=pk)
        rows = selectors.visible_rows(self.membership, review.snapshot.get("risks", []))
        filename = f"matriz-de-riesgos-v{review.number}"
        if export == "xlsx":
            return matrix_xlsx(rows=rows, filename=filename)
        return matrix_pdf(
            organization=self.membership.organization,
            rows=rows,
            scale=scale_of_snapshot(review.snapshot),
            heading=_("Risk matrix, version %(n)s signed by %(name)s on %(date)s")
            % {
                "n": review.number,
                "name": review.signer_name,
                "date": timezone.localdate(review.reviewed_at),
            },
            counts=selectors.snapshot_heat_counts(rows),
            filename=filename,
        )
