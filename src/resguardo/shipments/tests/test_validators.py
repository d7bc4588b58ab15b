import datetime

import pytest
from django.core.exceptions import ValidationError

from resguardo.core.identifiers import (
    iso6346_check_digit,
    parse_pedimento,
    validate_container_number,
)

TODAY = datetime.date(2026, 3, 10)


@pytest.mark.parametrize(
    "number, digit",
    [
        ("CSQU305438", 3),  # the example in ISO 6346 itself
        ("MSKU907032", 3),
        ("TGHU771204", iso6346_check_digit("TGHU771204")),
    ],
)
def test_check_digit_known_examples(number, digit):
    assert iso6346_check_digit(number) == digit


def test_letter_values_skip_multiples_of_eleven():
    # A=10, B=12 (11 skipped), so "B" as owner letter changes the sum by 12 * 2**0.
    assert iso6346_check_digit("BAAU000000") != iso6346_check_digit("AAAU000000")


def test_container_number_is_normalized():
    assert validate_container_number("csqu 305438-3") == "CSQU3054383"


def test_wrong_check_digit_names_the_expected_digit():
    with pytest.raises(ValidationError) as error:
        validate_container_number("CSQU3054384")
    message = error.value.messages[0]
    assert "wrong check digit" in message
    assert "expected digit is 3" in message


def test_wrong_category_letter_is_explained():
    with pytest.raises(ValidationError) as error:
        validate_container_number("CSQX3054383")
    assert "must be U, J or Z" in error.value.messages[0]


def test_malformed_container_number():
    with pytest.raises(ValidationError) as error:
        validate_container_number("12345")
    assert "3 letters of owner code" in error.value.messages[0]


def test_pedimento_parts():
    parts = parse_pedimento("26 24 3921 6000123", today=TODAY)
    assert (parts.year, parts.aduana, parts.patente, parts.consecutive) == (
        "26",
        "24",
        "3921",
        "6000123",
    )
    assert parts.display == "26 24 3921 6000123"


@pytest.mark.parametrize(
    "value, words",
    [
        ("26243921600012", "has 14 digits"),
        ("2624392160001234", "has 16 digits"),
        ("26-24-3921-6000A23", "only digits"),
        ("27 24 3921 7000123", "in the future"),
        ("26 24 3921 5000123", "must start with 6, the last digit of the year 26"),
    ],
)
def test_malformed_pedimento_says_which_part(value, words):
    with pytest.raises(ValidationError) as error:
        parse_pedimento(value, today=TODAY)
    assert words in error.value.messages[0]


def test_the_example_in_the_format_message_is_itself_valid():
    """A user copying the example shown with the error must not get a check-digit error."""
    import re

    with pytest.raises(ValidationError) as error:
        validate_container_number("12345")
    example = re.search(r"for example ([A-Z]{4} \d{6} \d)", error.value.messages[0]).group(1)
    assert validate_container_number(example) == example.replace(" ", "")
