"""The outline and findings docks follow edits row by row and agree with docks built afresh."""

from __future__ import annotations

import random

from orgdesigner import editing
from orgdesigner.model import Group, Post
from orgdesigner.ui.docks.findings import FindingsPanel
from orgdesigner.ui.docks.outline import OutlinePanel
from orgdesigner.ui.document import Document

from conftest import make_structure


def _tree(panel: OutlinePanel) -> dict[str, list[str]]:
    """Each shown row's label with the labels of its rows, in order (row order within a group aside)."""
    from PySide6.QtCore import QModelIndex

    shape: dict[str, list[str]] = {}
    model = panel.tree.model()

    def visit(parent: QModelIndex, name: str) -> None:
        children = []
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            label = str(model.data(index))
            children.append(label)
            visit(index, label)
        shape[name] = sorted(children)

    visit(QModelIndex(), "")
    return shape


def test_outline_follows_edits_as_a_rebuild_would(qtbot):
    document = Document()
    document.set_structure(make_structure(), None)
    panel = OutlinePanel(document)
    qtbot.addWidget(panel)
    fresh = OutlinePanel(document)
    qtbot.addWidget(fresh)
    structure = document.structure
    rng = random.Random(5)
    document.execute(editing.add_group(structure, Group(id="new", name="New team")))
    for step in range(60):
        ids = list(structure.posts)
        post_id = rng.choice(ids)
        choice = step % 5
        if choice == 0:
            edit = editing.edit_post(structure, post_id, group=rng.choice([None, *structure.groups]))
        elif choice == 1:
            edit = editing.edit_post(structure, post_id, title=f"Post {step}")
        elif choice == 2:
            edit = editing.add_post(structure, Post(id=structure.new_post_id(), title=f"Added {step}",
                                                    group=rng.choice([None, *structure.groups])))
        elif choice == 3 and len(ids) > 3:
            edit = editing.delete(structure, [post_id], [])
        else:
            edit = editing.edit_group(structure, rng.choice(list(structure.groups)), name=f"Group {step}")
        document.execute(edit)
        if step % 7 == 6:
            document.undo_stack.undo()
        fresh.refresh()
        assert _tree(panel) == _tree(fresh), f"after step {step}"


def test_outline_filter_keeps_matching_rows_and_their_groups(qtbot):
    document = Document()
    document.set_structure(make_structure(), None)
    panel = OutlinePanel(document)
    qtbot.addWidget(panel)
    post = next(iter(document.structure.posts.values()))
    panel.filter.setText(post.title.upper())
    shown = panel.shown_labels()
    assert any(label.startswith(post.title) for label in shown)
    assert all(post.title.lower() in label.lower() or label == "No group" or label in
               {g.name for g in document.structure.groups.values()} for label in shown)
    panel.filter.clear()
    assert len(panel.shown_labels()) >= len(document.structure.posts)


def test_outline_follows_edits_while_filtered_and_after(qtbot):
    """A post added while a filter is typed shows if it matches; once the filter is cleared every post shows,
    the ones edited meanwhile too."""
    document = Document()
    document.set_structure(make_structure(), None)
    panel = OutlinePanel(document)
    qtbot.addWidget(panel)
    structure = document.structure
    panel.filter.setText("zebra")
    document.execute(editing.add_post(structure, Post(id=structure.new_post_id(), title="Zebra keeper")))
    document.execute(editing.add_post(structure, Post(id=structure.new_post_id(), title="Lion tamer")))
    shown = panel.shown_labels()
    assert "Zebra keeper" in shown and "Lion tamer" not in shown
    panel.filter.clear()
    document.execute(editing.delete(structure, [next(iter(structure.posts))], []))
    fresh = OutlinePanel(document)
    qtbot.addWidget(fresh)
    assert _tree(panel) == _tree(fresh)
    assert {"Zebra keeper", "Lion tamer"} <= set(panel.shown_labels())


def _rows(panel: FindingsPanel) -> list[tuple[str, str, list[str]]]:
    return [(panel.topLevelItem(r).text(0), panel.topLevelItem(r).text(1), panel.topLevelItem(r).data(0, 256))
            for r in range(panel.topLevelItemCount())]


def test_findings_replace_only_what_changed_and_match_a_fresh_list(qtbot):
    document = Document()
    document.set_structure(make_structure(), None)
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)
    structure = document.structure
    rng = random.Random(8)
    for step in range(40):
        post_id = rng.choice(list(structure.posts))
        others = [p for p in structure.posts if p != post_id and post_id not in structure.chain_above(p)]
        if step % 3 == 0:
            document.execute(editing.set_manager(structure, post_id, rng.choice([None, *others])))
        elif step % 3 == 1:
            document.execute(editing.edit_post(structure, post_id, tier=rng.choice(["1", "2", "3", "4", None])))
        else:
            document.undo_stack.undo()
        fresh = FindingsPanel(document)
        qtbot.addWidget(fresh)
        assert _rows(panel) == _rows(fresh), f"after step {step}"
        assert [f.message for f in document.analysis.findings()] == [row[1] for row in _rows(panel)]
