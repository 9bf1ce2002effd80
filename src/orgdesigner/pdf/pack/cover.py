"""The cover of the consultation pack: organisation, title, date, and the proposal in four figures."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table

from ...analysis import Severity
from ...presentation.chartstyle import ACCENT
from ...presentation.money import money
from ..styles import RULE, house_table, para, styles
from .data import PackData

BAND = 16 * mm
"""Height of the accent band across the top of the cover."""


def draw_cover_band(canvas: Canvas, page_width: float, page_height: float) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(ACCENT))
    canvas.rect(0, page_height - BAND, page_width, BAND, stroke=0, fill=1)
    canvas.restoreState()


def cover(data: PackData, title: str, date: str, author: str) -> list[Flowable]:
    s = styles()
    meta = [date, f"Prepared by {author}" if author else ""]
    if data.redact_names:
        meta.append("Postholder names are left out of this edition")
    out: list[Flowable] = [Spacer(0, data.height * 0.16)]
    if data.organisation:
        out.append(para(data.organisation, s.cover_org))
        out.append(Spacer(0, 6))
    out += [
        para(data.text(title), s.cover_title),
        para(data.text(data.after.name), s.cover_subtitle),
        para(data.scenarios, s.cover_subtitle),
        Spacer(0, 14),
        para(" · ".join(m for m in meta if m), s.cover_meta),
        Spacer(0, data.height * 0.10),
        _key_figures(data),
        Spacer(0, 10),
        para(data.basis_text, s.note),
    ]
    out += [para(f"\u26a0 Costed differently in the two files: {data.text(w.message)}", s.note)
            for w in data.warnings]
    errors = sum(1 for f in data.after_analysis.findings() if f.severity is Severity.ERROR)
    if errors:  # a reader of the cover alone should not take the proposal as sound
        out.append(para(f"\u26a0 The proposed structure has {errors} error{'' if errors == 1 else 's'} that must be "
                        "put right: see \u201cAppendix: rule findings\u201d.", s.note))
    return out


def _key_figures(data: PackData) -> Table:
    """Four figures a reader looks for first, each over a short label."""
    s, f = styles(), data.finance
    figures = [
        (f"{f.before.posts} \u2192 {f.after.posts}", "posts in scope, current \u2192 proposed"),
        (f"{data.before_analysis.layers()} \u2192 {data.after_analysis.layers()}", "layers of management"),
        _saving_figure(f.saving_gross, "gross saving a year", "gross extra cost a year"),
        _saving_figure(f.saving_net, "net saving a year, after set-asides", "net extra cost a year, with set-asides"),
    ]
    cells = [[para(value, s.cover_figure) for value, _ in figures],
             [para(label, s.cover_figure_label) for _, label in figures]]
    width = min(data.width, 220 * mm)
    return house_table(cells, [width / 4] * 4, [
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.HexColor(RULE)),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.5, colors.HexColor(RULE)),
        ("TOPPADDING", (0, 0), (-1, 0), 10),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])


def _saving_figure(amount: float, saving: str, extra_cost: str) -> tuple[str, str]:
    """A saving as a positive figure; a structure that costs more says so rather than "−£x saving"."""
    return (money(amount, short=True), saving) if amount >= 0 else (money(-amount, short=True), extra_cost)
