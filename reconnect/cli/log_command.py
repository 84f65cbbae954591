"""`reconnect log "…" --counterpart … --depth … --comfort …`: note a moment from the shell.

Imports stay light at the top (argparse only): the parser is built for every command,
and the models and store load only when `log` actually runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reconnect.cli.after_save import say_after_save

NAME = "log"
EXIT_BAD_INPUT = 2
DEPTH_HELP = (
    "1 greeting, 2 small talk, 3 real conversation, 4 personal share, "
    "5 plan made, support given or received"
)
COMFORT_HELP = "1 very uneasy, 2 uneasy, 3 okay, 4 fairly comfortable, 5 at ease"
AUTHENTICITY_HELP = (
    "could I be myself? 1 I held back a lot, 2 held back some, 3 partly myself, "
    "4 mostly myself, 5 fully myself"
)
# The flag to name when the model refuses a field.
FLAG_FOR_FIELD = {"what": "what (the text)", "note": "--note", "name": "--who"}


class BadInput(Exception):
    """A value the user can fix; one line, exit status 2, nothing saved."""


def add_parser(subparsers: Any) -> str:
    parser = subparsers.add_parser(
        NAME,
        help='note a moment of connection, e.g. reconnect log "Said hi to the neighbour" '
        "--counterpart neighbour --depth 1 --comfort 3",
        description="Note a small moment of connection. It shows up in the app's Log "
        "within a few seconds, even while the app is open.",
    )
    parser.add_argument("what", help="what happened, in a few words")
    parser.add_argument(
        "--counterpart",
        required=True,
        metavar="KIND",
        help="who it was with: stranger, neighbour, coworker, acquaintance, friend, "
        "family, chosen-family, group",
    )
    parser.add_argument("--depth", required=True, metavar="1-5", help=DEPTH_HELP)
    parser.add_argument("--comfort", required=True, metavar="1-5", help=COMFORT_HELP)
    parser.add_argument("--authenticity", metavar="1-5", help=f"{AUTHENTICITY_HELP} (optional)")
    parser.add_argument(
        "--support",
        metavar="WAY",
        help="support in this moment: gave, received or both (optional)",
    )
    parser.add_argument(
        "--support-kind",
        metavar="KIND",
        help="emotional, practical (a lift, childcare) or guidance (advice); needs --support",
    )
    parser.add_argument(
        "--who", metavar="NAME", help="the person; a name not known yet is added to People"
    )
    parser.add_argument(
        "--channel",
        default="in-person",
        metavar="HOW",
        help="in-person (default), phone, video, text, online",
    )
    parser.add_argument("--note", default="", metavar="TEXT", help="anything to remember")
    parser.add_argument(
        "--at",
        metavar="WHEN",
        help="when it happened: 2026-11-20T18:30, or 18:30 for today (default: now)",
    )
    return NAME


def _scale(flag: str, text: str, meaning: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if not 1 <= value <= 5:
        raise BadInput(f"{flag}: '{text}' is not allowed; use a number: {meaning}")
    return value


def run(args: argparse.Namespace) -> int:
    try:
        return _log(args)
    except BadInput as exc:
        print(f"reconnect log: {exc}. Nothing was saved.", file=sys.stderr)
        return EXIT_BAD_INPUT


def _log(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from reconnect.logic.connections import check_not_future, describe, parse_choice, parse_moment
    from reconnect.records.models import (
        Channel,
        Connection,
        Counterpart,
        SupportFlow,
        SupportKind,
        first_error,
        now_local,
    )

    now = now_local()
    try:
        counterpart = parse_choice(Counterpart, args.counterpart)
    except ValueError as exc:
        raise BadInput(f"--counterpart: {exc}") from None
    try:
        channel = parse_choice(Channel, args.channel)
    except ValueError as exc:
        raise BadInput(f"--channel: {exc}") from None
    depth = _scale("--depth", args.depth, DEPTH_HELP)
    comfort = _scale("--comfort", args.comfort, COMFORT_HELP)
    authenticity = (
        None
        if args.authenticity is None
        else _scale("--authenticity", args.authenticity, AUTHENTICITY_HELP)
    )
    try:
        support = None if args.support is None else parse_choice(SupportFlow, args.support)
    except ValueError as exc:
        raise BadInput(f"--support: {exc}") from None
    try:
        support_kind = (
            None if args.support_kind is None else parse_choice(SupportKind, args.support_kind)
        )
    except ValueError as exc:
        raise BadInput(f"--support-kind: {exc}") from None
    if support_kind is not None and support is None:
        raise BadInput(
            "--support-kind: say which way it went too, with --support gave, received or both"
        )
    at = now
    if args.at is not None:
        try:
            at = parse_moment(args.at, now)
            check_not_future(at, now)
        except ValueError as exc:
            raise BadInput(f"--at: {exc}") from None
    if args.who is not None and not args.who.strip():
        raise BadInput("--who: give a name, or leave --who out")
    try:
        connection = Connection(
            at=at,
            what=args.what,
            counterpart=counterpart,
            channel=channel,
            depth=depth,
            comfort=comfort,
            note=args.note,
            authenticity=authenticity,
            support=support,
            support_kind=support_kind,
        )
    except ValidationError as exc:
        raise BadInput(_flagged(first_error(exc))) from None

    from reconnect.cli.passphrase import open_store
    from reconnect.logic import connections

    store = open_store(args.data_dir)
    try:
        saved = connections.save(store, connection, who=args.who, now=now)
    except ValidationError as exc:
        raise BadInput(_flagged(first_error(exc))) from None
    lines: list[str] = []
    if saved.new_person is not None:
        person = saved.new_person
        lines.append(
            f"Added {person.name} to People (circle: {person.circle.value.replace('_', ' ')}), "
            f"id {person.id}"
        )
    person = store.people.get(saved.connection.person_id) if saved.connection.person_id else None
    lines.append(
        f"Saved {describe(saved.connection, person)} "
        f"at {saved.connection.at:%a %-d %b %H:%M}, id {saved.connection.id}"
    )
    say_after_save(*lines)
    return 0


def _flagged(message: str) -> str:
    """'what: must not be empty' -> 'what (the text): must not be empty'."""
    field, _, reason = message.partition(": ")
    return f"{FLAG_FOR_FIELD.get(field, field)}: {reason}" if reason else message
