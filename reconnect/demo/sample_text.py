"""The words of the sample history: people, what deepened, reflections, reviews."""

from __future__ import annotations

from reconnect.records.content import MICRO_CONNECTIONS
from reconnect.records.models import Channel, Circle, SupportFlow, SupportKind

# name, circle, cadence in days, notes
PEOPLE = (
    ("Maya", Circle.FRIEND, 7, "Friend since university. Loves long walks."),
    ("Mum", Circle.FAMILY, 7, "Sunday calls work best."),
    ("Jordan", Circle.CHOSEN_FAMILY, 10, ""),
    ("Sam", Circle.NEIGHBOUR, None, "Next door, has a dog called Biscuit."),
    ("Priya", Circle.COWORKER, 14, "Sits two desks over; also into climbing."),
    ("Alex", Circle.FRIEND, 14, "We drifted after the move."),
    ("Aunt Rosa", Circle.FAMILY, 30, "Birthday 3 March."),
    ("Book club", Circle.GROUP, 14, "Thursdays 7pm at the library."),
)

DEEPER = {
    3: ("Coffee and a real catch-up", "Long phone call", "Walk and talk", "Lunch together"),
    4: (
        "Told them how the last months really were",
        "Shared something I'd kept to myself",
        "Talked about the hard week honestly",
    ),
    5: (
        "Made a plan to meet again",
        "Helped with the move",
        "Accepted a lift instead of saying I'm fine",
    ),
}

# Moments that can only have happened one way: a text is never "in person", a walk never
# "by phone". The others take the channel drawn for them.
TEXT_MESSAGES = (MICRO_CONNECTIONS[5], MICRO_CONNECTIONS[6])
CHANNEL_OF: dict[str, Channel] = {
    **dict.fromkeys(TEXT_MESSAGES, Channel.TEXT),
    "Long phone call": Channel.PHONE,
    **dict.fromkeys(
        (
            "Coffee and a real catch-up",
            "Walk and talk",
            "Lunch together",
            "Helped with the move",
            "Accepted a lift instead of saying I'm fine",
        ),
        Channel.IN_PERSON,
    ),
}

# A group's moments, by the channel drawn: in person they are visits (demo/groups.py),
# the others are the group's chat or a call with someone from it.
GROUP_WORDS: dict[Channel, tuple[str, ...]] = {
    Channel.IN_PERSON: (
        "Went to the book club and stayed for tea",
        "Said what the book stirred up for me",
        "Talked with the woman by the window after the club",
    ),
    Channel.TEXT: ("Wrote in the book club's group chat",),
    Channel.PHONE: ("Phoned someone from the book club about the next book",),
    Channel.VIDEO: ("Joined the book club's video meeting",),
}

# Which moments carried support, which way and of what kind: receiving as often as
# giving. Nobody has given guidance yet, so "your support" has a gap to point to.
SUPPORT_IN: dict[str, tuple[SupportFlow, SupportKind]] = {
    "Helped with the move": (SupportFlow.GAVE, SupportKind.PRACTICAL),
    "Accepted a lift instead of saying I'm fine": (SupportFlow.RECEIVED, SupportKind.PRACTICAL),
    "Talked about the hard week honestly": (SupportFlow.RECEIVED, SupportKind.EMOTIONAL),
    "Told them how the last months really were": (SupportFlow.BOTH, SupportKind.EMOTIONAL),
}

# The people it feels safe to be oneself with.
SAFE_PEOPLE = ("Maya", "Jordan")

# Important dates (label, month, day, year or None) shown on a person's page.
IMPORTANT_DATES: dict[str, tuple[tuple[str, int, int, int | None], ...]] = {
    "Maya": (("Birthday", 1, 9, None),),
    "Mum": (("Birthday", 6, 14, 1958),),
    "Jordan": (("Friendship anniversary", 12, 2, 2019),),
    "Aunt Rosa": (("Birthday", 3, 3, None),),
}

BODIES = (
    "I noticed I kept my phone face down all evening. Part of me wanted someone to "
    "message, part of me was relieved when nobody did.",
    "Work swallowed the week again. By Friday I was too tired to answer anyone.",
    "Had a good moment with the neighbour. It was small, but I felt less invisible.",
    "I wanted to call but I told myself they were busy. I don't actually know that.",
    "At the book club I stayed quiet and then felt left out. Next time: one comment.",
    "Talked to Maya properly for the first time in months. Lighter afterwards.",
)

HELPED = (
    "Planning one small thing a day.",
    "Saying yes to the walk even though I was tired.",
    "Texting before I could talk myself out of it.",
    "Going to the same café at the same time: familiar faces.",
)
IN_THE_WAY = (
    "Long days at work.",
    "The old voice saying nobody wants to hear from me.",
    "A cold that kept me in.",
    "Scrolling instead of writing back.",
)
