"""The cost basis in a few words, said wherever a cost is shown: 'at top of grade with 25% on-costs'."""

from __future__ import annotations

from ..model import CostBasis, Settings
from ..model.money import percent

GRADE_POINT = {CostBasis.TOP: "top of grade", CostBasis.MID: "middle of grade", CostBasis.BOTTOM: "bottom of grade"}


def on_cost_text(rate: float) -> str:
    """0.25 → '25% on-costs'; 0 → 'no on-costs (salary only)'."""
    if rate <= 0:
        return "no on-costs (salary only)"
    return f"{percent(rate)} on-costs"


def card_cost_note(rate: float, partners: bool) -> str:
    """The note under a printed chart saying what its cards' costs are: 'Cost: salary plus 25% on-costs.' or
    'Cost: salary only, no on-costs.', and what '(net …)' means when a card shows one."""
    cost = f"Cost: salary plus {percent(rate)} on-costs." if rate > 0 else "Cost: salary only, no on-costs."
    return f"{cost} Net: after partners' shares." if partners else cost


def cost_basis_text(settings: Settings) -> str:
    """'at top of grade with 25% on-costs' (posts with their own salary are costed at it)."""
    return f"at {GRADE_POINT[settings.cost_basis]} with {on_cost_text(settings.on_cost_rate)}"
