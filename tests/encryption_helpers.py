"""What the encryption tests share: a folder with known words in every kind of file,
and a way to see every byte of a folder."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reconnect.logic.drafts import ReflectionDraft, draft_path, save_draft
from reconnect.records.models import Connection, Person, Reflection
from reconnect.store import folder_key
from reconnect.store.store import Store

# Words that must never be found in an encrypted folder's bytes.
SECRETS = ("Zanzibarwalk", "Quillonfriend", "Marrowdraft", "Ostrichnote")
PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "another staple battery"


@pytest.fixture
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small scrypt cost for tests that unlock many times (the key file records the
    cost it was made with, so everything else is as in use)."""
    monkeypatch.setitem(folder_key.SCRYPT, "n", 2**10)


def moment(what: str, day: int = 20) -> Connection:
    return Connection.model_validate(
        {
            "at": datetime(2026, 11, day, 18, 0, tzinfo=UTC),
            "what": what,
            "counterpart": "friend",
            "depth": 3,
            "comfort": 4,
        }
    )


def fill(store: Store) -> None:
    """A record of several kinds, a journal line, and a draft, each with a secret."""
    store.connections.add(moment(f"Coffee on the {SECRETS[0]}"))
    store.people.add(
        Person.model_validate({"name": SECRETS[1], "created_at": datetime(2026, 1, 1, tzinfo=UTC)})
    )
    store.reflections.add(
        Reflection.model_validate(
            {
                "at": datetime(2026, 11, 2, tzinfo=UTC),
                "title": "A week",
                "body": f"I avoided the {SECRETS[3]}",
            }
        )
    )
    save_draft(draft_path(store.data_dir), ReflectionDraft(body=f"half a thought {SECRETS[2]}"))


def all_bytes(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for name, raw in all_bytes(folder).items():
        h.update(name.encode() + b"\0" + raw + b"\0")
    return h.hexdigest()


def plaintext_found(folder: Path) -> list[str]:
    """'file: word' for every secret word found in any file of the folder."""
    return [
        f"{name}: {word}"
        for name, raw in all_bytes(folder).items()
        for word in SECRETS
        if word.encode() in raw
    ]


def passphrase_file(tmp_path: Path, text: str, name: str = "pass") -> Path:
    path = tmp_path / name
    path.write_text(text + "\n")
    return path
