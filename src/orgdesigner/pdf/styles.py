"""The typographic system of the PDFs: paragraph styles, table styles and cell helpers.

One face (DejaVu Sans, see fonts.py), body text at 9 pt, table text at 8 pt, nothing below
`MIN_FONT_SIZE`. Tables have a tinted header row that repeats across page breaks, zebra rows,
numbers right-aligned (DejaVu's figures are all one width, so columns of money line up) and a
ruled total row. Text from a structure file goes through `esc` (or a plain `str` cell, which is
escaped for you); only `Markup` is passed to reportlab's paragraph parser as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from ..presentation.chartstyle import ACCENT, INK, MUTED, SEVERITY_COLOURS
from ..presentation.figures import severity_label
from ..presentation.money import money
from .fonts import BOLD, REGULAR, register_fonts

BODY_SIZE = 9.0
TABLE_SIZE = 8.0
NOTE_SIZE = 7.5

RULE = "#c9d2dd"
"""Hairlines between table rows and under headings."""
HEADER_FILL = "#e4ecf6"
ZEBRA_FILL = "#f5f7fa"
SECTION_FILL = "#eef2f7"
DRAFT_RED = "#c62828"

NARROW = 160 * mm
"""Tables of a label and a few figures look lost across a landscape page; they are set no wider than this."""
SIDE_BY_SIDE_MIN_WIDTH = 640.0
"""Frames at least this wide (landscape pages) set small tables side by side."""
GUTTER = 18.0


class Markup(str):
    """Text already in reportlab's paragraph markup (its own parts escaped with `esc`)."""


def esc(text: str) -> str:
    return escape(text)


def muted(text: str, size: float = NOTE_SIZE) -> Markup:
    """Escaped text set small and grey, for the second line of a cell."""
    return Markup(f'<font color="{MUTED}" size="{size:g}">{esc(text)}</font>')


def bold(text: str) -> Markup:
    return Markup(f"<b>{esc(text)}</b>")


def lines(*parts: str) -> Markup:
    """Join cell lines (plain text is escaped, `Markup` kept) with line breaks, skipping empty ones."""
    return Markup("<br/>".join(p if isinstance(p, Markup) else esc(p) for p in parts if p))


def money_or_dash(amount: float | None) -> str:
    """'£1,234', '−£90,900' (a true minus sign), or an en dash for an amount that is not known."""
    return "\u2013" if amount is None else money(amount)


@dataclass(frozen=True)
class Styles:
    cover_org: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_meta: ParagraphStyle
    cover_figure: ParagraphStyle
    cover_figure_label: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    after_table: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    toc: ParagraphStyle
    toc_page: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()

    def style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {"fontName": REGULAR, "textColor": colors.HexColor(INK)}
        base.update(kw)
        return ParagraphStyle(name, fontSize=size, leading=leading, **base)

    cell = style("Cell", TABLE_SIZE, 10.2)
    head = style("Head", TABLE_SIZE, 10.2, fontName=BOLD)
    return Styles(
        cover_org=style("CoverOrg", 13, 17, fontName=BOLD, textColor=colors.HexColor(ACCENT)),
        cover_title=style("CoverTitle", 28, 34, fontName=BOLD, spaceAfter=10),
        cover_subtitle=style("CoverSubtitle", 13, 18, textColor=colors.HexColor(MUTED)),
        cover_meta=style("CoverMeta", 9.5, 14, textColor=colors.HexColor(MUTED)),
        cover_figure=style("CoverFigure", 17, 21, fontName=BOLD, textColor=colors.HexColor(ACCENT)),
        cover_figure_label=style("CoverFigureLabel", NOTE_SIZE + 0.5, 10.5, textColor=colors.HexColor(MUTED)),
        h1=style("Heading1", 17, 22, fontName=BOLD, textColor=colors.HexColor(ACCENT), spaceBefore=18, spaceAfter=8),
        h2=style("Heading2", 11, 14, fontName=BOLD, spaceBefore=14, spaceAfter=5, keepWithNext=1),
        body=style("Body", BODY_SIZE, 13, spaceAfter=6),
        after_table=style("AfterTable", BODY_SIZE, 13, spaceBefore=6, spaceAfter=6),
        note=style("Note", NOTE_SIZE, 10, textColor=colors.HexColor(MUTED), spaceBefore=4),
        cell=cell,
        cell_right=ParagraphStyle("CellRight", parent=cell, alignment=TA_RIGHT),
        head=head,
        head_right=ParagraphStyle("HeadRight", parent=head, alignment=TA_RIGHT),
        toc=style("TOC", 10.5, 14),
        toc_page=style("TOCPage", 10.5, 14, alignment=TA_RIGHT, textColor=colors.HexColor(ACCENT)),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped) or `Markup` (as it is)."""
    return Paragraph(text if isinstance(text, Markup) else esc(text), style)


Cell: TypeAlias = str | Flowable


@dataclass
class Column:
    heading: str
    width: float
    """Share of the table's width (the shares of a table's columns add up to 1)."""
    numeric: bool = False


@dataclass
class Row:
    cells: Sequence[Cell]
    kind: str = "data"
    """'data', 'section' (one cell spanning the table, starting a block of rows) or 'total'."""
    again: str = ""
    """A section row's label at the top of the next page when its block carries on there."""


def section_row(text: str, again: str | None = None) -> Row:
    """A row starting a block; its label is printed `again` (the plain text and "(continued)" unless given)
    over the rest of the block on the next page."""
    if again is None:
        again = "" if isinstance(text, Markup) else f"{text} (continued)"
    return Row([text], "section", again)


