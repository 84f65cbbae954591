"""The session report's "Groups" section, in Markdown and HTML.

What a therapist reads: the kinds tried, each group's visits, comfort across them and how
the after-visit answers moved. Group notes and moment notes are never handed in here
(logic.group_summary leaves them behind), so they cannot leak.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from reconnect.logic.group_summary import GroupLine, halves_words, kinds_tried, tried_words
from reconnect.logic.plural import plural

INTRO = "How going to groups went: never a pass or a fail, only how the answers moved."
NONE = "No groups tried yet."


def _head(line: GroupLine) -> str:
    return f"{line.kind} · {line.status} · {plural(line.visits, 'visit')} in this period"


def _comfort(line: GroupLine) -> str:
    if not line.comforts:
        return "No visits in this period."
    across = f"Comfort across visits (1–5): {line.comfort_words()}"
    halves = halves_words(line.comforts)
    return f"{across}; {halves}." if halves else f"{across}."


def render_groups_md(lines: Sequence[GroupLine]) -> list[str]:
    out = ["## Groups", ""]
    if not lines:
        return [*out, NONE, ""]
    out += [
        INTRO,
        "",
        f"{tried_words(lines)}. Kinds tried: {', '.join(kinds_tried(lines))}.",
        "",
    ]
    for line in lines:
        out += [f"### {line.name}", "", f"*{_head(line)}*", "", _comfort(line), ""]
        if line.trails:
            out += ["After-visit answers, oldest first:", ""]
            out += [f"- {t.question} {t.words()}" for t in line.trails]
            out.append("")
    return out


def _e(text: object) -> str:
    return html.escape(str(text))


def render_groups_html(lines: Sequence[GroupLine]) -> list[str]:
    parts = ['<section id="groups"><h2>Groups</h2>']
    if not lines:
        return [*parts, f"<p>{NONE}</p>", "</section>"]
    parts.append(f"<p class=muted>{_e(INTRO)}</p>")
    parts.append(
        f"<p>{_e(tried_words(lines))}. Kinds tried: {_e(', '.join(kinds_tried(lines)))}.</p>"
    )
    for line in lines:
        parts.append(f'<div class="goal"><h3>{_e(line.name)}</h3>')
        parts.append(f"<p class=muted>{_e(_head(line))}</p><p>{_e(_comfort(line))}</p>")
        if line.trails:
            parts.append(
                "<table><tr><th>after-visit question</th><th>answers, oldest first</th></tr>"
            )
            parts += [
                f"<tr><td>{_e(t.question)}</td><td>{_e(t.words())}</td></tr>" for t in line.trails
            ]
            parts.append("</table>")
        parts.append("</div>")
    parts.append("</section>")
    return parts
