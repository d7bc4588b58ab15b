"""Posts and the background check items they require."""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from resguardo.core.permissions import Perm
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors, services
from ..forms import CheckItemTypeForm, PostForm
from .base import ActionButton, FormPage


class PostListView(OrganizationRequiredMixin, TemplateView):
    """Posts and their requirements hold no personal data: every member may read them."""

    template_name = "people/post_list.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "posts": selectors.post_list(membership=self.membership),
            "check_items": selectors.check_item_type_list(membership=self.membership),
            "can_manage": self.can(Perm.MANAGE_COMPLIANCE),
        }


class PostCreateView(FormPage):
    form_class = PostForm
    with_membership = True
    title = gettext_lazy("New post")

    def perform(self, form):
        return services.post_create(actor=self.actor, **form.service_data())

    def get_success_url(self):
        return reverse("people:post_list")

    get_cancel_url = get_success_url


class PostEditView(PostCreateView):
    title = gettext_lazy("Edit post")

    def get_post(self):
        if not hasattr(self, "_post"):
            self._post = selectors.post_get(membership=self.membership, pk=self.kwargs["pk"])
        return self._post

    def get_initial(self):
        post = self.get_post()
        return {
            "name": post.name,
            "sensitive": post.sensitive,
            "description": post.description,
            "required_checks": list(post.required_checks.all()),
            "courses": [rule.course for rule in post.course_rules.all()],
            "version": post.version,
        }

    def perform(self, form):
        return services.post_update(
            actor=self.actor,
            post=self.get_post(),
            expected_version=form.cleaned_data.get("version"),
            **form.service_data(),
        )


class CheckItemTypeCreateView(FormPage):
    form_class = CheckItemTypeForm
    title = gettext_lazy("New background check item")

    def perform(self, form):
        return services.check_item_type_create(actor=self.actor, **form.cleaned_data)

    def get_success_url(self):
        return reverse("people:post_list")

    get_cancel_url = get_success_url


class CatalogSeedView(ActionButton):
    success_message = gettext_lazy("The standard check items and courses are in place.")

    def act(self, request):
        services.catalog_seed(actor=self.actor)

    def redirect_to(self):
        return reverse("people:post_list")