def total_row(cells: Sequence[Cell]) -> Row:
    return Row(cells, "total")


def without_column(columns: Sequence[Column], rows: Sequence[Row], heading: str) -> tuple[list[Column], list[Row]]:
    """The table with the column headed `heading` left out (one that would be empty), its width given to
    the first column."""
    index = [c.heading for c in columns].index(heading)
    kept = [c for i, c in enumerate(columns) if i != index]
    kept[0] = Column(kept[0].heading, kept[0].width + columns[index].width, kept[0].numeric)
    return kept, [row if row.kind == "section" else Row([c for i, c in enumerate(row.cells) if i != index], row.kind)
                  for row in rows]


def data_table(columns: Sequence[Column], rows: Sequence[Row], width: float) -> Table:
    """A table in the house style: header repeated on every page, zebra rows, ruled totals."""
    s = styles()
    header = [para(c.heading, s.head_right if c.numeric else s.head) for c in columns]
    body: list[list[Cell]] = [header]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_FILL)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, colors.HexColor(ACCENT)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4.5),
    ]
    for index, column in enumerate(columns[1:], start=1):
        if columns[index - 1].numeric and not column.numeric:
            commands.append(("LEFTPADDING", (index, 0), (index, -1), 12))
    striped = 0
    for row in rows:
        index = len(body)
        if row.kind == "section":
            commands.append(("NOSPLIT", (0, index), (-1, index + 1)))
            body.append([para(bold(row.cells[0]) if not isinstance(row.cells[0], Markup) else row.cells[0], s.cell)]
                        + [""] * (len(columns) - 1))
            commands += [("SPAN", (0, index), (-1, index)),
                         ("BACKGROUND", (0, index), (-1, index), colors.HexColor(SECTION_FILL)),
                         ("LINEABOVE", (0, index), (-1, index), 0.5, colors.HexColor(RULE)),
                         ("TOPPADDING", (0, index), (-1, index), 5)]
            striped = 0
            continue
        cells = []
        for column, value in zip(columns, row.cells, strict=True):
            if isinstance(value, str):
                text = value if row.kind != "total" or isinstance(value, Markup) else bold(value)
                value = para(text, s.cell_right if column.numeric else s.cell)
            cells.append(value)
        body.append(cells)
        if row.kind == "total":
            commands += [("LINEABOVE", (0, index), (-1, index), 0.8, colors.HexColor(INK)),
                         ("NOSPLIT", (0, max(1, index - 1)), (-1, index))]
        else:
            if striped % 2:
                commands.append(("BACKGROUND", (0, index), (-1, index), colors.HexColor(ZEBRA_FILL)))
            commands.append(("LINEBELOW", (0, index), (-1, index), 0.25, colors.HexColor(RULE)))
            striped += 1
    table = house_table(body, [c.width * width for c in columns], commands, repeat_rows=1, kind=_DataTable)
    table.source = (list(columns), list(rows), width)
    return table


class _DataTable(Table):
    """A `data_table` whose block carried over to the next page is headed there by its section's label
    again ("Resources (continued)"): a reader of that page still knows the directorate."""

    source: tuple[list[Column], list[Row], float] | None = None

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = super().split(available_width, available_height)
        if self.source is None or len(parts) != 2:
            return parts
        columns, rows, width = self.source
        shown = len(parts[0]._cellvalues) - 1  # the header is repeated; each Row is one table row
        rest = rows[shown:]
        section = next((row for row in reversed(rows[:shown]) if row.kind == "section"), None)
        if section is None or not section.again or not rest or rest[0].kind == "section":
            return [parts[0], data_table(columns, rest, width)] if rest else parts
        return [parts[0], data_table(columns, [Row([section.again], "section", section.again), *rest], width)]


def house_table(body: Sequence[Sequence[object]], widths: Sequence[float], commands: Sequence[tuple[object, ...]],
                repeat_rows: int = 0, kind: type[Table] = Table) -> Table:
    """A reportlab Table set in the house font (its own default is Helvetica, which is not embedded)."""
    table = kind(body, colWidths=list(widths), repeatRows=repeat_rows, hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
                               *commands]))
    return table


def severity_chip(severity: str) -> Markup:
    """A severity's label ('Error', 'Warning', 'Note', as the window says it) in the colour the canvas marks its
    findings with."""
    colour = SEVERITY_COLOURS.get(severity, MUTED)
    return Markup(f'<font color="{colour}"><b>{esc(severity_label(severity))}</b></font>')


def block_width(width: float, count: int) -> float:
    """Width of each of `count` blocks set side by side on a wide page; a narrow page stacks them full width."""
    if width >= SIDE_BY_SIDE_MIN_WIDTH:
        return (width - (count - 1) * GUTTER) / count
    return width


def side_by_side(blocks: Sequence[Sequence[Flowable]], width: float, max_height: float) -> list[Flowable]:
    """Blocks (each a heading and its table) in one row on a wide page when the row fits on a page;
    otherwise one under another. Build each block's tables `block_width` wide."""
    if width >= SIDE_BY_SIDE_MIN_WIDTH:
        inner = block_width(width, len(blocks))
        grid = house_table([[list(b) for b in blocks]], [inner + GUTTER] * (len(blocks) - 1) + [inner], [
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
        if grid.wrap(width, max_height)[1] <= max_height:
            return [grid]
    return [KeepTogether(list(b)) for b in blocks]
