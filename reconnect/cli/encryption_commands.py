"""`reconnect encrypt`, `reconnect decrypt` and `reconnect passphrase`.

Each rewrites the data folder in crash-safe steps (reconnect/store/encryption.py) with
the store's lock held, so a running app's next save is refused rather than written in
the old form.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from reconnect.store.paths import data_dir

NAMES = ("encrypt", "decrypt", "passphrase")
EXIT_USAGE = 2

KEEP_IT_SAFE = (
    "Keep the passphrase somewhere safe: without it nothing can be read back, by you or "
    "by anyone (there is no reset)."
)


def add_parser(subparsers: Any) -> tuple[str, ...]:
    encrypt = subparsers.add_parser(
        "encrypt",
        help="encrypt your data folder with a passphrase",
        description="Encrypt the data file, its journal, the drafts and kept copies with a "
        "passphrase you choose (asked twice, without echo; or the first line of the file "
        "named by RECONNECT_PASSPHRASE_FILE). Every command and the app then ask for it. "
        "Settings (theme, first weekday) stay plain.",
    )
    _remember_option(encrypt)
    subparsers.add_parser(
        "decrypt",
        help="turn encryption off: store your data in plain JSON again",
        description="Open every encrypted file of the data folder for good and remove its "
        "key file. Asks for the passphrase.",
    )
    change = subparsers.add_parser(
        "passphrase",
        help="change the passphrase of an encrypted data folder",
        description="Asks for the current passphrase, then the new one twice (or reads "
        "RECONNECT_PASSPHRASE_FILE and RECONNECT_NEW_PASSPHRASE_FILE). Everything is sealed "
        "again under a new key, so the old passphrase opens nothing written from now on.",
    )
    _remember_option(change)
    return NAMES


def _remember_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--remember",
        action="store_true",
        help="keep the passphrase in this machine's keyring, so it is not asked here",
    )


def run(args: argparse.Namespace) -> int:
    from reconnect.cli.after_save import say_after_save
    from reconnect.cli.passphrase import (
        NEW_PASSPHRASE_FILE_ENV,
        folder_key,
        new_passphrase,
        remember,
    )
    from reconnect.store import encryption
    from reconnect.store.folder_key import is_encrypted
    from reconnect.store.store import Store

    folder = data_dir(args.data_dir)
    encrypted = folder.is_dir() and is_encrypted(folder)
    if args.command == "encrypt" and encrypted:
        print(
            f"reconnect: {folder} is already encrypted; to change its passphrase: "
            "reconnect passphrase.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.command != "encrypt" and not encrypted:
        print(f"reconnect: {folder} is not encrypted; nothing to do.", file=sys.stderr)
        return EXIT_USAGE
    # Everything asked before the store opens: a refused passphrase changes no byte.
    key = folder_key(folder)
    passphrase = None
    if args.command == "encrypt":
        passphrase = new_passphrase(folder)
    elif args.command == "passphrase":
        passphrase = new_passphrase(folder, NEW_PASSPHRASE_FILE_ENV)
    store = Store.open(folder, key=key)
    lines: list[str] = []
    if args.command == "encrypt":
        assert passphrase is not None
        started = time.perf_counter()
        encryption.encrypt(folder, store.storage, passphrase)
        took = time.perf_counter() - started
        lines.append(
            f"Your data in {folder} is encrypted ({took:.1f} s). {KEEP_IT_SAFE} Reports you "
            "export (md, html, csv, ics) are plain text by nature: keep them private."
        )
        if args.remember:
            lines.append(remember(folder, passphrase))
    elif args.command == "decrypt":
        assert key is not None
        encryption.decrypt(folder, store.storage, key)
        lines.append(
            f"Your data in {folder} is no longer encrypted: anyone who can open the folder "
            "can read it."
        )
        lines.append(remember(folder, None))
    else:
        assert key is not None and passphrase is not None
        encryption.change_passphrase(folder, store.storage, key, passphrase)
        lines.append(f"The passphrase of {folder} is changed. {KEEP_IT_SAFE}")
        lines.append(remember(folder, passphrase if args.remember else None))
    store.close()
    say_after_save(*(line for line in lines if line))
    return 0
