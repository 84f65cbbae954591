"""`reconnect serve` without a browser: what it runs, what it prints, what it refuses."""

from __future__ import annotations

import argparse
import re
import shlex
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import aiohttp
import pytest

from reconnect.cli.serve_command import app_command
from reconnect.cli.web_server import PAGE_FOLDER, content_policy
from tests.encryption_helpers import PASSPHRASE
from tests.serve_helpers import served, wait_until


def namespace(**given: object) -> argparse.Namespace:
    values: dict[str, object] = {"demo": False, "data_dir": None, "area": "today", "today": None}
    return argparse.Namespace(**(values | given))


def test_each_tab_runs_the_app_on_the_same_folder(tmp_path: Path) -> None:
    folder = tmp_path / "my data"  # a space: the command line is quoted
    argv = shlex.split(app_command(namespace(data_dir=str(folder), area="log")))
    assert argv[:3] == [sys.executable, "-m", "reconnect"]
    assert argv[3:] == ["--data-dir", str(folder), "--open", "log"]


def test_demo_and_a_pinned_day_are_passed_on() -> None:
    argv = shlex.split(app_command(namespace(demo=True, today=date(2026, 11, 21))))
    assert argv[3:] == ["--demo", "--today", "2026-11-21"]


def test_without_a_folder_given_it_names_the_one_the_app_would_use(tmp_path: Path) -> None:
    argv = shlex.split(app_command(namespace()))
    assert argv[3:] == ["--data-dir", str(tmp_path / "data")]  # RECONNECT_DATA_DIR


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "reconnect", "serve", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_a_port_in_use_is_one_line_and_status_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = run("--port", str(port))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"reconnect: port {port} is in use: choose another with --port, or leave it out."
    ]


def test_a_wrong_passphrase_file_is_refused_before_anything_listens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(secret))
    encrypt = [sys.executable, "-m", "reconnect", "encrypt"]
    assert subprocess.run(encrypt, capture_output=True, timeout=60).returncode == 0
    secret.write_text("not the passphrase\n")
    monkeypatch.setenv("RECONNECT_PASSPHRASE_FILE", str(secret))
    done = run("--port", "0")
    assert (done.returncode, done.stdout) == (4, "")
    assert "does not open" in done.stderr


@pytest.mark.parametrize("port", ["http", "-1", "70000"])
def test_a_bad_port_is_one_line_and_status_2(port: str) -> None:
    done = run("--port", port)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and "is not a port" in done.stderr


def test_there_is_no_host_to_choose() -> None:
    done = run("--host", "0.0.0.0")
    assert done.returncode == 2
    assert "unrecognized arguments: --host" in done.stderr


def test_the_page_fetches_nothing_from_elsewhere_and_is_titled_reconnect() -> None:
    page = (PAGE_FOLDER / "app_index.html").read_text()
    assert re.findall(r"https?://", page) == []
    assert "googleapis" not in page
    assert "<title>{{ title }}</title>" in page
    policy = content_policy("127.0.0.1:8000")
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy


async def knock(url: str, origin: str | None) -> int:
    """The status a websocket upgrade gets (101 when it opens)."""
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers) as socket_:
                await socket_.close()
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


async def fetch(url: str, host: str | None = None) -> aiohttp.ClientResponse:
    headers = {"Host": host} if host else {}
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as answer:
        await answer.read()
        return answer


async def test_the_token_origin_and_host_are_checked() -> None:
    with served("--demo") as server:
        token = server.url.split("token=", 1)[1]
        base = f"127.0.0.1:{server.port}"
        own = f"http://{base}"
        assert server.url == f"{own}/?token={token}"

        page = await fetch(server.url)
        assert page.status == 200
        assert page.headers["Referrer-Policy"] == "no-referrer"
        assert page.headers["Cache-Control"] == "no-store"
        assert f"connect-src 'self' ws://{base}" in page.headers["Content-Security-Policy"]
        assert (await fetch(f"{own}/")).status == 403
        assert (await fetch(f"{own}/?token={token[:-1]}")).status == 403
        assert (await fetch(server.url, host=f"evil.example:{server.port}")).status == 403
        assert (await fetch(f"http://localhost:{server.port}/?token={token}")).status == 200

        socket_url = f"ws://{base}/ws/{token}"
        assert await knock(socket_url, "http://evil.example") == 403
        assert await knock(socket_url, f"http://localhost:{server.port}") == 403  # not its page
        assert await knock(socket_url, None) == 403
        assert await knock(f"ws://{base}/ws", own) == 403
        assert await knock(f"ws://{base}/ws/{'x' * len(token)}", own) == 403
        assert await knock(socket_url, own) == 101  # the page's own websocket opens
        # Each refusal is said where serve runs; the token only ever in the address.
        wait_until(lambda: "evil.example" in server.printed(), 10, "the refusal to be said")
        assert "".join(server.said).count(token) == 1  # the address printed, no more


def test_the_server_itself_loads_no_textual() -> None:
    """Textual runs in each tab's app process, never in the server (test_layers counts
    web_server as the face only because textual-serve's name starts with textual)."""
    code = (
        "import sys, reconnect.cli.web_server\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'textual_plotext', 'screens', 'widgets')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
