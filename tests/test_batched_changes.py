"""One edit, one round of notifications: the document holds back the changes an edit makes and announces
them coalesced once it is whole, while the analysis follows every single change."""

from __future__ import annotations

from dataclasses import replace

from orgdesigner import editing
from orgdesigner.analysis import Analysis
from orgdesigner.layout import compute_layout
from orgdesigner.model import Change, ChangeKind, EditRefused, Post, coalesce
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.ui.clipboard import copy_posts, paste_posts
from orgdesigner.ui.document import Document

from test_incremental import snapshot
from test_incremental_layout import same


def test_coalesce_merges_each_run_of_one_kind_and_keeps_the_order():
    removed = Post(id="x", title="Gone", reports_to="m2")
    changes = [
        Change(ChangeKind.POST_ADDED, posts=frozenset({"a"})),
        Change(ChangeKind.POST_ADDED, posts=frozenset({"b"})),
        Change(ChangeKind.POST_CHANGED, posts=frozenset({"c"}), fields=frozenset({"reports_to"}), old_manager="m1"),
        Change(ChangeKind.POST_CHANGED, posts=frozenset({"d"}), fields=frozenset({"grade"}), old_manager=None),
        Change(ChangeKind.POST_REMOVED, posts=frozenset({"x"}), removed=removed),
        Change(ChangeKind.POST_ADDED, posts=frozenset({"e"})),
    ]
    merged = coalesce(changes)
    assert [c.kind for c in merged] == [ChangeKind.POST_ADDED, ChangeKind.POST_CHANGED, ChangeKind.POST_REMOVED,
                                        ChangeKind.POST_ADDED]
    assert merged[0].posts == {"a", "b"}
    assert merged[1].posts == {"c", "d"} and merged[1].fields == {"reports_to", "grade"}
    assert merged[1].neighbours == {"m1"} and merged[1].old_manager is None
    assert merged[2] is changes[4]  # a run of one is passed on as it is
    assert coalesce([]) == []


def _team(structure, size: int) -> list[str]:
    managers = sorted((p for p in structure.posts if structure.reports_of(p)), key=lambda p: -len(structure.reports_of(p)))
    team: list[str] = []
    for manager in managers:
        team += sorted(structure.reports_of(manager))
        if len(team) >= size:
            return team[:size]
    raise AssertionError("the structure has too few posts")


def test_a_paste_of_many_posts_is_one_notification_and_the_analysis_stays_exact(qtbot):
    document = Document()
    document.set_structure(synthetic_structure(300, seed=4), None)
    heard: list[Change] = []
    document.changed.connect(heard.append)
    structure = document.structure
    document.execute(editing.paste_posts(structure, paste_posts(structure, copy_posts(structure, _team(structure, 20)))))
    assert [c.kind for c in heard] == [ChangeKind.POST_ADDED]
    assert len(heard[0].posts) == 20
    assert snapshot(document.analysis) == snapshot(Analysis(structure))
    for step in (document.undo_stack.undo, document.undo_stack.redo, document.undo_stack.undo):
        heard.clear()
        step()
        assert len(heard) == 1 and len(heard[0].posts) == 20
        assert snapshot(document.analysis) == snapshot(Analysis(structure))


def test_a_refused_edit_announces_nothing(qtbot):
    document = Document()
    document.set_structure(synthetic_structure(50, seed=2), None)
    heard: list[Change] = []
    document.changed.connect(heard.append)
    structure = document.structure
    top = next(p for p in structure.posts if structure.posts[p].reports_to is None)
    below = next(iter(structure.reports_of(top)))
    fresh = [Post(id="Z1", title="Fine"), Post(id="Z2", title="Cycle", reports_to="Z2")]
    assert not document.execute(editing.paste_posts(structure, fresh))  # the second post would manage itself
    assert heard == [] and "Z1" not in structure.posts
    assert not document.execute(editing.set_manager(structure, top, below))
    assert heard == []
    assert snapshot(document.analysis) == snapshot(Analysis(structure))


def test_the_canvas_follows_a_batch_of_additions_and_deletions_as_a_full_layout(make_canvas):
    rig = make_canvas(synthetic_structure(200, seed=7, span=4))
    document, scene = rig.document, rig.scene
    structure = document.structure

    def laid_out_afresh() -> None:
        full = compute_layout(structure, replace(scene.incremental.options))
        same(scene.layout, full)
        assert set(scene.layout.cards) == set(structure.posts)

    document.execute(editing.paste_posts(structure, paste_posts(structure, copy_posts(structure, _team(structure, 12)))))
    laid_out_afresh()
    leaves = [p for p in structure.posts if not structure.reports_of(p)
              and not any(g.leader == p for g in structure.groups.values())][:8]
    document.execute(editing.delete(structure, leaves, []))
    laid_out_afresh()
    for step in (document.undo_stack.undo, document.undo_stack.undo, document.undo_stack.redo,
                 document.undo_stack.redo):
        step()
        laid_out_afresh()


def test_the_outline_follows_a_batch_of_posts_pasted_moved_and_deleted_as_a_rebuild_would(qtbot):
    from orgdesigner.ui.docks.outline import OutlinePanel

    from test_docks_by_rows import _tree

    document = Document()
    document.set_structure(synthetic_structure(150, seed=3), None)
    panel, fresh = OutlinePanel(document), OutlinePanel(document)
    qtbot.addWidget(panel)
    qtbot.addWidget(fresh)
    structure = document.structure
    team = _team(structure, 15)
    document.execute(editing.paste_posts(structure, paste_posts(structure, copy_posts(structure, team))))
    target = sorted(structure.groups)[-1]
    document.execute(editing.move_posts(structure, {p: (0.0, 0.0) for p in team[:6]}, {p: target for p in team[:6]}))
    leaves = [p for p in structure.posts if not structure.reports_of(p)
              and not any(g.leader == p for g in structure.groups.values())][-9:]
    document.execute(editing.delete(structure, leaves, []))
    for step in (None, document.undo_stack.undo, document.undo_stack.undo, document.undo_stack.undo,
                 document.undo_stack.redo, document.undo_stack.redo):
        if step is not None:
            step()
        fresh.refresh()
        assert _tree(panel) == _tree(fresh)


def test_the_average_and_widest_spans_agree_with_every_span_as_edits_go_on():
    import random
    from statistics import mean

    from test_incremental import random_edit

    structure = synthetic_structure(200, seed=9)
    analysis = Analysis(structure)
    structure.subscribe(analysis.apply)
    rng = random.Random(9)
    for _ in range(80):
        try:
            random_edit(structure, rng)
        except EditRefused:  # a refused random edit changes nothing
            pass
        spans = analysis.spans()
        assert analysis.average_span() == (mean(spans.values()) if spans else None)
        assert analysis.widest_spans(8) == sorted(spans.items(), key=lambda i: -i[1])[:8]
