"""Paging that stays fast on hundreds of thousands of rows."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """Counts at most `cap` rows: an exact count of a large filtered table costs more than
    the page itself, and nobody pages through more than 10,000 rows."""

    cap = 10_000

    @cached_property
    def count(self):
        counted = self.object_list[: self.cap + 1].count()
        self.capped = counted > self.cap
        return min(counted, self.cap)
