"""`reconnect` and its subcommands.

Textual is imported only when the TUI opens, so shell commands stay fast. Exit status:
0 done, 2 bad usage or input (nothing saved), 3 the data folder or file can't be used (or
is encrypted and no passphrase was given), 4 a wrong passphrase, 5 an encrypted file
(or the key file) damaged or changed, 6 an encrypted file cut short.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect.areas import AREA_NAMES
from reconnect.cli.arg_types import iso_date
from reconnect.logic.plural import plural
from reconnect.store.paths import data_dir, data_dir_given_by

if TYPE_CHECKING:
    from reconnect.app import Locked, ReconnectApp
    from reconnect.store.store import Store

EXIT_USAGE = 2
# Commands that open the store: an encrypted folder's key is opened while they load.
OPENS_A_STORE = (
    "log",
    "import",
    "export",
    "check",
    "decrypt",
    "passphrase",
    "reflect",
    "remind",
    "today",
)
EXIT_DATA_FILE = 3

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(func: Command) -> Command:
        COMMANDS[name] = func
        return func

    return register


DATA_DIR_HELP = (
    "folder holding your data (default: $RECONNECT_DATA_DIR, else the folder chosen in "
    "Settings, else the platform's user data folder)"
)


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        # A subcommand's parser names itself: "see reconnect log --help".
        self.exit(EXIT_USAGE, f"reconnect: {message} (see {self.prog} --help)\n")


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked (see reconnect.version)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from reconnect import version

        print(f"reconnect {version()}")
        parser.exit()


def build_parser() -> Parser:
    parser = Parser(
        prog="reconnect",
        description="A gentle companion for rebuilding social connection. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version")
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open on 12 weeks of sample data in a throwaway folder; your data is untouched",
    )
    parser.add_argument(
        "--open",
        choices=AREA_NAMES,
        default="today",
        metavar="AREA",
        dest="area",
        help=f"start on an area: {', '.join(AREA_NAMES)}",
    )
    parser.add_argument("--today", type=iso_date, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.add_parser("where", help="print the path of the data file")
    sub.add_parser("check", help="verify the data file and count its records")
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        names = module.add_parser(sub)  # one name, or several run by one function
        for name in [names] if isinstance(names, str) else names:
            COMMANDS[name] = module.run
    # `reconnect log … --data-dir D` means the same as `reconnect --data-dir D log …`.
    # Unset here, the value given before the command (or none) stands.
    for command in sub.choices.values():
        command.add_argument(
            "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=DATA_DIR_HELP
        )
    return parser


# Subcommands in modules of their own: each has add_parser(subparsers) -> name, and
# run(args) -> exit status. Keep those modules free of textual and heavy imports.
COMMAND_MODULES: tuple[str, ...] = (
    "reconnect.cli.log_command",
    "reconnect.cli.import_command",
    "reconnect.cli.export_command",
    "reconnect.cli.encryption_commands",
    "reconnect.cli.sync_status_command",
    "reconnect.cli.reflect_command",
    "reconnect.cli.remind_command",
    "reconnect.cli.serve_command",
    "reconnect.cli.today_command",
)


@command("where")
def cmd_where(args: argparse.Namespace) -> int:
    from reconnect.store.store import DATA_FILE_NAME

    print(data_dir(args.data_dir) / DATA_FILE_NAME)
    return 0


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    """Read and validate every record, the journal's too; never writes anything."""
    from reconnect.store.errors import drain_notices
    from reconnect.store.files import prepare_folder
    from reconnect.store.store import DATA_FILE_NAME, Store

    folder = data_dir(args.data_dir)
    path = folder / DATA_FILE_NAME
    if folder.exists() and not folder.is_dir():
        prepare_folder(folder)  # says what is wrong
    from reconnect.cli.passphrase import folder_key
    from reconnect.store.folder_key import KEY_FILE_NAME, key_file_path

    found = Store.inspect(folder, key=folder_key(folder) if folder.is_dir() else None)
    drain_notices()  # what the journal holds is said below, once
    if found is None:
        print(f"No data file yet at {path}: nothing to check. The app creates it on first use.")
        return 0
    summary = ", ".join(_count(count, name) for name, count in found.counts.items())
    print(f"{'Problems in' if found.problems else 'OK'} {path}: {summary}")
    if key_file_path(folder).exists():
        print(f"It is encrypted: the passphrase opens the key kept in {KEY_FILE_NAME} beside it.")
    if found.journal_saves:
        saves = plural(found.journal_saves, "save")
        print(f"Its journal {found.journal} holds {saves} since it was last written whole.")
    for problem in found.problems:
        print(problem)
    for waiting in found.sync_waiting:  # conflicted copies a sync tool left
        print(waiting)
    if len(found.devices) > 1:
        from reconnect.cli.sync_status_command import device_lines
        from reconnect.store.device import this_device

        print("Changed on: " + "; ".join(device_lines(found.devices, this_device().id)))
    for odd in found.odd_dates:  # the file opens; the person may want to set these right
        print(f"A date to check: {odd}")
    if _encryption_pending(folder):
        print(
            "A change of encryption (encrypt, decrypt or passphrase) was stopped midway: "
            "every record is readable, and it is finished the next time reconnect opens "
            "the folder."
        )
    if found.upgrade:
        print(
            "It was written by an older reconnect: it will be upgraded the next time reconnect "
            "opens it, and the file as it is now kept beside it."
        )
    return 1 if found.problems else 0


