"""The command palette's view of the screen you are on: each of its actions, by name.

The areas, help, export and import are system commands (ReconnectApp
.get_system_commands); this provider adds what the screen itself can do, so ctrl+p then
"log a moment" on Log does what `a` does there.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.types import IgnoreReturnCallbackType


class ScreenActions(Provider):
    """The current screen's own key bindings as commands, titled by the screen."""

    def _commands(self) -> Iterator[tuple[str, IgnoreReturnCallbackType, str]]:
        screen = self.screen
        # The area's title ("Log", or "Goals › <goal>" on a goal's ladder); a dialog has none.
        prefix = f"{screen.title}: " if screen.title else ""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            # Only the screen's own actions (the app's are system commands), only those
            # it allows now, each once (one action may have two keys).
            if active.node is not screen or not active.enabled or not binding.description:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            run = partial(self.app.run_action, binding.action, screen)
            yield f"{prefix}{binding.description}", run, f"key {self.app.get_key_display(binding)}"

    async def discover(self) -> Hits:
        for title, run, help_text in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
