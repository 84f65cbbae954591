"""A Select's open list has a frame of its own, compact or not, so it does not read
as part of the text it covers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Select

from reconnect.store.store import Store
from screens.dialogs.step_form import StepForm


async def test_a_compact_select_opens_in_a_frame(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "a")
        await pilot.pause()
        assert isinstance(app.screen, StepForm)
        ideas = app.screen.query_one("#idea", Select)
        ideas.focus()
        await pilot.press("enter")
        await pilot.pause()
        # By type name: Textual's overlay class is not public.
        overlay = ideas.query_one("SelectOverlay")
        assert overlay.display
        edges = overlay.styles.border
        assert all(edge[0] not in ("", "none", "hidden") for edge in edges)