def _encryption_pending(folder: Path) -> bool:
    from reconnect.store.folder_key import read_key_file

    key_file = read_key_file(folder)
    return key_file is not None and key_file.pending is not None


def _count(count: int, kind: str) -> str:
    """'1 reflection', '2 reflections', '1 person', '0 check-ins'."""
    singular = {"people": "person", "checkins": "check-in"}.get(kind, kind.removesuffix("s"))
    return plural(count, singular, {"checkins": "check-ins"}.get(kind, kind))


def _fold_at_quit(store: Store) -> None:
    """Fold the journal into the data file. Every save is already on the disk in the
    journal: a fold the disk refuses loses nothing, so it is said, not failed."""
    from reconnect.store.errors import DataFileError
    from reconnect.store.write_failure import failure_words

    try:
        store.close()
    except (OSError, DataFileError) as exc:
        what, todo = failure_words(exc)
        print(
            f"reconnect: every save is safe in {store.storage.journal.path.name}, but "
            f"{store.path.name} could not be rewritten at quit ({what.lower()}). "
            f"{todo}; the next start reads both.",
            file=sys.stderr,
        )


def _open_for_app(folder: Path) -> tuple[Store | None, Locked | None]:
    """The store, unlocked when the folder is encrypted and RECONNECT_PASSPHRASE_FILE or
    the keyring gives the passphrase; else the locked folder, for the app to ask it first
    (in a terminal or a browser alike)."""
    from reconnect.app import Locked
    from reconnect.cli.passphrase import folder_key
    from reconnect.store.folder_key import NoPassphrase, read_key_file
    from reconnect.store.store import Store

    try:
        return Store.open(folder, key=folder_key(folder, may_ask=False)), None
    except NoPassphrase:
        key_file = read_key_file(folder)
        if key_file is None:
            raise  # decrypted meanwhile: not ours to guess
    return None, Locked(folder, key_file)


def run_app(args: argparse.Namespace) -> int:
    from reconnect.app import make_app
    from reconnect.store.store import Store

    demo_dir: Path | None = None
    locked = None
    try:
        if args.demo:
            from reconnect.demo import generate, seed_store

            demo_dir = Path(tempfile.mkdtemp(prefix="reconnect-demo-"))
            store = Store.open(demo_dir / "data")
            seed_store(store, generate(args.today or date.today()))
        else:
            store, locked = _open_for_app(data_dir(args.data_dir))
        app = make_app(
            store=store,
            today=args.today,
            start_area=args.area,
            demo=args.demo,
            locked=locked,
            data_dir_given_by=getattr(args, "data_dir_given_by", None),
        )
        code = run_quietly(app)
        if code == 0 and app.store is not None:  # None: quit at the passphrase
            _fold_at_quit(app.store)
        return code
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def run_quietly(app: ReconnectApp, **run_options: Any) -> int:
    """Run the app; an error that ends it becomes one line (and a crash log), never a
    traceback. Textual prints what ended an app to its error console: we hold that."""
    import io

    from rich.console import Console

    from reconnect.cli.crash import crash_line
    from reconnect.store.errors import DATA_FILE_ERROR_MARK, drain_notices

    held = io.StringIO()
    app.error_console = Console(file=held, width=100, color_system=None, markup=False)
    result = app.run(**run_options)
    for notice in drain_notices():
        print(f"reconnect: {notice}", file=sys.stderr)
    ended_by = held.getvalue().strip()
    if not ended_by:
        return result or 0
    if ended_by.startswith(DATA_FILE_ERROR_MARK):
        print(ended_by, file=sys.stderr)
        return EXIT_DATA_FILE
    first = next((line for line in reversed(ended_by.splitlines()) if line.strip()), "error")
    print(crash_line(first.split(":")[0].strip()[:60], ended_by), file=sys.stderr)
    return 1


