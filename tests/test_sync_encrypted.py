"""Sync and encryption together: an encrypted folder's conflicted copies (data file,
journal, draft) merge with the same passphrase, and no merged file, kept copy or draft
is left readable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reconnect.logic.drafts import ReflectionDraft, draft_path, load_draft, save_draft
from reconnect.store import encryption
from reconnect.store.folder_key import key_file_path, read_key_file
from reconnect.store.store import DATA_FILE_NAME, Store
from reconnect.store.unlocked import forget_all
from tests.encryption_helpers import PASSPHRASE, cheap_scrypt, plaintext_found  # noqa: F401
from tests.test_sync_devices import JOURNAL_NAME, SCHEMES, as_device, conflicted, moment

pytestmark = pytest.mark.usefixtures("cheap_scrypt")


def opened(folder: Path) -> Store:
    forget_all()
    key = read_key_file(folder).unlock(PASSPHRASE, key_file_path(folder))
    return Store.open(folder, key=key)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_encrypted_copies_merge_with_the_same_passphrase_and_stay_sealed(
    scheme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop, phone = tmp_path / "laptop", tmp_path / "phone"
    as_device(monkeypatch, "Laptop")
    start = Store.open(laptop)
    shared = start.connections.add(moment(1, "Zanzibarwalk at first"))
    encryption.encrypt(laptop, start.storage, PASSPHRASE)
    start.close()
    shutil.copytree(laptop, phone)  # the key file syncs with the data

    here = opened(laptop)
    here.connections.update(shared.model_copy(update={"what": "Zanzibarwalk laptop"}))
    here.connections.add(moment(2, "Quillonfriend on the laptop"))
    here.close()
    as_device(monkeypatch, "Phone")
    there = opened(phone)
    there.connections.update(shared.model_copy(update={"what": "Zanzibarwalk phone"}))
    there.connections.add(moment(3, "Ostrichnote on the phone"))  # stays in its journal
    save_draft(draft_path(phone), ReflectionDraft(body="Marrowdraft from the phone"))

    for name in (DATA_FILE_NAME, JOURNAL_NAME, draft_path(phone).name):
        if (phone / name).exists():
            shutil.copy2(phone / name, laptop / conflicted(scheme, name))
    assert plaintext_found(laptop) == []

    merged = opened(laptop)
    moments = {c.id: c.what for c in merged.connections.all()}
    assert moments[shared.id] == "Zanzibarwalk phone"  # the later change
    assert {"Quillonfriend on the laptop", "Ostrichnote on the phone"} <= set(moments.values())
    assert load_draft(draft_path(laptop)).body == "Marrowdraft from the phone"
    assert not [p for p in laptop.iterdir() if "onflict" in p.name]
    assert list((laptop / "merged").iterdir())
    merged.close()
    assert plaintext_found(laptop) == []  # the merged file, merged/, the draft: sealed


def test_a_copy_sealed_under_another_folders_key_is_left_alone(tmp_path: Path) -> None:
    ours, stranger = tmp_path / "ours", tmp_path / "stranger"
    for folder in (ours, stranger):
        store = Store.open(folder)
        store.connections.add(moment(1))
        encryption.encrypt(folder, store.storage, PASSPHRASE)
        store.close()
    copy = ours / conflicted("syncthing", DATA_FILE_NAME)
    shutil.copy2(stranger / DATA_FILE_NAME, copy)
    store = opened(ours)
    assert len(store.connections.all()) == 1
    assert copy.exists()  # left where it is, and said
