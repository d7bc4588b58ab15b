"""Control characters: meaningless in the text people type, fatal in an Excel file.

One BEL (U+0007) in a comment made every export that carried it fail (openpyxl refuses to
write it). So text is cleaned twice: at input (`clean_input`, used for every form post and every
API body) and on the way into any spreadsheet (`xlsx_value` / `xlsx_row`, used by every
exporter), which also covers text stored before input was cleaned. Tab, line feed and carriage
return are kept: multi-line answers need them.
"""

import re

from django.http import QueryDict

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def clean_input(data):
    """The same data with control characters removed from every string in it (dicts, lists
    and QueryDicts included); anything else (numbers, uploaded files) is left as it is."""
    if isinstance(data, str):
        return strip_control_characters(data)
    if isinstance(data, QueryDict):
        cleaned = QueryDict(mutable=True, encoding=data.encoding)
        for key, values in data.lists():
            cleaned.setlist(clean_input(key), [clean_input(v) for v in values])
        cleaned._mutable = data._mutable
        return cleaned
    if isinstance(data, dict):
        return {clean_input(k): clean_input(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(clean_input(v) for v in data)
    return data


def xlsx_value(value):
    """A value an .xlsx cell accepts: text without control characters; other values as they
    are."""
    if isinstance(value, str):
        return strip_control_characters(value) if CONTROL_CHARACTERS.search(value) else value
    return value


def xlsx_row(values) -> list:
    return [xlsx_value(v) for v in values]
