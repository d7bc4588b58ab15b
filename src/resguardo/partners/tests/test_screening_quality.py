"""The benchmark's labelled set, small: the matcher's recall and precision at the default
threshold (a quality figure, not a timing). bench/partners_screening.py prints the full one."""

import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[4] / "bench"


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(BENCH))
    try:
        import partners_data
        import partners_screening

        yield partners_data, partners_screening
    finally:
        sys.path.remove(str(BENCH))


def test_recall_and_precision_on_the_labelled_set(bench):
    data, screening = bench
    rows = data.build_list(random.Random(16), 5000)
    figures = screening.labelled_set_scores(rows, threshold=88, seed=16, per_kind=60)
    for kind in (
        "foreign legal form",
        "typo in 3-letter word",
        "near miss: extra word",
        "near miss: other first letters",
    ):
        assert figures.by_kind[kind][0] == 60, kind  # the generator's new variants are scored
    assert figures.by_kind["near miss: extra word"][2] == 0
    assert figures.recall >= 0.97, figures.by_kind
    assert figures.precision >= 0.9, figures.wrong
