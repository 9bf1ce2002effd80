"""Figures, rule findings, costing and (later) comparison of structures; no Qt here."""

from .costing import Cost, post_cost, salary_basis
from .engine import Analysis, Totals
from .findings import Finding
from .report import check_report
from .ruleset import Rule, RuleSet, Severity, Tier

__all__ = ["Analysis", "Cost", "Finding", "Rule", "RuleSet", "Severity", "Tier", "Totals", "check_report",
           "post_cost", "salary_basis"]
