"""`reconnect reflect` in your own editor: the template, read back leniently, and the
command with EDITOR set to small scripts."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from reconnect.cli.main import main
from reconnect.cli.passphrase import folder_key
from reconnect.logic.drafts import ReflectionDraft, draft_path, load_draft, save_draft
from reconnect.logic.own_editor import FOLDER_PREFIX, PLAIN_WHILE_EDITING, sweep_leftovers
from reconnect.logic.reflection_template import NOTES, parse, render
from reconnect.records.content import PATTERNS, PROMPTS
from reconnect.store.store import Store
from reconnect.store.unlocked import forget_all
from tests.encryption_helpers import PASSPHRASE, cheap_scrypt  # noqa: F401 (a fixture)


def editor(tmp_path: Path, name: str, script: str) -> str:
    """A small editor: a shell script run on the file ($1)."""
    path = tmp_path / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)
    return str(path)


def saved(data: Path) -> list:
    return Store.open(data).reflections.all()


# --- the template ---------------------------------------------------------------------


def test_the_template_round_trips_a_draft() -> None:
    draft = ReflectionDraft(
        title="A quiet week",
        patterns=("busy", "inward"),
        prompt=PROMPTS[1],
        body="First line\n\n# a heading of mine\n[ ] a list of my own",
        energy=2,
        avoided="the call",
        private=True,
        editing_id="abc",
    )
    assert parse(render(draft), draft) == draft


def test_the_template_names_prompt_and_every_pattern() -> None:
    text = render(ReflectionDraft(prompt=PROMPTS[0]))
    assert text.splitlines()[0] == "Title:"
    assert f"# Prompt: {PROMPTS[0]}" in text
    for pattern in PATTERNS:
        assert f"[ ] {pattern.name}" in text


def test_reading_back_is_lenient_and_keeps_every_unknown_line() -> None:
    text = (
        "title: Mine\n"
        "- [X] busy schedule\n"
        "* [✓]Present but not there\n"
        "[ ] Handling it alone\n"
        "[x] Not a pattern at all\n"
        "Title: not the title twice\n"
        "the end\n"
    )
    draft = parse(text, ReflectionDraft(prompt="old prompt", energy=3))
    assert draft.title == "Mine"
    assert draft.patterns == ("busy", "inward")
    assert draft.prompt == ""  # the Prompt line was deleted: written freely
    assert draft.energy == 3
    assert draft.body == "[x] Not a pattern at all\nTitle: not the title twice\nthe end"


def test_an_untouched_template_holds_no_writing() -> None:
    base = ReflectionDraft(prompt=PROMPTS[0])
    assert not parse(render(base), base).has_writing()


# --- the command ------------------------------------------------------------------------


def test_reflect_saves_what_the_editor_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = tmp_path / "seen"
    script = editor(
        tmp_path,
        "write.sh",
        f'stat -c %a "$1" > {seen}; stat -c %a "$(dirname "$1")" >> {seen}\n'
        f'echo "$1" >> {seen}\n'
        "sed -i 's/^\\[ \\] Busy schedule/[x] Busy schedule/; s/^Title:.*/Title: Quiet/' \"$1\"\n"
        'echo "I stayed in most evenings." >> "$1"',
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", script)
    data = tmp_path / "data"

    assert main(["reflect"]) == 0

    [reflection] = saved(data)
    assert reflection.title == "Quiet"
    assert reflection.patterns == ["busy"]
    assert reflection.body == "I stayed in most evenings."
    assert reflection.prompt == PROMPTS[0]
    assert not reflection.private
    assert "Saved “Quiet”" in capsys.readouterr().out
    file_mode, folder_mode, where = seen.read_text().split("\n")[:3]
    assert (file_mode, folder_mode) == ("600", "700")  # private while the editor has it
    assert not Path(where).parent.exists()  # and gone afterwards
    assert not draft_path(data).exists()


def test_reflect_saves_nothing_when_the_file_is_emptied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VISUAL", editor(tmp_path, "empty.sh", ': > "$1"'))
    data = tmp_path / "data"

    assert main(["reflect"]) == 0

    assert saved(data) == []
    assert "nothing was saved" in capsys.readouterr().out
    assert not draft_path(data).exists()


def test_an_untouched_template_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "true")
    assert main(["reflect"]) == 0
    assert saved(tmp_path / "data") == []


def test_an_editor_with_arguments_and_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = editor(tmp_path, "args.sh", 'test "$1" = "--wait" && echo "words" >> "$2"')
    monkeypatch.setenv("VISUAL", f"{script} --wait")

    assert main(["reflect", "--private"]) == 0

    [reflection] = saved(tmp_path / "data")
    assert reflection.body == "words"
    assert reflection.private


def test_a_failing_editor_saves_nothing_and_keeps_the_words_as_a_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(
        "VISUAL", editor(tmp_path, "crash.sh", 'echo "half a thought" >> "$1"; exit 3')
    )
    data = tmp_path / "data"

    assert main(["reflect"]) == 1

    assert saved(data) == []
    err = capsys.readouterr().err
    assert "status 3" in err and str(draft_path(data)) in err
    assert load_draft(draft_path(data)).body == "half a thought"


def test_a_kept_draft_is_offered_and_cleared_once_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    Store.open(data)
    save_draft(draft_path(data), ReflectionDraft(title="Begun", body="So far", energy=4))
    monkeypatch.setenv("VISUAL", editor(tmp_path, "more.sh", 'echo "and more" >> "$1"'))

    assert main(["reflect"]) == 0

    [reflection] = saved(data)
    assert (reflection.title, reflection.body, reflection.energy) == (
        "Begun",
        "So far\nand more",
        4,
    )
    assert not draft_path(data).exists()


def test_an_emptied_file_leaves_a_kept_draft_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    Store.open(data)
    save_draft(draft_path(data), ReflectionDraft(body="Keep me"))
    monkeypatch.setenv("VISUAL", editor(tmp_path, "empty.sh", ': > "$1"'))

    assert main(["reflect"]) == 0

    assert saved(data) == []
    assert load_draft(draft_path(data)).body == "Keep me"


def test_an_editor_that_cannot_start_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VISUAL", str(tmp_path / "no-such-editor"))

    assert main(["reflect"]) == 2

    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be started" in err
    assert saved(tmp_path / "data") == []


@pytest.mark.usefixtures("cheap_scrypt")
def test_an_encrypted_folder_says_the_file_is_plain_and_keeps_a_draft_sealed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    passphrase = tmp_path / "pw"
    passphrase.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(passphrase))
    data = tmp_path / "data"
    Store.open(data)
    assert main(["encrypt"]) == 0
    capsys.readouterr()
    secret = "Marrowdraft"
    monkeypatch.setenv("VISUAL", editor(tmp_path, "crash.sh", f'echo "{secret}" >> "$1"; exit 1'))

    assert main(["reflect"]) == 1

    err = capsys.readouterr().err
    assert PLAIN_WHILE_EDITING in err
    assert draft_path(data).exists()
    assert not any(secret.encode() in f.read_bytes() for f in data.iterdir() if f.is_file())

    monkeypatch.setenv("VISUAL", editor(tmp_path, "fine.sh", "true"))  # saves the draft as is
    assert main(["reflect"]) == 0
    forget_all()
    [reflection] = Store.open(data, key=folder_key(data)).reflections.all()
    assert reflection.body == secret


def test_a_temp_folder_left_by_a_killed_reconnect_is_removed(tmp_path: Path) -> None:
    child = subprocess.Popen(["true"])
    child.wait()
    dead = tmp_path / f"{FOLDER_PREFIX}{child.pid}-abc"
    alive = tmp_path / f"{FOLDER_PREFIX}{os.getpid()}-def"
    other = tmp_path / "reconnect-reflectionist"
    for folder in (dead, alive, other):
        folder.mkdir()
        (folder / "reflection.txt").write_text("words")

    assert sweep_leftovers(tmp_path) == [dead]

    assert not dead.exists() and alive.exists() and other.exists()


def test_ctrl_c_while_the_editor_runs_is_the_editors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The editor interrupts its own parent (as a ctrl+c on the terminal reaches both),
    # then carries on writing: reconnect waits for it and saves.
    script = editor(tmp_path, "int.sh", 'kill -INT $PPID; sleep 0.2; echo "still here" >> "$1"')
    monkeypatch.setenv("VISUAL", script)

    assert main(["reflect"]) == 0

    [reflection] = saved(tmp_path / "data")
    assert reflection.body == "still here"


def test_below_the_write_note_every_line_is_the_persons() -> None:
    base = ReflectionDraft()
    text = render(base) + (
        f"Title: a line of mine\n# Prompt: my own heading\n[x] Busy schedule\n{NOTES[0]}\n"
    )
    draft = parse(text, base)
    assert (draft.title, draft.prompt, draft.patterns) == ("", "", ())
    assert draft.body == (
        f"Title: a line of mine\n# Prompt: my own heading\n[x] Busy schedule\n{NOTES[0]}"
    )


def test_a_kept_draft_of_an_edit_saves_the_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconnect.logic.reflections import draft_of
    from reconnect.records.models import Reflection, now_local

    data = tmp_path / "data"
    store = Store.open(data)
    original = store.reflections.add(Reflection(at=now_local(), title="Before", body="old"))
    save_draft(draft_path(data), draft_of(original))
    monkeypatch.setenv("VISUAL", editor(tmp_path, "edit.sh", "sed -i 's/^old$/new/' \"$1\""))

    assert main(["reflect"]) == 0

    [reflection] = saved(data)
    assert (reflection.id, reflection.title, reflection.body) == (original.id, "Before", "new")
