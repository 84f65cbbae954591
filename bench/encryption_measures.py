"""Encryption at rest: unlocking (the key derivation, on its own), and saving and
starting with encryption on, each against the same with it off, run by run in pairs.

The encrypted copy is the heavy data sealed by `reconnect encrypt`; its passphrase comes
from RECONNECT_PASSPHRASE_FILE, as a script's would (asking at a terminal adds the
person's typing, not ours).
"""

from __future__ import annotations

import os
import statistics
import time

from bench.common import (
    BENCH_TODAY,
    Context,
    Result,
    app_env,
    interleaved,
    paired_result,
    reconnect_script,
    time_process,
)
from bench.frame import first_frame
from bench.start_measures import TODAY_MARKER
from bench.store_measures import _connection
from reconnect.store import encryption
from reconnect.store.folder_key import KeyFile, key_file_path, read_key_file
from reconnect.store.store import Store
from reconnect.store.unlocked import forget_all

PASSPHRASE = "a passphrase for the benchmark"
LOG_ARGS = ["Said hi to the neighbour", "--counterpart", "neighbour", "--depth", "1"]


def _encrypted_copy(ctx: Context, name: str) -> tuple[object, object]:
    folder = ctx.heavy_copy(name)
    store = Store.open(folder)
    encryption.encrypt(folder, store.storage, PASSPHRASE)
    store.close()
    forget_all()
    return folder, read_key_file(folder)


def unlock_time(ctx: Context) -> list[Result]:
    """The key derivation and unwrapping, as at every start (scrypt as in the key file)."""
    key_file, _ = KeyFile.new(PASSPHRASE)
    times = []
    for _ in range(max(3, ctx.runs // 2)):
        start = time.perf_counter()
        key_file.unlock(PASSPHRASE, key_file_path(ctx.work))
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    return [
        Result(
            "unlock an encrypted folder (scrypt)",
            seconds * 1000,
            None,
            "ms",
            "<= 500 ms",
            seconds <= 0.5,
        )
    ]


def encrypted_save(ctx: Context) -> list[Result]:
    """One connection added (the app's save, data loaded), sealed against plain."""
    plain_folder = ctx.heavy_copy("save-plain")
    sealed_folder, key_file = _encrypted_copy(ctx, "save-sealed")
    plain = Store.open(plain_folder)
    sealed = Store.open(
        sealed_folder, key=key_file.unlock(PASSPHRASE, key_file_path(sealed_folder))
    )
    for store in (plain, sealed):
        store.connections.count()  # loaded, as when the person saves in the app
    counter = iter(range(10**9))

    def timed(store: Store) -> float:
        start = time.perf_counter()
        store.connections.add(_connection(next(counter)))
        return time.perf_counter() - start

    ours, reference = interleaved(lambda: timed(sealed), lambda: timed(plain), ctx.runs * 3)
    return [paired_result("save, encrypted vs plain", ours, reference, "<= 1.3x", 1.3)]


def encrypted_log_and_start(ctx: Context) -> list[Result]:
    """`reconnect log` and the app's start to its first frame, each a whole process,
    encrypted (passphrase from a file) against plain."""
    plain_folder = ctx.heavy_copy("start-plain")
    sealed_folder, _ = _encrypted_copy(ctx, "start-sealed")
    secret = ctx.work / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    os.chmod(secret, 0o600)
    env = app_env(ctx)
    sealed_env = {**env, "RECONNECT_PASSPHRASE_FILE": str(secret)}
    script = reconnect_script()

    def log(folder: object, environ: dict[str, str]) -> float:
        argv = [script, "--data-dir", str(folder), "log", *LOG_ARGS, "--comfort", "3"]
        return time_process(argv, environ)

    log(sealed_folder, sealed_env), log(plain_folder, env)  # bytecode written, uncounted
    runs = max(5, ctx.runs // 2)
    log_ours, log_plain = interleaved(
        lambda: log(sealed_folder, sealed_env), lambda: log(plain_folder, env), runs
    )

    def start(folder: object, environ: dict[str, str]) -> float:
        argv = [script, "--data-dir", str(folder), "--today", BENCH_TODAY.isoformat()]
        return first_frame(argv, TODAY_MARKER, environ).seconds

    start(sealed_folder, sealed_env), start(plain_folder, env)
    start_ours, start_plain = interleaved(
        lambda: start(sealed_folder, sealed_env), lambda: start(plain_folder, env), runs
    )
    return [
        paired_result("reconnect log, encrypted vs plain", log_ours, log_plain, "<= 1.3x", 1.3),
        paired_result(
            "start to first frame, encrypted vs plain", start_ours, start_plain, "<= 1.3x", 1.3
        ),
    ]
