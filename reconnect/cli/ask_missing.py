"""Asking at the terminal for what a command was not given (`reconnect log` without
--depth, say): the prompt and any correction go to stderr, so stdout keeps only what
was saved, for scripts."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
TRIES = 3


class NotAnswered(ValueError):
    """No usable answer: the input ended (ctrl+d) or every try was refused."""


def can_ask() -> bool:
    """A person is there to answer: stdin and stderr are a terminal."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def fit(prompt: str) -> str:
    """The prompt wrapped between words to the terminal's width: a terminal wraps a long
    line wherever it ends ("ch" / "osen-family"). Its last space is kept for the answer."""
    width = shutil.get_terminal_size().columns - 1
    wrapped = textwrap.fill(prompt, width, break_long_words=False, break_on_hyphens=False)
    return wrapped + prompt[len(prompt.rstrip()) :]


def ask(prompt: str, read: Callable[[str], T]) -> T:
    """Ask until `read` accepts the answer (it raises ValueError saying why not)."""
    problem = "no answer"
    prompt = fit(prompt)
    for _ in range(TRIES):
        sys.stderr.write(prompt)
        sys.stderr.flush()
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:  # ctrl+c: stopped (status 130), said as ctrl+d says it
            sys.stderr.write("\nStopped: nothing was saved.\n")
            raise
        if not line:  # the input ended
            sys.stderr.write("\n")
            raise NotAnswered("no answer was given")
        try:
            return read(line.strip())
        except ValueError as exc:
            problem = str(exc)
            print(f"  {problem}", file=sys.stderr)
    raise NotAnswered(problem)
