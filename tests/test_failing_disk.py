"""A disk that refuses a write (full, over quota, read-only, not allowed, failing, a file
too large) never ends the app nor loses what was typed: every save keeps its words on
screen with one line saying what happened and what to do, and the data file and its
journal stay byte for byte as they were. The shell says the same in one line, exit 1.

The one write path ends in os.replace (a whole write) or os.fsync (a journal line):
refusing both refuses every save."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static, TextArea

from reconnect.records.models import Circle, Connection, Counterpart, Goal, Person, Reflection, Step
from reconnect.store.store import DATA_FILE_NAME, Store
from reconnect.store.write_failure import failure_words
from screens.dialogs.confirm import ConfirmDialog
from tests.conftest import PINNED_TODAY
from tests.test_keep_words import (
    FORMS,
    Form,
    _open,
    _reason_on_screen,
    _start,
    _untick_log_it,
    notices,
)

AT = datetime(2026, 11, 1, 9, tzinfo=UTC)
ERRNOS = [errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EIO, errno.EFBIG]
Refuse = Callable[[int], None]


@pytest.fixture
def refuse(monkeypatch: pytest.MonkeyPatch) -> Refuse:
    """refuse(errno): from now on every write the store or a form makes fails so."""

    def refusing(number: int) -> None:
        def fail(*args: object, **kwargs: object) -> None:
            raise OSError(number, os.strerror(number))

        monkeypatch.setattr(os, "replace", fail)
        monkeypatch.setattr(os, "fsync", fail)

    return refusing


def on_disk(store: Store) -> dict[str, bytes]:
    """The data file and what holds records beside it (the journal), byte for byte; the
    lock file only says who opened it last."""
    ours = sorted(store.path.parent.glob(f"{DATA_FILE_NAME}*"))
    return {p.name: p.read_bytes() for p in ours if p.is_file() and p.suffix != ".lock"}


def what_happened(number: int) -> str:
    return failure_words(OSError(number, os.strerror(number)))[0]


def test_each_failure_is_said_in_plain_words() -> None:
    said = {n: failure_words(OSError(n, os.strerror(n))) for n in ERRNOS}
    assert said[errno.ENOSPC] == ("The disk is full", "Free some space")
    assert "read-only" in said[errno.EROFS][0]
    assert all(os.strerror(n) not in what for n, (what, _) in said.items())  # our words


@pytest.mark.parametrize("number", ERRNOS, ids=errno.errorcode.get)
@pytest.mark.parametrize("form", list(FORMS))
async def test_every_form_keeps_its_words_on_every_failure(
    store: Store,
    make_test_app: Callable[..., Any],
    refuse: Refuse,
    monkeypatch: pytest.MonkeyPatch,
    form: str,
    number: int,
) -> None:
    case: Form = FORMS[form]
    app = _start(store, case, make_test_app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, store, case)
        case.fill(screen)
        _untick_log_it(screen)
        await pilot.pause()
        typed, before, said = screen.typed_values(), on_disk(store), notices(app)
        refuse(number)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is screen and screen.typed_values() == typed
        assert any(what_happened(number) in m and "still here" in m for m in said), said
        if case.area != "log":  # the Log form says it in a notification only
            assert what_happened(number) in _reason_on_screen(screen)
        assert on_disk(store) == before
        monkeypatch.undo()  # the disk is back: the same words save
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not screen
    store.refresh()
    assert case.saved(store)
    assert "Already here" in [p.name for p in store.people.all()]


@pytest.mark.parametrize("number", ERRNOS, ids=errno.errorcode.get)
async def test_reflect_keeps_the_words_in_the_editor(
    store: Store, make_test_app: Callable[..., Any], refuse: Refuse, number: int
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#body", TextArea)
        body.insert("What kept me in this week was the rain, and being tired.")
        await pilot.pause()
        before = on_disk(store)
        refuse(number)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert body.text == "What kept me in this week was the rain, and being tired."
        error = str(app.screen.query_one("#form-error", Static).render())
        assert what_happened(number) in error and "still here" in error
        assert on_disk(store) == before
    assert store.reflections.count() == 0


async def test_after_the_disk_is_back_the_same_words_save(
    store: Store, make_test_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#body", TextArea).insert("Saved at last.")

        def full(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "replace", full)
        monkeypatch.setattr(os, "fsync", full)
        await pilot.press("ctrl+s")
        await pilot.pause()
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
    store.refresh()
    assert [r.body for r in store.reflections.all()] == ["Saved at last."]


def _seeded(store: Store) -> None:
    store.people.add(Person(name="Maya", circle=Circle.FRIEND, created_at=AT))
    store.connections.add(
        Connection(
            at=datetime.combine(PINNED_TODAY, time(9), UTC),
            what="Coffee with Maya",
            counterpart=Counterpart.FRIEND,
            depth=3,
            comfort=4,
        )
    )
    store.reflections.add(Reflection(at=AT, body="A quiet week."))
    store.goals.add(
        Goal(
            created_at=AT,
            title="See Maya",
            steps=[Step(title="Text her", difficulty=1), Step(title="Call her", difficulty=2)],
        )
    )


async def _confirm(pilot: Any) -> None:
    await pilot.pause()
    assert isinstance(pilot.app.screen, ConfirmDialog)
    await pilot.press("y")
    await pilot.pause()


# (area, keys before the refused write, keys of the write, does a confirm come first)
CHANGES = {
    "log delete": ("log", (), ("d",), True),
    "reflection delete": ("reflect", ("h", "enter"), ("d",), True),
    "archive a person": ("people", (), ("a",), False),
    "move a step": ("goals", ("enter",), ("shift+down",), False),
    "remove a step": ("goals", ("enter",), ("delete",), True),
}


@pytest.mark.parametrize("change", list(CHANGES))
async def test_a_refused_change_is_said_and_changes_nothing(
    store: Store, make_test_app: Callable[..., Any], refuse: Refuse, change: str
) -> None:
    _seeded(store)
    area, before_keys, keys, confirm = CHANGES[change]
    app = make_test_app(store, start_area=area)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*before_keys)
        await pilot.pause()
        said, before = notices(app), on_disk(store)
        refuse(errno.ENOSPC)
        await pilot.press(*keys)
        if confirm:
            await _confirm(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert any(m.startswith("The disk is full:") and "not saved" in m for m in said), said
        assert on_disk(store) == before


def _limited_to(size: int) -> Callable[[], None]:
    """A file-size limit standing in for a full disk (writes past it fail with EFBIG)."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def test_the_shell_says_a_full_disk_in_one_line_and_exits_1(data_dir: Path) -> None:
    log = ["log", "Said hi", "--counterpart", "neighbour", "--depth", "1", "--comfort", "3"]
    command = [sys.executable, "-m", "reconnect", "--data-dir", str(data_dir)]
    subprocess.run([*command, *log], check=True, capture_output=True, timeout=60)
    before = on_disk(Store.open(data_dir))
    result = subprocess.run(
        [*command, "log", "Waved", *log[2:]],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited_to(1),
    )
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("reconnect: The file is larger than this disk or a file-size limit")
    assert "nothing was saved" in line and "Traceback" not in result.stderr
    store = Store.open(data_dir)
    assert [c.what for c in store.connections.all()] == ["Said hi"]
    assert on_disk(store) == before


