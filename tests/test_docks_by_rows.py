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

    def visit(parent: QModelIndex, name: str) -> None:
        children = []
        for row in range(panel.proxy.rowCount(parent)):
            index = panel.proxy.index(row, 0, parent)
            label = str(panel.proxy.data(index))
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


def _items(panel: FindingsPanel) -> list:
    return [panel.topLevelItem(r) for r in range(panel.topLevelItemCount())]


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
        before = dict(zip(document.analysis.findings(), _items(panel)))
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
        remade = [f.message for f, item in zip(document.analysis.findings(), _items(panel))
                  if f in before and before[f] is not item]
        assert not remade, f"rows made again though their findings did not change, after step {step}"


def _large_outline(qtbot, posts: int) -> tuple[Document, OutlinePanel]:
    """A synthetic structure of `posts` posts in a shown Outline tall enough for its first rows only."""
    from orgdesigner.model.synthetic import synthetic_structure

    document = Document()
    document.set_structure(synthetic_structure(posts, seed=4), None)
    panel = OutlinePanel(document)
    qtbot.addWidget(panel)
    panel.resize(300, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return document, panel


def test_scrolling_a_large_outline_shows_every_post_even_those_edited_before_their_rows_were_made(qtbot):
    """Each group's first rows are made at once and the others as they come into sight; posts edited, moved
    or deleted before their rows were made are listed as a rebuild lists them, and a filter typed straight
    away already finds posts beyond the first rows."""
    from orgdesigner.ui.docks.outline import FIRST_ROWS

    document, panel = _large_outline(qtbot, 1500)
    structure = document.structure
    listed = lambda: sum(1 for label in panel.shown_labels() if label.startswith(("Post", "Renamed", "Added")))
    assert listed() < len(structure.posts), "a 1,500-post structure's rows were all made at once"
    by_group: dict[str | None, list[str]] = {}
    for post in structure.posts.values():
        by_group.setdefault(post.group, []).append(post.id)
    big = max(by_group, key=lambda group: len(by_group[group]))
    late = by_group[big][FIRST_ROWS:]
    other = next(group for group in structure.groups if group != big)
    document.execute(editing.edit_post(structure, late[0], title="Renamed before its row was made"))
    document.execute(editing.delete(structure, [p for p in late[1:3] if not structure.reports_of(p)], []))
    document.execute(editing.edit_post(structure, late[3], group=other))
    document.execute(editing.add_post(structure, Post(id=structure.new_post_id(), title="Added while waiting",
                                                      group=big)))
    bar = panel.tree.verticalScrollBar()
    for _ in range(1000):  # scroll down a page at a time to the end, as a reader would
        qtbot.wait(5)
        if bar.value() == bar.maximum() and listed() == len(structure.posts):
            break
        bar.setValue(bar.value() + bar.pageStep())
    fresh = OutlinePanel(document)
    qtbot.addWidget(fresh)
    fresh.make_every_row()
    assert _tree(panel) == _tree(fresh)

    third = OutlinePanel(document)  # filtered before its later rows were made
    qtbot.addWidget(third)
    third.filter.setText("renamed before")
    grade = structure.posts[late[0]].grade
    renamed = [f"Renamed before its row was made ({grade})" if grade else "Renamed before its row was made"]
    assert [label for label in third.shown_labels() if "Renamed" in label] == renamed
    document.execute(editing.add_group(structure, Group(id="new", name="New team")))  # the tree is built again
    assert [label for label in third.shown_labels() if "Renamed" in label] == renamed


def _post_rows(panel: OutlinePanel) -> dict[str, list[str]]:
    """Each group row's label with the ids of the posts listed under it, in the order shown."""
    from PySide6.QtCore import QModelIndex, Qt

    rows: dict[str, list[str]] = {}

    def visit(parent: QModelIndex, name: str) -> None:
        for row in range(panel.proxy.rowCount(parent)):
            index = panel.proxy.index(row, 0, parent)
            kind, key = panel.proxy.data(index, Qt.ItemDataRole.UserRole) or ("group", None)
            if kind == "post":
                rows.setdefault(name, []).append(key)
            else:
                visit(index, str(panel.proxy.data(index)))

    visit(QModelIndex(), "")
    return rows


def _in_file_order(structure) -> dict[str, list[str]]:
    """Each group's name with its posts' ids in the file's order: what a reader scrolling the outline sees."""
    rows: dict[str, list[str]] = {}
    for post in structure.posts.values():
        rows.setdefault(structure.groups[post.group].name if post.group else "No group", []).append(post.id)
    return rows


def _scroll_to_the_end(qtbot, panel: OutlinePanel, posts: int) -> None:
    """Scroll down a page at a time, as a reader would, until every post is listed."""
    bar = panel.tree.verticalScrollBar()
    for _ in range(2000):
        qtbot.wait(2)
        if bar.value() == bar.maximum() and sum(map(len, _post_rows(panel).values())) == posts:
            return
        bar.setValue(bar.value() + bar.pageStep())


def test_deleting_a_large_branch_before_its_rows_were_made_lists_the_rest_in_order(qtbot):
    """A directorate of hundreds of posts, most of them not yet listed, deleted at once: scrolling to the end
    lists every other post, in the file's order as a freshly built outline lists them, and none of the deleted; undo
    brings every one back."""
    from orgdesigner.ui.docks.outline import FIRST_ROWS

    document, panel = _large_outline(qtbot, 2500)
    structure = document.structure

    def branch(top: str) -> list[str]:
        found, pending = [], [top]
        while pending:
            found.append(pending.pop())
            pending.extend(structure.reports_of(found[-1]))
        return found

    directors = [p for p, post in structure.posts.items() if post.reports_to is not None
                 and structure.posts[post.reports_to].reports_to is None]
    doomed = max((branch(p) for p in directors), key=len)
    listed_at_first = {p for rows in _post_rows(panel).values() for p in rows}
    assert sum(p not in listed_at_first for p in doomed) > 2 * FIRST_ROWS, "most of the branch not yet listed"
    document.execute(editing.delete(structure, doomed, []))
    _scroll_to_the_end(qtbot, panel, len(structure.posts))
    assert _post_rows(panel) == _in_file_order(structure)
    assert not set(doomed) & set(structure.posts)

    document.undo_stack.undo()
    _scroll_to_the_end(qtbot, panel, len(structure.posts))
    assert {g: sorted(rows) for g, rows in _post_rows(panel).items()} == \
        {g: sorted(rows) for g, rows in _in_file_order(structure).items()}


def test_the_runs_of_changed_findings_turn_the_old_list_into_the_new():
    """Both lists sorted alike: one pass finds the runs; a finding listed twice falls back to a diff."""
    from orgdesigner.analysis import Analysis
    from orgdesigner.model.synthetic import synthetic_structure
    from orgdesigner.ui.docks.findings import _changed_runs

    every = Analysis(synthetic_structure(1000)).findings()
    rng = random.Random(7)
    for trial in range(200):
        old = [f for f in every if rng.random() > 0.2]
        new = [f for f in every if rng.random() > 0.2]
        if trial % 10 == 0:
            new.insert(rng.randrange(len(new) + 1), every[0])  # twice, or out of order
        rows = list(old)
        for old_start, old_end, new_start, new_end in reversed(_changed_runs(old, new)):
            rows[old_start:old_end] = new[new_start:new_end]
        assert rows == new, trial
    assert _changed_runs(every, every) == []
