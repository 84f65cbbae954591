"""Authenticity and support: from the shell into the file, a backup and the CSV export;
and the upgrade of a file written before they existed (a gap, never a zero)."""

import csv
import json
from pathlib import Path

import pytest

from reconnect.cli.main import main
from reconnect.records.models import Connection, SupportFlow, SupportKind
from reconnect.store.migrations import SCHEMA_VERSION
from reconnect.store.store import DATA_FILE_NAME, Store

LOG = ["log", "Neighbour drove me to the clinic", "--counterpart", "neighbour"]
RATED = [*LOG, "--depth", "5", "--comfort", "4", "--authenticity", "4"]
SUPPORTED = [*RATED, "--support", "received", "--support-kind", "practical"]


def test_the_shell_stores_all_three_and_backup_and_csv_carry_them(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(SUPPORTED) == 0
    assert "myself 4 mostly myself, received practical support" in capsys.readouterr().out
    (moment,) = Store.open(data_dir).connections.all()
    assert moment.authenticity == 4
    assert moment.support is SupportFlow.RECEIVED
    assert moment.support_kind is SupportKind.PRACTICAL

    backup = tmp_path / "backup.json"
    assert main(["export", "--format", "json", "-o", str(backup)]) == 0
    (doc,) = json.loads(backup.read_text())["records"]["connections"]
    assert (doc["authenticity"], doc["support"], doc["support_kind"]) == (
        4,
        "received",
        "practical",
    )
    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "import", str(backup)]) == 0
    assert Store.open(fresh).connections.all() == [moment]

    assert main(["export", "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    with (tmp_path / "csv" / "connections.csv").open(encoding="utf-8") as handle:
        (row,) = csv.DictReader(handle)
    assert (row["authenticity"], row["support"], row["support_kind"]) == (
        "4",
        "received",
        "practical",
    )


def test_all_three_are_optional_and_an_unrated_moment_has_blank_cells(
    data_dir: Path, tmp_path: Path
) -> None:
    assert main([*LOG, "--depth", "1", "--comfort", "3"]) == 0
    (moment,) = Store.open(data_dir).connections.all()
    assert (moment.authenticity, moment.support, moment.support_kind) == (None, None, None)
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    with (tmp_path / "csv" / "connections.csv").open(encoding="utf-8") as handle:
        (row,) = csv.DictReader(handle)
    assert (row["authenticity"], row["support"], row["support_kind"]) == ("", "", "")


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        (["--authenticity", "0"], "--authenticity: '0' is not allowed"),
        (["--authenticity", "six"], "--authenticity: 'six' is not allowed"),
        (["--support", "gift"], "--support: 'gift' is not one of: gave, received, both"),
        (["--support-kind", "practical"], "--support-kind: say which way it went too"),
        (
            ["--support", "gave", "--support-kind", "money"],
            "--support-kind: 'money' is not one of: emotional, practical, guidance",
        ),
    ],
)
def test_bad_values_say_what_to_do_and_save_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], extra: list[str], says: str
) -> None:
    assert main([*LOG, "--depth", "2", "--comfort", "2", *extra]) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1 and "Nothing was saved" in err
    assert not (data_dir / DATA_FILE_NAME).exists() or not Store.open(data_dir).connections.all()


def test_a_kind_without_a_direction_is_refused_by_the_model() -> None:
    with pytest.raises(ValueError, match="which way the support went"):
        Connection.model_validate(
            {
                "at": "2026-11-20T18:30:00+00:00",
                "what": "Advice",
                "counterpart": "friend",
                "depth": 4,
                "comfort": 3,
                "support_kind": "guidance",
            }
        )


def test_a_version_1_file_is_upgraded_and_old_moments_have_no_authenticity(
    data_dir: Path,
) -> None:
    data_dir.mkdir()
    old = {
        "meta": {"1": {"schema_version": 1, "created_at": "2026-01-01T00:00:00+00:00"}},
        "connections": {
            "1": {
                "id": "a" * 32,
                "at": "2026-11-20T18:30:00+00:00",
                "what": "Coffee with Sam",
                "counterpart": "friend",
                "depth": 4,
                "comfort": 2,
            }
        },
        "people": {
            "1": {
                "id": "b" * 32,
                "created_at": "2026-01-01T00:00:00+00:00",
                "name": "Sam",
            }
        },
    }
    (data_dir / DATA_FILE_NAME).write_text(json.dumps(old))
    store = Store.open(data_dir)
    assert store.meta()["schema_version"] == SCHEMA_VERSION
    (moment,) = store.connections.all()
    assert moment.authenticity is None and moment.support is None
    (person,) = store.people.all()
    assert person.safe is False
    # The bytes as they were are kept beside the upgraded file.
    kept = list(data_dir.glob(f"*before-schema-{SCHEMA_VERSION}*"))
    assert kept and json.loads(kept[0].read_text()) == old
