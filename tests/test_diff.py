"""The readable diff: scenario by scenario, posts added, removed and changed field by field, by title."""

from __future__ import annotations

from orgdesigner.model import Post, Scenarios, Structure, save_scenarios
from orgdesigner.model.synthetic import synthetic_structure
from orgdesigner.sharing import diff_files, diff_text


def _named(structure: Structure, name: str) -> Structure:
    return Structure.model_validate({**structure.model_dump(), "scenario": name})


def test_identical_files_have_no_differences():
    s = _named(synthetic_structure(20), "Current")
    assert diff_text(Scenarios([s]), Scenarios([_named(s, "Current")])) == "No differences.\n"


def test_posts_added_removed_and_changed_are_named_by_title_with_each_field():
    before = _named(synthetic_structure(20), "Current")
    after = _named(before, "Current")
    after.add_post(Post(id="NEW", title="Head of Legal", reports_to="P2", salary=65000))
    leaf = next(p for p in before.posts if not before.reports_of(p) and
                not any(g.leader == p for g in before.groups.values()))
    after.remove_post(leaf)
    after.update_post("P5", title="Director of Place", salary=98000)
    after.set_manager("P9", "P3")
    after.update_settings(on_cost_rate=0.3)

    text = diff_text(Scenarios([before]), Scenarios([after]))

    lines = text.splitlines()
    assert lines[0] == "Scenario 'Current'"
    assert "  + post 'Head of Legal' (NEW)" in lines
    assert f"  - post {before.posts[leaf].title!r} ({leaf})" in lines
    assert "  ~ post 'Director of Place' (P5) — retitled, regraded" in lines
    assert "      title: 'Post 5' → 'Director of Place'" in lines
    assert "      salary: none → £98,000" in lines
    assert any(line.startswith("  ~ post 'Post 9' (P9) — moved") for line in lines)
    assert f"      reports to: {before.posts[before.posts['P9'].reports_to].title!r}" \
           f" ({before.posts['P9'].reports_to}) → 'Post 3' (P3)" in lines
    assert "  ~ settings" in lines and "      on-cost rate: 0.28 → 0.3" in lines


def test_scenarios_added_removed_and_renamed_and_the_baseline(tmp_path):
    current, option, old = (_named(synthetic_structure(12, seed=n), name)
                            for n, name in [(1, "Current"), (2, "Option A"), (3, "Option Old")])
    a, b = tmp_path / "a.orgd", tmp_path / "b.orgd"
    save_scenarios(Scenarios([current, option, old]), a)
    save_scenarios(Scenarios([_named(current, "Current"), _named(option, "Option A2"),
                              _named(synthetic_structure(3, seed=9), "Option B")], baseline="Option A2"), b)

    lines = diff_files(a, b).splitlines()

    assert lines == ["Scenario 'Option A' renamed 'Option A2'", "Scenario 'Option Old': removed (12 posts)",
                     "Scenario 'Option B': added (3 posts)", "Baseline: 'Current' → 'Option A2'"]
