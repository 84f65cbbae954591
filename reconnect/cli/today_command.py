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
    from reconnect.records.clock import now_local
    from reconnect.store.paths import data_dir
    from reconnect.store.store import DATA_FILE_NAME

    today = getattr(args, "today", None) or now_local().date()
    # Read straight from settings.toml: a prompt runs this often, and the Settings
    # model costs more than the rest (reconnect/settings_file.py).
    from reconnect.settings_file import first_day_of_week

    first_day = first_day_of_week()
    # lexists: a link to nothing is something to refuse (as every command does), not a
    # folder never used.
    if os.path.lexists(data_dir(args.data_dir) / DATA_FILE_NAME):
        # Never asks: a prompt or a status line runs it, and cannot answer.
        facts = today_facts(open_store(args.data_dir, may_ask=False), today, first_day)
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
