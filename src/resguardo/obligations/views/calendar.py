"""The obligations calendar: a month view and a list view over every module's due dates."""

import datetime

from django.apps import apps
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.views.generic import TemplateView

from resguardo.core.views.mixins import OrganizationRequiredMixin

from ..forms import ObligationFilterForm
from ..selectors import month_bounds, month_grid, obligation_list

LIST_PAGE_SIZE = 100
# The month as a list (phones): the first ones, then a link to the list view with the rest.
MONTH_LIST_LIMIT = 100


def parse_month(text: str, today: datetime.date) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        datetime.date(year, month, 1)
    except ValueError:
        return today.year, today.month
    if not 2000 <= year <= 2100:
        return today.year, today.month
    return year, month


def _module_name(label: str) -> str:
    try:
        return apps.get_app_config(label).verbose_name
    except LookupError:
        return label


class _CalendarBase(OrganizationRequiredMixin, TemplateView):
    def filter_form(self):
        query = self.request.GET.copy()
        for name in ("month", "page"):
            query.pop(name, None)
        form = ObligationFilterForm(query or None, membership=self.membership)
        return form, query.urlencode()


class CalendarMonthView(_CalendarBase):
    template_name = "obligations/calendar_month.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        year, month = parse_month(self.request.GET.get("month", ""), today)
        first, last = month_bounds(year, month)
        form, query = self.filter_form()
        items = obligation_list(
            membership=self.membership,
            filters=form.to_filter(start=first, end=last),
            today=today,
        )
        previous = first - datetime.timedelta(days=1)
        following = last + datetime.timedelta(days=1)
        context.update(
            form=form,
            query_string=query,
            month=first,
            today=today,
            weeks=month_grid(year, month, items, today=today),
            items=items,
            month_list=items[:MONTH_LIST_LIMIT],
            month_list_rest=max(0, len(items) - MONTH_LIST_LIMIT),
            weekdays=[WEEKDAYS_ABBR[i] for i in range(7)],
            previous=f"{previous:%Y-%m}",
            following=f"{following:%Y-%m}",
        )
        return context


class CalendarListView(_CalendarBase):
    template_name = "obligations/calendar_list.html"
    partial_template_name = "obligations/partials/_obligation_rows.html"

    def get_template_names(self):
        if getattr(self.request, "htmx", False):
            return [self.partial_template_name]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        form, query = self.filter_form()
        items = obligation_list(membership=self.membership, filters=form.to_filter(), today=today)
        page = Paginator(items, LIST_PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            form=form,
            query_string=query,
            today=today,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            filter_holder={"form": form},  # core/partials/_filters.html reads filterset.form
            rows=[
                {"item": i, "overdue": i.due_on < today, "module": _module_name(i.module)}
                for i in page.object_list
            ],
            total=len(items),
            overdue_total=sum(1 for i in items if i.due_on < today),
        )
        return context


class HomePanelView(OrganizationRequiredMixin, TemplateView):
    """The home page's "what to do next" panel for this member's role (loaded by the
    dashboard right after the page; also a page of its own without JavaScript)."""

    def get_template_names(self):
        if getattr(self.request, "htmx", False):
            return ["obligations/partials/_home.html"]
        return ["obligations/home.html"]

    def get_context_data(self, **kwargs):
        from ..home import home_panel

        return {**super().get_context_data(**kwargs), "panel": home_panel(self.membership)}
