"""Log: the week's moments of connection by day, newest first; add, edit, delete, undo,
filter, and page to earlier weeks."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import var
from textual.widgets import Button, Label, OptionList, Select, Static

from reconnect.logic.connection_form import Prefill
from reconnect.logic.connections import Saved, describe
from reconnect.logic.day_format import day_format
from reconnect.logic.overview import depth_mix, lead_words
from reconnect.logic.plural import plural
from reconnect.logic.removals import RecordRemoved, Removal, delete_connection
from reconnect.logic.week_moments import PAGE, MomentFilter, week_moments
from reconnect.logic.weeks import local_date, week_bounds, week_span, week_start
from reconnect.records.content import DEPTH_LABELS, DEPTH_TINY
from reconnect.records.facts import ConnectionFacts
from reconnect.records.models import Connection, Counterpart, Person, label
from screens.areas.undo import UndoArea
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.log_entry import LogEntryDialog
from screens.dialogs.other_versions import OtherVersionsScreen
from screens.write_guard import write_guard
from widgets.connection_list import MORE_ID, ConnectionList

WEEKS = Binding.Group("Earlier/later week", compact=True)


class LogScreen(UndoArea):
    AREA_TITLE = "Log"
    ABOUT = (
        "Note small moments of connection, right after they happen: what, who, how deep "
        "(1 greeting … 5 plan made, support given or received), how comfortable it felt "
        "(1 very uneasy … 5 at ease) and, if you like, whether you could be yourself and "
        "which way support went. The list shows a week at a time, newest first. Remembered "
        "one later? b logs a moment for an earlier day (the one under the cursor to start)."
    )

    BINDINGS = [
        Binding("a", "add", "Log a moment"),
        Binding("b", "add_for_day", "Log for an earlier day", show=False),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete", key_display="d"),
        # One footer key for the pair, so the Log's keys fit 80 columns.
        Binding("left_square_bracket", "earlier", "Earlier week", key_display="[", group=WEEKS),
        Binding("right_square_bracket", "later", "Later week", key_display="]", group=WEEKS),
        Binding("f", "filters", "Filter by person, kind or depth", show=False),
        Binding("m", "show_more", "Show more moments", show=False),
        Binding("v", "other_version", "Version from another device", show=False),
    ]

    # The first day of the week shown; None: this week, whatever day it is now.
    week: var[date | None] = var(None, init=False)

    def __init__(self) -> None:
        super().__init__()
        self._people_options: list[tuple[str, str]] = []
        self._filters_shown: tuple[object, ...] = ()
        # How many moments the list shows, and for which week and filters (a new week or
        # filter starts again at one page).
        self._limit = PAGE
        self._limit_for: tuple[object, ...] = ()

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="week-nav"):
            yield Button("\u25c0 Earlier ([)", id="earlier", compact=True)
            yield Static(id="week-title")
            yield Button("Later (]) \u25b6", id="later", compact=True)
            yield Button("+ Log a moment (a)", id="add", compact=True, variant="primary")
        yield Static(id="week-summary")
        with Horizontal(id="filters"):
            yield Label("Show")
            yield Select[str]([], prompt="anyone", id="filter-person", compact=True)
            yield Select(
                [(label(c), c.value) for c in Counterpart],
                prompt="any kind",
                id="filter-counterpart",
                compact=True,
            )
            yield Select(
                [(f"{n} {name}", n) for n, name in DEPTH_LABELS.items()],
                prompt="any depth",
                id="filter-depth",
                compact=True,
            )
        yield Static(id="empty")
        yield ConnectionList(id="entries")

    def on_mount(self) -> None:
        # No super() call: Textual runs AreaScreen.on_mount (refresh_data) by itself.
        # Up, down and enter work on the entries at once; a takes you to the form.
        self.query_one(ConnectionList).focus()

    # --- showing ---------------------------------------------------------------------

    @property
    def week_first_day(self) -> date:
        return self.week or self._this_week()

    def watch_week(self) -> None:
        self.reload()

    def _this_week(self) -> date:
        return week_start(self.reconnect.today, self.reconnect.settings.first_day_of_week)

    def refresh_data(self) -> None:
        first = self.week_first_day
        start, end = week_bounds(first, self.reconnect.settings.first_day_of_week)
        people = self.store.people.all()
        self._update_people_filter(people)
        if (first, self._filter_values()) != self._limit_for:
            self._limit, self._limit_for = PAGE, (first, self._filter_values())
        moments = week_moments(self.store, start, end, self._filter(), self._limit)
        week, shown = moments.week, moments.shown
        self._filters_shown = self._filter_values()

        self.query_one("#week-title", Static).update(self._week_title(first))
        self.query_one("#later", Button).disabled = self._later_week() is None
        summary = self.query_one("#week-summary", Static)
        summary.update(self._summary(week, shown) if week else "")
        summary.display = bool(week)

        by_day: dict[date, list[Connection]] = defaultdict(list)
        for connection in moments.page:  # newest first
            by_day[local_date(connection.at)].append(connection)
        names = {p.id: p.name for p in people}
        entries = self.query_one(ConnectionList)
        entries.show(
            list(by_day.items()),
            names,
            self.reconnect.today,
            day_counts=moments.per_day,
            more=moments.not_shown,
            also_changed=self.store.ids_with_other_versions("connections"),
        )
        empty = self.query_one("#empty", Static)
        empty.display = not shown
        if not week:
            empty.update(
                Text(  # plain text: "[ or ]" is not markup
                    "Nothing logged this week yet. Press a to note a small moment: "
                    "a smile at the shop counts."
                    if first == self._this_week()
                    else "Nothing was logged this week. That's fine: press [ or ] to see "
                    "other weeks."
                )
            )
        elif not shown:
            empty.update("Nothing this week matches the filters above.")

    def _week_title(self, first: date) -> str:
        span = week_span(first)
        return f"This week, {span}" if first == self._this_week() else f"Week of {span}"

    def _summary(self, week: list[ConnectionFacts], shown: list[ConnectionFacts]) -> Text:
        # How deep and how comfortable first; the count is small print after it.
        count = f" \u00b7 {plural(len(week), 'moment')}"
        if len(shown) != len(week):
            count += f", {len(shown)} shown"
        mix = " \u00b7 ".join(f"{DEPTH_TINY[d]} {n:,}" for d, n in depth_mix(week).items())
        # Comfort without its label keeps the first line within 80 columns.
        text = Text(lead_words(week, labelled=False))
        text.append(count, style="dim")
        text.append(f"\n{mix}")
        return text

    def _update_people_filter(self, people: list[Person]) -> None:
        options = sorted(((p.name, p.id) for p in people), key=lambda o: o[0].lower())
        if options == self._people_options:
            return
        self._people_options = options
        select = self.query_one("#filter-person", Select)
        keep = select.value
        with self.prevent(Select.Changed):
            select.set_options(options)
            if keep in {value for _, value in options}:
                select.value = keep

    def _filter(self) -> MomentFilter:
        person, counterpart, depth = (
            None if value is Select.NULL else value for value in self._filter_values()
        )
        return MomentFilter(person, counterpart, depth)  # type: ignore[arg-type]

    def _filter_values(self) -> tuple[object, ...]:
        return tuple(select.value for select in self.query("#filters Select").results(Select))

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        # Selects also report their first value on mount: reload only on a real change.
        if self._filter_values() != self._filters_shown:
            self.reload()

    # --- actions ---------------------------------------------------------------------

    def _selected(self) -> Connection | None:
        connection_id = self.query_one(ConnectionList).highlighted_id
        return self.store.connections.get(connection_id) if connection_id else None

    def action_add(self) -> None:
        self.app.push_screen(LogEntryDialog(), self._after_save)

    def action_add_for_day(self) -> None:
        """A moment remembered late: asks the day (the one under the cursor, else the
        week's last day so far), then the form starts on it."""
        from screens.dialogs.date_prompt import DatePrompt, Picked

        today = self.reconnect.today
        connection = self._selected()
        if connection is not None:
            day = local_date(connection.at)
        else:
            day = min(today, self.week_first_day + timedelta(days=6))

        def picked(answer: Picked | None) -> None:
            if answer is not None and answer.day is not None:
                prefill = Prefill(day=answer.day)
                self.app.push_screen(LogEntryDialog(prefill=prefill), self._after_save)

        prompt = DatePrompt(
            "Log for an earlier day",
            "Which day was it? The form then starts on that day, at midday.",
            today,
            label="Day",
            value=day,
            latest=today,
            save_label="Log that day",  # nothing is saved yet: the Log form comes next
        )
        self.app.push_screen(prompt, picked)

    def action_edit(self) -> None:
        connection = self._selected()
        if connection is None:
            self.notify("Nothing picked: move to an entry first, or press a to log one.")
            return
        self.app.push_screen(LogEntryDialog(connection), self._after_save)

    def action_other_version(self) -> None:
        """The version kept from another device, when the moment was changed on two."""
        connection = self._selected()
        if connection is None:
            self.notify("Nothing picked: move to an entry first.")
            return
        others = self.store.other_versions("connections", connection.id)
        if not others:
            self.notify("This moment was not changed on another device.")
            return
        current = connection.model_dump(mode="json")
        title = f"Also changed on another device: {connection.what}"
        self.app.push_screen(OtherVersionsScreen(title, current, others))

    @on(OptionList.OptionSelected, "#entries")
    def _entry_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == MORE_ID:
            self.action_show_more()
        else:
            self.action_edit()

    def action_show_more(self) -> None:
        """The next page of a week with more moments than one list shows at once."""
        self._limit += PAGE
        entries = self.query_one(ConnectionList)
        at = entries.highlighted
        self.reload()
        if at is not None and at < entries.option_count:
            entries.highlighted = at  # the cursor stays where the new moments begin

    def _after_save(self, saved: Saved | None) -> None:
        if saved is None:
            return
        connection = saved.connection
        self.show_change()
        self._show_entry(connection)
        verb = "Updated" if saved.edited else "Saved"
        message = f"{verb}: {connection.what}"
        if saved.new_person is not None:
            message += f". {saved.new_person.name} was added to People."
        self.notify(message)

    def _show_entry(self, connection: Connection) -> None:
        """The week the entry belongs to, with the cursor on it."""
        week = week_start(local_date(connection.at), self.reconnect.settings.first_day_of_week)
        self.week = None if week == self._this_week() else week
        entries = self.query_one(ConnectionList)
        ids = [o.id for o in entries.options]
        if connection.id in ids:
            entries.highlighted = ids.index(connection.id)
        entries.focus()

    def show_restored(self, removal: Removal) -> None:
        if isinstance(removal, RecordRemoved) and isinstance(removal.record, Connection):
            self._show_entry(removal.record)

    def action_delete(self) -> None:
        connection = self._selected()
        if connection is None:
            self.notify("Nothing picked: move to an entry first.")
            return
        person = self.store.people.get(connection.person_id) if connection.person_id else None

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            with write_guard(self, "the delete") as guard:
                removal = delete_connection(self.store, connection.id)
            if not guard.failed:
                self.offer_undo(removal)

        self.app.push_screen(
            ConfirmDialog(
                f"{day_format(connection.at.astimezone(), '%a {day} %b %H:%M')}: "
                f"{describe(connection, person)}",
                "Delete",
                title="Delete this moment?",
                note="You can undo with u until you close the app.",
                yes_keys="y,d",  # d opened it: d again deletes
            ),
            confirmed,
        )

    def action_earlier(self) -> None:
        self.week = self.week_first_day - timedelta(days=7)

    def _later_week(self) -> date | None:
        """The week `]` goes to: the next one, up to this week; past it, the week of the
        next moment logged later (a date set wrongly far ahead stays reachable)."""
        first, first_day = self.week_first_day, self.reconnect.settings.first_day_of_week
        if first < self._this_week():
            return first + timedelta(days=7)
        _, end = week_bounds(first, first_day)
        upcoming = self.store.connections.next_time(end)
        return None if upcoming is None else week_start(local_date(upcoming), first_day)

    def action_later(self) -> None:
        later = self._later_week()
        if later is not None:
            self.week = None if later == self._this_week() else later

    def action_filters(self) -> None:
        self.query_one("#filter-person", Select).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        match event.button.id:
            case "earlier":
                self.action_earlier()
            case "later":
                self.action_later()
            case "add":
                self.action_add()
