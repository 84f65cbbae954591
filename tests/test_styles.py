"""Styles live one way: screens and dialogs in .tcss files the app loads, widgets in the
DEFAULT_CSS beside their class, and every dialog in the one shared frame."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.dom import DOMNode
from textual.screen import ModalScreen

import screens
from reconnect.app import ReconnectApp

ROOT = Path(__file__).resolve().parent.parent
APP_DIR = ROOT / "reconnect"


def screen_classes() -> list[type[DOMNode]]:
    """Every Textual class defined in the screens package."""
    found: list[type[DOMNode]] = []
    for info in pkgutil.walk_packages(screens.__path__, "screens."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, DOMNode):
                found.append(cls)
    return found


def test_the_app_loads_every_stylesheet() -> None:
    css_paths = ReconnectApp.CSS_PATH
    assert isinstance(css_paths, list)
    loaded = {(APP_DIR / path).resolve() for path in css_paths}
    on_disk = {
        path.resolve()
        for folder in ("reconnect", "screens")
        for path in (ROOT / folder).rglob("*.tcss")
    }
    assert loaded == on_disk
    assert all(path.is_file() for path in loaded)


def test_screens_keep_no_css_in_python() -> None:
    classes = screen_classes()
    assert len(classes) > 20
    styled = [
        f"{cls.__module__}.{cls.__name__}.{attribute}"
        for cls in classes
        for attribute in ("DEFAULT_CSS", "CSS", "CSS_PATH")
        if cls.__dict__.get(attribute)
    ]
    assert styled == [], "screens style through screens/**/*.tcss"


def test_every_dialog_wears_the_shared_frame() -> None:
    dialogs = [cls for cls in screen_classes() if issubclass(cls, ModalScreen)]
    assert len(dialogs) > 10
    for dialog in dialogs:
        assert "dialog" in dialog.DEFAULT_CLASSES.split(), dialog.__name__
        source = inspect.getsource(dialog)
        if "def compose(" in source:
            assert 'classes="dialog-frame"' in source, dialog.__name__
