"""The part of an area that never loses writing: what is typed is kept as a draft (a
small file of its own, see reconnect.logic.drafts) a couple of seconds after a change,
when leaving the area, on exit and when the terminal goes away, and it is offered back
the next time. Reflect (reflect_drafts.py) and Review are built on it."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from dataclasses import replace
from pathlib import Path
from typing import Any
from weakref import WeakSet

from textual.timer import Timer

from reconnect.logic.drafts import DraftUnreadable, clear_draft, load_draft, save_draft
from reconnect.records.models import now_local
from screens.areas.base import AreaScreen

# The areas keeping drafts now: a hangup keeps every one of them.
_keepers: WeakSet[KeepsDraft] = WeakSet()


class KeepsDraft(AreaScreen):
    """Subclasses say where the draft lives, what it is now and whether it is unsaved,
    and call draft_changed() on every change."""

    def __init__(self) -> None:
        super().__init__()
        # The values not yet written to the draft file. Kept here, not read back from
        # the widgets, because on exit the widgets may already be gone.
        self._pending: Any = None
        self._draft_timer: Timer | None = None

    @property
    def _draft_path(self) -> Path:
        raise NotImplementedError

    def current_draft(self) -> Any:
        """The draft as the widgets hold it now (a dataclass with saved_at)."""
        raise NotImplementedError

    def _unsaved(self, draft: Any) -> bool:
        """True when `draft` holds writing that is not saved as it stands."""
        raise NotImplementedError

    def on_unmount(self) -> None:
        self._watch_for_hangup(False)
        self.keep_draft()

    def on_screen_suspend(self) -> None:
        self.keep_draft()

    def read_draft(self, kind: type) -> Any:
        """The draft kept last time, or None (a damaged one is set aside, and said)."""
        try:
            return load_draft(self._draft_path, kind)
        except DraftUnreadable as exc:
            self.notify(
                f"An earlier draft could not be read; it was kept at {exc.kept_at}.",
                severity="warning",
                timeout=15,
            )
        except OSError as exc:
            self.notify(f"Could not read your draft: {exc.strerror}.", severity="warning")
        return None

    def draft_changed(self) -> None:
        self._pending = self.current_draft()
        # The app's quiet time after the first unsaved change (also while typing on).
        delay = self.reconnect.delays.draft_save
        if delay <= 0:
            self.keep_draft()  # no quiet time asked for (tests): keep it now
        elif self._draft_timer is None:
            self._draft_timer = self.set_timer(delay, self.keep_draft)

    def _forget_draft(self) -> None:
        """After the writing was saved or let go: nothing left to keep."""
        self._pending = None
        clear_draft(self._draft_path)

    def keep_draft(self) -> None:
        """Write the draft file now, if the writing changed since the last time."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        draft, self._pending = self._pending, None
        if draft is None:
            return
        try:
            if self._unsaved(draft):
                save_draft(self._draft_path, replace(draft, saved_at=now_local()))
            else:
                clear_draft(self._draft_path)
        except OSError as exc:
            self._pending = self._pending or draft  # try again with the next change
            self.notify(
                f"Could not keep a draft ({exc.strerror}). Your words are still on screen.",
                severity="warning",
            )

    def _watch_for_hangup(self, on: bool) -> None:
        """A closed terminal or a polite kill: keep every draft before going."""
        if on:
            _keepers.add(self)
        else:
            _keepers.discard(self)
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                if _keepers:
                    loop.add_signal_handler(sig, _hung_up)
                else:
                    loop.remove_signal_handler(sig)


def _hung_up() -> None:
    keepers = list(_keepers)
    for keeper in keepers:
        with contextlib.suppress(Exception):  # the widgets may be half gone already
            keeper._pending = keeper.current_draft()
        keeper.keep_draft()
    if keepers:
        keepers[0].app.exit()
