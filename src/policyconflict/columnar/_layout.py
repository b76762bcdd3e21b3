"""The columnar layout, derived from the field rules: which tables there are and their columns.

Nothing here imports pyarrow: the layout is plain data, read by the Arrow writer and reader
(:mod:`._arrow`) and by the documentation. Every model class a story holds gets one table (its
collection name: ``statements``); every tuple field of a record gets a link table named after
its owner table and the field (``statements__positions``, ``deployments__units__sources``).
A nested single value (a deployment unit's ``count`` quantity, an outcome's ``scope``) is
flattened into its owner's columns with the field name as prefix (``count_kind``,
``count_value``).

The kind of each column comes from the field's rule (:mod:`policyconflict.model._fields`):
the same rule the validator, the structuring code and the JSON Schema read, so a field added
to the model gets its columns without any list here changing.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any, Final, Literal

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.model import _fields as f
from policyconflict.model.claims import Claim
from policyconflict.story import COLLECTIONS

__all__ = [
    "CLAIMS",
    "IN_STORY",
    "LAYOUT_VERSION",
    "ORDINAL",
    "OWNER",
    "STORIES",
    "Leaf",
    "Link",
    "Table",
    "tables",
    "top_tables",
]

LAYOUT_VERSION: Final = 1
"""The version of the columnar layout (tables, columns and their types). It is raised whenever
a change could make an older reader misread a dataset; a reader refuses a newer one."""

IN_STORY: Final = "in_story"
"""The column naming the story every row came from (as in JSON Lines)."""
ORDINAL: Final = "ordinal"
"""The column giving a row's position: in its story's collection, or in its owner's tuple."""
OWNER: Final = "owner"
"""The column of a link table naming the id of the entity the row belongs to."""
OWNER_ORDINAL: Final = "owner_ordinal"
"""The column of a link table giving the position of its top-level record (an entity or a
claim) in its story."""
STORIES: Final = "stories"
"""The table of stories: ``ordinal``, ``id`` and ``title``."""
CLAIMS: Final = "claims"
"""The table of the claims merged stories carry."""

Kind = Literal["string", "int", "number", "bool", "enum", "date", "period"]


@attrs.frozen
class Leaf:
    """One value of a record: its column's base name, the attribute path from the record
    (empty for the item of a tuple of ids or texts), what kind of value it is, the enum of an
    ``enum`` leaf, and whether it may be absent."""

    column: str
    path: tuple[str, ...]
    kind: Kind
    nullable: bool
    enum: type[enum.Enum] | None = None
    optional_parent: tuple[str, ...] | None = None
    """The path of the optional nested value this leaf is part of, if any: that value is
    absent exactly when its required leaves are null."""


@attrs.frozen
class Link:
    """A tuple field: the attribute path to it from the record, and its link table."""

    path: tuple[str, ...]
    table: Table


@attrs.frozen
class Table:
    """A table: its name, the class of its rows (``None``: a tuple of ids or texts, one
    ``value`` column), the tuple fields above it (empty for an entity table), its leaves and its
    link tables."""

    name: str
    cls: type[Any] | None
    top: type[Any]
    levels: tuple[str, ...]
    leaves: tuple[Leaf, ...]
    links: tuple[Link, ...]

    @property
    def is_link(self) -> bool:
        """Whether the table is a link table (its rows belong to a record of another table)."""
        return bool(self.levels)

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The columns that place a row: its story, its owner and the positions above it."""
        if not self.levels:
            return (IN_STORY, ORDINAL)
        owner = (OWNER,) if _has_id(self.top) else ()
        parents = tuple(f"{level}_{ORDINAL}" for level in self.levels[:-1])
        return (IN_STORY, *owner, OWNER_ORDINAL, *parents, ORDINAL)

    def walk(self) -> Iterator[Table]:
        """This table and every link table below it, parents first."""
        yield self
        for link in self.links:
            yield from link.table.walk()


def _has_id(cls: type[Any]) -> bool:
    return any(field.name == "id" for field in attrs.fields(cls))


def _leaf_kind(rule: f.Rule) -> tuple[Kind, type[enum.Enum] | None] | None:
    """The kind of a single-valued field's rule; ``None`` for a nested model value."""
    if isinstance(rule, f.OneOf):
        return "enum", rule.enum
    if isinstance(rule, f.Flag):
        return "bool", None
    if isinstance(rule, f.Range):
        return ("int" if rule.integer else "number"), None
    if isinstance(rule, f.Instance):
        if rule.cls is PartialDate:
            return "date", None
        if rule.cls is Period:
            return "period", None
        if rule.cls is str:
            return "string", None
        return None
    return "string", None


def _fields_of(
    cls: type[Any],
    prefix: str,
    path: tuple[str, ...],
    table_name: str,
    levels: tuple[str, ...],
    top: type[Any],
    optional_parent: tuple[str, ...] | None,
) -> tuple[list[Leaf], list[Link]]:
    leaves: list[Leaf] = []
    links: list[Link] = []
    for field in attrs.fields(cls):
        rule = f.rule_of(field)
        here = (*path, field.name)
        column = f"{prefix}{field.name}"
        if isinstance(rule, f.Many | f.Ids | f.Texts):
            item = rule.cls if isinstance(rule, f.Many) else None
            name = f"{table_name}__{column}"
            links.append(Link(here, _table(name, item, top, (*levels, column))))
            continue
        kind = _leaf_kind(rule)
        nullable = rule.optional or field.default is None or optional_parent is not None
        if kind is None:
            assert isinstance(rule, f.Instance)
            parent = here if rule.optional else optional_parent
            if rule.optional and not _has_required_leaf(rule.cls):
                raise TypeError(f"{rule.cls.__name__} needs a required field to be optional")
            more, deeper = _fields_of(rule.cls, f"{column}_", here, table_name, levels, top, parent)
            leaves.extend(more)
            links.extend(deeper)
            continue
        leaves.append(Leaf(column, here, kind[0], nullable, kind[1], optional_parent))
    return leaves, links


def _has_required_leaf(cls: type[Any]) -> bool:
    return any(
        field.default is attrs.NOTHING and _leaf_kind(f.rule_of(field)) is not None
        for field in attrs.fields(cls)
    )


def _table(name: str, cls: type[Any] | None, top: type[Any], levels: tuple[str, ...]) -> Table:
    if cls is None:
        leaf = Leaf("value", (), "string", nullable=False)
        return Table(name, None, top, levels, (leaf,), ())
    leaves, links = _fields_of(cls, "", (), name, levels, top, None)
    return Table(name, cls, top, levels, tuple(leaves), tuple(links))


def top_tables() -> dict[str, Table]:
    """The table of each collection of a story, and of claims, by name, with their link
    tables below them."""
    found = {name: _table(name, cls, cls, ()) for name, cls in COLLECTIONS.items()}
    found[CLAIMS] = _table(CLAIMS, Claim, Claim, ())
    return found


TOP: Final = top_tables()


def tables() -> dict[str, Table]:
    """Every table but ``stories``, by name: each collection's, the claims', and every link
    table, parents before their link tables."""
    return {t.name: t for top in TOP.values() for t in top.walk()}
