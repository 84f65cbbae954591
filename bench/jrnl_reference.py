"""The optional jrnl reference of `reconnect log`: jrnl adding one entry to a plain-text
journal of 18,000 entries, in jrnl's own file format, made once and kept in bench/.cache.

jrnl reads, parses and rewrites its whole journal on every entry added, so its figure is
one of a journal of this size, not of jrnl in general."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

from bench.common import BENCH_TODAY, CACHE, Context, app_env, time_process
from reconnect.demo.sample_text import BODIES
from reconnect.records.content import PROMPTS

ENTRIES = 18_000
PER_DAY = 5  # 18,000 entries: about ten years of a keen journaller
BODY_CHARS = 500  # as the heavy data's reflections (demo HEAVY.body_chars)
# The date stamp of "[2026-11-21 09:05] title". jrnl 4's own default is "%F %r" (with
# seconds and AM/PM); the config names this one, so jrnl reads each stamp with strptime
# as it reads its own, rather than through its slow fallback date parser.
TIMEFORMAT = "%Y-%m-%d %H:%M"
# A jrnl process must end: on a shared, slow machine one add to this journal takes
# seconds, never minutes; past this it is taken as hung and the reference is skipped.
TIMEOUT_SECONDS = 120.0
# Named by entry count and by a format number, bumped when journal_text changes.
CACHE_NAME = f"jrnl-{ENTRIES}-v1.txt"


class JrnlFailed(Exception):
    """jrnl could not run, failed or hung; the message says which, for the bench's note."""


def journal_entries(count: int, end: date = BENCH_TODAY, seed: int = 2026) -> Iterator[str]:
    """`count` entries in jrnl's format, oldest first, PER_DAY a day up to `end`: a
    `[YYYY-MM-DD HH:MM] title` line (a reflection prompt), then the body wrapped to
    79-character lines, as the heavy data's reflection bodies (about BODY_CHARS long)."""
    rng = random.Random(seed)
    days = -(-count // PER_DAY)
    first = end - timedelta(days=days - 1)
    made = 0
    for n in range(days):
        day = first + timedelta(days=n)
        today = min(PER_DAY, count - made)
        # Distinct minutes, sorted: jrnl sorts by date, so the file stays as jrnl keeps it.
        for minute in sorted(rng.sample(range(8 * 60, 22 * 60, 5), today)):
            at = datetime.combine(day, time(minute // 60, minute % 60))
            body = rng.choice(BODIES)
            while len(body) < BODY_CHARS:
                body += " " + rng.choice(BODIES)
            body = body[:BODY_CHARS].rsplit(" ", 1)[0]  # cut at a word, as typed
            lines = textwrap.wrap(body, 79)
            yield f"[{at.strftime(TIMEFORMAT)}] {rng.choice(PROMPTS)}\n" + "\n".join(lines)
        made += today


def journal_text(count: int, end: date = BENCH_TODAY, seed: int = 2026) -> str:
    """The whole file as jrnl writes it: entries parted by one blank line, one final
    newline (jrnl joins each entry's text, which ends in a newline, with a newline)."""
    return "\n".join(f"{entry}\n" for entry in journal_entries(count, end, seed))


def journal_file() -> Path:
    """The 18,000-entry journal, made once and kept in bench/.cache (git-ignored)."""
    path = CACHE / CACHE_NAME
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_text(journal_text(ENTRIES), encoding="utf-8")
        partial.rename(path)  # never a half-written journal under the final name
    return path


def config_text(journal: Path, version: str) -> str:
    """A jrnl config (YAML) for one unencrypted journal that never prompts: no editor, no
    password, and every key jrnl 4 expects, with its version, so jrnl has nothing to add
    and never rewrites the file. JSON strings are valid YAML double-quoted scalars; the
    file must not start with "{", which jrnl would take for a jrnl 1 config to upgrade."""

    def q(text: str) -> str:
        return json.dumps(text)

    return "\n".join(
        [
            f"version: {q(version)}",
            "journals:",
            "  default:",
            f"    journal: {q(str(journal))}",
            "    encrypt: false",
            'editor: ""',
            "encrypt: false",
            "template: false",
            "default_hour: 9",
            "default_minute: 0",
            f"timeformat: {q(TIMEFORMAT)}",
            f"tagsymbols: {q('#@')}",
            "highlight: false",
            "linewrap: 79",
            'indent_character: "|"',
            "colors:",
            "  body: none",
            "  date: none",
            "  tags: none",
            "  title: none",
            "",
        ]
    )


def jrnl_env(ctx: Context) -> dict[str, str]:
    """The app's environment, with jrnl's XDG folders in the run's own folder (jrnl makes
    its data folder on every run) and no editor to open."""
    env = app_env(ctx)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = ctx.work / "jrnl-xdg" / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    for name in ("EDITOR", "VISUAL"):
        env.pop(name, None)
    return env


def _failure(error: Exception) -> JrnlFailed:
    """What went wrong with a jrnl process, in one line for the bench's note."""
    if isinstance(error, subprocess.TimeoutExpired):
        return JrnlFailed(f"jrnl did not finish within {TIMEOUT_SECONDS:.0f} s and was killed")
    if isinstance(error, subprocess.CalledProcessError):
        output = error.stderr or error.stdout or b""
        said = output.decode("utf-8", "replace") if isinstance(output, bytes) else output
        last = " / ".join(said.strip().splitlines()[-3:]) or "(nothing on stderr)"
        return JrnlFailed(f"jrnl exited with {error.returncode}: {last}")
    return JrnlFailed(f"jrnl could not start: {error}")


def time_jrnl(argv: list[str], env: dict[str, str]) -> float:
    """One jrnl process timed as every process of the bench is (time_process), but one
    that cannot wait for input: stdin is /dev/null and it is killed after TIMEOUT_SECONDS."""
    try:
        return time_process(argv, env, stdin=subprocess.DEVNULL, timeout=TIMEOUT_SECONDS)
    except (subprocess.SubprocessError, OSError) as error:
        raise _failure(error) from error


def jrnl_version(jrnl: str, env: dict[str, str]) -> str:
    """The version jrnl puts in its config, e.g. "4.6" from "jrnl v4.6"."""
    try:
        done = subprocess.run(
            [jrnl, "--version"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=True,
            text=True,
            env=env,
            timeout=TIMEOUT_SECONDS,
        )
    except (subprocess.SubprocessError, OSError) as error:
        raise _failure(error) from error
    found = re.search(r"v?(\d+(?:\.\d+)+)", done.stdout)
    if found is None:
        raise JrnlFailed("jrnl --version printed no version")
    major = int(found.group(1).split(".")[0])
    if major < 4:  # --config-file and this config's keys are jrnl 4's
        raise JrnlFailed(f"jrnl {found.group(1)} is older than 4, which this reference needs")
    return found.group(1)


def jrnl_argv(ctx: Context, jrnl: str, env: dict[str, str]) -> list[str]:
    """The command that adds one entry to a fresh copy of the 18,000-entry journal, with
    a config of its own in the run's folder."""
    folder = ctx.work / "jrnl"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    journal = folder / "journal.txt"
    shutil.copyfile(journal_file(), journal)
    config = folder / "jrnl.yaml"
    config.write_text(config_text(journal, jrnl_version(jrnl, env)), encoding="utf-8")
    return [jrnl, "--config-file", str(config), "Said hi to the neighbour"]
