"""`reconnect serve [--port N] [--demo]`: the app in a web browser on this computer.

For someone who will not live in a terminal (a therapist's office computer, a partner
who helps). It listens on 127.0.0.1 only, behind a random token in the address it
prints (reconnect/cli/web_server.py says what else keeps it private). Each browser tab
runs the app as `reconnect --data-dir DIR` (or `--demo`) in a process of its own; an
encrypted folder's passphrase is asked in the page (the app starts on its passphrase
screen), or comes from RECONNECT_PASSPHRASE_FILE or the keyring, which that process
inherits (a wrong one is refused before anything listens).

Imports stay light at the top: the parser is built for every command.
"""

from __future__ import annotations

import argparse
import contextlib
import shlex
import sys
from typing import Any

from reconnect.areas import AREA_NAMES

NAME = "serve"
EXIT_BAD_INPUT = 2


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        said = f"'{text}' is not a port: give 1 to 65535 (or 0 for a free one)"
        raise argparse.ArgumentTypeError(said)
    return port


def add_parser(subparsers: Any) -> str:
    parser = subparsers.add_parser(
        NAME,
        help="open the app in a web browser on this computer (127.0.0.1 only)",
        description="Serve the app to a web browser on this computer. It prints an "
        "address with a private token: open it in the browser; ctrl+c here stops it.",
    )
    parser.add_argument(
        "--port",
        type=port_number,
        default=0,
        metavar="N",
        help="the port to listen on, on 127.0.0.1 (default: a free one)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,  # `reconnect --demo serve` means the same
        help="serve 12 weeks of sample data in a throwaway folder; your data is untouched",
    )
    parser.add_argument(
        "--open",
        choices=AREA_NAMES,
        default=argparse.SUPPRESS,  # `reconnect --open log serve` means the same
        metavar="AREA",
        dest="area",
        help=f"start each tab on an area: {', '.join(AREA_NAMES)}",
    )
    return NAME


def app_command(args: argparse.Namespace) -> str:
    """The command line each browser tab runs: the same folder or demo, area and day."""
    from reconnect.store.paths import data_dir

    argv = [sys.executable, "-m", "reconnect"]
    if args.demo:
        argv.append("--demo")
    else:
        argv += ["--data-dir", str(data_dir(args.data_dir).absolute())]
    if getattr(args, "area", "today") != "today":
        argv += ["--open", args.area]
    if getattr(args, "today", None):
        argv += ["--today", args.today.isoformat()]
    return shlex.join(argv)


def check_given_passphrase(args: argparse.Namespace) -> None:
    """A passphrase from RECONNECT_PASSPHRASE_FILE or the keyring, which each tab's app
    inherits, is tried here: a wrong one raises (exit 4) before anything listens. With
    none, each tab asks in the page."""
    from reconnect.cli.passphrase import folder_key
    from reconnect.store.folder_key import NoPassphrase
    from reconnect.store.paths import data_dir

    if args.demo:
        return
    with contextlib.suppress(NoPassphrase):
        folder_key(data_dir(args.data_dir), may_ask=False)


def run(args: argparse.Namespace) -> int:
    import errno
    import secrets

    check_given_passphrase(args)
    from reconnect.cli.loopback import bind_loopback, page_address

    try:
        listening = bind_loopback(args.port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            said = f"port {args.port} is in use: choose another with --port, or leave it out"
        else:
            said = f"cannot listen on port {args.port} ({exc.strerror}): choose another"
        print(f"reconnect: {said}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    token = secrets.token_urlsafe(32)
    what = "12 weeks of sample data" if args.demo else "reconnect"
    # The address on a line of its own: copied (or clicked) whole, however narrow the
    # terminal.
    print(
        f"Open this address in a browser on this computer to use {what} "
        f"(only this computer can reach it):\n\n    {page_address(listening, token)}\n\n"
        "ctrl+c here stops it.",
        flush=True,
    )
    from reconnect.cli.web_server import PrivateServer

    PrivateServer(app_command(args), listening, token).serve()
    return 0
