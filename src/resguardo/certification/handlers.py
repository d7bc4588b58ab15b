"""What the certification hears from the layers below it.

Neither core nor partners publishes a domain event when a site opens or closes or when a new
list version is imported, so the certification listens to the saves themselves (Django's
post_save, connected once in AppConfig.ready): the sender never learns about certification.

- A site saved: opened (created active) or closed (saved inactive) proposes a change aviso,
  once per site and change (the aviso's source key), when the organization is certified.
- A new current SAT list version: every organization's own RFCs are screened again once the
  import commits (a background task; inline with the immediate backend).
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import AvisoTrigger

DISPATCH_SITE = "certification.site_saved"
DISPATCH_LIST = "certification.list_version_saved"


def site_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    from .services.avisos import change_aviso_propose

    if created and instance.is_active:
        trigger, change, text = AvisoTrigger.SITE_OPENED, "opened", _("Site opened: %(site)s.")
    elif not instance.is_active:
        trigger, change, text = AvisoTrigger.SITE_CLOSED, "closed", _("Site closed: %(site)s.")
    else:
        return
    change_aviso_propose(
        organization=instance.organization,
        trigger=trigger,
        source_key=f"core.site:{instance.pk}:{change}",
        description=text % {"site": instance.name},
        changed_on=timezone.localdate(),
        site=instance,
    )


def list_version_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not instance.is_current:
        return
    if not instance.source.startswith("sat_"):
        return
    from .tasks import recheck_listings

    transaction.on_commit(lambda: recheck_listings.enqueue(version_id=instance.pk), robust=True)


def connect() -> None:
    from resguardo.core.models import Site
    from resguardo.partners.models import ListVersion

    post_save.connect(site_saved, sender=Site, dispatch_uid=DISPATCH_SITE)
    post_save.connect(list_version_saved, sender=ListVersion, dispatch_uid=DISPATCH_LIST)
