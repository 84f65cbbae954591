"""`reconnect remind`: what is due today, gently; `--notify` as a desktop notification;
`--install [--at HH:MM]` / `--uninstall` a daily reminder through the system's own
scheduler (remind_schedule.py). Off until the person installs it.

Nothing due: one calm line, or, with --notify (as the timer runs it), nothing at all.
Light at import: the store, the models and the scheduler load in run().
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from datetime import date, time
from typing import Any

NAME = "remind"
EXIT_BAD_INPUT = 2
DEFAULT_AT = time(9, 0)
NOTHING_DUE = "Nothing is due today. reconnect is here whenever you want it."
HEADING = "For today, if it feels right:"


# 09:00, 18:30, 9am, 9:30pm, 6 pm (a bare "9" could be either: asked again).
_TIME_OF_DAY = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?")


def _clock(text: str) -> time:
    match = _TIME_OF_DAY.fullmatch(text.strip().lower())
    if match and (match[2] or match[3]):
        hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half == "pm" else 0)
        elif half:
            hour = 24  # "13pm": refused below
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise argparse.ArgumentTypeError(f"'{text}' is not a time of day like 09:00, 18:30 or 9am")


def add_parser(subparsers: Any) -> str:
    parser = subparsers.add_parser(
        NAME,
        help="what is due today (homework, the week's review, people, birthdays); "
        "--install for a daily reminder",
        description="Show what is due today, gently: homework due within two days, the "
        "week just ended waiting for its review and check-in, people past the rhythm you "
        "wished for, an important date today or tomorrow. Reminders are off until you "
        "choose --install.",
    )
    parser.add_argument(
        "--notify", action="store_true", help="also show it as a desktop notification"
    )
    when = parser.add_mutually_exclusive_group()
    when.add_argument(
        "--install",
        action="store_true",
        help="remind me every day (a systemd user timer, or the crontab line to add)",
    )
    when.add_argument("--uninstall", action="store_true", help="stop the daily reminder")
    parser.add_argument(
        "--at",
        type=_clock,
        metavar="HH:MM",
        help=f"with --install: the time of day (default {DEFAULT_AT:%H:%M})",
    )
    return NAME


def run(args: argparse.Namespace) -> int:
    if args.at is not None and not args.install:
        print(
            "reconnect remind: --at goes with --install (the time of the daily reminder).",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if args.install or args.uninstall:
        return _schedule(args)
    lines = due_lines(args)
    if not lines:
        if not args.notify:
            print(NOTHING_DUE)
        return 0
    print(HEADING)
    for line in lines:
        print(f"- {line}")
    if args.notify:
        problem = notify(lines)
        if problem:
            print(f"reconnect remind: {problem}", file=sys.stderr)
    return 0


def due_lines(args: argparse.Namespace) -> list[str]:
    from reconnect.cli.passphrase import open_store
    from reconnect.logic.reminders import due_today
    from reconnect.settings_file import first_day_of_week

    store = open_store(args.data_dir)
    first_day = first_day_of_week()
    today: date = getattr(args, "today", None) or date.today()
    return [r.text for r in due_today(store, today, first_day)]


def notify(lines: list[str]) -> str:
    """One desktop notification; "" when it was shown, else why not (one line)."""
    sender = shutil.which("notify-send")
    if sender is None:
        return (
            "no desktop notification could be shown here (notify-send was not found): "
            "what is due is printed above."
        )
    try:
        done = subprocess.run(
            [sender, "--app-name=reconnect", "reconnect", "\n".join(lines)],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"the desktop notification could not be shown ({exc}); it is printed above."
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or [f"status {done.returncode}"])[0]
        return f"the desktop notification could not be shown ({why}); it is printed above."
    return ""


def _schedule(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from reconnect.cli.remind_schedule import install, uninstall
    from reconnect.store.folder_key import is_encrypted
    from reconnect.store.paths import data_dir

    if args.uninstall:
        lines = uninstall()
    else:
        given = args.data_dir or os.environ.get("RECONNECT_DATA_DIR")
        folder = Path(given) if given else None
        lines = install(args.at or DEFAULT_AT, folder)
        if is_encrypted(data_dir(args.data_dir)):
            lines.append(
                "Your data folder is encrypted: the reminder can open it only with "
                "RECONNECT_PASSPHRASE_FILE set when you install, or the passphrase kept in "
                "this machine's keyring (reconnect encrypt --remember)."
            )
    for line in lines:
        print(line)
    return 0
