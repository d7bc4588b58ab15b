"""Date inputs render ISO values whatever the page language, or the browser shows them empty."""

import datetime

from django import forms
from django.utils import translation

from resguardo.core.widgets import DateInput, DateTimeInput


class _Form(forms.Form):
    day = forms.DateField(widget=DateInput())
    moment = forms.DateTimeField(widget=DateTimeInput())


def test_spanish_pages_render_iso_values_the_browser_can_read():
    form = _Form(initial={"day": datetime.date(2026, 12, 31),
                          "moment": datetime.datetime(2026, 12, 31, 18, 5)})  # fmt: skip
    with translation.override("es-mx"):
        html = str(form)
    assert 'type="date"' in html and 'value="2026-12-31"' in html
    assert 'type="datetime-local"' in html and 'value="2026-12-31T18:05"' in html
