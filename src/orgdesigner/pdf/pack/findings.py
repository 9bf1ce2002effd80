"""The appendix of rule findings: the proposed structure's, then the current structure's."""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable

from ...analysis import Analysis
from ...presentation.figures import SEVERITY_WORDS
from ..styles import Column, Row, data_table, para, severity_chip, styles
from .data import PackData


def findings_appendix(data: PackData) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [para(
        "The checks OrgDesigner makes of each structure: tier rules, spans of control, statutory officers, "
        "reporting cycles, posts without a line manager, and pay over £100,000 (which full council votes "
        "on before such a salary package is offered). Errors need putting right; warnings and notes are "
        "for the reader to weigh.", s.body)]
    for heading, analysis in (("Findings in the proposed structure", data.after_analysis),
                              ("Findings in the current structure", data.before_analysis)):
        out.append(para(heading, s.h2))
        out += _findings(data, analysis)
    return out


def _findings(data: PackData, analysis: Analysis) -> list[Flowable]:
    s = styles()
    findings = analysis.findings()
    if not findings:
        return [para("No findings: every rule is met.", s.body)]
    counts = Counter(f.severity.value for f in findings)
    summary = ", ".join(f"{counts[k]} {words[0] if counts[k] == 1 else words[1]}"
                        for k, words in SEVERITY_WORDS.items() if counts[k])
    columns = [Column("Severity", 0.11), Column("Rule", 0.25), Column("Finding", 0.64)]
    rows = [Row([severity_chip(f.severity.value),
                 analysis.rules.rules[f.rule].title if f.rule in analysis.rules.rules else f.rule,
                 data.text(f.message)]) for f in findings]
    return [para(f"{summary.capitalize()}.", s.body), data_table(columns, rows, data.width)]
