"""A value JSON cannot hold exactly is refused with a clear message, never saved as
something else (orjson alone writes NaN and infinity as null without a word)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from tinydb import TinyDB

from reconnect.store.lazy_table import LazyTable
from reconnect.store.storage import DurableStorage
from reconnect.store.strict_json import dumps_exact


@pytest.mark.parametrize("odd", [math.nan, math.inf, -math.inf])
def test_a_non_finite_number_is_refused_naming_table_record_and_field(odd: float) -> None:
    table = LazyTable(name="goals")
    table["1"] = {"title": "walk"}
    with pytest.raises(
        ValueError, match=r"Record 2 in 'goals': the field 'steps\.0\.discomfort' is NaN"
    ):
        table["2"] = {"title": "run", "steps": [{"discomfort": odd}]}
    assert list(table) == ["1"]


def test_an_integer_beyond_64_bits_is_refused() -> None:
    with pytest.raises(ValueError, match="64-bit"):
        dumps_exact({"n": 2**70})


def test_null_itself_is_kept() -> None:
    assert dumps_exact({"person_id": None, "n": 1.5}) == b'{"person_id":null,"n":1.5}'


def test_tinydb_insert_of_infinity_changes_nothing_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=DurableStorage)
    table = db.table("checkins")
    table.insert({"score": 5})
    before = path.read_bytes()
    with pytest.raises(ValueError, match="'checkins': the field 'score' is NaN or infinity"):
        table.insert({"score": math.inf})
    assert path.read_bytes() == before
    db.storage.close()
    assert table.all() == [{"score": 5}]
