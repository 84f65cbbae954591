"""`reconnect reflect`: write a reflection in your own editor ($VISUAL or $EDITOR).

The editor opens on a template (reconnect/logic/reflection_template.py): a title line,
the prompt on offer, the patterns to tick, then the body. Saved when the editor exits
with words in the file; an empty file saves nothing; an editor that fails keeps the
words as Reflect's draft. Light at import: the store and models load in run().
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

NAME = "reflect"
EXIT_EDITOR_FAILED = 1
EXIT_BAD_INPUT = 2


def add_parser(subparsers: Any) -> str:
    parser = subparsers.add_parser(
        NAME,
        help="write a reflection in your own editor ($VISUAL or $EDITOR)",
        description="Write a reflection in your own editor: this week's prompt, the "
        "patterns to tick with an x, then your words. It is saved when the editor closes; "
        "an empty file saves nothing. A draft kept in Reflect is offered here too.",
    )
    parser.add_argument(
        "--private",
        action="store_true",
        help="keep it out of exports unless you include private reflections",
    )
    return NAME


def run(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from reconnect.cli.after_save import say_after_save
    from reconnect.cli.passphrase import open_store
    from reconnect.logic.drafts import (
        DraftUnreadable,
        ReflectionDraft,
        clear_draft,
        draft_path,
        load_draft,
        save_draft,
    )
    from reconnect.logic.own_editor import PLAIN_WHILE_EDITING, NoEditor, edit, editor_command
    from reconnect.logic.prompts import prompt_order
    from reconnect.logic.reflections import reflection_fields, save_problem
    from reconnect.records.models import Reflection, first_error, now_local
    from reconnect.store.folder_key import is_encrypted
    from reconnect.store.write_failure import WRITE_ERRORS, failure_words

    try:
        command = editor_command()
    except NoEditor as exc:
        return _say(f"{exc}. Nothing was saved.", EXIT_BAD_INPUT)
    store = open_store(args.data_dir)
    folder = store.path.parent
    kept_at = draft_path(folder)
    try:
        earlier: ReflectionDraft | None = load_draft(kept_at, ReflectionDraft)
    except DraftUnreadable as exc:
        print(
            f"reconnect reflect: an earlier draft could not be read; it was kept at {exc.kept_at}.",
            file=sys.stderr,
        )
        earlier = None
    if earlier is not None and earlier.editing_id and not store.reflections.get(earlier.editing_id):
        earlier = replace(earlier, editing_id=None)  # deleted meanwhile: a new one
    if earlier is not None:
        base = replace(earlier, private=earlier.private or args.private)
        print("Here is the reflection you were writing; it is kept until you save it.")
    else:
        newest_first = sorted(store.reflections.all(), key=lambda r: r.at, reverse=True)
        prompt = next(iter(prompt_order(r.prompt for r in newest_first)), "")
        base = ReflectionDraft(prompt=prompt, private=args.private)
    if is_encrypted(folder):
        print(PLAIN_WHILE_EDITING, file=sys.stderr)
    try:
        edited = edit(base, command)
    except NoEditor as exc:
        return _say(f"{exc}. Nothing was saved.", EXIT_BAD_INPUT)
    draft = edited.draft

    def keep(reason: str, status: int) -> int:
        if draft.has_writing():
            save_draft(kept_at, replace(draft, saved_at=now_local()))
            reason += (
                f" Your words are kept as a draft ({kept_at}): `reconnect reflect` and "
                "Reflect in the app offer them back."
            )
        return _say(reason, status)

    if not edited.ok:
        return keep(
            f"the editor ended with an error (status {edited.status}): nothing was saved.",
            EXIT_EDITOR_FAILED,
        )
    if edited.empty:
        still = " Your earlier draft is still kept." if earlier is not None else ""
        print(f"Nothing was written in the file, so nothing was saved.{still}")
        return 0
    problem = save_problem(draft)
    if problem:
        return keep(problem, EXIT_BAD_INPUT)
    fields = reflection_fields(draft)
    existing = store.reflections.get(draft.editing_id) if draft.editing_id else None
    try:
        if existing is not None:
            saved = existing.model_copy(update=fields)
            Reflection.model_validate(saved.model_dump())
            store.reflections.update(saved)
        else:
            saved = Reflection(at=now_local(), **fields)
            store.reflections.add(saved)
    except ValidationError as exc:
        return keep(f"{first_error(exc)}: nothing was saved.", EXIT_BAD_INPUT)
    except WRITE_ERRORS as exc:
        what, todo = failure_words(exc)
        return keep(f"{what}: nothing was saved. {todo} and try again.", EXIT_EDITOR_FAILED)
    if earlier is not None:
        clear_draft(kept_at)
    named = f"“{saved.title}”" if saved.title else "your reflection"
    say_after_save(
        f"Saved {named}. Thank you for taking this time. It is in Reflect's History, id {saved.id}"
    )
    return 0


def _say(line: str, status: int) -> int:
    print(f"reconnect reflect: {line}", file=sys.stderr)
    return status
