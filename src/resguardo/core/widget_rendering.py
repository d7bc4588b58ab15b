"""The form renderer: Django's own, with its plain widgets written out in Python.

Every list page renders its filter form and every edit page its fields. Django draws each
widget through the template engine: an `<select>` of 30 choices includes the option template
30 times and the attributes template 31 times, about a millisecond per select, a fifth of a list
page's CPU. This renderer writes the same markup, byte for byte, for the built-in templates it
knows (inputs, selects, textareas, radio and checkbox lists) and hands every other template
(the project's own widgets, file inputs, multi-widgets) to the template engine as before.
`core/tests/test_widget_rendering.py` compares both ways for every widget the forms use.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData
from django.utils.timezone import template_localtime

WIDGETS = "django/forms/widgets/"
INPUT = WIDGETS + "input.html"
SELECT_OPTION = WIDGETS + "select_option.html"
INPUT_OPTION = WIDGETS + "input_option.html"
# The widget templates that are nothing but {% include "django/forms/widgets/input.html" %}.
INPUT_TEMPLATES = frozenset(
    WIDGETS + name + ".html"
    for name in [
        "input",
        "checkbox",
        "color",
        "date",
        "datetime",
        "email",
        "hidden",
        "number",
        "password",
        "search",
        "tel",
        "text",
        "time",
        "url",
    ]
)
# Radio and checkbox lists: multiple_input.html around input_option.html.
CHOICE_LIST_TEMPLATES = frozenset(
    {WIDGETS + "radio.html", WIDGETS + "checkbox_select.html", WIDGETS + "multiple_input.html"}
)
CHOICE_OPTION_TEMPLATES = frozenset(
    {INPUT_OPTION, WIDGETS + "radio_option.html", WIDGETS + "checkbox_option.html"}
)


def _shown(value) -> str:
    """`{{ value }}`: local time, localized, escaped unless already safe."""
    value = localize(template_localtime(value))
    return conditional_escape(value if isinstance(value, str) else str(value))


def _as_text(value) -> str:
    """`{{ value|stringformat:'s' }}` (the filter keeps a safe value safe)."""
    return str(value) if isinstance(value, SafeData) else escape(str(value))


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(" " + _shown(name))
        if value is not True:
            parts.append('="' + _as_text(value) + '"')
    return "".join(parts)


def _input(widget: dict) -> str:
    value = widget["value"]
    shown_value = "" if value == None else ' value="' + _as_text(value) + '"'  # noqa: E711 - the template's `!= None`
    return (
        f'<input type="{_shown(widget["type"])}" name="{_shown(widget["name"])}"'
        f"{shown_value}{_attrs(widget['attrs'])}>\n"
    )


def _select(widget: dict) -> str:
    parts = [f'<select name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_shown(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{_as_text(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_shown(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _textarea(widget: dict) -> str:
    value = widget["value"]
    return (
        f'<textarea name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{_shown(value) if value else ''}</textarea>\n"
    )


def _choice_option(option: dict) -> str:
    """input_option.html, and the one more line break of radio_option.html and
    checkbox_option.html, which include it."""
    if option["wrap_label"]:
        option_id = option["attrs"].get("id")
        label_for = f' for="{_shown(option_id)}"' if option_id else ""
        body = f"<label{label_for}>{_input(option)} {_shown(option['label'])}</label>\n"
    else:
        body = _input(option) + "\n"
    return body if option["template_name"] == INPUT_OPTION else body + "\n"


def _choice_list(widget: dict) -> str:
    list_id, css_class = widget["attrs"].get("id"), widget["attrs"].get("class")
    parts = ["<div"]
    if list_id:
        parts.append(f' id="{_shown(list_id)}"')
    if css_class:
        parts.append(f' class="{_shown(css_class)}"')
    parts.append(">")
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f"\n  <div><label>{_shown(group_name)}</label>")
        for option in options:
            parts.append(f"<div>\n    {_choice_option(option)}</div>")
        if group_name:
            parts.append("\n  </div>")
    parts.append("\n</div>\n")
    return "".join(parts)


def _options_use(widget: dict, template_names) -> bool:
    return all(
        option["template_name"] in template_names
        for _group, options, _index in widget["optgroups"]
        for option in options
    )


def _written_out(template_name: str, widget: dict) -> str | None:
    """The widget's markup, or None where the template engine must draw it."""
    if template_name in INPUT_TEMPLATES:
        return _input(widget)
    if template_name == WIDGETS + "select.html" and _options_use(widget, {SELECT_OPTION}):
        return _select(widget)
    if template_name == WIDGETS + "textarea.html":
        return _textarea(widget)
    if template_name in CHOICE_LIST_TEMPLATES and _options_use(widget, CHOICE_OPTION_TEMPLATES):
        return _choice_list(widget)
    return None


class WidgetRenderer(DjangoTemplates):
    """settings.FORM_RENDERER. Only the exact built-in template names take the fast path: a
    widget with a template of its own, or an option template of its own, renders as before."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if widget is not None and template_name.startswith(WIDGETS):
            written = _written_out(template_name, widget)
            if written is not None:
                return written.strip()
        return super().render(template_name, context, request=request)
