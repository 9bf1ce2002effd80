"""Redaction that holds: with names withheld, no output prints any form of a postholder's name, in
any field, in any format; person-like text left over is listed for the user to check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgdesigner.model import Structure, save
from orgdesigner.presentation.redaction import WITHHELD, Redactor, names_to_review, redacted_structure

from pdfread import page_texts

HOLDERS = ["Barbara Jane Smith-Jones", "Dr Ali Khan"]
VARIANTS = ["Barbara Jane Smith-Jones", "Smith-Jones", "Ms Smith-Jones", "mrs  smith-jones", "B. Smith-Jones",
            "B Smith-Jones", "B.J. Smith-Jones", "Barbara Smith-Jones", "Smith Jones", "Smith -\nJones",
            "Barbara\nJane\tSmith-Jones", "Mrs Jones", "B. Smith", "SMITH-JONES", "Dr. Khan", "A. Khan", "Ali\nKhan",
            "khan", "Mr Khan"]
LEFT_OVER = re.compile(r"smith|jones|khan", re.IGNORECASE)


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_form_of_a_name_is_withheld(variant):
    redactor = Redactor(HOLDERS)
    assert redactor.redact_text(f"PA: {variant}, room 4") == f"PA: {WITHHELD}, room 4"


def test_other_words_are_left_alone():
    redactor = Redactor(HOLDERS)
    for text in ("Smithson Road depot", "Head of Joneses", "Barbara's office", "Jones", "Ms Bloggs", "Khanate"):
        assert redactor.redact_text(text) == text


def structure_naming(variant: str) -> Structure:
    """A small structure with its postholders' names planted, in the form VARIANT, in every printed field."""
    return Structure.model_validate({
        "name": f"Review by {variant}", "organisation": "Test Council", "description": f"Led by {variant}",
        "groups": [{"id": "G1", "name": f"Office of {variant}", "notes": variant}],
        "posts": [
            {"id": "CE", "title": "Chief Executive", "postholder": HOLDERS[0], "group": "G1", "salary": 150000},
            {"id": "PA", "title": f"PA: {variant}", "reports_to": "CE", "group": "G1", "notes": f"for {variant}",
             "custom": {"Contact": variant}, "salary": 30000},
            {"id": "D1", "title": "Director of Place", "reports_to": "CE", "postholder": HOLDERS[1], "salary": 100000,
             "dotted": [{"manager": "PA", "label": f"via {variant}"}]},
        ],
        "responsibilities": [{"id": "R1", "name": f"Chaired by {variant}", "category": "meeting", "post": "D1"}],
        "rota": {"posts": ["CE", "D1"], "duties": f"{variant} chairs DMT",
                 "months": [{"month": "2025-01", "lead": "CE", "buddy": "D1"}]},
    })


def exported_texts(folder: Path, structure: Structure, run) -> dict[str, str]:
    """Everything each format prints with --redact-names, read back as text."""
    from openpyxl import load_workbook

    current, proposed = folder / "current.orgd", folder / "proposed.orgd"
    save(structure, current)
    after = structure.model_copy(deep=True)
    after.update_post("PA", title=f"{structure.posts['PA'].title} (regraded)")
    save(after, proposed)
    outputs = {"csv": folder / "t.csv", "xlsx": folder / "t.xlsx", "chart": folder / "chart.pdf",
               "pack": folder / "pack.pdf", "svg": folder / "chart.svg", "pptx": folder / "chart.pptx",
               "organogram": folder / "organogram.csv"}
    texts = {}
    for kind, out in outputs.items():
        extra = {"pack": ["--pack", "--before", str(current)], "organogram": ["--format", "organogram"]}.get(kind, [])
        result = run("export", str(proposed), "-o", str(out), "--redact-names", "--title", "Pack", *extra)
        assert result.returncode == 0, result.stderr
        if kind == "organogram":
            texts[kind] = " ".join(p.read_text(encoding="utf-8-sig") for p in folder.glob("organogram-*.csv"))
        elif out.suffix == ".pptx":
            from pptx import Presentation

            texts[kind] = " ".join(shape.text_frame.text for slide in Presentation(str(out)).slides
                                   for shape in slide.shapes if shape.has_text_frame)
        elif out.suffix == ".svg":
            texts[kind] = out.read_text(encoding="utf-8")
        elif out.suffix == ".pdf":
            texts[kind] = " ".join(page_texts(out))
        elif out.suffix == ".xlsx":
            texts[kind] = " ".join(str(c.value) for row in load_workbook(out).active.iter_rows() for c in row
                                   if c.value is not None)
        else:
            texts[kind] = out.read_text(encoding="utf-8-sig")
    return texts


