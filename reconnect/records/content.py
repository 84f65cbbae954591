"""The built-in catalogue: patterns, prompts, ideas, check-in items and crisis lines.

Plain data only (floor 1): no pydantic, no textual. Wording follows CONTENT.md's tone:
warm, plain and free of judgement.
"""

from __future__ import annotations

from dataclasses import dataclass

# A pattern's one name, in the tick list, history tags, charts, reviews and reports
# alike, so it is kept short enough for a tag or a chart label.
PATTERN_NAME_MAX = 22


@dataclass(frozen=True)
class Pattern:
    """An isolation pattern a user can tick in a reflection."""

    id: str
    name: str
    explanation: str


PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "busy",
        "Busy schedule",
        "Work and errands filled the week and people got the leftovers.",
    ),
    Pattern(
        "exhausted",
        "Stress or exhaustion",
        "There was no energy left for anyone, even people you like.",
    ),
    Pattern(
        "hurt",
        "Disappointed or hurt",
        "Someone let you down, and pulling back felt safer than risking it again.",
    ),
    Pattern(
        "protective",
        "Protective withdrawal",
        "An old, once-useful move after hurt or trauma: keep away so nobody can hurt you.",
    ),
    Pattern(
        "digital",
        "Quick digital updates",
        "Likes and short messages stood in for a real conversation.",
    ),
    Pattern(
        "not_interested",
        "Others not interested",
        "The thought that people don't really want to hear from you.",
    ),
    Pattern(
        "handle_alone",
        "Handling it alone",
        "Needing people felt like weakness, so you kept it to yourself.",
    ),
    Pattern(
        "transition",
        "Life transition",
        "A move, a new job, a new baby, a loss: the old rhythms of contact broke.",
    ),
    Pattern(
        "unseen",
        "Surrounded yet unseen",
        "People were around, but nobody really saw how you were.",
    ),
    Pattern(
        "inward",
        "Present but not there",
        "You were in the conversation but withdrew inwardly instead of taking part.",
    ),
)

PATTERN_IDS: frozenset[str] = frozenset(p.id for p in PATTERNS)
PATTERNS_BY_ID: dict[str, Pattern] = {p.id: p for p in PATTERNS}


def pattern_name(pattern_id: str) -> str:
    """The pattern's name; an id the catalogue no longer knows shows as itself."""
    pattern = PATTERNS_BY_ID.get(pattern_id)
    return pattern.name if pattern else pattern_id


# About help not asked for: asking and accepting is a skill the app lets people practise.
HELP_PROMPTS: tuple[str, ...] = (
    "What help did I need and not ask for? What stopped me?",
    "When did I say \u201cI'm fine\u201d when I wasn't?",
    "Who could I let help me with one small thing?",
)

# Offered in this order to someone who has used none yet (logic/prompts.py), so each
# help prompt comes within a few turns rather than after all the others.
PROMPTS: tuple[str, ...] = (
    "When did I last feel really seen? What made it possible?",
    "What did I avoid this week, and what was I protecting myself from?",
    HELP_PROMPTS[0],
    "Which relationship feels safe enough for one small step?",
    "What does showing up look like for someone who matters to me?",
    HELP_PROMPTS[1],
    "Who came to mind this week, and what stopped me from telling them?",
    "What did a moment of connection this week feel like in my body?",
    HELP_PROMPTS[2],
    "What story did I tell myself about what others think of me? How sure am I?",
    "If a friend were in my place, what small step would I suggest to them?",
    "Where did I feel most like myself this week, and who was there?",
    "What would make reaching out a little easier next time?",
    "What did I need this week that I didn't ask for?",
    "Which old way of protecting myself showed up, and did it still help?",
)

MICRO_CONNECTIONS: tuple[str, ...] = (
    "Said hi to a neighbour",
    "Eye contact and a smile at the shop",
    "Held the door for someone",
    "Left a kind note or a review for a local business",
    "Asked \u201chow's your day going?\u201d and waited for the answer",
    "Sent a two-line \u201cthinking of you\u201d text",
    "Replied to a message I'd been putting off",
    "Remembered a date and checked in",
    "Stayed present in a conversation instead of withdrawing",
)

# Goal step ideas, easiest first.
STEP_IDEAS: tuple[str, ...] = (
    "Be more present in a conversation I already have",
    "Reply to a message",
    "Send a short note to a trusted friend",
    "Reconnect with a supportive family member",
    "Go to a place built around a shared interest",
    "Join a structured group (a class, a volunteer shift, a support group)",
    "Share something real in a group",
)

# A goal kind's own ladder, easiest first: a new goal of that kind starts with these
# steps (logic/starter_steps.py), and its step form offers them before STEP_IDEAS.
GOAL_KIND_LADDERS: dict[str, tuple[str, ...]] = {
    "ask_for_help": (
        "Ask someone for a small favour",
        "Accept an offer of help instead of saying \u201cI'm fine\u201d",
        "Ask someone for advice",
        "Tell someone what I am going through",
    ),
    "join_community": (
        # Online first, local later: an online group can be the first one.
        "Look up one group, online or nearby",
        "Read about it: who goes, when it meets, what happens",
        "Go once and just listen",
        "Go again",
        "Say one thing in the group",
    ),
}


