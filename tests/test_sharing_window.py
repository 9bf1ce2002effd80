"""Two windows on one file: locks, someone else's save noticed and never overwritten, merging their
changes with ours, File ▸ Merge Changes from File…, and the Conflicts dock's undoable resolutions."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QMessageBox

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from orgdesigner import editing  # noqa: E402
from orgdesigner.model import Scenarios, load, load_scenarios, save_scenarios  # noqa: E402
from orgdesigner.model.synthetic import synthetic_structure  # noqa: E402
from orgdesigner.sharing import lock_path, read_lock  # noqa: E402
from orgdesigner.ui.sharing import SharingFeature  # noqa: E402
from orgdesigner.ui.sharing.feature import ChangedChoice, LockChoice  # noqa: E402


@pytest.fixture
def shared_file(tmp_path):
    structure = synthetic_structure(12, seed=3)
    structure.update_details(scenario="Current")
    path = tmp_path / "shared.orgd"
    save_scenarios(Scenarios.single(structure), path)
    return path


def _open(new_window, path, name, lock_choice=LockChoice.ANYWAY, asked=None):
    win = new_window(name)
    feature = win.feature(SharingFeature)

    def offer(_path, holder, answer):
        if asked is not None:
            asked.append(holder)
        answer(lock_choice)

    feature.offer_lock_choice = offer
    assert win.open_file(path, ask=False)
    return win, feature


def _retitle(win, post_id, title):
    assert win.document.execute(editing.edit_post(win.document.structure, post_id, title=title))


def test_the_second_save_does_not_overwrite_and_its_merge_keeps_both_edits(new_window, shared_file, qtbot):
    first, first_sharing = _open(new_window, shared_file, "first")
    second, _ = _open(new_window, shared_file, "second")
    _retitle(first, "P3", "Head of Ours")
    _retitle(second, "P4", "Head of Theirs")
    assert second.save()
    qtbot.waitUntil(lambda: "changed on disk" in first.statusBar().currentMessage(), timeout=5000)

    saved_by_second = shared_file.read_bytes()
    asked = []
    first_sharing.ask_changed_choice = lambda path: (asked.append(path), ChangedChoice.CANCEL)[1]
    assert not first.save()
    assert asked == [shared_file] and shared_file.read_bytes() == saved_by_second  # not overwritten

    first_sharing.ask_changed_choice = lambda path: ChangedChoice.MERGE
    assert first.save()
    on_disk = load(shared_file)
    assert on_disk.posts["P3"].title == "Head of Ours" and on_disk.posts["P4"].title == "Head of Theirs"
    assert not on_disk.conflicts and not first.document.modified
    assert first.document.structure.posts["P4"].title == "Head of Theirs"

    first.statusBar().clearMessage()  # every save replaced the file: the watch follows the new one
    second_sharing = second.feature(SharingFeature)
    second_sharing.ask_changed_choice = lambda path: ChangedChoice.MERGE
    _retitle(second, "P5", "Second again")
    assert second.save()  # merges the first's save, then saves
    qtbot.waitUntil(lambda: "changed on disk" in first.statusBar().currentMessage(), timeout=5000)
    assert load(shared_file).posts["P3"].title == "Head of Ours"


def test_a_collision_merged_at_save_is_shown_in_the_conflicts_dock_and_not_saved(new_window, shared_file, qtbot):
    first, first_sharing = _open(new_window, shared_file, "first")
    second, _ = _open(new_window, shared_file, "second")
    _retitle(first, "P3", "Ours")
    _retitle(second, "P3", "Theirs")
    assert second.save()
    first_sharing.ask_changed_choice = lambda path: ChangedChoice.MERGE
    assert not first.save()  # merged, but a conflict is left to resolve before saving
    assert load(shared_file).posts["P3"].title == "Theirs"
    panel = first_sharing.panel
    assert panel.tree.topLevelItemCount() == 1 and not first_sharing.dock.isHidden()
    assert first.document.structure.posts["P3"].title == "Ours"

    assert panel.resolve_selected("theirs")
    assert first.document.structure.posts["P3"].title == "Theirs" and not first.document.structure.conflicts
    assert panel.tree.topLevelItemCount() == 0
    first.document.undo_stack.undo()
    assert first.document.structure.posts["P3"].title == "Ours"
    assert [c.id for c in first.document.structure.conflicts] == ["P3"] and panel.tree.topLevelItemCount() == 1

    panel.ask_value = lambda conflict: ("Head of Both",)
    assert panel.resolve_selected("edit")
    assert first.document.structure.posts["P3"].title == "Head of Both"
    assert first.save()  # the disk state is theirs now: saving over it is expected
    assert load(shared_file).posts["P3"].title == "Head of Both"


def test_save_as_or_reload_when_someone_else_saved(new_window, shared_file, tmp_path):
    first, first_sharing = _open(new_window, shared_file, "first")
    second, _ = _open(new_window, shared_file, "second")
    _retitle(first, "P3", "Mine")
    _retitle(second, "P4", "Theirs")
    assert second.save()
    mine = tmp_path / "mine.orgd"
    first_sharing.ask_changed_choice = lambda path: ChangedChoice.SAVE_AS
    first_sharing.choose_save_name = lambda path: mine
    assert first.save()
    assert load(mine).posts["P3"].title == "Mine" and load(shared_file).posts["P3"].title != "Mine"
    assert first.document.path == mine and read_lock(mine) is not None

    third, third_sharing = _open(new_window, shared_file, "third")
    _retitle(second, "P5", "Second again")
    assert second.save()
    _retitle(third, "P6", "Lost")
    third_sharing.ask_changed_choice = lambda path: ChangedChoice.RELOAD
    assert not third.save()
    assert third.document.structure.posts["P5"].title == "Second again"
    assert third.document.structure.posts["P6"].title != "Lost" and not third.document.modified


def test_a_second_window_is_told_who_has_the_file_open_and_may_open_it_read_only(new_window, shared_file, qtbot):
    first, _ = _open(new_window, shared_file, "first")
    holder = read_lock(shared_file)
    assert holder is not None and holder.pid == os.getpid()
    asked = []
    second, _ = _open(new_window, shared_file, "second", LockChoice.READ_ONLY, asked)
    assert asked == [holder] and second.document.read_only
    qtbot.waitUntil(lambda: "read-only" in second.statusBar().currentMessage())
    _retitle(second, "P3", "Not saved here")
    before = shared_file.read_bytes()
    assert not second.save()
    assert shared_file.read_bytes() == before

    second.ask_save_changes = lambda: QMessageBox.Discard
    second.close()
    assert read_lock(shared_file) == holder  # the read-only window held no lock of its own
    first.close()
    assert not lock_path(shared_file).exists()


def test_a_stale_lock_is_ignored_with_a_note(new_window, shared_file, qtbot):
    old = datetime.now(timezone.utc) - timedelta(days=2)
    lock_path(shared_file).write_text(json.dumps({"user": "gone", "machine": "elsewhere", "pid": 1,
                                                  "time": old.isoformat()}), encoding="utf-8")
    asked = []
    win, _ = _open(new_window, shared_file, "first", asked=asked)
    assert asked == [] and not win.document.read_only
    qtbot.waitUntil(lambda: "stale lock" in win.statusBar().currentMessage())
    assert "gone on elsewhere" in win.statusBar().currentMessage()
    assert read_lock(shared_file).pid == os.getpid()


def test_merge_changes_from_a_file_uses_the_opened_file_as_base(new_window, shared_file, tmp_path):
    win, sharing = _open(new_window, shared_file, "first")
    copy = load_scenarios(shared_file)
    copy.baseline.update_post("P4", title="From the copy")
    copy.baseline.update_post("P3", title="Copy's P3")
    other = tmp_path / "copy.orgd"
    save_scenarios(copy, other)
    _retitle(win, "P3", "Window's P3")
    sharing.choose_merge_file = lambda: other
    assert sharing.merge_from_file()
    structure = win.document.structure
    assert structure.posts["P4"].title == "From the copy" and structure.posts["P3"].title == "Window's P3"
    assert [(c.id, c.field, c.theirs) for c in structure.conflicts] == [("P3", "title", "Copy's P3")]
    assert win.document.modified and sharing.panel.tree.topLevelItemCount() == 1
    assert sharing.panel.resolve_selected("ours")
    assert structure.posts["P3"].title == "Window's P3" and not structure.conflicts
    win.document.undo_stack.undo()
    assert len(structure.conflicts) == 1
