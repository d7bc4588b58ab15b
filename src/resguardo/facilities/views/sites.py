"""Site security profiles (versioned) and the CCTV camera register."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from resguardo.core.actors import Actor
from resguardo.core.permissions import Perm
from resguardo.core.selectors import site_get
from resguardo.core.views.lists import FilteredListView
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors
from ..filtersets import CameraFilterSet, SiteProfileFilterSet
from ..forms import CameraForm, SiteProfileForm
from ..services.sites import camera_save, site_profile_save
from .badges import FormPage


class ProfileListView(FilteredListView):
    template_name = "facilities/profile_list.html"
    filterset_class = SiteProfileFilterSet

    def get_base_queryset(self):
        return selectors.profile_list(membership=self.membership)

    def get_context_data(self, **kwargs):
        from resguardo.core.selectors import site_list

        return super().get_context_data(
            sites=site_list(membership=self.membership).order_by("name"), **kwargs
        )


class ProfileDetailView(OrganizationRequiredMixin, DetailView):
    """One version of a profile, with the site's other versions."""

    template_name = "facilities/profile_detail.html"
    context_object_name = "profile"

    def get_object(self, queryset=None):
        return selectors.profile_get(membership=self.membership, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            versions=selectors.profile_versions(membership=self.membership, site=self.object.site),
            can_edit=self.can(Perm.MANAGE_COMPLIANCE),
            **kwargs,
        )


class ProfileEditView(FormPage):
    form_class = SiteProfileForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("Site security profile")

    def get_site(self):
        return site_get(membership=self.membership, pk=self.kwargs["site_pk"])

    def get_current(self):
        return selectors.profile_versions(membership=self.membership, site=self.get_site()).first()

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        current = self.get_current()
        if current is not None:
            kwargs["instance"] = current
            kwargs.setdefault("initial", {})["expected_number"] = current.number
            kwargs["initial"]["change_note"] = ""
        return kwargs

    def get_context_data(self, **kwargs):
        current = self.get_current()
        return super().get_context_data(
            intro=_("%(site)s: saving writes version %(n)s and keeps the previous ones.")
            % {"site": self.get_site().name, "n": (current.number + 1) if current else 1},
            **kwargs,
        )

    def perform(self, form):
        data = dict(form.cleaned_data)
        return site_profile_save(
            actor=Actor.from_request(self.request),
            site=self.get_site(),
            change_note=data.pop("change_note", ""),
            expected_number=data.pop("expected_number", None),
            **data,
        )

    def success(self, form):
        messages.success(
            self.request, _("Version %(n)s of the profile saved.") % {"n": self.object.number}
        )
        return redirect("facilities:profile_detail", pk=self.object.pk)


class CameraListView(FilteredListView):
    template_name = "facilities/camera_list.html"
    filterset_class = CameraFilterSet

    def get_base_queryset(self):
        return selectors.camera_list(membership=self.membership)


class CameraFormView(FormPage):
    form_class = CameraForm
    required_perm = Perm.MANAGE_COMPLIANCE
    title = gettext_lazy("CCTV camera")
    with_membership = True

    def get_camera(self):
        pk = self.kwargs.get("pk")
        return selectors.camera_get(membership=self.membership, pk=pk) if pk else None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["editing"] = self.get_camera() is not None
        return kwargs

    def get_initial(self):
        camera = self.get_camera()
        if camera is None:
            return {"retention_days": 30, "is_active": True}
        return {
            "site": camera.site_id,
            "name": camera.name,
            "location": camera.location,
            "coverage": camera.coverage,
            "covers_loaded_vehicles": camera.covers_loaded_vehicles,
            "retention_days": camera.retention_days,
            "is_active": camera.is_active,
            "access": list(camera.access.all()),
            "version": camera.version,
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        camera = self.get_camera()
        version = data.pop("version", None)
        if camera is not None:
            data.pop("site", None)
            return camera_save(
                actor=Actor.from_request(self.request),
                camera=camera,
                expected_version=version,
                **data,
            )
        return camera_save(actor=Actor.from_request(self.request), **data)

    def success(self, form):
        if self.object.retention_short:
            messages.warning(
                self.request,
                _("%(camera)s keeps recordings only %(n)s days; the standard asks for at least 30.")
                % {"camera": self.object.name, "n": self.object.retention_days},
            )
        else:
            messages.success(self.request, _("Camera saved."))
        return redirect(reverse("facilities:camera_list"))
