"""Edits to the planning records: responsibilities, the rota and the pay benchmark."""

from __future__ import annotations

from ..model import Benchmark, Responsibility, Rota, Structure
from .edit import Plan, builder
from .operations import AddResponsibility, RemoveResponsibility, SetBenchmark, SetRota, UpdateResponsibility


@builder
def add_responsibility(structure: Structure, /, item: Responsibility) -> Plan:
    return Plan(f"Add {item.category.value} '{item.name}'", [AddResponsibility(item)])


@builder
def delete_responsibility(structure: Structure, /, item_id: str) -> Plan:
    item = structure.responsibility(item_id)
    return Plan(f"Delete {item.category.value} '{item.name}'", [RemoveResponsibility(item_id)])


@builder
def edit_responsibility(structure: Structure, /, item_id: str, **fields: object) -> Plan:
    """Rename, recategorise or reassign a responsibility; the text names what changed."""
    item = structure.responsibility(item_id)
    if "post" in fields:
        holder = fields["post"]
        where = f"to '{structure.posts[holder].title}'" if isinstance(holder, str) and holder in structure.posts \
            else "to no post"
        text = f"Move '{item.name}' {where}"
    elif "name" in fields:
        text = f"Rename '{item.name}' to '{fields['name']}'"
    elif "category" in fields:
        text = f"Make '{item.name}' a {fields['category']}"
    else:
        text = f"Change the {', '.join(fields)} of '{item.name}'"
    return Plan(text, [UpdateResponsibility(item_id, dict(fields))])


@builder
def set_rota(structure: Structure, /, rota: Rota, text: str) -> Plan:
    return Plan(text, [SetRota(rota)])


@builder
def set_benchmark(structure: Structure, /, benchmark: Benchmark, text: str) -> Plan:
    return Plan(text, [SetBenchmark(benchmark)])
