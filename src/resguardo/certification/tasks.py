"""Background work of the certification app."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def recheck_listings(*, version_id: int) -> int:
    """A new SAT list version: screen every organization's own RFCs again."""
    from .services.listing import listing_recheck_all

    count = listing_recheck_all()
    logger.info("list version %s: own RFCs re-checked for %s organizations", version_id, count)
    return count