async def test_a_setting_that_cannot_be_written_holds_for_now_and_says_so(
    store: Store, make_test_app: Callable[..., Any], refuse: Refuse
) -> None:
    from textual.widgets import Select

    app = make_test_app(store, start_area="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = notices(app)
        refuse(errno.EROFS)
        app.screen.query_one("#first-day", Select).value = 6  # Sunday
        await pilot.pause()
        assert app.is_running and app.settings.first_day_of_week == 6
        assert any(
            m.startswith(what_happened(errno.EROFS)) and "until you close the app" in m
            for m in said
        ), said


async def test_an_export_from_the_app_onto_a_full_disk_keeps_the_old_file(
    store: Store, make_test_app: Callable[..., Any], refuse: Refuse, tmp_path: Path
) -> None:
    from textual.widgets import Input

    from screens.dialogs.export_form import ExportForm
    from tests.test_transfers_app import _wait_done

    _seeded(store)
    folder = tmp_path / "exports"
    folder.mkdir()
    old = folder / "report.md"
    old.write_text("last month's report", encoding="utf-8")
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_export()
        await pilot.pause()
        assert isinstance(app.screen, ExportForm)
        app.screen.query_one("#path", Input).value = str(old)
        refuse(errno.ENOSPC)
        await pilot.press("ctrl+s", "y")  # y: replace the file there (asked first)
        message = await _wait_done(pilot, app)
        assert app.is_running
        assert message.startswith("⚠ The disk is full: nothing was written."), message
    assert old.read_text(encoding="utf-8") == "last month's report"
    assert list(folder.iterdir()) == [old]  # no temp file left behind


def test_an_import_onto_a_full_disk_says_one_line_and_adds_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    command = [sys.executable, "-m", "reconnect", "--data-dir", str(data_dir)]
    log = ["log", "Said hi", "--counterpart", "neighbour", "--depth", "1", "--comfort", "3"]
    subprocess.run([*command, *log], check=True, capture_output=True, timeout=60)
    backup = tmp_path / "backup.json"
    subprocess.run(
        [*command, "export", "--format", "json", "-o", str(backup)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    into = tmp_path / "other"
    other = [sys.executable, "-m", "reconnect", "--data-dir", str(into)]
    subprocess.run([*other, *log[:1], "Waved", *log[2:]], check=True, capture_output=True)
    before = on_disk(Store.open(into))
    result = subprocess.run(
        [*other, "import", str(backup)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited_to(1),
    )
    assert result.returncode == 1, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("reconnect: The file is larger than this disk or a file-size limit")
    store = Store.open(into)
    assert [c.what for c in store.connections.all()] == ["Waved"]
    assert on_disk(store) == before


def test_a_fold_the_disk_refuses_at_quit_keeps_every_save_and_says_so(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reconnect.cli.main import _fold_at_quit

    _seeded(store)
    before = on_disk(store)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    _fold_at_quit(store)
    monkeypatch.undo()
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("reconnect: every save is safe in reconnect.json.journal")
    assert "the disk is full" in line
    assert on_disk(Store.open(store.path.parent)) == before
    assert Store.open(store.path.parent).connections.count() == 1
