"""A new passphrase typed at a terminal: a short one or a slip between the two askings is
asked again (it used to end the command, after both were typed); three misses end it
with one line and nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconnect.cli import passphrase
from reconnect.cli.passphrase import PassphraseRefused, new_passphrase


def typing(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Stand in for a person at a terminal; returns the prompts they were shown."""
    shown: list[str] = []
    queue = list(answers)
    monkeypatch.delenv("RECONNECT_PASSPHRASE_FILE", raising=False)
    monkeypatch.setattr(passphrase, "has_terminal", lambda: True)

    def ask(prompt: str) -> str:
        shown.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr(passphrase, "ask", ask)
    return shown


def test_short_then_a_slip_then_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = typing(monkeypatch, "short", "long enough words", "long enough wrods",
                   "long enough words", "long enough words")  # fmt: skip
    assert new_passphrase(tmp_path) == "long enough words"
    # The short one was refused before "The same again" was asked.
    new, again = "New passphrase: ", "The same again: "
    assert shown == [new, new, again, new, again]
    err = capsys.readouterr().err
    assert "A passphrase needs at least 8 characters" in err and "try again." in err
    assert "The two passphrases differ; try again." in err


def test_three_misses_end_it_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    typing(monkeypatch, "short", "tiny", "wee")
    with pytest.raises(PassphraseRefused, match=r"at least 8 characters.*nothing was changed"):
        new_passphrase(tmp_path)
