"""reconnect: a gentle terminal companion for rebuilding social connection."""

from __future__ import annotations


def version() -> str:
    """The installed version, from the package metadata (pyproject.toml is its one
    source). Read on demand: importlib.metadata costs ~15 ms at start."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("reconnect")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"
