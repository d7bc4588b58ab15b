"""The form renderer writes the built-in widgets in Python: the markup must be the template
engine's, byte for byte, whatever the values (escaping, booleans, groups, dates, languages)."""

import datetime
import re
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from resguardo.core.widget_rendering import WidgetRenderer
from resguardo.core.widgets import DateInput, DateTimeInput

GROUPED = [
    ("Frontera", [("nld", "Nuevo Laredo"), ("cdj", "Ciudad Juárez")]),
    ("Puertos", [("mzo", "Manzanillo <Col.>"), ("vcz", 'Veracruz "Ver."')]),
    ("", "Sin aduana"),
]


class EveryWidget(forms.Form):
    name = forms.CharField(max_length=40, help_text="Razón social")
    email = forms.EmailField(required=False)
    count = forms.IntegerField(min_value=0, max_value=99)
    amount = forms.DecimalField(max_digits=8, decimal_places=2, required=False)
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True), required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    day = forms.DateField(widget=DateInput())
    moment = forms.DateTimeField(widget=DateTimeInput(), required=False)
    plain_date = forms.DateField(required=False)
    active = forms.BooleanField(required=False)
    kind = forms.ChoiceField(choices=[("", "—"), ("a", gettext_lazy("Active")), (3, 3)])
    aduana = forms.ChoiceField(choices=GROUPED, required=False)
    several = forms.MultipleChoiceField(choices=[("x", "Equis"), ("y", "Y & Z")], required=False)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    result = forms.ChoiceField(
        choices=[("compliant", "Cumple"), ("partial", "Parcial <b>")], widget=forms.RadioSelect
    )
    grouped_radio = forms.ChoiceField(choices=GROUPED, widget=forms.RadioSelect, required=False)
    checks = forms.MultipleChoiceField(
        choices=[("1", "Uno"), ("2", mark_safe("<em>Dos</em>"))],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    url = forms.URLField(
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    flagged = forms.CharField(
        required=False,
        widget=forms.TextInput(attrs={"autofocus": True, "readonly": False, "data-x": 'a"b<c'}),
    )


VALUES = [
    {},  # a new form: initial values only
    {
        "name": 'Transportes "El Águila" & Hijos <S.A.>',
        "email": "a@b.mx",
        "count": "7",
        "amount": "1234.50",
        "secret": "s3<cr>t",
        "hidden": "oculto",
        "day": "2026-12-31",
        "moment": "2026-12-31T18:05",
        "plain_date": "2026-01-02",
        "active": "on",
        "kind": "3",
        "aduana": "mzo",
        "several": ["x", "y"],
        "notes": "Línea uno\n<script>alert(1)</script>",
        "result": "partial",
        "grouped_radio": "vcz",
        "checks": ["2"],
        "url": "https://example.com/?a=1&b=2",
        "flagged": "x",
    },
    {"count": "no es número", "day": "31/31/2026", "kind": "zzz", "notes": ""},  # refused
]
INITIAL = {
    "day": datetime.date(2026, 3, 4),
    "amount": Decimal("10.5"),
    "plain_date": datetime.date(2026, 3, 4),
    "moment": datetime.datetime(2026, 3, 4, 5, 6),
    "active": True,
}


def both_ways(data, language):
    with translation.override(language):
        fast = EveryWidget(data or None, initial=INITIAL, renderer=WidgetRenderer())
        engine = EveryWidget(data or None, initial=INITIAL, renderer=DjangoTemplates())
        fast.is_valid(), engine.is_valid()
        return str(fast), str(engine), [str(bound) for bound in fast]


@pytest.mark.parametrize("language", ["es-mx", "en"])
@pytest.mark.parametrize("data", VALUES, ids=["new", "filled", "refused"])
def test_the_fast_widgets_are_the_template_engines_byte_for_byte(data, language):
    fast, engine, fields = both_ways(data, language)
    assert fast == engine
    assert len(fields) == len(EveryWidget.base_fields)


def test_values_are_escaped_and_choices_marked():
    fast, _engine, _fields = both_ways(VALUES[1], "es-mx")
    assert "Transportes &quot;El Águila&quot; &amp; Hijos &lt;S.A.&gt;" in fast
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</textarea>" in fast
    assert '<optgroup label="Puertos">' in fast
    assert '<option value="mzo" selected>Manzanillo &lt;Col.&gt;</option>' in fast
    assert 'value="x" autofocus data-x="a&quot;b&lt;c" id="id_flagged"' in fast
    assert "readonly" not in fast
    assert "<em>Dos</em>" in fast  # a label marked safe stays markup


def test_widgets_it_does_not_know_go_to_the_engine():
    class OwnOption(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    class Odd(forms.Form):
        document = forms.FileField(required=False)  # clearable_file_input.html
        own = forms.ChoiceField(choices=[("a", "A")], widget=OwnOption)
        when = forms.SplitDateTimeField(required=False)  # a multi-widget

    fast = str(Odd(renderer=WidgetRenderer()))
    assert fast == str(Odd(renderer=DjangoTemplates()))
    assert '<select name="own" id="id_own">\n  <label><input type="select" name="own"' in fast


def _without_tokens(page: bytes) -> str:
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.decode())
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", page)


def test_a_filtered_list_page_is_the_same_either_way(world, client_for, settings):
    client = client_for(world.alice)
    path = reverse("core:audit_log") + "?action=update&q=Norte"
    fast = client.get(path)
    settings.FORM_RENDERER = "django.forms.renderers.DjangoTemplates"
    engine = client.get(path)
    assert fast.status_code == engine.status_code == 200
    assert "<select" in fast.content.decode()
    assert _without_tokens(fast.content) == _without_tokens(engine.content)
