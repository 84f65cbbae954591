"""`reconnect today`: the day in one line (or `--json`), for a shell prompt, a tmux
status line or a login message. Light at the top, as every command module: the store
and the logic load only when it runs."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

NAME = "today"


def add_parser(subparsers: Any) -> str:
    parser = subparsers.add_parser(
        NAME,
        help="this week in one line, for a shell prompt or a status line",
        description="This week in one line: how many moments you have noted, the next "
        "step of a goal (or homework due soon), someone you hoped to hear from more "
        "often, and whether the weekly check-in or review is waiting. It only reads, "
        "and validates no record, so a prompt can run it often.",
    )
    parser.add_argument(
        "--json", action="store_true", help="the same facts as a JSON object, the line included"
    )
    return NAME


def run(args: argparse.Namespace) -> int:
    from reconnect.cli.passphrase import open_store
    from reconnect.logic.today_line import facts_json, nothing_yet, today_facts, today_line
    from reconnect.records.models import now_local
    from reconnect.store.paths import data_dir
    from reconnect.store.store import DATA_FILE_NAME

    today = getattr(args, "today", None) or now_local().date()
    first_day = _first_day()
    # lexists: a link to nothing is something to refuse (as every command does), not a
    # folder never used.
    if os.path.lexists(data_dir(args.data_dir) / DATA_FILE_NAME):
        facts = today_facts(open_store(args.data_dir), today, first_day)
    else:  # never used here: a prompt makes no data folder
        facts = nothing_yet(today, first_day)
    if args.json:
        import json

        out = json.dumps(facts_json(facts), ensure_ascii=False)
    else:
        out = today_line(facts)
    try:
        print(out)
        sys.stdout.flush()
    except BrokenPipeError:  # a status line that stopped reading: nothing to say
        return 0
    return 0


def _first_day() -> int:
    """The first day of the week from Settings. Read from settings.toml directly when
    Settings are not loaded yet (a prompt runs this often: building the Settings model
    costs ~25 ms); a file that cannot be read, or a value out of range, means Monday as
    in the app (which also ignores the whole file when another setting is broken)."""
    if "reconnect.settings" in sys.modules:
        from reconnect.settings import load_settings

        return load_settings()[0].first_day_of_week
    from pathlib import Path

    folder = os.environ.get("RECONNECT_CONFIG_DIR")
    if folder:
        path = Path(folder).expanduser() / "settings.toml"
    else:
        from platformdirs import user_config_path

        path = user_config_path("reconnect", appauthor=False) / "settings.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    import tomllib  # only when there is a file to read

    try:
        value = tomllib.loads(text).get("first_day_of_week", 0)
    except tomllib.TOMLDecodeError:
        return 0
    fits = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6
    return value if fits else 0
