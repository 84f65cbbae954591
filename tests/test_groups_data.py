"""Groups in the data paths: the session report, the CSV, the backup and its merge."""

import csv
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reconnect.records.models import (
    CommunityKind,
    Connection,
    Counterpart,
    Goal,
    Group,
    GroupStatus,
    Sense,
    VisitCheck,
)
from reconnect.store.store import Store
from reconnect.transfer.backup import backup_bytes, collect, merge, parse_backup
from reconnect.transfer.csv_groups import VISIT_COLUMNS
from reconnect.transfer.export import export
from reconnect.transfer.report import build_report, render_html, render_markdown

GROUP_SECRET = "The facilitator reminds me of my father"
VISIT_SECRET = "I cried in the car afterwards"
START, END = date(2026, 11, 1), date(2026, 11, 21)


def _visit(group: Group, day: int, comfort: int, check: VisitCheck | None) -> Connection:
    return Connection(
        at=datetime(2026, 11, day, 19, tzinfo=UTC),
        what="Went to the circle",
        counterpart=Counterpart.GROUP,
        depth=2,
        comfort=comfort,
        authenticity=3,
        note=VISIT_SECRET,
        group_id=group.id,
        visit_check=check,
    )


@pytest.fixture
def with_groups(store: Store) -> Store:
    circle = Group(
        created_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
        name="Tuesday grief circle",
        kind=CommunityKind.GRIEF,
        status=GroupStatus.STAYING,
        notes=GROUP_SECRET,
    )
    forum = Group(
        created_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
        name="Night owls forum",
        kind=CommunityKind.ONLINE,
        status=GroupStatus.MOVED_ON,
    )
    store.groups.add_many([circle, forum])
    store.connections.add_many(
        [
            _visit(circle, 3, 2, VisitCheck(less_alone=Sense.NOT_YET, purpose=Sense.NOT_SURE)),
            _visit(circle, 10, 3, VisitCheck(less_alone=Sense.NOT_SURE)),
            _visit(circle, 17, 4, VisitCheck(less_alone=Sense.YES, safer=Sense.YES)),
            _visit(forum, 5, 2, None),
        ]
    )
    return store


def test_the_report_has_a_groups_section_without_private_notes(with_groups: Store) -> None:
    report = build_report(with_groups, START, END)
    for text in (render_markdown(report), render_html(report)):
        assert "Groups" in text
        assert "Tuesday grief circle" in text and "Night owls forum" in text
        assert "2 groups tried, 4 visits" in text
        assert "Kinds tried: Grief and loss group, Online community" in text
        assert "2 \u2192 3 \u2192 4" in text  # comfort across visits
        assert "not yet \u2192 not sure \u2192 yes" in text  # the judging trend
        assert GROUP_SECRET not in text
        assert VISIT_SECRET not in text


def test_a_report_without_groups_says_so(store: Store) -> None:
    assert "No groups tried yet." in render_markdown(build_report(store, START, END))


def test_csv_writes_group_visits_and_keeps_group_notes_private(
    with_groups: Store, tmp_path: Path
) -> None:
    out = tmp_path / "csv"
    export(with_groups, "csv", out, start=START, end=END)
    with (out / "group_visits.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0].keys()) == VISIT_COLUMNS
    assert VISIT_COLUMNS[:6] == ("date", "group", "kind", "comfort", "depth", "myself")
    assert [r["group"] for r in rows] == [
        "Tuesday grief circle",
        "Night owls forum",
        "Tuesday grief circle",
        "Tuesday grief circle",
    ]
    first = rows[0]
    assert (first["date"], first["kind"], first["comfort"], first["myself"]) == (
        "2026-11-03",
        "grief",
        "2",
        "3",
    )
    assert (first["less_alone"], first["purpose"], first["safer"]) == ("not_yet", "not_sure", "")
    assert VISIT_SECRET not in (out / "group_visits.csv").read_text(encoding="utf-8")
    groups = (out / "groups.csv").read_text(encoding="utf-8")
    assert "Tuesday grief circle" in groups and GROUP_SECRET not in groups
    # The moments keep their after-visit answers, one column each.
    with (out / "connections.csv").open(encoding="utf-8") as handle:
        moments = list(csv.DictReader(handle))
    assert "visit_check_less_alone" in moments[0]
    assert "visit_check" not in moments[0]


def test_csv_with_private_keeps_group_notes(with_groups: Store, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    export(with_groups, "csv", out, start=START, end=END, include_private=True)
    assert GROUP_SECRET in (out / "groups.csv").read_text(encoding="utf-8")


def test_backup_round_trip_carries_groups_and_visit_checks(
    with_groups: Store, tmp_path: Path
) -> None:
    records, _ = collect(with_groups, include_private=True)
    document = json.loads(backup_bytes(records))
    assert len(document["records"]["groups"]) == 2
    fresh = Store.open(tmp_path / "fresh")
    result = merge(fresh, parse_backup(document))
    assert result.added["groups"] == 2
    assert {g.id: g for g in fresh.groups.all()} == {g.id: g for g in with_groups.groups.all()}
    assert {c.id: c for c in fresh.connections.all()} == {
        c.id: c for c in with_groups.connections.all()
    }
    again = merge(fresh, parse_backup(document))
    assert again.added["groups"] == 0 and again.skipped["groups"] == 2


def test_the_report_leaves_out_goals_and_groups_begun_after_its_period(store: Store) -> None:
    later = datetime(2026, 12, 1, 9, tzinfo=UTC)
    store.groups.add(Group(created_at=later, name="Started later", kind=CommunityKind.GRIEF))
    store.goals.add(Goal(created_at=later, title="A goal made afterwards"))
    store.goals.add(Goal(created_at=datetime(2026, 11, 2, tzinfo=UTC), title="One from then"))
    text = render_markdown(build_report(store, START, END))
    assert "Started later" not in text and "Grief" not in text
    assert "A goal made afterwards" not in text and "One from then" in text
    assert "No groups tried yet." in text
