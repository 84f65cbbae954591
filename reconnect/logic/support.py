"""Support in words: which way it went and of what kind, the same on every screen.

Floor 3: plain functions; never textual.
"""

from __future__ import annotations

from reconnect.records.models import Connection, SupportFlow, SupportKind

_FLOW_VERBS: dict[SupportFlow, str] = {
    SupportFlow.GAVE: "gave",
    SupportFlow.RECEIVED: "received",
    SupportFlow.BOTH: "gave and received",
}


# Which ways a moment's support went: "both" counts once as given and once as received,
# so receiving counts as much as giving.
WAYS: dict[SupportFlow, tuple[SupportFlow, ...]] = {
    SupportFlow.GAVE: (SupportFlow.GAVE,),
    SupportFlow.RECEIVED: (SupportFlow.RECEIVED,),
    SupportFlow.BOTH: (SupportFlow.GAVE, SupportFlow.RECEIVED),
}


def support_words(flow: SupportFlow | None, kind: SupportKind | None = None) -> str:
    """'received practical support', 'gave support', or "" when none was noted."""
    if flow is None:
        return ""
    what = f"{kind.value} support" if kind is not None else "support"
    return f"{_FLOW_VERBS[flow]} {what}"


def connection_support(connection: Connection) -> str:
    return support_words(connection.support, connection.support_kind)
