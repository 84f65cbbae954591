"""Nothing the store hands out or takes in is its cached copy: a caller changing a
document it read, or one it handed in, changes neither later reads nor the file."""

from __future__ import annotations

import copy
from pathlib import Path

from tinydb import TinyDB

from reconnect.store.lazy_table import LazyTable
from reconnect.store.storage import DurableStorage
from reconnect.store.store import DATA_FILE_NAME, Store


def test_a_document_read_is_the_callers_own() -> None:
    table = LazyTable(name="goals")
    table["1"] = {"steps": [{"note": "call"}]}
    read = table["1"]
    read["steps"][0]["note"] = "changed"
    read["steps"].append({"note": "more"})
    assert table["1"] == {"steps": [{"note": "call"}]}
    assert b"changed" not in b"".join(bytes(p) for p in table.encoded_parts())


def test_a_document_handed_in_is_copied() -> None:
    table = LazyTable(name="goals")
    doc = {"steps": [{"note": "call"}]}
    table["1"] = doc
    doc["steps"].append({"note": "later"})
    assert table["1"] == {"steps": [{"note": "call"}]}


def test_tinydb_search_results_and_update_fields_do_not_reach_the_file(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=DurableStorage)
    table = db.table("goals")
    table.insert({"title": "walk"})
    fields = {"steps": ["ask"]}
    table.update(fields)
    fields["steps"].append("handed-in list changed")
    found = table.all()[0]
    found["steps"].append("read list changed")
    table.insert({"title": "an unrelated save"})
    db.storage.close()  # read again from the file
    assert table.all()[0] == {"title": "walk", "steps": ["ask"]}
    assert b"changed" not in path.read_bytes()


def test_store_meta_is_a_copy(store: Store, data_dir: Path) -> None:
    before = copy.deepcopy(store.meta())
    meta = store.meta()
    meta["schema_version"] = 0
    meta["next_ids"]["connections"] = -5
    assert store.meta() == before
    store.storage.fold()
    assert b'"schema_version":0' not in (data_dir / DATA_FILE_NAME).read_bytes()
