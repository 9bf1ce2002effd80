"""`orgdesigner export FILE -o OUT.pdf`: the chart or the pack, paper options, and refusals that write nothing."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from conftest import SAMPLES
from orgdesigner.cli import main
from orgdesigner.model import load
from pdfread import page_texts

CURRENT = SAMPLES / "cambridge-2022-current.orgd"
PROPOSED = SAMPLES / "cambridge-2022-proposed.orgd"


def test_chart_on_a3_portrait(tmp_path, capsys):
    out = tmp_path / "chart.pdf"
    assert main(["export", str(PROPOSED), "-o", str(out), "--paper", "a3", "--portrait"]) == 0
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 1191)
    assert f"{len(reader.pages)} page" in capsys.readouterr().out
    structure = load(PROPOSED)
    text = " ".join(page_texts(out))
    assert all(" ".join(post.title.split()) in text for post in structure.posts.values())


def test_pack_with_before_scenario_and_draft(tmp_path):
    both = tmp_path / "both.orgd"
    from orgdesigner.model import Scenarios, save_scenarios

    current, proposed = load(CURRENT), load(PROPOSED)
    current.scenario, proposed.scenario = "Current", "Proposed"
    save_scenarios(Scenarios([current, proposed], "Current"), both)
    out = tmp_path / "pack.pdf"
    assert main(["export", f"{both}", "--scenario", "Proposed", "-o", str(out), "--pack",
                 "--before", f"{both}:Current", "--draft", "--title", "Senior management review"]) == 0
    texts = page_texts(out)
    assert "Senior management review" in texts[0] and "DRAFT" in texts[0]
    assert any("Changes to current posts" in text for text in texts)


@pytest.mark.parametrize("args,message", [
    (["--pack"], "--pack needs --before"),
    (["--before", str(CURRENT)], "--before is only for --pack"),
    (["--dpi", "100"], "--dpi and --transparent are for a picture"),
    (["--pack", "--before", str(CURRENT), "--branch", "COO"], "--branch is for a chart"),
    (["--paper", "A5"], "invalid choice"),
    (["--portrait", "--landscape"], "not allowed with"),
])
def test_bad_options_exit_2_and_write_nothing(tmp_path, capsys, args, message):
    out = tmp_path / "out.pdf"
    assert main(["export", str(PROPOSED), "-o", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_unreadable_before_exits_2_and_keeps_the_old_pdf(tmp_path, capsys):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")
    broken = tmp_path / "broken.orgd"
    broken.write_text("{not json")
    assert main(["export", str(PROPOSED), "-o", str(out), "--pack", "--before", str(broken)]) == 2
    assert "broken.orgd" in capsys.readouterr().err
    assert out.read_bytes() == b"old"

