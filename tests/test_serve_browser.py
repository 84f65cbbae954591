"""`reconnect serve` in a real headless Chromium (the system's, driven by Playwright).

Without Chromium these skip with a line saying how to install it; where CI is set they
fail instead. The terminal in the page draws on a canvas, so the words the app sends
are read off its websocket (a wrapper installed before the page's own script runs),
and "the picture changes" is a screenshot of the terminal that differs.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bench.serve_measures import CHROMIUM_ARGS
from tests.encryption_helpers import PASSPHRASE
from tests.serve_helpers import chromium_or_skip, served, wait_until

# Keeps every frame the app sends, as text, in window.__served.
CAPTURE_FRAMES = """
window.__served = [];
const NativeSocket = window.WebSocket;
window.WebSocket = class extends NativeSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__served.push(new TextDecoder().decode(event.data));
      }
    });
  }
};
"""
ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
# Tries a websocket; window.__outcome becomes "open" or "refused".
KNOCK = """
(url) => new Promise((resolve) => {
  const socket = new WebSocket(url);
  socket.onopen = () => { socket.close(); resolve("open"); };
  socket.onerror = () => resolve("refused");
})
"""


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    chromium = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh profile each time
            executable_path=chromium,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1000, "height": 640},
        )
        try:
            yield context
        finally:
            context.close()


def frames(page: Any, since: int = 0) -> str:
    """What the app has drawn since frame `since`, without the terminal's escapes."""
    sent = page.evaluate("window.__served")
    return ESCAPES.sub("", "".join(sent[since:]))


def settled_picture(page: Any) -> bytes:
    """The terminal's screenshot once two in a row agree (the page fades in)."""
    pictures = [page.locator("#terminal").screenshot()]

    def same_twice() -> bool:
        pictures.append(page.locator("#terminal").screenshot())
        return pictures[-1] == pictures[-2]

    wait_until(same_twice, 20, "the terminal to stop changing")
    return pictures[-1]


def test_the_app_opens_in_the_browser_and_answers_a_key(browser: Any) -> None:
    with served("--demo") as server:
        page = browser.new_page()
        page.add_init_script(CAPTURE_FRAMES)
        page.goto(server.url)
        page.wait_for_selector("body.-first-byte", timeout=60_000)  # the first output
        assert page.title() == "reconnect"
        wait_until(lambda: "This week" in frames(page), 30, "Today's words")
        before = settled_picture(page)
        drawn = len(page.evaluate("window.__served"))

        page.locator(".xterm-helper-textarea").focus()  # the terminal takes the keys
        page.keyboard.press("l")

        wait_until(
            lambda: "Log a moment" in frames(page, drawn) and "Show" in frames(page, drawn),
            30,
            "the Log area's words",
        )
        assert settled_picture(page) != before
        assert "refused" not in server.printed()


class ForeignPage(BaseHTTPRequestHandler):
    """Another web page the person happens to have open (here, on another port)."""

    def do_GET(self) -> None:
        body = b"<!DOCTYPE html><title>elsewhere</title><p>another site</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def foreign_site() -> Iterator[str]:
    site = ThreadingHTTPServer(("127.0.0.1", 0), ForeignPage)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}/"
    finally:
        site.shutdown()
        site.server_close()


def test_another_page_or_a_missing_token_is_refused(browser: Any, foreign_site: str) -> None:
    with served("--demo") as server:
        token = server.url.split("token=", 1)[1]
        own_socket = f"ws://127.0.0.1:{server.port}/ws"

        elsewhere = browser.new_page()
        elsewhere.goto(foreign_site)
        # Even knowing the token, a page of another origin may not drive the journal.
        assert elsewhere.evaluate(KNOCK, f"{own_socket}/{token}") == "refused"
        assert elsewhere.evaluate(KNOCK, own_socket) == "refused"

        page = browser.new_page()
        answer = page.goto(server.url.split("?", 1)[0])  # the page without its token
        assert answer is not None and answer.status == 403
        assert "This week" not in page.content()
        assert page.evaluate(KNOCK, own_socket) == "refused"  # its own origin, no token
        assert page.evaluate(KNOCK, f"{own_socket}/{'x' * len(token)}") == "refused"

        def said_each() -> bool:
            said = server.printed()
            return (
                "refused a connection from another page (http://127.0.0.1:" in said
                and "refused a page request without the right token" in said
                and said.count("refused a connection without the right token") == 2
            )

        wait_until(said_each, 10, "each refusal said where serve runs")
        # The same browser with the printed address still gets in.
        assert page.goto(server.url) is not None
        assert page.evaluate(KNOCK, f"{own_socket}/{token}") == "open"


def test_an_encrypted_folder_opens_with_the_passphrase_file(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(secret))
    moment = [
        "Walked with Quillonfriend",
        "--counterpart",
        "friend",
        "--depth",
        "3",
        "--comfort",
        "4",
    ]
    for command in (["log", *moment], ["encrypt"]):
        done = subprocess.run(
            [sys.executable, "-m", "reconnect", *command],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
    with served("--open", "log") as server:
        page = browser.new_page()
        page.add_init_script(CAPTURE_FRAMES)
        page.goto(server.url)
        wait_until(lambda: "Quillonfriend" in frames(page), 60, "the encrypted folder's words")


def test_an_encrypted_folder_asks_its_passphrase_in_the_page(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(secret))
    moment = ["Walked with Zanzibarwalk", "--counterpart", "friend", "--depth", "3"]
    moment += ["--comfort", "4"]
    for command in (["log", *moment], ["encrypt"]):
        done = subprocess.run(
            [sys.executable, "-m", "reconnect", *command],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
    monkeypatch.delenv("RECONNECT_PASSPHRASE_FILE")  # nothing gives it: the page asks
    with served("--open", "log") as server:
        page = browser.new_page()
        page.add_init_script(CAPTURE_FRAMES)
        page.goto(server.url)
        wait_until(lambda: "encrypted" in frames(page), 60, "the passphrase screen")
        assert "Zanzibarwalk" not in frames(page)
        page.locator(".xterm-helper-textarea").focus()
        page.keyboard.type(PASSPHRASE)
        page.keyboard.press("Enter")
        wait_until(lambda: "Zanzibarwalk" in frames(page), 60, "the folder's words")
