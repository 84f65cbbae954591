"""A conflicted copy of a draft: the newest writing stays the draft, nothing is lost.

Drafts are not records: there is nothing to merge field by field. The one saved last
(`saved_at`, then the bytes, so either order gives the same) becomes the draft; both
are kept in merged/ so that words written on the other device stay reachable even if
an open form saves over the draft afterwards.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

import orjson

from reconnect.store.conflicts import CopyRefused
from reconnect.store.errors import DataFileError
from reconnect.store.files import read_regular_file
from reconnect.store.merged_folder import keep_in_merged, move_to_merged
from reconnect.store.sync_read import draft_copy_bytes
from reconnect.store.unlocked import write_private


def _saved_at(raw: bytes) -> datetime:
    """When a draft was saved; the oldest possible time when it does not say."""
    with contextlib.suppress(orjson.JSONDecodeError, TypeError, ValueError, AttributeError):
        moment = datetime.fromisoformat(orjson.loads(raw).get("saved_at"))
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.min.replace(tzinfo=UTC)


def merge_draft(draft: Path, copy: Path) -> str:
    """Keep the newer of the draft and its conflicted copy as the draft; both in
    merged/. The line to tell the person."""
    try:
        theirs = draft_copy_bytes(copy)
        if not isinstance(orjson.loads(theirs), dict):
            raise CopyRefused("it is not a draft")
    except (OSError, DataFileError, orjson.JSONDecodeError):
        raise CopyRefused("it could not be read as a draft") from None
    try:
        ours = draft_copy_bytes(draft)
        ours_as_kept = read_regular_file(draft)[0]  # sealed in an encrypted folder
    except FileNotFoundError:
        ours = ours_as_kept = b""
    except DataFileError:  # ours cannot be opened: theirs wins, ours is kept as it is
        ours, ours_as_kept = b"", read_regular_file(draft)[0]
    if (_saved_at(theirs), theirs) > (_saved_at(ours), ours):
        if ours_as_kept:
            keep_in_merged(draft.parent, draft.name, ours_as_kept)
        write_private(draft, theirs)  # sealed again when the folder is encrypted
        kept = move_to_merged(copy)
        return (
            f"A draft written on another device was newer than this one: it is the draft "
            f"now; both are kept in {kept.parent}."
        )
    kept = move_to_merged(copy)
    return (
        f"A draft written on another device was older than this one: this one stays the "
        f"draft; the other is kept at {kept}."
    )