def _unusable_folder_line(folder: Path, given_by: str | None, from_settings: bool) -> str | None:
    """One line, before anything is read or written, when the data folder cannot be
    used: where it was chosen, and how to start anyway (Settings may be the only place
    that names it, and Settings is in the app)."""
    from reconnect.store.folder_check import folder_problem

    why = folder_problem(folder)
    if why is None:
        return None
    start_with = "--data-dir FOLDER (or RECONNECT_DATA_DIR=FOLDER)"
    if given_by is not None:
        return (
            f"reconnect: cannot use the data folder {folder} (from {given_by}): {why}. "
            "Check the path, or give another."
        )
    if from_settings:
        from reconnect.settings_file import settings_path

        return (
            f"reconnect: cannot use the data folder {folder}, chosen in Settings "
            f"(data_folder in {settings_path()}): {why}. Fix or remove that line, or start "
            f"with {start_with} and choose another folder in Settings."
        )
    return f"reconnect: cannot use the usual data folder {folder}: {why}. Start with {start_with}."


# The commands that can show the sample data (each opens the app on a throwaway folder).
DEMO_COMMANDS = (None, "serve")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # --help and usage errors end here, light
    if args.demo and args.command not in DEMO_COMMANDS:
        # The sample data lives only as long as the app: a shell command would read or
        # write the person's own folder while they believe it untouched.
        parser.error(
            f"--demo is for the app (reconnect --demo, or reconnect serve --demo); "
            f"'{args.command}' works on your own data: run it without --demo"
        )
    # pydantic looks for plugins through every installed package's entry points on first
    # use (~15 ms at each start). reconnect uses none; a user can still opt in.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from reconnect.cli.crash import crash_line
    from reconnect.cli.passphrase import PassphraseRefused
    from reconnect.store.errors import DataFileError, drain_notices

    args.data_dir_given_by = data_dir_given_by(args.data_dir)
    if args.data_dir_given_by is None:
        from reconnect.settings import configured_data_folder

        args.data_dir = configured_data_folder()
    if not args.demo:  # a demo never touches the data folder
        from_settings = args.data_dir_given_by is None and args.data_dir is not None
        unusable = _unusable_folder_line(
            data_dir(args.data_dir), args.data_dir_given_by, from_settings
        )
        if unusable:
            print(unusable, file=sys.stderr)
            return EXIT_DATA_FILE
    if args.command in OPENS_A_STORE or (args.command is None and not args.demo):
        from reconnect.cli.passphrase import unlock_early

        unlock_early(data_dir(args.data_dir))
    try:
        if args.command:
            return COMMANDS[args.command](args)
        return run_app(args)
    except DataFileError as exc:
        print(f"reconnect: {exc}", file=sys.stderr)
        return exc.exit_status
    except PassphraseRefused as exc:
        print(f"reconnect: {exc}.", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        from reconnect.store.write_failure import failure_words

        what, todo = failure_words(exc)
        where = f" ({exc.filename})" if exc.filename else ""
        line = f"reconnect: {what}{where}: nothing was saved. {todo} and try again."
        print(line, file=sys.stderr)
        return 1
    except Exception as exc:  # the last resort: a line and a crash log, not a traceback
        import traceback

        print(crash_line(type(exc).__name__, traceback.format_exc()), file=sys.stderr)
        return 1
    finally:
        for notice in drain_notices():
            print(f"reconnect: {notice}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
