"""The channel a moment's words name, for the Log form, a step done and `reconnect log`."""

from __future__ import annotations

import pytest

from reconnect.logic.channel_words import channel_in
from reconnect.records.models import Channel


@pytest.mark.parametrize(
    ("words", "channel"),
    [
        ("Sent a two-line “thinking of you” text", Channel.TEXT),
        ("Texted Ana back", Channel.TEXT),
        ("Replied to a message I'd been putting off", Channel.TEXT),
        ("WhatsApp with the cousins", Channel.TEXT),
        ("Long phone call", Channel.PHONE),
        ("Called Mum", Channel.PHONE),
        ("Call Alex again", Channel.PHONE),
        ("Video call with Jordan", Channel.VIDEO),
        ("FaceTimed my niece", Channel.VIDEO),
        ("Posted in the climbing forum", Channel.ONLINE),
        ("Coffee and a real catch-up", None),
        ("Said hi to a neighbour", None),
        ("Left a kind note for the café", None),
        ("Tried to recall her name", None),  # a whole word only
        ("Talked in context of work", None),
        ("", None),
    ],
)
def test_words_name_a_channel(words: str, channel: Channel | None) -> None:
    assert channel_in(words) is channel