@dataclass(frozen=True)
class CommunityKindInfo:
    """A kind of community: its name, what it is and who it suits, in one plain line."""

    id: str
    name: str
    about: str


COMMUNITY_KINDS: tuple[CommunityKindInfo, ...] = (
    CommunityKindInfo(
        "group_therapy",
        "Group therapy",
        "A small group led by a therapist; for working on what hurts, alongside others.",
    ),
    CommunityKindInfo(
        "peer_support",
        "Peer support group",
        "People who share an experience meet as equals; for feeling less alone with it.",
    ),
    CommunityKindInfo(
        "identity",
        "Identity-affirming or cultural community",
        "A place where who you are is the starting point, not something to explain.",
    ),
    CommunityKindInfo(
        "faith",
        "Faith-based space",
        "A congregation, a study group or a service team; for belonging through belief.",
    ),
    CommunityKindInfo(
        "trauma_informed",
        "Trauma-informed group",
        "Run with safety and choice first; for when groups have felt risky before.",
    ),
    CommunityKindInfo(
        "recovery",
        "Recovery or sobriety community",
        "Meetings with a steady rhythm and people further along; for staying on track.",
    ),
    CommunityKindInfo(
        "grief",
        "Grief and loss group",
        "Others who are grieving too; for a loss that friends find hard to hear about.",
    ),
    CommunityKindInfo(
        "caregiving",
        "Parenting or caregiver group",
        "Parents or carers swapping the real story; for a load that isolates.",
    ),
    CommunityKindInfo(
        "illness_disability",
        "Chronic illness or disability community",
        "People who get it without explanation; online ones suit days with little energy.",
    ),
    CommunityKindInfo(
        "shared_interest",
        "Shared-interest group",
        "A book club, a hiking group, games night; the activity carries the talk.",
    ),
    CommunityKindInfo(
        "volunteer",
        "Volunteer network",
        "Doing something useful side by side; for connection with a clear role.",
    ),
    CommunityKindInfo(
        "online",
        "Online community",
        "A forum, a chat or a video group; often the gentlest first step.",
    ),
)
COMMUNITY_KINDS_BY_ID: dict[str, CommunityKindInfo] = {k.id: k for k in COMMUNITY_KINDS}

# What makes a group work (CONTENT.md), asked after a visit: (field, question).
GROUP_CHECKLIST: tuple[tuple[str, str], ...] = (
    ("purpose", "Did it have a shared purpose?"),
    ("real", "Could people be real, without performing wellness?"),
    ("rhythm", "Does it meet in a reliable place and rhythm?"),
    ("welcome", "Did someone welcome newcomers and keep things flowing?"),
)
# Why groups help (Yalom's factors), in plain words: (field, question, the factor).
GROUP_FACTORS: tuple[tuple[str, str, str], ...] = (
    ("less_alone", "Did I feel less alone?", "universality"),
    ("hope", "Did I see someone further along?", "hope"),
    ("new_way", "Did I try a new way of relating?", "interpersonal learning"),
    ("safer", "Did something feel safer than I expected?", "a corrective experience"),
)
SENSE_LABELS: dict[str, str] = {"yes": "yes", "not_yet": "not yet", "not_sure": "not sure"}
RHYTHM_LABELS: dict[str, str] = {
    "weekly": "every week",
    "fortnightly": "every two weeks",
    "monthly": "every month",
    "now_and_then": "now and then",
    "any_time": "any time (online)",
}
GROUP_STATUS_LABELS: dict[str, str] = {
    "trying": "trying it",
    "staying": "staying",
    "moved_on": "moved on",
}
# Offered on a group's page when the answers stay low: never blame, a choice.
TRY_ANOTHER_GROUP = (
    "After a few visits this group still isn't giving you much. That is information, "
    "not failure: not every group fits every person. Trying a different one is "
    "choosing well."
)

DEPTH_LABELS: dict[int, str] = {
    1: "greeting",
    2: "small talk",
    3: "real conversation",
    4: "personal share",
    5: "plan made, support given or received",
}

# Short forms where a column is narrow.
DEPTH_SHORT: dict[int, str] = {
    1: "greeting",
    2: "small talk",
    3: "real conversation",
    4: "personal share",
    5: "plan or support",
}

# "Could I be myself?": the third part of the measure, beside depth and comfort.
AUTHENTICITY_QUESTION = "Could I be myself?"
AUTHENTICITY_LABELS: dict[int, str] = {
    1: "I held back a lot",
    2: "held back some",
    3: "partly myself",
    4: "mostly myself",
    5: "fully myself",
}

