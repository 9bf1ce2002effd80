"""Edits to the structure as a whole: its details, its settings and its proposal."""

from __future__ import annotations

from ..model import Structure
from .edit import Plan, builder
from .operations import UpdateDetails, UpdateProposal, UpdateSettings


@builder
def edit_settings(structure: Structure, /, **fields: object) -> Plan:
    return Plan("Change settings", [UpdateSettings(dict(fields))])


@builder
def edit_structure(structure: Structure, /, text: str | None = None, **fields: object) -> Plan:
    """Change the name, organisation, date, scenario or description."""
    return Plan(text or f"Change the structure's {', '.join(fields)}", [UpdateDetails(dict(fields))])


@builder
def edit_proposal(structure: Structure, /, text: str, **fields: object) -> Plan:
    """Change the proposal: set-asides, one-off costs, pay award, years, impact decisions."""
    return Plan(text, [UpdateProposal(dict(fields))])
