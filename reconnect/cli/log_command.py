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
        help='note a moment of connection, e.g. reconnect log "Coffee with Ana" '
        "--who Ana -d 3 -c 4",
        description="Note a small moment of connection. It shows up in the app's Log "
        "within a few seconds, even while the app is open. Only depth and comfort are "
        "needed when --who names someone in People (who they are to you is theirs); "
        "anything missing is asked for when a terminal is attached.",
    )
    parser.add_argument("what", help="what happened, in a few words")
    parser.add_argument(
        "-k",
        "--counterpart",
        metavar="KIND",
        help="who it was with: stranger, neighbour, coworker, acquaintance, friend, "
        "family, chosen-family, group (default: the circle of the person --who names)",
    )
    parser.add_argument("-d", "--depth", metavar="1-5", help=DEPTH_HELP)
    parser.add_argument("-c", "--comfort", metavar="1-5", help=COMFORT_HELP)
    parser.add_argument(
        "-m", "--authenticity", metavar="1-5", help=f"{AUTHENTICITY_HELP} (optional)"
    )
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
        "-w", "--who", metavar="NAME", help="the person; a name not known yet is added to People"
    )
    parser.add_argument(
        "--channel",
        metavar="HOW",
        help="in-person, phone, video, text, online (default: what the words name, "
        "'texted Ana' is a text; else in-person)",
    )
    parser.add_argument("-n", "--note", default="", metavar="TEXT", help="anything to remember")
    parser.add_argument(
        "-a",
        "--at",
        metavar="WHEN",
        help="when it happened (default: now): 18:30 (today), 'yesterday 18:00', mon (the "
        "most recent Monday), '2 days ago', 'last friday evening', 2026-11-20T18:30. A day "
        "with no time means noon (or now, today before noon)",
    )
    return NAME


def scale(flag: str, text: str, meaning: str) -> int:
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

    from reconnect.logic.channel_words import channel_in
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
        channel = (
            parse_choice(Channel, args.channel)
            if args.channel is not None
            else channel_in(args.what) or Channel.IN_PERSON
        )
    except ValueError as exc:
        raise BadInput(f"--channel: {exc}") from None
    counterpart = None
    if args.counterpart is not None:
        try:
            counterpart = parse_choice(Counterpart, args.counterpart)
        except ValueError as exc:
            raise BadInput(f"--counterpart: {exc}") from None
    depth = None if args.depth is None else scale("--depth", args.depth, DEPTH_HELP)
    comfort = None if args.comfort is None else scale("--comfort", args.comfort, COMFORT_HELP)
    authenticity = (
        None
        if args.authenticity is None
        else scale("--authenticity", args.authenticity, AUTHENTICITY_HELP)
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
    fields = {"at": at, "what": args.what, "channel": channel, "note": args.note}
    fields |= {"authenticity": authenticity, "support": support, "support_kind": support_kind}
    try:  # the words first: nothing is asked for a moment that cannot be saved anyway
        Connection(**fields, counterpart="stranger", depth=1, comfort=1)
    except ValidationError as exc:
        raise BadInput(_flagged(first_error(exc))) from None

    from reconnect.cli.log_missing import ask_for_missing, counterpart_of
    from reconnect.cli.passphrase import open_store
    from reconnect.logic import connections
    from reconnect.logic.day_format import day_format

    store = None
    if counterpart is None and args.who is not None:
        store = open_store(args.data_dir)  # who they are to you may be in People
        counterpart = counterpart_of(store, args.who)
    counterpart, depth, comfort = ask_for_missing(counterpart, depth, comfort, args.who)
    try:
        connection = Connection(**fields, counterpart=counterpart, depth=depth, comfort=comfort)
    except ValidationError as exc:
        raise BadInput(_flagged(first_error(exc))) from None
    store = store or open_store(args.data_dir)
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
    when = day_format(saved.connection.at, "%a {day} %b %H:%M")
    lines.append(f"Saved {describe(saved.connection, person)} at {when}, id {saved.connection.id}")
    say_after_save(*lines)
    return 0


def _flagged(message: str) -> str:
    """'what: must not be empty' -> 'what (the text): must not be empty'."""
    field, _, reason = message.partition(": ")
    return f"{FLAG_FOR_FIELD.get(field, field)}: {reason}" if reason else message
