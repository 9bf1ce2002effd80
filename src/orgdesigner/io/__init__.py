"""Spreadsheets in and out: establishment lists as CSV (and later Excel)."""
