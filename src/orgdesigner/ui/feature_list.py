"""Every feature of the window, in the order the window builds them: a new dock or menu is a module that
declares it (see `ui/feature.py`) and one line here.

The order sets where each feature's docks go in the View menu and in their tab groups, and the order of
menus placed before the same menu."""

from __future__ import annotations

from .arrange import ArrangeFeature
from .compare import CompareFeature
from .docks.figures import FiguresFeature
from .docks.findings import FindingsFeature
from .feature import FeatureFactory
from .folding.feature import FoldFeature
from .navigation.feature import NavigationFeature
from .planning import PlanningFeature
from .sharing import SharingFeature

FEATURES: list[FeatureFactory] = [
    FiguresFeature,
    FindingsFeature,
    CompareFeature,
    PlanningFeature,
    FoldFeature,
    NavigationFeature,  # after FoldFeature, which it uses
    SharingFeature,
    ArrangeFeature,
]
