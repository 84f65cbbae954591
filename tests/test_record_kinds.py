"""The store's table of kinds (records/kinds.py, read without pydantic) says of each
kind what its model says: the table, the field its time is in, whether it names a
person, and the order."""

from __future__ import annotations

from reconnect.records.kinds import KINDS, model_of
from reconnect.records.models import RECORD_TYPES
from reconnect.store.store import Store


def test_each_kind_matches_its_model() -> None:
    assert [kind.table for kind in KINDS] == [model.table for model in RECORD_TYPES]
    for kind, model in zip(KINDS, RECORD_TYPES, strict=True):
        assert model_of(kind) is model
        fields = model.model_fields
        assert kind.time_key == ("at" if "at" in fields else "created_at")
        assert kind.time_key in fields
        assert kind.has_person == ("person_id" in fields)


def test_the_store_has_a_repository_for_every_kind(store: Store) -> None:
    assert list(store.repos) == [kind.table for kind in KINDS]
    for kind in KINDS:
        assert store.repos[kind.table].model is model_of(kind)
