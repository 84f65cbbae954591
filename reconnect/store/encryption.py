"""Turning a data folder's encryption on and off, and changing its passphrase.

Each is done with the store's lock held, in steps that leave the folder readable
whatever step a crash stops at:

1. the journal is folded into the data file (a journal is sealed line by line, under
   whichever key its lines name; folding first leaves none to convert);
2. a new key file is written (one atomic rename) saying what is left to do (`pending`):
   seal every private file under the current key, or open them all; it holds every key
   a file may still be sealed with, wrapped under the passphrase that is now in force;
3. each private file is rewritten (atomically, one by one) in its new form;
4. the key file is written without `pending` (or removed, when decrypting); retired
   keys stay in it, wrapped under the new passphrase, so a late copy still opens.

A crash before 2 leaves the old form and the old passphrase; after it, the new
passphrase opens every file (each is read in whichever form it is in), and the next
open finishes 3 and 4 (`finish_pending`). No plain copy is left behind: temp files are
removed on failure, and the kept copies of the data file and the drafts are sealed too.
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from reconnect.store import index_cache
from reconnect.store.atomic import atomic_write, fsync_folder
from reconnect.store.errors import DataFileError
from reconnect.store.folder_key import (
    SEAL,
    UNSEAL,
    FolderKey,
    KeyFile,
    key_file_path,
    read_key_file,
)
from reconnect.store.sealing import LINE_MARK, seal, seal_line, sealed_with, unseal, unseal_line
from reconnect.store.storage import DurableStorage
from reconnect.store.unlocked import remember

# Files of ours in a data folder besides the data file itself: its journal's kept
# pieces and kept copies, the drafts (and drafts set aside), a sync tool's copies.
_OURS = ("reconnect", "reflection-draft", "review-draft")
_NOT_SECRET = ("reconnect.key", ".lock")
# Everything under these folders of the data folder is ours (merged conflicted copies).
_OUR_FOLDERS = ("merged",)


class EncryptionRefused(DataFileError):
    """A change of encryption that cannot be made now (nothing was changed)."""


def private_files(folder: Path, storage: DurableStorage) -> list[Path]:
    """Every file of ours in the data folder that holds records or words, but the data
    file and its live journal (which the storage writes itself)."""
    skip = {storage.path, storage.journal.path, folder / storage.path.name}
    found = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if name.startswith(".") or path in skip or name.endswith(_NOT_SECRET):
            continue
        if path.is_dir() and name in _OUR_FOLDERS:
            found.extend(p for p in sorted(path.rglob("*")) if _plain_file(p))
        elif name.startswith(_OURS) and _plain_file(path):
            found.append(path)
    return found


def _plain_file(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def _settle_journal(storage: DurableStorage) -> None:
    """Fold the journal (lock held); refuse when one is left that holds saves."""
    storage.fold()
    state = storage.journal
    if state.path.exists() and (state.damaged or state.has_changes or state.stale):
        raise EncryptionRefused(
            state.path,
            "The journal beside the data file holds changes that could not be folded in",
            "Nothing was changed. Run reconnect check, mend what it names, and try again.",
        )
    if state.path.exists():  # a header and no saves: nothing in it to keep
        state.remove()
        fsync_folder(state.path.parent)


def encrypt(folder: Path, storage: DurableStorage, passphrase: str) -> FolderKey:
    """Seal the folder under a new key wrapped by `passphrase`."""
    with storage.locked():
        if read_key_file(folder) is not None:
            raise EncryptionRefused(
                key_file_path(folder),
                "This data folder is already encrypted",
                "Nothing was changed. To change its passphrase: reconnect passphrase.",
            )
        storage.read()
        _settle_journal(storage)
        key_file, key = KeyFile.new(passphrase)
        return _begin(folder, storage, key_file, key, SEAL)


def decrypt(folder: Path, storage: DurableStorage, key: FolderKey) -> None:
    """Open every file of the folder for good and remove its key file."""
    with storage.locked():
        key_file = _key_file_or_refuse(folder)
        storage.read()
        _settle_journal(storage)
        _begin(folder, storage, key_file, key, UNSEAL)


def change_passphrase(
    folder: Path, storage: DurableStorage, key: FolderKey, passphrase: str
) -> FolderKey:
    """Wrap the folder's keys under a new passphrase (and a new salt), then seal
    everything again under a new data key, so an old copy of the key file and the old
    passphrase open nothing written from now on."""
    with storage.locked():
        _key_file_or_refuse(folder)
        storage.read()
        _settle_journal(storage)
        key_file, new_key = KeyFile.new(passphrase, keys=key.keys)
        return _begin(folder, storage, key_file, new_key, SEAL)


def _key_file_or_refuse(folder: Path) -> KeyFile:
    key_file = read_key_file(folder)
    if key_file is None:
        raise EncryptionRefused(
            folder,
            "This data folder is not encrypted",
            "Nothing was changed. To encrypt it: reconnect encrypt.",
        )
    return key_file


def _begin(
    folder: Path, storage: DurableStorage, key_file: KeyFile, key: FolderKey, pending: str
) -> FolderKey:
    key_file.pending = pending
    atomic_write(key_file_path(folder), key_file.to_bytes())
    return finish_pending(folder, storage, key_file, key)


def finish_pending(
    folder: Path, storage: DurableStorage, key_file: KeyFile, key: FolderKey
) -> FolderKey | None:
    """Do what a transition left to do (lock held); the key from now on (None: plain)."""
    storage.rekey(key)  # the key file is ours now: read and write under it
    target: FolderKey | None = key if key_file.pending == SEAL else None
    if target is not None:  # an encrypted folder keeps no index outside itself
        index_cache.forget(storage.path)
    for path in private_files(folder, storage):
        _rewrite(path, key, target)
    data = storage.read()
    if data is not None and not storage.file_gone:
        storage.rekey(target)
        # Written whole under the new key (or plain): its journal, if any, too.
        storage.rewrite_whole()
    if target is None:
        os.unlink(key_file_path(folder))
    else:
        # Retired keys stay, wrapped under the passphrase now in force: a copy sealed
        # before the change (a sync tool's late copy, a backup) still opens, while the
        # old passphrase opens none of them, nor anything sealed from now on.
        key_file.pending = None
        atomic_write(key_file_path(folder), key_file.to_bytes())
    fsync_folder(folder)
    storage.rekey(target)
    remember(folder, target)
    return target


def _rewrite(path: Path, key: FolderKey, target: FolderKey | None) -> None:
    """One file in its new form: sealed under `target`'s current key, or plain."""
    if ".journal" in path.name:  # one set aside, or a sync tool's copy: still a journal
        _rewrite_journal(path, key, target)
        return
    raw = path.read_bytes()
    sealed_by = sealed_with(raw)
    if target is not None and sealed_by == target.current:
        return
    if target is None and sealed_by is None:
        return
    plain = unseal(raw, key, path)
    atomic_write(path, plain if target is None else seal(plain, target))


