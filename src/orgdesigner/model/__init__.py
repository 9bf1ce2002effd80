"""The structure model: pydantic types, edits with change notifications, and the file format."""

from .changes import Change, ChangeKind
from .designations import Designation
from .errors import EditRefused, StructureFileError
from .fileformat import FORMAT_NAME, FORMAT_VERSION, dumps, load, loads, save
from .structure import Structure
from .types import (
    Amount,
    CostBasis,
    ImpactChoice,
    ImpactOverride,
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
    "Amount", "ImpactChoice", "ImpactOverride", "Proposal", "Replacement",
    "Change", "ChangeKind", "CostBasis", "Designation", "DottedLine", "EditRefused", "FORMAT_NAME",
    "FORMAT_VERSION", "Group", "GroupKind", "PayScale", "Position", "Post", "PostStatus", "RuleOverride",
    "Settings", "SpinalPoint", "Structure", "StructureFileError", "dumps", "load", "loads", "save",
]
