"""Pause the garbage collector while the store builds what it keeps.

Loading a file and indexing a table make tens of thousands of objects (views, times,
index entries) that live as long as the store: the collector's passes over them
meanwhile free nothing and cost 10-25 % of the build.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
