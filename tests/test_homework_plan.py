"""Homework plans: the documented example, refusals naming the place, no duplicates."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconnect.cli.main import main
from reconnect.docs import PLAN_FORMAT
from reconnect.records.models import GoalKind
from reconnect.store.store import Store
from reconnect.transfer.homework_plan import PlanError, import_plan, parse_plan

DOC = PLAN_FORMAT
NOW = datetime(2026, 11, 21, 9, tzinfo=UTC)


def _doc_example(language: str) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", DOC.read_text(), flags=re.S)
    assert blocks, f"the plan guide has no {language} example"
    return blocks[0]


@pytest.fixture
def plan_toml(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(_doc_example("toml"))
    return path


def test_the_documented_example_imports(plan_toml: Path, data_dir: Path, capsys) -> None:
    assert main(["import", str(plan_toml)]) == 0
    out = capsys.readouterr().out
    assert "Imported 2 goals from plan.toml" in out and "Go to the Thursday book club" in out
    goals = {g.title: g for g in Store.open(data_dir).goals.all()}
    club = goals["Go to the Thursday book club"]
    assert club.kind is GoalKind.JOIN_COMMUNITY and club.weekly_target == 1
    assert club.homework is not None
    assert club.homework.assigned_by == "Dr. Lee"
    assert club.homework.assigned_on == date(2026, 11, 18)
    assert club.homework.due_on == date(2026, 12, 2)  # from the plan
    assert "five minutes longer" in club.homework.instructions
    assert [s.title for s in club.steps] == [
        "Read the book and find the room",
        "Go and stay until the end",
        "Share one thought in the discussion",
    ]
    assert club.steps[1].planned_on == date(2026, 11, 26)
    maya = goals["Reach out to Maya"]
    assert maya.homework is not None and maya.homework.due_on == date(2026, 11, 25)
    assert maya.homework.discuss_in_session is False
    assert club.plan_key and maya.plan_key and club.plan_key != maya.plan_key


def test_the_json_example_is_the_same_plan(
    tmp_path: Path, plan_toml: Path, data_dir: Path, capsys
) -> None:
    as_json = tmp_path / "plan.json"
    as_json.write_text(_doc_example("json"))
    assert main(["import", str(as_json)]) == 0
    # The same plan in TOML adds nothing: the goals' keys match.
    assert main(["import", str(plan_toml)]) == 0
    assert "Nothing new" in capsys.readouterr().out
    assert Store.open(data_dir).goals.count() == 2


def test_importing_twice_adds_nothing_and_says_so(plan_toml: Path, data_dir: Path, capsys) -> None:
    assert main(["import", str(plan_toml)]) == 0
    capsys.readouterr()
    assert main(["import", str(plan_toml)]) == 0
    assert "Nothing new: plan.toml was imported before" in capsys.readouterr().out
    assert Store.open(data_dir).goals.count() == 2


def test_a_goal_added_to_a_plan_imports_alone(plan_toml: Path, data_dir: Path, capsys) -> None:
    assert main(["import", str(plan_toml)]) == 0
    with plan_toml.open("a") as f:
        f.write('\n[[goals]]\ntitle = "Say hi to Sam"\nkind = "micro"\n')
    capsys.readouterr()
    assert main(["import", str(plan_toml)]) == 0
    out = capsys.readouterr().out
    assert "Imported 1 goal" in out and "Already imported before" in out
    assert Store.open(data_dir).goals.count() == 3


def test_check_saves_nothing(plan_toml: Path, data_dir: Path, capsys) -> None:
    assert main(["import", str(plan_toml), "--check"]) == 0
    assert "Would import 2 goals" in capsys.readouterr().out
    assert Store.open(data_dir).goals.count() == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("predicted_discomfort = 8", "predicted_discomfort = 11"),
            "goal 1 \u201cGo to the Thursday book club\u201d, step 3 \u201cShare one thought in "
            "the discussion\u201d, predicted_discomfort: must be 10 or less",
        ),
        (
            ('kind = "reach_out"', 'kind = "call"'),
            "goal 2 \u201cReach out to Maya\u201d, kind: must be one of 'reach_out'",
        ),
        (
            ("difficulty = 3", "dificulty = 3"),
            "step 2 \u201cSuggest a walk\u201d, dificulty: not a field",
        ),
        (
            ('title = "Suggest a walk"', 'title = "  "'),
            "goal 2 \u201cReach out to Maya\u201d, step 2, title: must not be empty",
        ),
        (("assigned_on = 2026-11-18\n", ""), "assigned_on: missing; it is required"),
        (
            ('key = "maya"', 'key = "book-club"'),
            "goal 2 \u201cReach out to Maya\u201d: same key as goal 1",
        ),
        (
            ("due_on = 2026-11-25", 'due_on = "next week"'),
            "goal 2 \u201cReach out to Maya\u201d, due_on:",
        ),
    ],
)
def test_an_invalid_plan_is_refused_whole(
    plan_toml: Path, data_dir: Path, capsys, change: tuple[str, str], message: str
) -> None:
    text = plan_toml.read_text()
    assert change[0] in text
    plan_toml.write_text(text.replace(change[0], change[1], 1))
    assert main(["import", str(plan_toml)]) == 2
    err = capsys.readouterr().err
    problem, guide = err.splitlines()  # one line, then where the plan guide is
    assert message in problem and "Nothing was saved." in problem
    assert guide == f"How to write a plan: {PLAN_FORMAT}"
    assert Store.open(data_dir).goals.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.toml", "title = \n", "bad.toml: not valid TOML"),
        ("bad.json", '{"goals": [', "bad.json: not valid JSON"),
        ("list.json", "[1, 2]", "not a kind of file reconnect can import"),
        ("noday.toml", '[[goals]]\ntitle = "Say hi"\n', "assigned_on: missing"),
        ("notes.txt", "hello", "expected a .toml or .json file"),
        (
            "nogoals.json",
            json.dumps({"assigned_on": "2026-11-18", "goals": []}),
            "goals: needs at least 1 item",
        ),
    ],
)
def test_unreadable_files_are_refused_with_one_line(
    tmp_path: Path, capsys, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    problem, *guide = err.splitlines()
    assert message in problem
    assert guide in ([], [f"How to write a plan: {PLAN_FORMAT}"])


def test_a_missing_file_is_refused(tmp_path: Path, capsys) -> None:
    assert main(["import", str(tmp_path / "nope.toml")]) == 2
    assert "no such file" in capsys.readouterr().err


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda kids: (
            st.lists(kids, max_size=3)
            | st.dictionaries(
                st.sampled_from(["goals", "steps", "title", "assigned_on", "kind", "x"]),
                kids,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_any_document_is_either_a_plan_or_a_plan_error(document: object) -> None:
    try:
        plan = parse_plan(document)
    except PlanError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:
        assert plan.goals


def test_import_plan_returns_added_and_already(store: Store, plan_toml: Path) -> None:
    import tomllib

    plan = parse_plan(tomllib.loads(plan_toml.read_text()))
    first = import_plan(store, plan, NOW)
    second = import_plan(store, plan, NOW)
    assert len(first.added) == 2 and not first.already
    assert not second.added and {g.id for g in second.already} == {g.id for g in first.added}


def test_plan_steps_become_a_ladder_easiest_first(store: Store) -> None:
    plan = parse_plan(
        {
            "assigned_on": "2026-11-18",
            "goals": [
                {
                    "title": "Join the choir",
                    "steps": [
                        {"title": "Sing a solo line", "difficulty": 9},
                        {"title": "Find the rehearsal time", "difficulty": 1},
                        {"title": "Go and listen", "difficulty": 3},
                        {"title": "Email the leader", "difficulty": 1},
                    ],
                }
            ],
        }
    )
    (goal,) = import_plan(store, plan, NOW).added
    assert [s.title for s in goal.steps] == [
        "Find the rehearsal time",
        "Email the leader",
        "Go and listen",
        "Sing a solo line",
    ]
    assert goal.homework is not None and goal.homework.discuss_in_session


THREE_BAD = """\
assigned_on = 2026-11-18

