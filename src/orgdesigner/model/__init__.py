"""The structure model: pydantic types, edits with change notifications, and the file format."""

from .changes import Change, ChangeKind, coalesce
from .conflicts import Conflict, ConflictItem, ConflictKind
from .benchmark import Benchmark, Comparator
from .designations import Designation
from .errors import EditRefused, StructureFileError, UnknownScenario
from .fileformat import (FORMAT_NAME, FORMAT_VERSION, dumps, dumps_scenarios, load, load_scenarios, loads,
                         loads_scenarios, save, save_scenarios)
from .scenarios import DEFAULT_SCENARIO, Scenarios
from .responsibilities import Responsibility, ResponsibilityCategory
from .rota import Rota, RotaMonth
from .structure import Structure
from .types import (
    Amount,
    CostBasis,
    ImpactChoice,
    ImpactOverride,
    MatchDecision,
    JuniorStaff,
    PayBand,
    Proposal,
    Replacement,
    DottedLine,
    Group,
    GroupKind,
    PayScale,
    Position,
    Post,
    PostStatus,
    RuleOverride,
    Settings,
    SpinalPoint,
)

__all__ = [
    "Amount", "ImpactChoice", "JuniorStaff", "PayBand", "ImpactOverride", "MatchDecision", "Proposal", "Replacement",
    "Change", "ChangeKind", "coalesce", "Conflict", "ConflictItem", "ConflictKind", "CostBasis", "Designation", "DottedLine", "EditRefused", "FORMAT_NAME",
    "FORMAT_VERSION", "Group", "GroupKind", "PayScale", "Position", "Post", "PostStatus", "RuleOverride",
    "Settings", "SpinalPoint", "Structure", "StructureFileError", "dumps", "load", "loads", "save",
    "DEFAULT_SCENARIO", "Scenarios", "UnknownScenario", "dumps_scenarios", "load_scenarios", "loads_scenarios",
    "save_scenarios",
    "Benchmark", "Comparator", "Responsibility", "ResponsibilityCategory", "Rota", "RotaMonth",
]
