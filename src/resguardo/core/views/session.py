from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from .. import services


def _safe_next(request, fallback="/"):
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or fallback
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return fallback
    return target


class OrganizationSwitchView(LoginRequiredMixin, View):
    def post(self, request):
        try:
            membership = services.organization_switch(
                user=request.user, organization_id=request.POST.get("organization")
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return HttpResponseRedirect("/")
        messages.success(
            request, _("You are now working in %(org)s.") % {"org": membership.organization}
        )
        return HttpResponseRedirect("/")


@require_POST
def set_language(request):
    """Switch the interface language; remembered on the account and in a cookie."""
    language = request.POST.get("language", "")
    response = HttpResponseRedirect(_safe_next(request))
    if not check_for_language(language) or language not in dict(settings.LANGUAGES):
        return response
    if request.user.is_authenticated and request.user.language != language:
        get_user_model().objects.filter(pk=request.user.pk).update(language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax"
    )
    return response
