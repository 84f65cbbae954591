"""The browser door for `reconnect serve`: textual-serve, made safe for a private journal.

textual-serve's stock Server listens where it is told, accepts a websocket from any
page (so any web site open in the person's browser could drive the app), fetches a web
font from a font service and shows the command line as the page's title. This one:

- listens on 127.0.0.1 only, on a socket bound before anything is printed;
- answers only with the random token it prints: the page wants `?token=…`, the
  websocket `/ws/<token>` (textual.js appends `?width=…` to the websocket address, so
  the token rides in its path);
- refuses a websocket whose Origin is not its own page, and any request whose Host is
  not 127.0.0.1 or localhost at its port (a rebound DNS name);
- serves its own page (serve_page/app_index.html): no font service, the title
  "reconnect", and headers that keep the token out of referrers and the page out of
  frames and caches;
- delivers no files to the browser: exports are written on this computer.

Every browser tab gets its own app process running `command`, as textual-serve does.
"""

from __future__ import annotations

import hmac
import logging
import socket
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

from reconnect.cli.loopback import LOOPBACK

PAGE_FOLDER = Path(__file__).with_name("serve_page")
REFUSED = (
    "This opens only from the address reconnect serve printed, token and all: copy the "
    "whole address from where it runs."
)


class PrivateServer(Server):
    """textual-serve's Server behind a token, an Origin and a Host check."""

    def __init__(self, command: str, listening: socket.socket, token: str) -> None:
        self.listening = listening
        port = listening.getsockname()[1]
        super().__init__(command, host=LOOPBACK, port=port, title="reconnect")
        self.token = token
        self.hosts = {f"{LOOPBACK}:{port}", f"localhost:{port}"}

    # --- the checks ---------------------------------------------------------------------

    def token_matches(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def host_is_ours(self, request: web.Request) -> bool:
        return request.host in self.hosts

    def origin_is_ours(self, request: web.Request) -> bool:
        """A browser always sends Origin on a websocket: it must be this page's own."""
        return request.headers.get("Origin") == f"http://{request.host}"

    # --- the routes ---------------------------------------------------------------------

    def make_web_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(PAGE_FOLDER))
        app.add_routes(
            [
                web.get("/", self.handle_page),
                web.get("/ws/{token}", self.handle_private_websocket),
                web.get("/ws", self.handle_private_websocket),  # no token: refused
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_response_prepare.append(add_private_headers)
        return app

    async def handle_page(self, request: web.Request) -> web.StreamResponse:
        if not (self.host_is_ours(request) and self.token_matches(request.query.get("token"))):
            raise refuse("a page request without the right token or host")
        context = {
            "title": self.title,
            "static_url": "/static/",
            "websocket_url": f"ws://{request.host}/ws/{self.token}",
            "font_size": font_size(request.query.get("fontsize")),
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Content-Security-Policy"] = content_policy(request.host)
        return response

    async def handle_private_websocket(self, request: web.Request) -> web.StreamResponse:
        if not self.origin_is_ours(request):
            origin = request.headers.get("Origin", "no page")[:80]
            shown = "".join(c for c in origin if c.isprintable())  # no escapes to the terminal
            raise refuse(f"a connection from another page ({shown})")
        if not (self.host_is_ours(request) and self.token_matches(request.match_info.get("token"))):
            raise refuse("a connection without the right token or host")
        return await self.handle_websocket(request)

    # --- running ------------------------------------------------------------------------

    def serve(self, debug: bool = False) -> None:
        """Serve until ctrl+c (or SIGTERM) on the socket bound already."""
        self.debug = debug
        quiet_logging()
        web.run_app(
            self.make_web_app(),
            sock=self.listening,
            print=None,
            access_log=None,  # it would write each address, token and all
            handle_signals=True,
        )


def refuse(what: str) -> web.HTTPForbidden:
    """403, and a line where serve runs: the person sees that something knocked."""
    print(f"reconnect serve: refused {what}.", file=sys.stderr, flush=True)
    return web.HTTPForbidden(text=REFUSED)


async def add_private_headers(request: web.Request, response: web.StreamResponse) -> None:
    """On every answer: never cached, never a referrer (the token is in the address)."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"


def content_policy(host: str) -> str:
    """The page loads only from itself, talks only to its own websocket, and may not be
    framed by another page."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src 'self' ws://{host}",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def font_size(given: str | None) -> int:
    """?fontsize=N, kept to a readable range (16 when absent or not a number)."""
    try:
        return min(max(int(given or 16), 8), 48)
    except ValueError:
        return 16


class _OneLine(logging.Formatter):
    """textual-serve's warnings as one line each, without a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        return f"reconnect serve: {record.getMessage()}"


def quiet_logging() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine())
    served: Any = logging.getLogger("textual-serve")
    served.handlers[:] = [handler]
    served.setLevel(logging.WARNING)
    served.propagate = False
