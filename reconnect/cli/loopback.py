"""Where `reconnect serve` listens: 127.0.0.1 only. Standard library alone, so the
address is printed before the web server's imports (aiohttp, half a second) load."""

from __future__ import annotations

import socket

LOOPBACK = "127.0.0.1"


def bind_loopback(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (port 0: a free one); OSError when it is taken.
    A browser that connects before the server runs waits in its backlog."""
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((LOOPBACK, port))
        listening.listen(16)
    except OSError:
        listening.close()
        raise
    return listening


def page_address(listening: socket.socket, token: str) -> str:
    """The page's address, token included: what the person opens."""
    return f"http://{LOOPBACK}:{listening.getsockname()[1]}/?token={token}"
