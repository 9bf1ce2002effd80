"""The planning docks of issue #7: statutory officers, responsibilities, the rota, pay benchmarking
and shared posts. `PlanningDocks` adds them to the main window."""

from .docks import PlanningDocks

__all__ = ["PlanningDocks"]
