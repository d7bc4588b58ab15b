"""Keys (2.5), challenges of unauthorized persons (3.3), packages (3.4), guards (3.1)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.actors import Actor
from resguardo.core.pagination import CappedPaginator
from resguardo.core.permissions import Perm
from resguardo.core.views.actions import ServiceActionView
from resguardo.core.views.lists import FilteredListView

from .. import selectors
from ..filtersets import ChallengeFilterSet, GuardFilterSet, KeyFilterSet, PackageFilterSet
from ..forms import (
    BadgeLostForm,
    ChallengeForm,
    GuardForm,
    GuardShiftForm,
    KeyAuditForm,
    KeyIssueForm,
    KeyRegisterForm,
    PackageForm,
)
from ..services import access, keys
from .badges import FormPage


class CreatePage(FormPage):
    """A form whose cleaned data go to one service as keyword arguments."""

    with_membership = True
    service = None
    done_message = ""
    done_url = ""

    def perform(self, form):
        return type(self).service(actor=Actor.from_request(self.request), **form.cleaned_data)

    def success(self, form):
        messages.success(self.request, str(self.done_message))
        return redirect(self.done_url)


class KeyListView(FilteredListView):
    template_name = "facilities/key_list.html"
    filterset_class = KeyFilterSet
    paginator_class = CappedPaginator

    def get_base_queryset(self):
        return selectors.key_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            audits=selectors.key_audit_list(membership=self.membership)[:10], **kwargs
        )


class KeyRegisterView(CreatePage):
    form_class = KeyRegisterForm
    title = gettext_lazy("Register a key")
    service = keys.key_register
    done_message = gettext_lazy("Key registered.")
    done_url = "facilities:key_list"


class KeyIssueView(FormPage):
    form_class = KeyIssueForm
    with_membership = True
    title = gettext_lazy("Issue a key")

    def get_key(self):
        return selectors.key_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        key = self.get_key()
        return super().get_context_data(
            intro=f"{key.number} · {key.opens} · {key.site.name}",
            cancel_url=reverse("facilities:key_list"),
            **kwargs,
        )

    def perform(self, form):
        return keys.key_issue(
            actor=Actor.from_request(self.request), key=self.get_key(), **form.cleaned_data
        )

    def success(self, form):
        messages.success(
            self.request,
            _("Key %(n)s issued to %(h)s.")
            % {"n": self.object.number, "h": self.object.holder_name},
        )
        return redirect("facilities:key_list")


class KeyActionView(ServiceActionView):
    required_perm = Perm.RECORD
    refusal_as_message = True

    def redirect_to(self):
        return reverse("facilities:key_list")


class KeyReturnView(KeyActionView):
    success_message = gettext_lazy("Key back in the box.")

    def act(self, request):
        key = selectors.key_get(membership=self.membership, pk=self.kwargs["pk"])
        keys.key_return(actor=Actor.from_request(request), key=key)


class KeyLostView(KeyActionView):
    success_message = gettext_lazy("Key recorded as lost; a lock-change task was opened.")

    def act(self, request):
        key = selectors.key_get(membership=self.membership, pk=self.kwargs["pk"])
        form = BadgeLostForm(request.POST)
        form.is_valid()
        keys.key_mark_lost(
            actor=Actor.from_request(request), key=key, note=form.cleaned_data.get("note", "")
        )


class KeyAuditView(FormPage):
    form_class = KeyAuditForm
    with_membership = True
    title = gettext_lazy("Key audit")

    def perform(self, form):
        return keys.key_audit_run(actor=Actor.from_request(self.request), **form.cleaned_data)

    def success(self, form):
        if self.object.reconciled:
            messages.success(self.request, _("The key box matches the register."))
        else:
            messages.warning(
                self.request,
                _(
                    "The key box does not match: missing %(m)s; should be out %(u)s. "
                    "A task was opened."
                )
                % {
                    "m": ", ".join(self.object.missing) or "—",
                    "u": ", ".join(self.object.unexpected) or "—",
                },
            )
        return redirect("facilities:key_list")


class ChallengeListView(FilteredListView):
    template_name = "facilities/challenge_list.html"
    filterset_class = ChallengeFilterSet
    paginator_class = CappedPaginator

    def get_base_queryset(self):
        return selectors.challenge_list(membership=self.membership)


class ChallengeCreateView(CreatePage):
    form_class = ChallengeForm
    title = gettext_lazy("Unauthorized person or vehicle")
    service = access.challenge_record
    done_message = gettext_lazy("Challenge recorded; an incident is opened for it.")
    done_url = "facilities:challenge_list"


class PackageListView(FilteredListView):
    template_name = "facilities/package_list.html"
    filterset_class = PackageFilterSet
    paginator_class = CappedPaginator

    def get_base_queryset(self):
        return selectors.package_list(membership=self.membership)


class PackageCreateView(CreatePage):
    form_class = PackageForm
    title = gettext_lazy("Receive mail or a package")
    service = access.package_record
    done_message = gettext_lazy("Package recorded.")
    done_url = "facilities:package_list"


class GuardListView(FilteredListView):
    template_name = "facilities/guard_list.html"
    filterset_class = GuardFilterSet

    def get_base_queryset(self):
        return selectors.guard_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            shifts=selectors.shift_list(membership=self.membership)[:20], **kwargs
        )


class GuardCreateView(CreatePage):
    form_class = GuardForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Add a guard")
    service = access.guard_create
    done_message = gettext_lazy("Guard added.")
    done_url = "facilities:guard_list"


class GuardShiftView(FormPage):
    form_class = GuardShiftForm
    with_membership = True
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Add a shift")

    def get_guard(self):
        return selectors.guard_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(intro=self.get_guard().full_name, **kwargs)

    def perform(self, form):
        return access.guard_shift_add(
            actor=Actor.from_request(self.request), guard=self.get_guard(), **form.cleaned_data
        )

    def success(self, form):
        messages.success(self.request, _("Shift added."))
        return redirect("facilities:guard_list")