def _rewrite_journal(path: Path, key: FolderKey, target: FolderKey | None) -> None:
    """A journal kept aside, line by line, so it can still be read (and merged) as one:
    its header stays plain, each save is sealed on its own (sealing.seal_line). A line
    that does not open (cut off, damaged) is kept as it is."""
    raw = path.read_bytes()
    lines = raw.split(b"\n")
    base = _journal_base(lines[0])
    if base is None:  # not a journal after all: kept whole, like any other file
        if sealed_with(raw) is None and target is not None:
            atomic_write(path, seal(raw, target))
        return
    out = [lines[0] + b"\n"]
    for line in lines[1:-1]:
        sealed = line.startswith(LINE_MARK)
        if sealed and target is not None and _line_key(line) == target.current:
            out.append(line + b"\n")
            continue
        plain = unseal_line(line, key, base) if sealed else line
        if plain is None:
            out.append(line + b"\n")
        elif target is None:
            out.append(plain + b"\n")
        else:
            out.append(seal_line(plain, target, base))
    out.append(lines[-1])  # a last line without its newline: cut off, kept as it is
    new = b"".join(out)
    if new != raw:
        atomic_write(path, new)


def _journal_base(header: bytes) -> str | None:
    try:
        head = orjson.loads(header)
    except orjson.JSONDecodeError:
        return None
    found = head.get("journal_for") if isinstance(head, dict) else None
    return found if isinstance(found, str) else None


def _line_key(line: bytes) -> object:
    try:
        entry = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    return entry.get("sealed") if isinstance(entry, dict) else None
