"""File > Export PDF and File > Print in the real window: the dialog's preview, the file written, the printer fed."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader

from conftest import SAMPLES
from orgdesigner.model import Scenarios, load, save_scenarios
from orgdesigner.ui.pdfexport import PdfExportDialog
from pdfread import page_texts


@pytest.fixture
def window(new_window, qtbot, tmp_path):
    """The Cambridge proposal open, with the current structure as a second scenario of the same file."""
    current, proposed = load(SAMPLES / "cambridge-2022-current.orgd"), load(SAMPLES / "cambridge-2022-proposed.orgd")
    current.scenario, proposed.scenario = "Current", "Proposed"
    for structure in (current, proposed):
        structure.update_post("CEX", postholder="Morgan Example")
    path = tmp_path / "cambridge.orgd"
    save_scenarios(Scenarios([current, proposed], "Current"), path)
    win = new_window()
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(path)
    assert win.document.switch_scenario("Proposed")
    return win


def test_dialog_previews_page_one_and_follows_the_options(window, qtbot):
    dialog = PdfExportDialog(window.document.structure, window.pack_candidates(), window)
    qtbot.addWidget(dialog)
    assert list(dialog.candidates) == ["Scenario: Current"]
    assert not dialog.preview.pixmap().isNull()
    chart_pages = int(dialog.pages_label.text().split()[0])
    dialog.pack_choice.setChecked(True)
    dialog.refresh_preview()
    pack_pages = int(dialog.pages_label.text().split()[0])
    assert pack_pages > chart_pages  # the pack carries both charts and its tables
    assert dialog.draft_check.isEnabled()
    assert not dialog.format_combo.isEnabled()  # a pack is a PDF
    dialog.chart_choice.setChecked(True)
    assert dialog.draft_check.isEnabled() and dialog.format_combo.isEnabled()  # DRAFT marks a chart too


def test_export_chart_on_a3_writes_every_post(window, tmp_path, monkeypatch):
    out = tmp_path / "chart.pdf"

    def fill(dialog: PdfExportDialog):
        dialog.paper_combo.setCurrentText("A3")
        dialog.title_edit.setText("Proposed senior structure")
        return dialog.request()

    monkeypatch.setattr(window, "run_pdf_dialog", fill)
    monkeypatch.setattr(window, "choose_chart_file", lambda suggested: out)
    window.export_pdf_action.trigger()
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 1191
    assert reader.metadata.title == "Proposed senior structure"
    text = " ".join(page_texts(out))
    assert all(" ".join(post.title.split()) in text for post in window.document.structure.posts.values())
    assert "chart.pdf" in window.statusBar().currentMessage()
    assert "Morgan Example" in text  # names print unless the user asks otherwise


def test_export_pack_against_the_current_scenario_redacted(window, tmp_path, monkeypatch):
    out = tmp_path / "pack.pdf"

    def fill(dialog: PdfExportDialog):
        dialog.pack_choice.setChecked(True)
        dialog.redact_check.setChecked(True)
        dialog.draft_check.setChecked(True)
        return dialog.request()

    monkeypatch.setattr(window, "run_pdf_dialog", fill)
    monkeypatch.setattr(window, "choose_chart_file", lambda suggested: out)
    window.export_pdf()
    texts = page_texts(out)
    assert "DRAFT" in texts[0]
    assert any("Changes to current posts" in text for text in texts)
    assert "Morgan Example" not in " ".join(texts)


def test_export_to_an_unwritable_place_says_so_and_writes_nothing(window, tmp_path, monkeypatch):
    errors = []
    monkeypatch.setattr(window, "run_pdf_dialog", lambda dialog: dialog.request())
    monkeypatch.setattr(window, "choose_chart_file", lambda suggested: tmp_path / "missing" / "chart.pdf")
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append((title, message)))
    window.export_pdf()
    assert errors and errors[0][0] == "Cannot export the PDF" and "chart.pdf" in errors[0][1]
    assert not (tmp_path / "missing").exists()


def test_print_sends_every_chart_page_to_the_printer(window, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"

    def choose(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True

    monkeypatch.setattr(window, "run_print_dialog", choose)
    window.print_action.trigger()
    printed = len(PdfReader(out).pages)
    assert printed > 1
    assert f"Sent {printed} pages to the printer" in window.statusBar().currentMessage()


def test_cancelled_print_prints_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(window, "run_print_dialog", lambda printer: False)
    window.print_chart()
    assert "printer" not in window.statusBar().currentMessage()


def test_dialog_offers_the_branch_of_the_selected_post_and_writes_slides(window, tmp_path, monkeypatch):
    from pptx import Presentation

    window.select_and_centre(["COO"])
    out = tmp_path / "branch.pptx"

    def fill(dialog: PdfExportDialog):
        assert dialog.part_combo.itemText(1) == "Branch under Chief Operating Officer"
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".pptx"))
        dialog.part_combo.setCurrentIndex(1)
        dialog.redact_check.setChecked(True)
        dialog.refresh_preview()
        assert dialog.pages_label.text() == "1 slide" and not dialog.preview_error
        return dialog.request()

    monkeypatch.setattr(window, "run_pdf_dialog", fill)
    monkeypatch.setattr(window, "choose_chart_file", lambda suggested: out if suggested.endswith(".pptx") else None)
    window.export_pdf()
    deck = Presentation(str(out))
    names = {shape.name for slide in deck.slides for shape in slide.shapes if shape.name.endswith("]")}
    assert {name.rsplit("[", 1)[1][:-1] for name in names} == {"CEX", "COO", "FIN", "HOP", "AUDIT"}
    assert "branch.pptx" in window.statusBar().currentMessage()


def test_dialog_top_levels_as_a_picture(window, tmp_path, monkeypatch):
    out = tmp_path / "top.png"

    def fill(dialog: PdfExportDialog):
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".png"))
        dialog.part_combo.setCurrentIndex(2)
        dialog.levels_spin.setValue(2)
        dialog.dpi_spin.setValue(100)
        dialog.refresh_preview()
        assert dialog.pages_label.text() == "One picture" and not dialog.preview.pixmap().isNull()
        return dialog.request()

    monkeypatch.setattr(window, "run_pdf_dialog", fill)
    monkeypatch.setattr(window, "choose_chart_file", lambda suggested: out)
    window.export_pdf()
    from PIL import Image

    with Image.open(out) as image:
        assert round(image.info["dpi"][0]) == 100


def test_copy_chart_as_image_puts_the_selected_branch_on_the_clipboard(window):
    from PySide6.QtGui import QGuiApplication

    window.select_and_centre(["COO"])
    window.copy_chart_action.trigger()
    branch = QGuiApplication.clipboard().image()
    assert not branch.isNull()
    window.scene.clearSelection()
    window.copy_chart_action.trigger()
    whole = QGuiApplication.clipboard().image()
    assert whole.width() > branch.width()
    assert window.copy_chart_action.shortcut().toString() == "Ctrl+Shift+C"


def test_branches_folded_on_the_canvas_stay_folded_in_the_export(window, tmp_path, monkeypatch):
    from pptx import Presentation

    window.scene.view_state.fold(["COO"])
    out = tmp_path / "folded.pptx"

    def fill(dialog: PdfExportDialog):
        assert not dialog.folded_check.isHidden() and dialog.folded_check.isChecked()
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".pptx"))
        return dialog.request()

    monkeypatch.setattr(window, "run_pdf_dialog", fill)
    monkeypatch.setattr(window, "choose_chart_file", lambda suggested: out)
    window.export_pdf()
    ids = {shape.name.rsplit("[", 1)[1][:-1] for slide in Presentation(str(out)).slides for shape in slide.shapes
           if shape.name.endswith("]")}
    assert "COO" in ids and not ids & {"FIN", "HOP", "AUDIT"}  # the Chief Operating Officer's reports stay hidden
