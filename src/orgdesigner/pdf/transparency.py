"""The Local Government Transparency Code 2015 publication as a PDF: the chart of the top three levels
(drawn as every chart is), then the organisation chart's table, the vacant posts and the senior
salaries (the data from `io.transparency`)."""

from __future__ import annotations

import io
from typing import Any

import pypdfium2 as pdfium
from reportlab.platypus import Flowable, SimpleDocTemplate

from ..analysis import Analysis
from ..io.transparency import BRACKET, NAMED_FROM, SENIOR_FROM, TOP_LEVELS, TransparencyData, transparency_data
from ..model import Structure
from ..model.money import money
from .chart.document import chart_pdf
from .fonts import REGULAR
from .options import PdfOptions
from .styles import BODY_SIZE, Column, Row, data_table, lines, muted, para, styles

CHART_HEADING = "Organisation chart: the top three levels"


def transparency_pdf(structure: Structure, options: PdfOptions | None = None) -> bytes:
    o = options or PdfOptions()
    analysis = Analysis(structure)
    data = transparency_data(structure, analysis, o.redact_names)
    chart = chart_pdf(top_levels(structure, analysis), PdfOptions(
        paper=o.paper, title=o.title or f"{data.organisation}: {CHART_HEADING.lower()}", author=o.author,
        redact_names=True))
    return _joined(chart, _tables(data, o))


def top_levels(structure: Structure, analysis: Analysis) -> Structure:
    """The structure cut to its own posts in the top three levels (lines to posts left out dropped)."""
    depths = {pid: analysis.depth(pid) for pid, post in structure.posts.items() if post.context is None}
    keep = {pid for pid, depth in depths.items() if depth is not None and depth < TOP_LEVELS}
    document: dict[str, Any] = structure.model_dump(mode="json", exclude_defaults=True)
    posts = []
    for post in document.get("posts", []):
        if post["id"] in keep:
            post["dotted"] = [d for d in post.get("dotted", []) if d["manager"] in keep]
            posts.append(post)
    document["posts"] = posts
    for group in document.get("groups", []):
        if group.get("leader") not in keep:
            group.pop("leader", None)
    document.pop("conflicts", None)
    return Structure.model_validate(document)


def _tables(data: TransparencyData, o: PdfOptions) -> bytes:
    s = styles()
    paper = o.paper
    width = paper.width - 2 * paper.margin
    flow: list[Flowable] = [
        para(f"{data.organisation}: Transparency Code publication", s.h1),
        para("Published under the Local Government Transparency Code 2015: the organisation chart of the top "
             "three levels, with each post's grade, job title, department and team, whether permanent or "
             f"temporary, contact details, salary in {money(BRACKET)} brackets and the grade's salary ceiling; the "
             "vacant posts; and the senior salaries." + (f" As at {data.date}." if data.date else ""), s.body),
        para("Organisation chart: the top three levels", s.h2),
        data_table([Column("Level", 0.05, True), Column("Job title", 0.2), Column("Grade", 0.07),
                    Column("Department and team", 0.17), Column("Permanent or temporary", 0.09),
                    Column("Contact details", 0.16), Column("Salary bracket", 0.14),
                    Column("Grade salary ceiling", 0.12, True)],
                   [Row([str(e.level), lines(e.title, muted(f"reports to {e.reports_to}") if e.reports_to else ""),
                         e.grade, lines(e.department, muted(e.team) if e.team else ""), e.employment, e.contact,
                         e.bracket, e.ceiling or "\u2013"]) for e in data.chart], width),
        para("Vacant posts", s.h2),
    ]
    if data.vacant:
        flow.append(data_table([Column("Job title", 0.4), Column("Grade", 0.15), Column("Department and team", 0.3),
                                Column("Salary bracket", 0.15)],
                               [Row([e.title, e.grade, lines(e.department, muted(e.team) if e.team else ""), e.bracket])
                                for e in data.vacant], width))
    else:
        flow.append(para("There are no vacant posts.", s.body))
    flow.append(para("Senior salaries", s.h2))
    flow.append(para(f"Posts paid {money(SENIOR_FROM)} or more, in {money(BRACKET)} brackets; only those paid "
                     f"{money(NAMED_FROM)} or more are named, and never a name the postholder has not agreed to "
                     "publish.", s.body))
    if data.salaries:
        flow.append(data_table([Column("Salary bracket", 0.2), Column("Job title", 0.35),
                                Column("Department and team", 0.25), Column("FTE", 0.05, True), Column("Name", 0.15)],
                               [Row([e.bracket, e.title, lines(e.department, muted(e.team) if e.team else ""),
                                     f"{e.fte:g}", e.name]) for e in data.salaries], width))
    else:
        flow.append(para(f"No post is paid {money(SENIOR_FROM)} or more.", s.body))
    if data.pay_not_disclosed:
        flow.append(para(f"Pay not disclosed for {data.pay_not_disclosed} filled "
                         f"post{'s' if data.pay_not_disclosed != 1 else ''}: not listed.", s.note))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=paper.page_size, leftMargin=paper.margin,
                                 rightMargin=paper.margin, topMargin=paper.margin, bottomMargin=paper.margin,
                                 initialFontName=REGULAR, initialFontSize=BODY_SIZE, lang="en-GB",
                                 title=f"{data.organisation}: Transparency Code publication",
                                 author=o.author or data.organisation, creator="OrgDesigner")
    document.build(flow)
    return buffer.getvalue()


def _joined(first: bytes, second: bytes) -> bytes:
    document, tail = pdfium.PdfDocument(first), pdfium.PdfDocument(second)
    try:
        document.import_pages(tail)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    finally:
        tail.close()
        document.close()
