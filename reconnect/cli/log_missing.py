"""What `reconnect log` can do without: who the moment was with comes from People when
--who names someone known; depth, comfort (and who, for a new name) are asked for at a
terminal, or named in one line when there is none (a script, a pipe)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconnect.cli import ask_missing
from reconnect.cli.ask_missing import NotAnswered, ask
from reconnect.cli.log_command import COMFORT_HELP, DEPTH_HELP, BadInput
from reconnect.logic.connections import find_person, parse_choice, words
from reconnect.records.models import COUNTERPART_FOR_CIRCLE, Counterpart

if TYPE_CHECKING:
    from reconnect.store.store import Store


def counterpart_of(store: Store, who: str) -> Counterpart | None:
    """Who a person known in People is to you (their circle), or None for a new name."""
    person = find_person(store.people.all(), who)
    return None if person is None else COUNTERPART_FOR_CIRCLE[person.circle]


def ask_for_missing(
    counterpart: Counterpart | None, depth: int | None, comfort: int | None, who: str | None
) -> tuple[Counterpart, int, int]:
    """Fill in what is None by asking; BadInput naming what is missing without a terminal."""
    if counterpart is not None and depth is not None and comfort is not None:
        return counterpart, depth, comfort
    if not ask_missing.can_ask():  # looked up here, so a test can stand in for a person
        raise BadInput(_missing_line(counterpart, depth, comfort, who))
    try:
        if counterpart is None:
            about = f"Who is {who} to you" if who else "Who was it with"
            counterpart = ask(
                f"{about} ({words(Counterpart)})? ", lambda text: parse_choice(Counterpart, text)
            )
        if depth is None:
            depth = ask(f"Depth ({DEPTH_HELP}): ", _rating)
        if comfort is None:
            comfort = ask(f"Comfort ({COMFORT_HELP}): ", _rating)
    except NotAnswered as exc:
        raise BadInput(str(exc)) from None
    return counterpart, depth, comfort


def _rating(text: str) -> int:
    if text.isdigit() and 1 <= int(text) <= 5:
        return int(text)
    if not text:
        raise ValueError("an answer is needed: type a number from 1 to 5")
    raise ValueError(f"'{text}' is not one of them: type a number from 1 to 5")


def _missing_line(
    counterpart: Counterpart | None, depth: int | None, comfort: int | None, who: str | None
) -> str:
    """'give --depth (-d 1-5) and --comfort (-c 1-5), or run it in a terminal to be asked'."""
    flags = [
        flag
        for flag, value in (
            ("--counterpart (-k KIND)", counterpart),
            ("--depth (-d 1-5)", depth),
            ("--comfort (-c 1-5)", comfort),
        )
        if value is None
    ]
    given = flags[0] if len(flags) == 1 else f"{', '.join(flags[:-1])} and {flags[-1]}"
    line = f"give {given}, or run it in a terminal to be asked"
    if counterpart is None:
        new = f"{who} is not in People yet; " if who else ""
        line += f" ({new}KIND is one of: {words(Counterpart)})"
    return line
