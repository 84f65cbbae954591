import subprocess
import sys
from pathlib import Path

import pytest

from reconnect import version
from reconnect.cli.main import main
from reconnect.settings import settings_path
from reconnect.store.store import DATA_FILE_NAME, Store
from tests.test_settings_area import unusable_folders


def run(*args: str, env_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "reconnect", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def test_where_prints_the_data_file(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["where"]) == 0
    assert capsys.readouterr().out.strip() == str(data_dir / DATA_FILE_NAME)


def test_data_dir_flag_wins_over_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "elsewhere"), "where"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "elsewhere" / DATA_FILE_NAME)


def test_check_counts_each_kind(demo_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK ")
    assert f"{demo_store.connections.count()} connections" in out
    assert "8 people" in out and "check-ins" in out


def test_check_on_a_damaged_file_exits_3_without_touching_it(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / DATA_FILE_NAME
    path.write_bytes(b'{"connections": ')
    result = run("check")
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and "backup" in result.stderr
    assert path.read_bytes() == b'{"connections": '


def test_opening_the_app_on_a_damaged_file_exits_3(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DATA_FILE_NAME).write_text("[]")
    result = run()
    assert result.returncode == 3
    assert "not a reconnect database" in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"reconnect {version()}"
    help_text = run("--help").stdout
    for word in ("--demo", "--open", "where", "check", "--data-dir"):
        assert word in help_text


def test_bad_usage_is_one_line_and_exit_2() -> None:
    result = run("--open", "nowhere")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "invalid choice" in result.stderr


def test_a_data_folder_that_is_a_file_is_named(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    for args in (
        ["check"],
        ["log", "hi", "--counterpart", "friend", "--depth", "1", "--comfort", "1"],
    ):
        result = run("--data-dir", str(not_a_folder), *args)
        assert result.returncode == 3
        assert "is a file" in result.stderr and "Traceback" not in result.stderr
    assert not_a_folder.read_text() == "x"


def test_a_data_folder_from_settings_that_cannot_be_used_is_one_line_at_every_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("RECONNECT_DATA_DIR")
    settings = settings_path()
    settings.parent.mkdir(parents=True)
    log = ["log", "Hi", "--counterpart", "friend", "--depth", "1", "--comfort", "3"]
    for folder, why in unusable_folders(tmp_path):
        settings.write_text(f'data_folder = "{folder}"\n')
        said = (
            f"reconnect: cannot use the data folder {folder}, chosen in Settings (data_folder "
            f"in {settings}): {why}. Fix or remove that line, or start with --data-dir FOLDER "
            "(or RECONNECT_DATA_DIR=FOLDER) and choose another folder in Settings.\n"
        )
        for args in (["where"], ["check"], ["today"], log):
            assert main(args) == 3
            assert capsys.readouterr() == ("", said)
        app = run()  # the app, in a process of its own: the same line, and no app
        assert (app.returncode, app.stdout, app.stderr) == (3, "", said)
    # The ways in that the line names.
    elsewhere = tmp_path / "elsewhere"
    assert main(["--data-dir", str(elsewhere), *log]) == 0
    monkeypatch.setenv("RECONNECT_DATA_DIR", str(elsewhere))
    assert main(["check"]) == 0
    assert Store.open(elsewhere).connections.count() == 1
    capsys.readouterr()
    # Given in the shell, it is named as such.
    assert main(["--data-dir", str(folder), *log]) == 3
    err = capsys.readouterr().err
    assert err.startswith("reconnect: cannot use the data folder") and "(from --data-dir)" in err
    assert "nothing was saved" not in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "given_by"),
    [(["--data-dir", "X"], "--data-dir"), ([], "RECONNECT_DATA_DIR")],
)
def test_the_app_is_told_what_chose_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], given_by: str
) -> None:
    import reconnect.app

    told: dict[str, object] = {}

    def make_app(**kwargs: object) -> None:
        told.update(kwargs)
        raise KeyboardInterrupt  # no app: what it was told is all this test needs

    monkeypatch.setattr(reconnect.app, "make_app", make_app)
    folder = str(tmp_path / "chosen")
    assert main([arg.replace("X", folder) for arg in args]) == 130
    assert told["data_dir_given_by"] == given_by  # Settings says a new folder waits for it


def test_data_dir_may_come_after_the_command_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    after = tmp_path / "after"
    log = ["log", "Hi", "--counterpart", "friend", "--depth", "1", "--comfort", "3"]
    assert main([*log, "--data-dir", str(after)]) == 0
    assert Store.open(after).connections.count() == 1
    capsys.readouterr()
    assert main(["where", "--data-dir", str(after)]) == 0
    assert capsys.readouterr().out.strip() == str(after / DATA_FILE_NAME)
    # Given before the command it still counts, and after it wins.
    before = tmp_path / "before"
    assert main(["--data-dir", str(before), "where", "--data-dir", str(after)]) == 0
    assert capsys.readouterr().out.strip() == str(after / DATA_FILE_NAME)
    assert main(["--data-dir", str(before), "where"]) == 0
    assert capsys.readouterr().out.strip() == str(before / DATA_FILE_NAME)


@pytest.mark.parametrize(
    "command",
    [
        ["log", "demo test", "-k", "friend", "-d", "1", "-c", "1"],
        ["today"],
        ["remind"],
        ["where"],
        ["export", "--format", "md"],
    ],
)
def test_demo_with_a_shell_command_is_refused_and_touches_no_data(
    data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """--demo promises the person's data is untouched: a shell command would read or
    write their own folder, so it is refused in one line, before anything is opened."""
    with pytest.raises(SystemExit) as ended:
        main(["--demo", *command])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--demo is for the app" in err and "without --demo" in err
    assert not data_dir.exists()
