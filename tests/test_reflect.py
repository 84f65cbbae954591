"""Pilot tests of the Reflect area: write, drafts, history, search, filters, edit, chart."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from textual.widgets import Input, Select, Static, TabbedContent, TextArea

from reconnect.logic.drafts import ReflectionDraft, draft_path, load_draft, save_draft
from reconnect.logic.search import ReflectionFilter, ReflectionIndex
from reconnect.records.models import Reflection
from reconnect.store.store import Store
from screens.areas.reflect import ReflectScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.reflection_view import ReflectionViewScreen
from widgets.pattern_chart import PatternChart
from widgets.reflection_form import ReflectionForm
from widgets.reflection_history import ReflectionHistory

SIZE = (80, 24)


async def _settle(pilot: Any) -> None:
    """Let timers (all zero in tests) and workers finish: wait for the work, not a time."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _text(widget: Static) -> str:
    return str(widget.render())


def _form(app: Any) -> ReflectionForm:
    return app.screen.query_one(ReflectionForm)


def _body(app: Any) -> TextArea:
    return _form(app).query_one("#body", TextArea)


async def _click(pilot: Any, selector: str) -> None:
    """Click a widget with the mouse, scrolling it into view first."""
    pilot.app.screen.query_one(selector).scroll_visible(animate=False)
    await pilot.pause()
    assert await pilot.click(selector)
    await pilot.pause()


async def _open(pilot: Any) -> ReflectScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReflectScreen)
    return screen


async def test_the_r_key_opens_reflect(store: Store, make_test_app: Callable[..., Any]) -> None:
    app = make_test_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await _open(pilot)


