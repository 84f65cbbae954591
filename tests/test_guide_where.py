"""A guide says where its file is only when it is meant to be passed on (the homework
plan format, for a therapist); Why this matters showed a path inside the package."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reconnect.docs import PLAN_FORMAT, WHY_PAGE, WHY_TITLE
from reconnect.store.store import Store
from screens.dialogs.guide import GuideScreen


async def test_only_a_guide_to_pass_on_names_its_file(
    store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(GuideScreen(WHY_PAGE, WHY_TITLE))
        await pilot.pause()
        assert not app.screen.query("#guide-where")
        await pilot.press("escape")
        await app.push_screen(GuideScreen(PLAN_FORMAT, "How to write a plan", shareable=True))
        await pilot.pause()
        where = str(app.screen.query_one("#guide-where").render())
        assert where.startswith("To send it on, the file is ") and str(PLAN_FORMAT) in where
