"""Count bars: scaled to the largest count, labels escaped, a text when there is nothing."""

import re

from resguardo.core.charts import count_bars


def test_bars_are_scaled_to_the_largest_count_and_show_it():
    svg = count_bars([("Sello alterado", 4), ("Acceso <no autorizado>", 2)], title="Por tipo")
    widths = [float(w) for w in re.findall(r'width="([\d.]+)" height="20" fill="#2e6da4"', svg)]
    assert widths[0] == 2 * widths[1]
    assert "&lt;no autorizado&gt;" in svg and "<no autorizado>" not in svg
    assert ">4</text>" in svg and ">2</text>" in svg
    assert 'aria-label="Por tipo"' in svg


def test_no_rows_shows_the_no_data_text():
    svg = count_bars([], title="Por sitio", no_data_text="Sin incidentes")
    assert "Sin incidentes" in svg and "<rect" not in svg
