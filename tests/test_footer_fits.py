"""At 80×24 every area's footer shows each of its keys whole: none runs past the edge
or under another (the palette key sits on the right, over whatever reaches it)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

import pytest
from textual.widgets import Footer

from reconnect.areas import AREAS
from reconnect.store.store import Store
from widgets.area_bar import AreaBar

SIZE = (80, 24)


async def _footer_is_whole(app: Any) -> None:
    footer = app.screen.query_one(Footer)
    assert footer.virtual_size.width <= footer.size.width, "the footer scrolls sideways"
    # By type name: Textual's footer keys are widgets, their class is not public.
    keys = [key for key in footer.query("FooterKey") if key.display]
    assert keys, "the footer shows no keys"
    spans = sorted((key.region.x, key.region.right) for key in keys)
    for start, end in spans:
        assert footer.region.x <= start and end <= footer.region.right
    for (_, end), (next_start, _) in pairwise(spans):
        assert end <= next_start, "one footer key is drawn over another"


@pytest.mark.parametrize("area", [area.name for area in AREAS])
async def test_every_area_footer_fits_80_columns(
    area: str, demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area=area)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _footer_is_whole(app)


async def test_the_goal_ladder_footer_fits_80_columns(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, start_area="goals")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await _footer_is_whole(app)


async def test_the_demo_marker_fits_80_columns(
    demo_store: Store, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(demo_store, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(AreaBar)
        shown = bar.render()
        assert str(shown).rstrip().endswith("demo")
        assert shown.cell_length <= bar.content_region.width
