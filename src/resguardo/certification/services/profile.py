"""Keeping the E4 answers as filed, so the next filing shows what changed since."""

from django.db import transaction

from resguardo.core.writes import create_audited

from ..models import ProfileFiling
from .common import manager


@transaction.atomic
def profile_filing_record(*, actor, site, request_type, filed_on, aviso=None) -> ProfileFiling:
    from ..e4 import e4_profile

    organization = manager(actor)
    profile = e4_profile(membership=actor.membership, site=site, request_type=request_type)
    return create_audited(
        actor=actor.user,
        organization=organization,
        instance=ProfileFiling(
            organization=organization,
            site=site,
            request_type=request_type,
            filed_on=filed_on,
            aviso=aviso,
            answers=profile.answers(),
        ),
        verb="certification.profile_filed",
        data={"request_type": request_type},
    )