@pytest.mark.parametrize("variant", ["Ms Smith-Jones", "B. Smith-Jones", "Smith -\nJones", "Barbara\nJane Smith-Jones",
                                     "mrs jones", "Dr. Khan"])
def test_no_output_format_prints_a_withheld_name(tmp_path, run, variant):
    texts = exported_texts(tmp_path, structure_naming(variant), run)
    for kind, text in texts.items():
        assert not LEFT_OVER.search(text), f"{kind} prints {LEFT_OVER.search(text).group()!r}"
        assert "Barbara" not in text, kind
    assert "PA: Name withheld" in texts["csv"] and "PA: Name withheld" in texts["xlsx"]
    for kind in ("chart", "pack", "svg", "pptx"):
        assert "PA: Name" in texts[kind], kind  # the card's title (it may be cut short with an ellipsis)


def test_the_redacted_copy_keeps_ids_figures_and_references():
    structure = structure_naming("Ms Smith-Jones")
    copy = redacted_structure(structure)
    assert list(copy.posts) == list(structure.posts) and copy.rota == structure.rota.model_copy(
        update={"duties": f"{WITHHELD} chairs DMT"})
    assert copy.posts["CE"].postholder is None and copy.posts["CE"].name_withheld
    assert copy.posts["PA"].salary == 30000 and copy.posts["D1"].dotted[0].manager == "PA"
    assert copy.groups["G1"].name == f"Office of {WITHHELD}"
    assert structure.posts["CE"].postholder == HOLDERS[0]  # the original is untouched


def test_person_like_text_left_over_is_listed_for_review(tmp_path, run):
    structure = structure_naming("Ms Smith-Jones")
    structure.update_post("D1", notes="Deputy: Mr Peter Bloggs; PA: Jane Doe")
    structure.update_post("CE", title="Chief Executive (J. Example covers)")
    lines = names_to_review(structure)
    assert any("post 'D1' notes" in line and "Mr Peter" in line for line in lines)
    assert any("post 'CE' title" in line and "J. Example" in line for line in lines)
    assert not any("Smith" in line for line in lines)  # withheld names are not listed again
    path = tmp_path / "s.orgd"
    save(structure, path)
    result = run("export", str(path), "-o", str(tmp_path / "t.csv"), "--redact-names")
    assert result.returncode == 0
    assert "orgdesigner: warning: post 'D1' notes: 'Mr Peter' looks like a title and a name" in result.stderr
    assert "J. Example covers" in (tmp_path / "t.csv").read_text(encoding="utf-8-sig")  # left for the user to judge


def test_the_export_dialog_lists_text_to_review_when_names_are_left_out(qtbot):
    from orgdesigner.ui.pdfexport import PdfExportDialog

    structure = structure_naming("Ms Smith-Jones")
    structure.update_post("D1", notes="PA: Jane Doe")
    dialog = PdfExportDialog(structure, {})
    qtbot.addWidget(dialog)
    assert not dialog.review_label.isVisibleTo(dialog)
    dialog.redact_check.setChecked(True)
    assert dialog.review_label.isVisibleTo(dialog)
    assert "post 'D1' notes: 'PA: Jane Doe' looks like a PA's name" in dialog.review_label.text()
