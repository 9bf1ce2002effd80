"""`orgdesigner merge` and `orgdesigner diff` in-process, and as git's merge driver and textconv in a real
repository."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from orgdesigner.model import Scenarios, Structure, load, load_scenarios, save_scenarios
from orgdesigner.model.synthetic import synthetic_structure


def _structure() -> Structure:
    structure = synthetic_structure(12, seed=5)
    structure.update_details(scenario="Current")
    return structure


def _save(structure: Structure, path) -> None:
    save_scenarios(Scenarios.single(structure), path)


def _changed(path, **titles: str):
    structure = load(path)
    for post_id, title in titles.items():
        structure.update_post(post_id, title=title)
    return structure


@pytest.fixture
def three(tmp_path):
    base = tmp_path / "base.orgd"
    _save(_structure(), base)
    return base, tmp_path / "ours.orgd", tmp_path / "theirs.orgd"


def test_merge_without_collisions_writes_both_changes_and_exits_0(run, three, tmp_path):
    base, ours, theirs = three
    _save(_changed(base, P3="Ours"), ours)
    _save(_changed(base, P4="Theirs"), theirs)
    out = tmp_path / "out.orgd"
    ran = run("merge", str(base), str(ours), str(theirs), "-o", str(out))
    assert ran.returncode == 0, ran.stderr
    assert "no conflicts" in ran.stdout
    merged = load(out)
    assert (merged.posts["P3"].title, merged.posts["P4"].title) == ("Ours", "Theirs")
    assert load(ours).posts["P4"].title != "Theirs"  # -o given: OURS untouched


def test_merge_with_a_collision_lists_it_writes_it_into_ours_and_exits_1(run, three):
    base, ours, theirs = three
    _save(_changed(base, P3="Ours"), ours)
    _save(_changed(base, P3="Theirs"), theirs)
    ran = run("merge", str(base), str(ours), str(theirs))
    assert ran.returncode == 1
    assert "CONFLICT in scenario 'Current': post 'Ours' (P3) title: both changed" in ran.stdout
    assert "ours Ours, theirs Theirs" in ran.stdout
    merged = load(ours)  # OUT defaults to OURS, as git expects of a merge driver
    assert merged.posts["P3"].title == "Ours"
    assert [(c.id, c.field, c.base, c.theirs) for c in merged.conflicts] == [("P3", "title", "Post 3", "Theirs")]


def test_a_window_s_lock_does_not_block_the_command_line(run, three, tmp_path):
    from orgdesigner.sharing import acquire

    base, ours, theirs = three
    _save(_changed(base, P3="Ours"), ours)
    _save(_changed(base, P4="Theirs"), theirs)
    with acquire(ours), acquire(base):
        assert run("merge", str(base), str(ours), str(theirs)).returncode == 0
        assert run("diff", str(base), str(ours)).returncode == 0
    assert load(ours).posts["P4"].title == "Theirs"


def test_merge_refuses_bad_input_with_exit_2(run, three, tmp_path):
    base, ours, theirs = three
    _save(_changed(base, P3="Ours"), ours)
    (tmp_path / "broken.orgd").write_text("{", encoding="utf-8")
    ran = run("merge", str(base), str(ours), str(tmp_path / "broken.orgd"))
    assert ran.returncode == 2 and "broken.orgd: not valid JSON" in ran.stderr and "Traceback" not in ran.stderr
    ran = run("merge", str(base), str(ours), str(tmp_path / "missing.orgd"))
    assert ran.returncode == 2 and "missing.orgd: no such file" in ran.stderr
    assert run("merge", str(base), str(ours)).returncode == 2


def test_merge_does_not_overwrite_an_output_that_changed_while_it_ran(run, three, monkeypatch):
    from orgdesigner.cli import merge as merge_command

    base, ours, theirs = three
    _save(_changed(base, P3="Ours"), ours)
    _save(_changed(base, P4="Theirs"), theirs)
    real = merge_command.merge_scenarios

    def someone_saves_meanwhile(*sides):
        _save(_changed(base, P5="Saved meanwhile"), ours)
        return real(*sides)

    monkeypatch.setattr(merge_command, "merge_scenarios", someone_saves_meanwhile)
    ran = run("merge", str(base), str(ours), str(theirs))
    assert ran.returncode == 2 and "ours.orgd: changed on disk since it was read" in ran.stderr
    assert load(ours).posts["P5"].title == "Saved meanwhile"


def test_diff_names_posts_by_title_and_textconv_lists_one_file(run, three):
    base, ours, _theirs = three
    changed = _changed(base, P3="Head of Legal")
    changed.update_post("P4", fte=0.5)
    _save(changed, ours)
    ran = run("diff", str(base), str(ours))
    assert ran.returncode == 0
    assert "~ post 'Head of Legal' (P3) — retitled" in ran.stdout
    assert "title: 'Post 3' → 'Head of Legal'" in ran.stdout
    assert "fte: " in ran.stdout and "→ 0.5" in ran.stdout
    assert run("diff", str(base), str(base)).stdout == "No differences.\n"
    listed = run("diff", "--textconv", str(ours))
    assert listed.returncode == 0 and listed.stdout.startswith("Scenario 'Current' (baseline)\n")
    assert any(line.startswith("  post 'Head of Legal' (P3): ") for line in listed.stdout.splitlines())
    assert run("diff", "--textconv", str(base), str(ours)).returncode == 2
    assert run("diff", str(base)).returncode == 2


# ----- git ---------------------------------------------------------------------------------------

GIT = shutil.which("git")


def _git(repo, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GIT, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main",
                           *args], cwd=repo, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path):
    if GIT is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".gitattributes").write_text("*.orgd merge=orgdesigner diff=orgdesigner\n", encoding="utf-8")
    _git(repo, "config", "merge.orgdesigner.name", "OrgDesigner structure merge")
    _git(repo, "config", "merge.orgdesigner.driver", f"{sys.executable} -m orgdesigner merge %O %A %B")
    _git(repo, "config", "diff.orgdesigner.textconv", f"{sys.executable} -m orgdesigner diff --textconv")
    _save(_structure(), repo / "council.orgd")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    return repo


def _branch_edit(repo, branch: str, start: str, **titles: str) -> None:
    assert _git(repo, "checkout", "-q", "-b", branch, start).returncode == 0
    _save(_changed(repo / "council.orgd", **titles), repo / "council.orgd")
    assert _git(repo, "commit", "-q", "-am", f"{branch} edits").returncode == 0


def test_git_merges_two_branches_that_changed_different_posts(repo):
    _branch_edit(repo, "ours", "main", P3="Head of Ours")
    _branch_edit(repo, "theirs", "main", P4="Head of Theirs")
    _git(repo, "checkout", "-q", "ours")
    merged = _git(repo, "merge", "--no-edit", "theirs")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    structure = load(repo / "council.orgd")
    assert (structure.posts["P3"].title, structure.posts["P4"].title) == ("Head of Ours", "Head of Theirs")
    assert not structure.conflicts
    shown = _git(repo, "show", "HEAD~1", "--", "council.orgd")  # the textconv diff names the post by title
    assert "post 'Head of Ours' (P3)" in shown.stdout


def test_git_reports_a_conflict_and_the_file_holds_it(repo):
    _branch_edit(repo, "ours", "main", P3="Head of Ours")
    _branch_edit(repo, "theirs", "main", P3="Head of Theirs")
    _git(repo, "checkout", "-q", "ours")
    merged = _git(repo, "merge", "--no-edit", "theirs")
    assert merged.returncode != 0
    assert "CONFLICT" in merged.stdout and "council.orgd" in merged.stdout
    structure = load_scenarios(repo / "council.orgd").baseline  # still a valid structure file, no markers
    assert structure.posts["P3"].title == "Head of Ours"
    assert [(c.id, c.field, c.theirs) for c in structure.conflicts] == [("P3", "title", "Head of Theirs")]
