"""The planning docks of issue #7: statutory officers, responsibilities, the rota, pay benchmarking
and shared posts. `PlanningFeature` puts them in the main window."""

from .docks import PlanningFeature

__all__ = ["PlanningFeature"]
