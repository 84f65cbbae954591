"""`reconnect remind --install / --uninstall`: reminders through the system's own
scheduler, never a daemon of ours.

With systemd: a user service and timer in $XDG_CONFIG_HOME/systemd/user (default
~/.config), enabled with `systemctl --user` when it is there; a failure there is said
with the command to run, never fatal. Without systemd: the crontab line to add is
printed (the crontab is never edited behind the person's back).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from datetime import time
from pathlib import Path

from reconnect.cli.passphrase import PASSPHRASE_FILE_ENV
from reconnect.store.atomic import atomic_write

UNIT = "reconnect-remind"
SERVICE = f"{UNIT}.service"
TIMER = f"{UNIT}.timer"
ENABLE = f"systemctl --user daemon-reload && systemctl --user enable --now {TIMER}"
SYSTEMCTL_SECONDS = 30


def unit_folder() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "systemd" / "user"


def reconnect_argv() -> list[str]:
    """The absolute command that runs this reconnect: its installed script, else this
    Python with -m reconnect."""
    started_as = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if started_as is not None and started_as.name == "reconnect" and started_as.exists():
        return [str(started_as.resolve())]
    found = shutil.which("reconnect")
    if found:
        return [str(Path(found).resolve())]
    return [str(Path(sys.executable).resolve()), "-m", "reconnect"]


def remind_argv(data_folder: Path | None) -> list[str]:
    where = ["--data-dir", str(data_folder.resolve())] if data_folder else []
    return [*reconnect_argv(), *where, "remind", "--notify"]


def _systemd_word(word: str) -> str:
    """A word for ExecStart=: % doubled, quoted when it holds spaces or quotes."""
    word = word.replace("%", "%%")
    if any(c.isspace() or c in "\"'\\" for c in word):
        return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return word


def service_text(argv: list[str], passphrase_file: str | None) -> str:
    lines = [
        "[Unit]",
        "Description=reconnect: a gentle reminder of what is due today",
        "",
        "[Service]",
        "Type=oneshot",
    ]
    if passphrase_file:
        lines.append(f"Environment={_systemd_word(f'{PASSPHRASE_FILE_ENV}={passphrase_file}')}")
    lines.append("ExecStart=" + " ".join(_systemd_word(w) for w in argv))
    return "\n".join(lines) + "\n"


def timer_text(at: time) -> str:
    return (
        "[Unit]\n"
        f"Description=reconnect: a gentle reminder every day at {at:%H:%M}\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {at:%H:%M}:00\n"
        "# A day the computer was off at that time: remind once when it is back.\n"
        "Persistent=true\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def crontab_line(argv: list[str], at: time, passphrase_file: str | None) -> str:
    env = f"{PASSPHRASE_FILE_ENV}={shlex.quote(passphrase_file)} " if passphrase_file else ""
    return f"{at.minute} {at.hour} * * * {env}{shlex.join(argv)}"


def _systemctl(*args: str) -> str:
    """Run `systemctl --user ARGS`; "" when it worked, else why not (one line)."""
    try:
        done = subprocess.run(
            ["systemctl", "--user", *args],
            capture_output=True,
            text=True,
            timeout=SYSTEMCTL_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    if done.returncode == 0:
        return ""
    said = (done.stderr or done.stdout).strip().splitlines()
    return said[0] if said else f"exit status {done.returncode}"


def install(at: time, data_folder: Path | None) -> list[str]:
    """Write (or replace) the timer, or give the crontab line; what happened, in lines."""
    argv = remind_argv(data_folder)
    passphrase_file = os.environ.get(PASSPHRASE_FILE_ENV) or None
    if passphrase_file:
        passphrase_file = str(Path(passphrase_file).resolve())
    if shutil.which("systemctl") is None:
        return [
            "There is no systemd here, so reconnect leaves your crontab to you. "
            f"To be reminded every day at {at:%H:%M}, add this line with `crontab -e`:",
            crontab_line(argv, at, passphrase_file),
        ]
    folder = unit_folder()
    atomic_write(folder / SERVICE, service_text(argv, passphrase_file).encode())
    atomic_write(folder / TIMER, timer_text(at).encode())
    written = f"The timer is written ({folder / TIMER})"
    problem = _systemctl("daemon-reload") or _systemctl("enable", "--now", TIMER)
    if problem:
        return [f"{written}, but systemd did not turn it on ({problem}). To turn it on: {ENABLE}"]
    return [
        f"Reminders are on: every day at {at:%H:%M}, a desktop notification when something "
        "is due, and nothing when nothing is. `reconnect remind --uninstall` turns them off.",
    ]


def uninstall() -> list[str]:
    folder = unit_folder()
    files = [folder / SERVICE, folder / TIMER]
    if shutil.which("systemctl") is None and not any(f.exists() for f in files):
        return [
            "There is no systemd here: if you added reconnect's line to your crontab, "
            "`crontab -e` takes it out (the line with `remind --notify`)."
        ]
    if not any(f.exists() for f in files):
        return ["Reminders were not installed here: there is nothing to remove."]
    problem = ""
    if shutil.which("systemctl") is not None:
        problem = _systemctl("disable", "--now", TIMER)
    for file in files:
        file.unlink(missing_ok=True)
    if shutil.which("systemctl") is not None:
        _systemctl("daemon-reload")
    lines = ["Reminders are off: the timer is removed. `reconnect remind` still shows what is due."]
    if problem:
        # It may never have been running (systemd unreachable at --install too): say
        # only what is sure. Its files are gone, so no restart brings it back.
        lines.append(f"(systemd said: {problem}. With its files gone, it will not run again.)")
    return lines
