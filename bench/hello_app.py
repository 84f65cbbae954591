"""The start reference: a one-Static hello-world Textual app, run as its own process."""

from textual.app import App, ComposeResult
from textual.widgets import Static

HELLO = "Hello, world"


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(HELLO)


if __name__ == "__main__":
    Hello().run()
