"""Where help is: the crisis lines, then the person's own people and places.

One text for Help and for the end of a lonely check-in, so both show the same list.
"""

from __future__ import annotations

from rich.text import Text

from reconnect.settings import Settings


def help_lines(settings: Settings) -> Text:
    """Each crisis line, and under them (when there are any) the person's own list."""
    text = Text()
    for line in settings.crisis_lines:
        text.append(f"{line.region}: ", style="bold")
        text.append(f"{line.text}\n")
    if settings.resources:
        # People they already trust, after the lines that are there for anyone.
        text.append("\nYour own people and places:\n", style="bold")
        for resource in settings.resources:
            text.append(f"{resource.name}: ", style="bold")
            text.append(f"{resource.reach}\n")
    return text
