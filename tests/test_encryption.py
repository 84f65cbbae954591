"""Encryption at rest, in the store: nothing readable is left, a crash at any step of a
change leaves a folder that opens with the old or the new passphrase, and the four
ways of failing to open are told apart."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from reconnect.logic.drafts import draft_path, load_draft
from reconnect.store import encryption, folder_key
from reconnect.store.errors import DataFileError
from reconnect.store.folder_key import (
    KeyFileDamaged,
    NoPassphrase,
    WrongPassphrase,
    key_file_path,
    read_key_file,
)
from reconnect.store.sealing import SealedFileAltered, SealedFileCutShort
from reconnect.store.store import DATA_FILE_NAME, Store
from reconnect.store.unlocked import forget_all
from tests.encryption_helpers import (
    NEW_PASSPHRASE,
    PASSPHRASE,
    SECRETS,
    all_bytes,
    cheap_scrypt,  # noqa: F401 (a fixture)
    digest,
    fill,
    moment,
    plaintext_found,
)

pytestmark = pytest.mark.usefixtures("cheap_scrypt")


def reopen(folder: Path, passphrase: str | None) -> Store:
    forget_all()
    key_file = read_key_file(folder)
    key = None if key_file is None else key_file.unlock(passphrase or "", key_file_path(folder))
    return Store.open(folder, key=key)


def what_is_there(store: Store) -> set[str]:
    return {c.what for c in store.connections.all()}


def encrypted_store(data_dir: Path) -> Store:
    store = Store.open(data_dir)
    fill(store)
    encryption.encrypt(data_dir, store.storage, PASSPHRASE)
    return store


def test_after_encrypt_no_file_holds_a_word_of_the_records(data_dir: Path) -> None:
    store = Store.open(data_dir)
    fill(store)
    # A copy kept aside before a rewrite holds the words too.
    (data_dir / f"{DATA_FILE_NAME}.before-schema-2").write_bytes(
        (data_dir / DATA_FILE_NAME).read_bytes() + SECRETS[0].encode()
    )
    assert plaintext_found(data_dir)  # the test can see them before
    encryption.encrypt(data_dir, store.storage, PASSPHRASE)
    assert plaintext_found(data_dir) == []
    # Saves from now on: the journal line and the draft are sealed as they are written.
    store.connections.add(moment(f"Later {SECRETS[0]}"))
    from reconnect.logic.drafts import ReflectionDraft, save_draft

    save_draft(draft_path(data_dir), ReflectionDraft(body=SECRETS[2]))
    assert (data_dir / "reconnect.json.journal").exists()
    assert plaintext_found(data_dir) == []
    assert not read_key_file(data_dir).pending
    store.close()
    assert plaintext_found(data_dir) == []
    again = reopen(data_dir, PASSPHRASE)
    assert f"Later {SECRETS[0]}" in what_is_there(again)
    assert load_draft(draft_path(data_dir)).body == SECRETS[2]


def test_the_same_passphrase_gives_two_folders_different_salts_and_ciphertexts(
    tmp_path: Path,
) -> None:
    sealed = []
    for name in ("one", "two"):
        folder = tmp_path / name
        store = Store.open(folder)
        store.connections.add(moment("the same words"))
        encryption.encrypt(folder, store.storage, PASSPHRASE)
        sealed.append((read_key_file(folder).kdf["salt"], (folder / DATA_FILE_NAME).read_bytes()))
    (salt_one, data_one), (salt_two, data_two) = sealed
    assert salt_one != salt_two
    assert data_one != data_two


def test_the_key_file_records_a_memory_hard_derivation_that_can_be_raised(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(folder_key.SCRYPT, "n", 2**11)
    encrypted_store(data_dir)
    kdf = read_key_file(data_dir).kdf
    assert (kdf["name"], kdf["n"], kdf["r"]) == ("scrypt", 2**11, 8)
    # Opened with whatever cost it records, whatever the default is now.
    monkeypatch.setitem(folder_key.SCRYPT, "n", 2**12)
    assert SECRETS[0] in " ".join(what_is_there(reopen(data_dir, PASSPHRASE)))


def test_decrypt_leaves_plain_json_and_no_key_file(data_dir: Path) -> None:
    store = encrypted_store(data_dir)
    encryption.decrypt(data_dir, store.storage, store.storage.key)
    assert not key_file_path(data_dir).exists()
    assert (data_dir / DATA_FILE_NAME).read_bytes().startswith(b"{\n")
    found = reopen(data_dir, None)
    assert len(found.connections.all()) == 1
    assert load_draft(draft_path(data_dir)).body.endswith(SECRETS[2])


def test_a_new_passphrase_opens_and_the_old_one_does_not(data_dir: Path) -> None:
    store = encrypted_store(data_dir)
    old_key_file = key_file_path(data_dir).read_bytes()
    encryption.change_passphrase(data_dir, store.storage, store.storage.key, NEW_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        reopen(data_dir, PASSPHRASE)
    assert len(reopen(data_dir, NEW_PASSPHRASE).connections.all()) == 1
    # An old copy of the key file (a sync tool's history) and the old passphrase open
    # nothing written since: everything was sealed again under a new data key.
    (data_dir / "old.key").write_bytes(old_key_file)
    old = folder_key.KeyFile.from_json(__import__("orjson").loads(old_key_file), data_dir)
    old_key = old.unlock(PASSPHRASE, data_dir / "old.key")
    with pytest.raises(SealedFileAltered):
        from reconnect.store.sealing import unseal

        unseal((data_dir / DATA_FILE_NAME).read_bytes(), old_key, data_dir / DATA_FILE_NAME)


def test_a_store_open_in_plain_refuses_to_save_after_another_process_encrypted(
    data_dir: Path,
) -> None:
    running = Store.open(data_dir)
    running.connections.add(moment("before"))
    other = Store(data_dir / DATA_FILE_NAME)
    encryption.encrypt(data_dir, other.storage, PASSPHRASE)
    with pytest.raises(DataFileError, match="another reconnect"):
        running.connections.add(moment(f"typed in the app {SECRETS[0]}"))
    assert plaintext_found(data_dir) == []


# --- failing to open: four ways, four statuses, nothing changed ---------------------


def test_wrong_missing_cut_and_changed_are_told_apart(data_dir: Path) -> None:
    store = encrypted_store(data_dir)
    store.close()
    before = digest(data_dir)
    with pytest.raises(WrongPassphrase) as wrong:
        reopen(data_dir, "not the passphrase")
    forget_all()
    with pytest.raises(NoPassphrase) as missing:
        Store.open(data_dir)
    assert digest(data_dir) == before
    data = data_dir / DATA_FILE_NAME
    whole = data.read_bytes()
    data.write_bytes(whole[:-40])
    with pytest.raises(SealedFileCutShort) as cut:
        reopen(data_dir, PASSPHRASE)
    flipped = bytearray(whole)
    flipped[-30] ^= 0x01
    data.write_bytes(bytes(flipped))
    cut_digest = digest(data_dir)
    with pytest.raises(SealedFileAltered) as changed:
        reopen(data_dir, PASSPHRASE)
    assert digest(data_dir) == cut_digest
    statuses = {e.value.exit_status for e in (wrong, missing, cut, changed)}
    assert statuses == {3, 4, 5, 6}


def test_a_damaged_key_file_is_not_called_a_wrong_passphrase(data_dir: Path) -> None:
    encrypted_store(data_dir).close()
    path = key_file_path(data_dir)
    text = path.read_text()
    wrapped = read_key_file(data_dir).to_json()["keys"]
    blob = next(iter(wrapped.values()))
    path.write_text(text.replace(blob, ("A" if blob[0] != "A" else "B") + blob[1:]))
    with pytest.raises(KeyFileDamaged, match="key file"):
        read_key_file(data_dir)
    path.write_text(text[:50])
    with pytest.raises(KeyFileDamaged, match="cut short"):
        read_key_file(data_dir)


def test_a_key_file_asking_for_gigabytes_is_refused(data_dir: Path) -> None:
    encrypted_store(data_dir).close()
    key_file = read_key_file(data_dir)
    key_file.kdf["n"] = 2**30
    key_file_path(data_dir).write_bytes(key_file.to_bytes())
    with pytest.raises(KeyFileDamaged, match="out of range"):
        read_key_file(data_dir)


def test_a_sealed_journal_line_cut_off_is_set_aside_like_a_plain_one(data_dir: Path) -> None:
    store = encrypted_store(data_dir)
    store.connections.add(moment("kept"))
    store.connections.add(moment("torn"))
    journal = data_dir / "reconnect.json.journal"
    raw = journal.read_bytes()
    journal.write_bytes(raw[:-20])
    found = reopen(data_dir, PASSPHRASE)
    assert "kept" in what_is_there(found) and "torn" not in what_is_there(found)


# --- a crash at any step ---------------------------------------------------------------


class Crash(BaseException):
    """A stand-in for the process being killed (not an Exception: nothing catches it)."""


def crash_after(monkeypatch: pytest.MonkeyPatch, writes: int) -> None:
    """The process dies as the `writes`-th file write of the change begins."""
    from reconnect.store import atomic, storage

    real = atomic.atomic_write
    count = {"n": 0}

    def dying(*args: object, **kwargs: object) -> None:
        count["n"] += 1
        if count["n"] > writes:
            raise Crash
        real(*args, **kwargs)

    for module in (encryption, storage):
        monkeypatch.setattr(module, "atomic_write", dying)


def change(kind: str, data_dir: Path, store: Store) -> None:
    if kind == "encrypt":
        encryption.encrypt(data_dir, store.storage, PASSPHRASE)
    elif kind == "decrypt":
        encryption.decrypt(data_dir, store.storage, store.storage.key)
    else:
        encryption.change_passphrase(data_dir, store.storage, store.storage.key, NEW_PASSPHRASE)


@pytest.mark.parametrize("kind", ["encrypt", "decrypt", "passphrase"])
@pytest.mark.parametrize("writes", range(6))
def test_a_crash_at_any_step_loses_nothing_and_opens_with_old_or_new_passphrase(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, kind: str, writes: int
) -> None:
    store = Store.open(data_dir)
    fill(store)
    store.connections.add(moment("in the journal"))
    if kind != "encrypt":
        encryption.encrypt(data_dir, store.storage, PASSPHRASE)
    expected = what_is_there(store)
    old = None if kind == "encrypt" else PASSPHRASE
    new = {"encrypt": PASSPHRASE, "decrypt": None, "passphrase": NEW_PASSPHRASE}[kind]
    with monkeypatch.context() as patched:
        crash_after(patched, writes)
        with contextlib.suppress(Crash):
            change(kind, data_dir, store)
    opened = None
    for passphrase in (old, new):
        try:
            opened = reopen(data_dir, passphrase)
            break
        except (WrongPassphrase, NoPassphrase):
            continue
    assert opened is not None, "opens with neither passphrase"
    assert what_is_there(opened) == expected
    assert load_draft(draft_path(data_dir)).body.endswith(SECRETS[2])
    opened.close()
    # The open finished what the crash stopped: the folder is wholly in one form.
    key_file = read_key_file(data_dir)
    assert key_file is None or key_file.pending is None
    if key_file is not None:
        assert plaintext_found(data_dir) == []
        from reconnect.store.sealing import sealed_with

        # Everything is sealed under the current key; retired keys only open old copies.
        for name, raw in all_bytes(data_dir).items():
            if name.startswith(("reconnect.json", "reflection-draft")) and "." in name:
                assert sealed_with(raw) in (key_file.current, None), name
    names = set(all_bytes(data_dir))
    assert not any(name.endswith(".tmp") for name in names)


def test_a_journal_set_aside_stays_a_journal_when_sealed_and_opened(data_dir: Path) -> None:
    from reconnect.store import journal

    store = Store.open(data_dir)
    store.connections.add(moment(f"aside {SECRETS[0]}"))
    aside = data_dir / "reconnect.json.journal.unmatched"
    aside.write_bytes((data_dir / "reconnect.json.journal").read_bytes())
    encryption.encrypt(data_dir, store.storage, PASSPHRASE)
    assert plaintext_found(data_dir) == []
    key = store.storage.key
    replay = journal.parse(aside.read_bytes(), key)  # a header and sealed lines
    assert replay.saves == 1 and not replay.damaged
    encryption.decrypt(data_dir, store.storage, key)
    assert SECRETS[0].encode() in aside.read_bytes()
    assert journal.parse(aside.read_bytes()).saves == 1