async def test_write_and_save_a_reflection(
    store: Store, data_dir: Path, make_test_app: Callable[..., Any]
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        # The pattern list has focus: tick the first and the third.
        await pilot.press("space", "down", "down", "space")
        explanation = _text(app.screen.query_one("#pattern-explanation", Static))
        assert explanation.startswith("Disappointed or hurt: ")
        prompt = _form(app).draft().prompt
        assert prompt
        _body(app).focus()
        await pilot.press(*"Called Maya ", "enter")
        _body(app).insert("😊 ça va")
        _form(app).query_one("#title", Input).value = "A call"
        _form(app).query_one("#energy", Select).value = 4
        _form(app).query_one("#avoided", TextArea).insert("The group chat; too loud")
        await _click(pilot, "#private")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.reflections.all()
        assert len(saved) == 1
        r = saved[0]
        assert r.patterns == ["busy", "hurt"]
        assert r.body == "Called Maya \n😊 ça va"
        assert (r.title, r.energy, r.avoided, r.private) == (
            "A call",
            4,
            "The group chat; too loud",
            True,
        )
        assert r.prompt == prompt
        # A fresh form, a fresh prompt, and no draft left behind.
        assert not _form(app).draft().has_writing()
        assert _form(app).draft().prompt not in ("", prompt)
        assert "Saved" in _text(app.screen.query_one("#form-banner", Static))
        assert not draft_path(data_dir).exists()


async def test_saving_nothing_says_what_to_do(store: Store, make_test_app: Callable) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("ctrl+s")
        assert "Write a few words" in _text(app.screen.query_one("#form-error", Static))
        assert store.reflections.count() == 0


async def test_prompts_rotate_and_can_be_left_out(store: Store, make_test_app: Callable) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        first = _form(app).draft().prompt
        await _click(pilot, "#another-prompt")
        second = _form(app).draft().prompt
        assert second and second != first
        await _click(pilot, "#toggle-prompt")
        assert _form(app).draft().prompt == ""
        assert "without a prompt" in _text(app.screen.query_one("#prompt-text", Static))
        _body(app).insert("Just writing.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.reflections.all()[0].prompt == ""


async def test_prompt_offered_is_one_not_used_lately(
    demo_store: Store, make_test_app: Callable
) -> None:
    used = {r.prompt for r in demo_store.reflections.all()}
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        # The demo's 17 reflections use most prompts; one never used comes first.
        assert _form(app).draft().prompt not in used


async def test_closing_mid_entry_keeps_a_draft_and_offers_it_back(
    store: Store, data_dir: Path, make_test_app: Callable
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("space")
        _body(app).focus()
        await pilot.press(*"Half a thought")
        await pilot.press("ctrl+q")  # well before the draft timer fires
    assert store.reflections.count() == 0
    assert load_draft(draft_path(data_dir)).body == "Half a thought"  # type: ignore[union-attr]

    again = make_test_app(Store.open(data_dir), start_area="reflect")
    async with again.run_test(size=SIZE) as pilot:
        await _open(pilot)
        draft = _form(again).draft()
        assert (draft.body, draft.patterns) == ("Half a thought", ("busy",))
        assert "Welcome back" in _text(again.screen.query_one("#form-banner", Static))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.reflections.all()[0].body == "Half a thought"
    assert not draft_path(data_dir).exists()


async def test_draft_is_kept_while_writing(
    store: Store, data_dir: Path, make_test_app: Callable
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        _body(app).focus()
        await pilot.press(*"still typing")
        await _settle(pilot)
        assert load_draft(draft_path(data_dir)).body == "still typing"  # type: ignore[union-attr]
        # Emptying the form forgets the draft: nothing is left to offer back.
        _body(app).clear()
        await _settle(pilot)
        assert not draft_path(data_dir).exists()


async def test_leaving_the_area_keeps_the_draft(
    store: Store, data_dir: Path, make_test_app: Callable
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        _body(app).insert("switching areas")
        await pilot.pause()
        app.action_open("today")
        await pilot.pause()
        assert load_draft(draft_path(data_dir)).body == "switching areas"  # type: ignore[union-attr]


async def test_too_long_is_refused_and_the_draft_keeps_it(
    store: Store, data_dir: Path, make_test_app: Callable
) -> None:
    long_text = "ü" * 20_001
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        _body(app).insert(long_text)
        await pilot.pause()
        assert "1 too many" in _text(app.screen.query_one("#body-count", Static))
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = _text(app.screen.query_one("#form-error", Static))
        assert "Too long to save by 1 character" in error and "draft keeps" in error
        assert store.reflections.count() == 0
        assert _body(app).text == long_text
    assert load_draft(draft_path(data_dir)).body == long_text  # type: ignore[union-attr]


async def test_long_text_in_any_script_saves_and_reads_back(
    store: Store, make_test_app: Callable
) -> None:
    body = ("日本語 ✨ Привет مرحبا 👩‍👩‍👧 " * 800)[:20_000]
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        _body(app).insert(body)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.reflections.all()[0].body == body
        await pilot.press("h", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionViewScreen)
        assert "日本語 ✨ Привет" in _text(app.screen.query_one("#view-body", Static))


async def test_a_title_too_long_shows_next_to_the_field(
    store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        _form(app).query_one("#title", Input).value = "x" * 201
        await pilot.pause()
        assert "at most 200" in _text(app.screen.query_one("#title-error", Static))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.reflections.count() == 0
        assert "title" in _text(app.screen.query_one("#form-error", Static))


async def test_start_afresh_asks_before_letting_writing_go(
    store: Store, data_dir: Path, make_test_app: Callable
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        _body(app).insert("maybe not")
        await pilot.pause()
        await _click(pilot, "#afresh")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the safe choice has focus: keep writing
        assert _body(app).text == "maybe not"
        await _click(pilot, "#afresh")
        await _click(pilot, "#yes")
        await pilot.pause()
        assert _body(app).text == ""
        assert not draft_path(data_dir).exists()


# --- history --------------------------------------------------------------------------


def _history(app: Any) -> ReflectionHistory:
    return app.screen.query_one(ReflectionHistory)


async def test_history_is_newest_first_with_pattern_tags(
    demo_store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("h")
        shown = _history(app).shown
        assert len(shown) == demo_store.reflections.count()
        assert [r.at for r in shown] == sorted((r.at for r in shown), reverse=True)
        table = _history(app).query_one("#history-table")
        first_tags = str(table.get_cell_at((0, 1)))  # type: ignore[attr-defined]
        assert first_tags.startswith("[")


async def test_search_finds_words_in_any_case(demo_store: Store, make_test_app: Callable) -> None:
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("slash", *"BOOK club")
        await _settle(pilot)
        shown = _history(app).shown
        expected = ReflectionIndex(demo_store.reflections.all()).matching(
            ReflectionFilter(text="book club")
        )
        assert shown == expected and 0 < len(shown) < demo_store.reflections.count()
        assert all("book club" in r.body.lower() for r in shown)
        status = _text(app.screen.query_one("#history-status", Static))
        assert f"{len(shown)} of {demo_store.reflections.count()} match" in status
        await pilot.press(*" zebra")
        await _settle(pilot)
        assert _history(app).shown == []
        assert "Nothing matches" in _text(app.screen.query_one("#history-status", Static))
        # esc clears (from the table; in the search box too once focus moves on).
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert len(_history(app).shown) == demo_store.reflections.count()


async def test_filters_by_pattern_and_date_range(
    demo_store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("h")
        history = _history(app)
        history.query_one("#pattern-filter", Select).value = "inward"
        await pilot.pause()
        assert history.shown and all("inward" in r.patterns for r in history.shown)
        history.query_one("#from-date", Input).value = "2026-10-01"
        history.query_one("#to-date", Input).value = "2026-10-31"
        await _settle(pilot)
        days = [r.at.date() for r in history.shown]
        assert days and all(date(2026, 10, 1) <= d <= date(2026, 10, 31) for d in days)
        assert all("inward" in r.patterns for r in history.shown)
        # A half-typed date is not applied, and the status line says what to type.
        history.query_one("#to-date", Input).value = "2026-13"
        await _settle(pilot)
        assert "use a date like" in _text(app.screen.query_one("#history-status", Static))
        from_only = ReflectionFilter(pattern="inward", first=date(2026, 10, 1))
        assert history.shown == ReflectionIndex(demo_store.reflections.all()).matching(from_only)


async def test_open_edit_and_save_keeps_id_and_time(
    demo_store: Store, make_test_app: Callable
) -> None:
    newest = max(demo_store.reflections.all(), key=lambda r: r.at)
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("h", "enter")
        assert isinstance(app.screen, ReflectionViewScreen)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "write"
        assert _body(app).text == newest.body
        assert "Editing" in _text(app.screen.query_one("#form-banner", Static))
        _body(app).insert("Added later. ", (0, 0))
        await pilot.press("ctrl+s")
        await pilot.pause()
        edited = demo_store.reflections.get(newest.id)
        assert edited is not None and edited.body == "Added later. " + newest.body
        assert edited.at == newest.at and set(edited.patterns) == set(newest.patterns)
        assert demo_store.reflections.count() == 17


async def test_unsaved_writing_is_not_replaced_by_an_edit(
    demo_store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        _body(app).insert("my own new words")
        await pilot.press("h", "enter", "e")
        await pilot.pause()
        assert _body(app).text == "my own new words"
        assert _form(app).editing_id is None


async def test_delete_asks_first_and_can_be_undone(
    demo_store: Store, make_test_app: Callable
) -> None:
    newest = max(demo_store.reflections.all(), key=lambda r: r.at)
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("h", "enter", "d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert demo_store.reflections.get(newest.id) is not None
        await pilot.press("enter", "d")
        await _click(pilot, "#yes")
        await pilot.pause()
        assert demo_store.reflections.get(newest.id) is None
        assert newest.id not in {r.id for r in _history(app).shown}
        await pilot.press("u")
        await pilot.pause()
        assert demo_store.reflections.get(newest.id) == newest
        assert _history(app).shown[0].id == newest.id


async def test_a_reflection_written_elsewhere_shows_up(
    store: Store, data_dir: Path, make_test_app: Callable
) -> None:
    from datetime import UTC, datetime

    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        Store.open(data_dir).reflections.add(
            Reflection(at=datetime(2026, 11, 20, 9, tzinfo=UTC), body="from the other window")
        )
        app.check_for_outside_changes()
        await pilot.pause()
        assert [r.body for r in _history(app).shown] == ["from the other window"]


# --- drafts across edits --------------------------------------------------------------


async def test_an_unfinished_edit_comes_back_as_an_edit(
    demo_store: Store, data_dir: Path, make_test_app: Callable
) -> None:
    target = demo_store.reflections.all()[0]
    save_draft(draft_path(data_dir), ReflectionDraft(body="changed words", editing_id=target.id))
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        assert _form(app).editing_id == target.id
        assert "changes you were making" in _text(app.screen.query_one("#form-banner", Static))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.reflections.get(target.id).body == "changed words"  # type: ignore[union-attr]
        assert demo_store.reflections.count() == 17


async def test_an_unreadable_draft_is_kept_aside_and_the_form_works(
    store: Store, data_dir: Path, make_test_app: Callable
) -> None:
    draft_path(data_dir).write_text("{not json")
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        assert not _form(app).draft().has_writing()
    kept = [p for p in data_dir.iterdir() if "unreadable" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{not json"


# --- patterns chart -------------------------------------------------------------------


async def test_pattern_chart_periods(demo_store: Store, make_test_app: Callable) -> None:
    app = make_test_app(demo_store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("c")
        await pilot.pause()
        chart = app.screen.query_one(PatternChart)
        assert chart.weeks == 12
        summary = _text(app.screen.query_one("#trend-summary", Static))
        assert "The last 6 weeks against the 6 before" in summary
        await _click(pilot, "#weeks-4")
        await pilot.pause()
        assert chart.weeks == 4
        # The demo wrote nothing in the first two of these four weeks: no trend claimed.
        assert "both halves of these 4 weeks" in _text(
            app.screen.query_one("#trend-summary", Static)
        )
        await _click(pilot, "#weeks-52")
        await pilot.pause()
        # The demo holds 12 weeks: no fair comparison of two 26-week halves.
        assert "Trends appear once" in _text(app.screen.query_one("#trend-summary", Static))


async def test_a_long_history_is_shown_a_page_at_a_time(
    store: Store, make_test_app: Callable
) -> None:
    from datetime import UTC, datetime, timedelta

    start = datetime(2026, 11, 20, 9, tzinfo=UTC)
    store.reflections.add_many(
        Reflection(at=start - timedelta(days=n), body=f"entry {n}") for n in range(400)
    )
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("h")
        table = _history(app).query_one("#history-table")
        assert len(_history(app).shown) == 400
        assert table.row_count == 150  # type: ignore[attr-defined]
        await pilot.press("ctrl+end")  # the last row so far: the next page comes in
        await pilot.pause()
        assert table.row_count == 300  # type: ignore[attr-defined]
        await pilot.press("ctrl+end", "ctrl+end")
        await pilot.pause()
        assert table.row_count == 400  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert isinstance(app.screen, ReflectionViewScreen)
        assert "entry 399" in _text(app.screen.query_one("#view-body", Static))


async def test_area_keys_typed_in_the_editor_are_just_text(
    store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        _body(app).focus()
        await pilot.press("slash", "n", "h", "c", "u", "t", "r")
        await pilot.pause()
        assert _body(app).text == "/nhcutr"
        assert app.screen.query_one(TabbedContent).active == "write"


async def test_tabbing_into_a_filled_title_and_typing_keeps_it(
    store: Store, make_test_app: Callable
) -> None:
    app = make_test_app(store, start_area="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        title = app.screen.query_one("#title", Input)
        title.value = "Morning walk"
        app.screen.query_one(TextArea).focus()
        await pilot.pause()
        title.focus()
        await pilot.pause()
        await pilot.press("!")
        assert title.value == "Morning walk!"
