"""The channel a moment's own words name: "Sent Ana a text" was a text, "Called Mum" a
phone call. The Log form, a step marked done and `reconnect log` start from it, so a
person does not have to correct "in person" on a text they just described.

Floor 3: plain functions; never textual.
"""

from __future__ import annotations

import re

from reconnect.records.models import Channel

# Whole words only: "recall" is not a call and "context" is not a text. The first
# channel whose words appear wins, in this order (a "video call" is a video). Words
# that could be either ("note", "wrote", "comment") name nothing.
_WORDS: tuple[tuple[Channel, str], ...] = (
    (Channel.VIDEO, r"video|videos|zoom|facetime|facetimed|skype|skyped"),
    (
        Channel.TEXT,
        r"text|texts|texted|texting|sms|message|messages|messaged|messaging|whatsapp|"
        r"whatsapped|dm|dms|dmed|email|emails|emailed|emailing",
    ),
    (Channel.PHONE, r"call|calls|called|calling|phone|phoned|phoning|rang"),
    (Channel.ONLINE, r"online|forum|discord|reddit"),
)
_PATTERNS = tuple((channel, re.compile(rf"\b(?:{words})\b", re.I)) for channel, words in _WORDS)


def channel_in(words: str) -> Channel | None:
    """The channel the words name, or None when they name none."""
    for channel, pattern in _PATTERNS:
        if pattern.search(words):
            return channel
    return None
