"""Any damage to a valid data file: refused untouched, or read as it is; never a crash."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconnect.cli.main import main
from reconnect.store.store import DATA_FILE_NAME, Store
from tests.conftest import PINNED_TODAY

LOG = ["log", "Said hi", "--counterpart", "neighbour", "--depth", "1", "--comfort", "3"]


@pytest.fixture(scope="module")
def valid_file(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from reconnect.demo import generate, seed_store

    folder = tmp_path_factory.mktemp("valid")
    seed_store(Store.open(folder), generate(PINNED_TODAY))
    return (folder / DATA_FILE_NAME).read_bytes()


def flip(raw: bytes, at: int, bit: int) -> bytes:
    at %= len(raw)
    return raw[:at] + bytes([raw[at] ^ (1 << bit)]) + raw[at + 1 :]


def swap_fields(raw: bytes, a: int, b: int) -> bytes:
    """Two records' values of one field swapped (a field of the wrong kind, often)."""
    doc = orjson.loads(raw)
    records = [r for table in doc.values() for r in table.values()]
    first, second = records[a % len(records)], records[b % len(records)]
    key = next(iter(sorted(first)))
    other = sorted(second)[b % len(second)]
    first[key], second[other] = second.get(other), first.get(key)
    return orjson.dumps(doc)


mutations = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**9), st.integers(0, 7)),
    st.tuples(st.just("truncate"), st.integers(0, 10**9), st.just(0)),
    st.tuples(st.just("swap"), st.integers(0, 10**6), st.integers(0, 10**6)),
)


def mutate(raw: bytes, how: tuple[str, int, int]) -> bytes:
    kind, a, b = how
    if kind == "flip":
        return flip(raw, a, b)
    if kind == "truncate":
        return raw[: a % len(raw)]
    return swap_fields(raw, a, b)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(how=mutations)
def test_a_mutated_data_file_is_refused_untouched_or_used_safely(
    how: tuple[str, int, int],
    valid_file: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # hypothesis may replay an example
    path = folder / DATA_FILE_NAME
    path.write_bytes(mutate(valid_file, how))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for args in (["check"], LOG):
        status = main(["--data-dir", str(folder), *args])
        out, err = capsys.readouterr()
        assert status in (0, 3), out + err
        assert "Traceback" not in out + err and "unexpected error" not in err
        if status == 3 or args == ["check"]:
            assert hashlib.sha256(path.read_bytes()).hexdigest() == before, args
        if status == 3:
            break
