"""reconnect: a gentle terminal companion for rebuilding social connection."""

__version__ = "0.1.0"
