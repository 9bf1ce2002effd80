"""Recovery that recovers: untitled documents and files opened from the command line are offered
what a crashed window autosaved; a recovery file goes only after a save or a discard; two windows
never write, offer or delete each other's files. Through the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import crash, make_structure
from orgdesigner import editing as commands
from orgdesigner.model import save
from orgdesigner.ui import app
from orgdesigner.ui.mainwindow import MainWindow


def edited(window, title: str = "Head of Finance and Audit") -> None:
    window.document.execute(commands.edit_post(window.document.structure, "H1", title=title))
    window.autosave()


def recovery_files(window) -> list[Path]:
    return sorted(window.recovery.folder.glob("*.orgd"))


@pytest.fixture
def untitled(new_window):
    def make(name: str):
        window = new_window(name)
        window.document.set_structure(make_structure(), None)
        return window
    return make


def answer(monkeypatch, window, reply) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_restore", lambda when: asked.append(when) or reply)
    return asked


def test_an_untitled_document_is_offered_to_the_next_window_and_kept_until_saved(untitled, new_window, monkeypatch,
                                                                                  tmp_path):
    crashed = untitled("crashed")
    edited(crashed)
    crash(crashed)
    fresh = new_window("fresh")
    asked = answer(monkeypatch, fresh, QMessageBox.Yes)
    app.opened(fresh, None)  # what `orgdesigner` without a FILE does once the window is up
    assert len(asked) == 1
    assert fresh.document.structure.posts["H1"].title == "Head of Finance and Audit"
    assert fresh.document.path is None and fresh.isWindowModified()
    left = crashed.recovery.own_file
    assert left.exists()  # restored, not yet saved: still the only copy on disk
    assert not fresh._save_to(tmp_path)  # a folder: the save fails, the recovery stays
    assert left.exists()
    assert fresh._save_to(tmp_path / "saved.orgd")
    assert not left.exists() and not left.with_suffix(".json").exists()


def test_a_declined_recovery_is_deleted_and_not_offered_again(untitled, new_window, monkeypatch):
    crashed = untitled("crashed")
    edited(crashed)
    crash(crashed)
    first = new_window("first")
    asked = answer(monkeypatch, first, QMessageBox.No)
    app.opened(first, None)
    assert len(asked) == 1 and first.document.structure.posts == {}
    assert not crashed.recovery.own_file.exists()
    second = new_window("second")
    asked = answer(monkeypatch, second, QMessageBox.Yes)
    app.opened(second, None)
    assert asked == []


def test_a_file_opened_from_the_command_line_is_offered_its_recovery(new_window, qtbot, monkeypatch, tmp_path):
    path = tmp_path / "council.orgd"
    save(make_structure(), path)
    crashed = new_window("crashed")
    assert crashed.open_file(path)
    edited(crashed)
    crash(crashed)
    made: list[MainWindow] = []

    def window() -> MainWindow:  # the entry point's window, with the test's settings and recovery folder
        made.append(new_window("entry"))
        monkeypatch.setattr(made[-1], "ask_restore", lambda when: QMessageBox.Yes)
        return made[-1]

    monkeypatch.setattr("orgdesigner.ui.mainwindow.MainWindow", window)
    monkeypatch.setattr(QApplication, "exec", lambda *_: 0)
    assert app.run([str(path)]) == 0  # `orgdesigner council.orgd`
    (entry,) = made
    assert entry.document.path == path and entry.isWindowModified()
    assert entry.document.structure.posts["H1"].title == "Head of Finance and Audit"
    assert crashed.recovery.own_file.exists()
    assert entry._save_to(path)
    assert not crashed.recovery.own_file.exists()


def test_two_open_windows_never_offer_or_delete_each_others_recovery(untitled, new_window, monkeypatch, tmp_path):
    one, two = untitled("one"), untitled("two")
    edited(one, "First window's title")
    edited(two, "Second window's title")
    assert len(recovery_files(one)) == 2 and one.recovery.own_file != two.recovery.own_file
    third = new_window("third")
    asked = answer(monkeypatch, third, QMessageBox.Yes)
    app.opened(third, None)
    assert asked == []  # both are open: nothing of theirs is offered
    monkeypatch.setattr(two, "ask_save_changes", lambda: QMessageBox.Discard)
    two.close()  # discarding its own changes deletes its own file only
    assert recovery_files(one) == [one.recovery.own_file]
    third.new_document()
    assert recovery_files(one) == [one.recovery.own_file]


def test_a_recovery_older_than_its_file_is_not_offered(new_window, monkeypatch, tmp_path):
    import os
    import time

    path = tmp_path / "council.orgd"
    save(make_structure(), path)
    crashed = new_window("crashed")
    assert crashed.open_file(path)
    edited(crashed)
    crash(crashed)
    later = time.time() + 60
    os.utime(path, (later, later))  # saved again elsewhere after the autosave
    fresh = new_window("fresh")
    asked = answer(monkeypatch, fresh, QMessageBox.Yes)
    assert fresh.open_file(path)
    assert asked == [] and not fresh.isWindowModified()
