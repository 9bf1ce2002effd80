"""Pay benchmarking: what comparable councils pay for a role, by category (Derbyshire's Appendix 4)."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from .types import Count, NonNegative, _Strict


class Comparator(_Strict):
    """One council's pay for the benchmarked role, and the categories it counts in."""

    council: str = Field(min_length=1)
    pay: NonNegative
    population: Count | None = None
    categories: list[str] = Field(default_factory=list)

    @field_validator("categories")
    @classmethod
    def _categories_once(cls, value: list[str]) -> list[str]:
        cleaned = [c.strip() for c in value]
        if any(not c for c in cleaned):
            raise ValueError("a category name cannot be blank")
        return list(dict.fromkeys(cleaned))


class Benchmark(_Strict):
    """The comparator table kept with a structure, the post it is for and the category to compare with."""

    role: str = ""
    """What the comparators' pay is for, e.g. "Chief Executive (or equivalent)"."""
    post: str | None = None
    category: str | None = None
    """The category the post is compared with by default; None compares with all comparators."""
    categories: list[str] = Field(default_factory=list)
    """The order categories are shown in (the table's columns); any others the comparators use follow."""
    comparators: list[Comparator] = Field(default_factory=list)

    @model_validator(mode="after")
    def _councils_once_and_category_known(self) -> "Benchmark":
        seen: set[str] = set()
        for comparator in self.comparators:
            if comparator.council in seen:
                raise ValueError(f"the comparator {comparator.council!r} is listed twice")
            seen.add(comparator.council)
        if self.category is not None and self.category not in self.all_categories():
            raise ValueError(f"the category {self.category!r} is not one of the benchmark's categories")
        return self

    def all_categories(self) -> list[str]:
        """The listed categories, then any other the comparators use, in the order they first appear."""
        used = (c for comparator in self.comparators for c in comparator.categories)
        return list(dict.fromkeys([*self.categories, *used]))