[[goals]]
title = "Go to the book club"
kind = "call"

[[goals.steps]]
title = "Find the room"
difficulty = 12

[[goals]]
title = "Reach out to Maya"
dificulty = 3
"""


def test_every_problem_is_reported_with_its_line(tmp_path: Path, data_dir: Path, capsys) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(THREE_BAD)
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "3 problems" in err and "Nothing was saved." in err
    assert re.search(r"line 5: goal 1 \u201cGo to the book club\u201d, kind: ", err)
    assert re.search(
        r"line 9: goal 1 .*, step 1 \u201cFind the room\u201d, difficulty: must be 10", err
    )
    assert re.search(r"line 13: goal 2 \u201cReach out to Maya\u201d, dificulty: not a field", err)
    assert err.index("line 5") < err.index("line 9") < err.index("line 13")
    assert Store.open(data_dir).goals.count() == 0


def test_json_plan_problems_have_lines_too(tmp_path: Path, capsys) -> None:
    path = tmp_path / "plan.json"
    path.write_text(
        '{\n  "assigned_on": "2026-11-18",\n  "goals": [\n'
        '    {"title": "A", "weekly_target": 99},\n'
        '    {"title": "B",\n     "steps": [{"title": " "}]}\n  ]\n}\n'
    )
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "2 problems" in err
    assert "line 4: goal 1 \u201cA\u201d, weekly_target: must be 50 or less" in err
    assert "line 6: goal 2 \u201cB\u201d, step 1, title: must not be empty" in err
