"""core.tabular: streamed reading within limits, header mapping, staged imports."""

import datetime
import io
import time
import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone
from openpyxl import Workbook

from resguardo.core.files import atomic_with_files
from resguardo.core.models import StagedImport
from resguardo.core.tabular import (
    HeaderMap,
    OverLimit,
    read_table,
    staged_import_create,
    staged_import_get,
    staged_import_read,
    staged_imports_purge,
)
from resguardo.core.tabular.bombs import far_column_bomb, far_row_bomb, xlsx_with_cells


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_declared_sheet_size_is_not_trusted():
    data = xlsx_with_cells({"A1": "pedimento", "B1": "cliente", "A3": "123"})
    table = read_table(data, "envios.xlsx")
    assert table.header == ["pedimento", "cliente"]
    assert list(table.rows) == [(3, ["123"])]  # not padded to column XFD, no empty row 2


@pytest.mark.parametrize(
    ("bomb", "message"),
    [
        (far_row_bomb, "The sheet has data beyond row 100001"),
        (far_column_bomb, "The sheet has data in column XFD; at most 100 columns are read."),
    ],
)
def test_a_dimension_bomb_is_refused_quickly_in_little_memory(bomb, message):
    data = bomb()
    assert len(data) < 2000
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(OverLimit) as refused:
            list(read_table(data, "bomba.xlsx").rows)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message in refused.value.messages[0]
    assert peak < 10 * 1024 * 1024 and time.monotonic() - started < 5


@override_settings(IMPORT_MAX_ROWS=2, IMPORT_MAX_COLUMNS=3)
def test_row_and_column_limits_come_from_settings():
    ok = read_table(_xlsx([["a", "b", "c"], [1, 2, 3], [4, 5, 6]]), "ok.xlsx")
    assert [n for n, _row in ok.rows] == [2, 3]
    with pytest.raises(OverLimit, match="beyond row 3"):
        list(read_table(b"a,b\n1,2\n3,4\n5,6\n", "rows.csv").rows)
    with pytest.raises(OverLimit, match="column D"):
        list(read_table(_xlsx([["a", "b", "c", "d"]]), "wide.xlsx").rows)
    with pytest.raises(OverLimit, match="at most 3 columns"):
        list(read_table(b"a,b,c,d\n", "wide.csv").rows)


@override_settings(IMPORT_MAX_UPLOAD_MB=1)
def test_the_file_size_is_bounded():
    with pytest.raises(OverLimit, match="larger than 1 MB"):
        read_table(b"a\n" + b"x\n" * 600_000, "big.csv")


def test_headers_in_spanish_or_english():
    headers = HeaderMap({"operation_date": ("fecha de operación", "date")})
    mapping, unknown = headers.map(["Fecha de Operación", "DATE", "Otra"])
    assert mapping == {0: "operation_date"} and unknown == ["Otra"]


def test_not_a_workbook_and_empty_files_are_refused():
    with pytest.raises(ValidationError, match="not a valid Excel"):
        read_table(b"hello", "x.xlsx")
    with pytest.raises(ValidationError, match="not a valid Excel"):
        read_table(b"PK\x03\x04garbage", "x.xlsx")
    with pytest.raises(ValidationError, match="The file is empty"):
        read_table(b"\n\n", "x.csv")


def _stage(world, user=None, **kwargs):
    user = user or world.alice
    return staged_import_create(
        membership=world.membership(user),
        user=user,
        kind="test",
        data=b"a,b\n1,2\n",
        file_name="x.csv",
        **kwargs,
    )


@pytest.mark.django_db
def test_a_staged_file_stored_in_a_failed_call_is_deleted(world):
    class Refused(Exception):
        pass

    names = []
    with pytest.raises(Refused), atomic_with_files():
        staged = _stage(world)
        names.append(staged.file.name)
        assert staged.file.storage.exists(staged.file.name)
        raise Refused
    assert not StagedImport.objects.exists()
    assert not staged.file.storage.exists(names[0])


@pytest.mark.django_db
def test_a_staged_file_belongs_to_its_user_and_expires(world):
    staged = _stage(world)
    alice, carla = world.membership(world.alice), world.membership(world.carla)
    assert staged_import_get(membership=alice, user=world.alice, kind="test") == staged
    assert staged_import_get(membership=carla, user=world.carla, kind="test") is None
    assert staged_import_read(staged) == b"a,b\n1,2\n"
    name = staged.file.name
    assert staged_imports_purge(now=timezone.now() + datetime.timedelta(days=2)) == 1
    assert not StagedImport.objects.exists() and not staged.file.storage.exists(name)


@pytest.mark.django_db
def test_a_changed_staged_file_is_refused(world):
    staged = _stage(world)
    StagedImport.objects.filter(pk=staged.pk).update(sha256="0" * 64)
    staged.refresh_from_db()
    with pytest.raises(ValidationError, match="changed"):
        staged_import_read(staged)
