"""reconnect: a gentle terminal companion for rebuilding social connection."""

__version__ = "0.1.0"

import os as _os

# pydantic looks for plugins through every installed package's entry points on first
# use (~15 ms at each start). reconnect uses none; a user can still opt in by setting it.
_os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
