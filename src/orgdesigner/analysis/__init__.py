"""Figures, rule findings, costing and (later) comparison of structures; no Qt here."""

from .comparison import PostChange, compare
from .costing import Cost, post_cost, salary_basis
from .engine import Analysis, Totals
from .finance import FinanceSummary, Side, finance_summary
from .findings import Finding
from .report import check_report
from .ruleset import Rule, RuleSet, Severity, Tier

__all__ = ["Analysis", "Cost", "FinanceSummary", "Finding", "PostChange", "Side", "compare", "finance_summary", "Rule", "RuleSet", "Severity", "Tier", "Totals", "check_report",
           "post_cost", "salary_basis"]