# Which way support went, and what kind: receiving counts as much as giving.
SUPPORT_LABELS: dict[str, str] = {
    "gave": "I gave",
    "received": "I received",
    "both": "both ways",
}
SUPPORT_KIND_LABELS: dict[str, str] = {
    "emotional": "emotional",
    "practical": "practical",
    "guidance": "guidance",
}
SUPPORT_KIND_EXAMPLES: dict[str, str] = {
    "emotional": "being listened to, comforted, understood",
    "practical": "a lift, childcare, a lead on a job",
    "guidance": "advice, the name of a good doctor",
}

# A person's safe mark, and what it does not mean (shown in People's help).
SAFE_LABEL = "Safe: I can be myself with them"
SAFE_NOT_PERFECT = (
    "Safe does not mean never disagreeing: safe relationships are consistent, "
    "respectful and honest, not perfect."
)

COMFORT_LABELS: dict[int, str] = {
    1: "very uneasy",
    2: "uneasy",
    3: "okay",
    4: "fairly comfortable",
    5: "at ease",
}

GOAL_KIND_LABELS: dict[str, str] = {
    "reach_out": "Reach out",
    "show_up": "Show up",
    "be_consistent": "Be consistent",
    "join_community": "Join a community",
    "micro": "Micro-connections",
    "ask_for_help": "Ask for help",
}

# A goal's state in words, the same in the app and the report ("paused" reads "resting").
GOAL_STATUS_LABELS: dict[str, str] = {
    "active": "active",
    "paused": "resting",
    "done": "done",
    "let_go": "let go",
}

GOAL_KIND_HINTS: dict[str, str] = {
    "reach_out": "A short message is enough: give people the chance to support you.",
    "show_up": "Notice what showing up means for someone, and do it.",
    "be_consistent": "Reliability builds safety: be present and reachable over time.",
    "join_community": "Start small; an online group can come before a local one.",
    "micro": "Tiny, everyday moments of contact add up.",
    "ask_for_help": "Asking for and accepting help is a skill: start with something small.",
}


@dataclass(frozen=True)
class CheckInItem:
    id: str
    question: str


# Hughes, Waite, Hawkley & Cacioppo (2004), adult wording as recommended for UK statistics.
CHECKIN_ITEMS: tuple[CheckInItem, ...] = (
    CheckInItem("lack_companionship", "How often do you feel that you lack companionship?"),
    CheckInItem("left_out", "How often do you feel left out?"),
    CheckInItem("isolated", "How often do you feel isolated from others?"),
)
CHECKIN_ANSWERS: dict[int, str] = {1: "Hardly ever or never", 2: "Some of the time", 3: "Often"}
DIRECT_QUESTION = "How often do you feel lonely?"
DIRECT_ANSWERS: dict[str, str] = {
    "often_always": "Often or always",
    "some_of_the_time": "Some of the time",
    "occasionally": "Occasionally",
    "hardly_ever": "Hardly ever",
    "never": "Never",
}
CHECKIN_SOURCE = (
    "Three-item loneliness scale: Hughes, Waite, Hawkley & Cacioppo (2004), "
    "Research on Aging 26(6):655\u2013672. Asking about \u201cthe past week\u201d is this "
    "app's adaptation for weekly use."
)
CHECKIN_NOTE = (
    "The score (3\u20139, higher means lonelier) is a trend to look at over weeks, "
    "never a diagnosis."
)


@dataclass(frozen=True)
class CrisisLine:
    region: str
    text: str


DEFAULT_CRISIS_LINES: tuple[CrisisLine, ...] = (
    CrisisLine("US", "Call or text 988 (Suicide & Crisis Lifeline)"),
    CrisisLine("UK and Ireland", "Call Samaritans on 116 123"),
    CrisisLine("Elsewhere", "Find a helpline at findahelpline.com"),
    CrisisLine("In immediate danger", "Call your local emergency number"),
)

COMPLEMENTS_THERAPY = "reconnect complements therapy; it does not replace it."

# Shortest forms, for a one-line depth mix in the Log.
DEPTH_TINY: dict[int, str] = {
    1: "greeting",
    2: "small talk",
    3: "conversation",
    4: "personal",
    5: "plan/support",
}

ENERGY_LABELS: dict[int, str] = {
    1: "running on empty",
    2: "low",
    3: "okay",
    4: "fairly good",
    5: "full of energy",
}

# The 0–10 scales of a goal's steps (widgets/scale_picker.py names the value chosen).
DIFFICULTY_LABELS: dict[int, str] = {
    0: "no effort",
    1: "very easy",
    2: "easy",
    3: "a little effort",
    4: "some effort",
    5: "a stretch",
    6: "hard",
    7: "quite hard",
    8: "very hard",
    9: "nearly the hardest",
    10: "the hardest thing on the ladder",
}

DISCOMFORT_LABELS: dict[int, str] = {
    0: "none at all",
    1: "barely any",
    2: "slight",
    3: "mild",
    4: "noticeable",
    5: "moderate",
    6: "strong",
    7: "very strong",
    8: "intense",
    9: "nearly unbearable",
    10: "as hard as it gets",
}
