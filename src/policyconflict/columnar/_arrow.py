"""Stories ↔ Arrow tables, following the layout of :mod:`._layout`.

Writing reads each column straight off the objects (a date's bounds computed once per distinct
date). Reading turns the rows back into the plain JSON values of the interchange format and
builds the objects with the format's own structuring functions, so a table is checked exactly
as a document is, and :class:`~policyconflict.story.Story` checks the references.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

import pyarrow as pa

from policyconflict.columnar._layout import (
    CLAIMS,
    IN_STORY,
    LAYOUT_VERSION,
    ORDINAL,
    OWNER,
    OWNER_ORDINAL,
    STORIES,
    TOP,
    Leaf,
    Table,
    tables,
)
from policyconflict.dates import MINUS_INF, PLUS_INF, Key, PartialDate, Period
from policyconflict.errors import Problem, ValidationError
from policyconflict.serialization._converter import CONVERTER, HookTable, problems_from
from policyconflict.story import COLLECTIONS, Story

__all__ = ["METADATA", "arrow_schema", "from_arrow", "to_arrow"]

METADATA: Final = {b"policyconflict.layout": str(LAYOUT_VERSION).encode()}
"""The metadata every table's schema carries: the layout version."""

TIME: Final = pa.timestamp("s", tz="UTC")
_CODE: Final = pa.dictionary(pa.int8(), pa.string())
_POSITION: Final = pa.int32()
_EPOCH_DAY: Final = _dt.date(1970, 1, 1).toordinal()
_PRECISIONS: Final = ("year", "month", "day", "minute", "second")
_STRUCTURE: Final = HookTable(CONVERTER.get_structure_hook)


# -- the schema -------------------------------------------------------------------------------


def _leaf_fields(leaf: Leaf) -> list[pa.Field]:
    name, null = leaf.column, leaf.nullable
    if leaf.kind == "string":
        return [pa.field(name, pa.string(), null)]
    if leaf.kind == "int":
        return [pa.field(name, pa.int64(), null)]
    if leaf.kind == "bool":
        return [pa.field(name, pa.bool_(), null)]
    if leaf.kind == "enum":
        return [pa.field(name, _CODE, null)]
    if leaf.kind == "number":
        return [
            pa.field(name, pa.float64(), null),
            pa.field(f"{name}_is_integer", pa.bool_(), null),
        ]
    if leaf.kind == "date":
        return [
            pa.field(name, pa.string(), null),
            pa.field(f"{name}_earliest", TIME, null),
            pa.field(f"{name}_latest", TIME, null),
            pa.field(f"{name}_precision", _CODE, null),
        ]
    return [
        pa.field(name, pa.string(), null),
        pa.field(f"{name}_earliest", TIME, True),
        pa.field(f"{name}_latest", TIME, True),
        pa.field(f"{name}_surely_from", TIME, True),
        pa.field(f"{name}_surely_to", TIME, True),
        pa.field(f"{name}_surely", pa.bool_(), null),
    ]


def _key_fields(table: Table) -> list[pa.Field]:
    return [
        pa.field(name, pa.string() if name in (IN_STORY, OWNER) else _POSITION, False)
        for name in table.key_columns
    ]


@functools.cache
def arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema of table ``name`` (``stories``, a collection, ``claims`` or a link
    table); :class:`KeyError` for any other name."""
    if name == STORIES:
        fields = [
            pa.field(ORDINAL, _POSITION, False),
            pa.field("id", pa.string(), False),
            pa.field("title", pa.string(), False),
        ]
        return pa.schema(fields, metadata=METADATA)
    table = tables()[name]
    fields = _key_fields(table)
    for leaf in table.leaves:
        fields.extend(_leaf_fields(leaf))
    return pa.schema(fields, metadata=METADATA)


# -- writing ------------------------------------------------------------------------------------

Row = tuple[str, str | None, int, tuple[int, ...], int, Any]
"""A row before it is a column: story, owner id, owner position, positions of the tuples
above, position, the value."""


def _getter(path: tuple[str, ...]) -> Callable[[Any], Any]:
    if not path:
        return lambda value: value
    if len(path) == 1:
        name = path[0]
        return lambda value: getattr(value, name)
    first, rest = path[0], _getter(path[1:])

    def get(value: Any) -> Any:
        inner = getattr(value, first)
        return None if inner is None else rest(inner)

    return get


def _seconds(key: Key) -> int:
    day, sub = key
    if sub < 0:
        sub = 0
    elif sub >= 86_400:
        sub = 86_399
    return (day - _EPOCH_DAY) * 86_400 + sub


def _date_parts(date: PartialDate) -> tuple[str, int, int, str]:
    return str(date), _seconds(date.earliest_key), _seconds(date.latest_key), date.precision


def _bound(key: Key) -> int | None:
    return None if key in (MINUS_INF, PLUS_INF) else _seconds(key)


def _period_parts(period: Period) -> tuple[Any, ...]:
    start, end = period.outer()
    inner = period.inner()
    if inner is None:
        return str(period), _bound(start), _bound(end), None, None, False
    return str(period), _bound(start), _bound(end), _bound(inner[0]), _bound(inner[1]), True


def _memo(
    parts: Callable[[Any], tuple[Any, ...]], values: list[Any], width: int
) -> list[list[Any]]:
    seen: dict[Any, tuple[Any, ...]] = {}
    nothing = (None,) * width
    rows = []
    for value in values:
        if value is None:
            rows.append(nothing)
            continue
        found = seen.get(value)
        if found is None:
            found = seen[value] = parts(value)
        rows.append(found)
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * width


def _codes(values: list[Any], choices: Sequence[str]) -> pa.Array:
    index = {choice: n for n, choice in enumerate(choices)}
    codes = pa.array([None if v is None else index[v] for v in values], pa.int8())
    return pa.DictionaryArray.from_arrays(codes, pa.array(list(choices), pa.string()))


def _leaf_arrays(leaf: Leaf, values: list[Any]) -> list[pa.Array]:
    if leaf.kind == "string":
        return [pa.array(values, pa.string())]
    if leaf.kind == "int":
        return [pa.array(values, pa.int64())]
    if leaf.kind == "bool":
        return [pa.array(values, pa.bool_())]
    if leaf.kind == "enum":
        assert leaf.enum is not None
        return [_codes([None if v is None else v.value for v in values], _values(leaf.enum))]
    if leaf.kind == "number":
        return [
            pa.array([None if v is None else float(v) for v in values], pa.float64()),
            pa.array([None if v is None else type(v) is int for v in values], pa.bool_()),
        ]
    if leaf.kind == "date":
        text, early, late, precision = _memo(_date_parts, values, 4)
        return [
            pa.array(text, pa.string()),
            pa.array(early, pa.int64()).cast(TIME),
            pa.array(late, pa.int64()).cast(TIME),
            _codes(precision, _PRECISIONS),
        ]
    columns = _memo(_period_parts, values, 6)
    times = [pa.array(c, pa.int64()).cast(TIME) for c in columns[1:5]]
    return [pa.array(columns[0], pa.string()), *times, pa.array(columns[5], pa.bool_())]


def _values(cls: Any) -> list[str]:
    return [member.value for member in cls]


def _table_of(table: Table, rows: list[Row]) -> pa.Table:
    arrays: list[pa.Array] = [pa.array([r[0] for r in rows], pa.string())]
    if table.is_link:
        if OWNER in table.key_columns:
            arrays.append(pa.array([r[1] for r in rows], pa.string()))
        arrays.append(pa.array([r[2] for r in rows], _POSITION))
        for depth in range(len(table.levels) - 1):
            arrays.append(pa.array([r[3][depth] for r in rows], _POSITION))
    arrays.append(pa.array([r[4] for r in rows], _POSITION))
    for leaf in table.leaves:
        get = _getter(leaf.path)
        arrays.extend(_leaf_arrays(leaf, [get(r[5]) for r in rows]))
    return pa.Table.from_arrays(arrays, schema=arrow_schema(table.name))


def _fill(table: Table, rows: list[Row], out: dict[str, pa.Table]) -> None:
    out[table.name] = _table_of(table, rows)
    nested = len(table.levels) > 0
    for link in table.links:
        get = _getter(link.path)
        children: list[Row] = []
        for story, owner, owner_pos, parents, pos, value in rows:
            above = (*parents, pos) if nested else ()
            position = owner_pos if nested else pos
            for n, item in enumerate(get(value) or ()):  # () under an absent optional value
                children.append((story, owner, position, above, n, item))
        _fill(link.table, children, out)


def to_arrow(stories: Iterable[Story]) -> dict[str, pa.Table]:
    """Every table of ``stories``: ``stories``, one per collection, ``claims`` and their link
    tables, by name (see :mod:`policyconflict.columnar`). Story ids must be distinct."""
    given = list(stories)
    seen: set[str] = set()
    for story in given:
        if not isinstance(story, Story):
            raise TypeError(f"to_arrow takes stories, not {type(story).__name__}")
        if story.id in seen:
            raise ValueError(
                f"story {story.id!r} comes twice: merge the stories that share an id first "
                "(policyconflict.merge.merge)"
            )
        seen.add(story.id)
    out: dict[str, pa.Table] = {
        STORIES: pa.Table.from_arrays(
            [
                pa.array(range(len(given)), _POSITION),
                pa.array([s.id for s in given], pa.string()),
                pa.array([s.title for s in given], pa.string()),
            ],
            schema=arrow_schema(STORIES),
        )
    }
    for name, table in TOP.items():
        rows: list[Row] = []
        for story in given:
            has_id = name != CLAIMS
            for n, record in enumerate(getattr(story, name)):
                rows.append((story.id, record.id if has_id else None, n, (), n, record))
        _fill(table, rows, out)
    return out


# -- reading ------------------------------------------------------------------------------------


def _needed(table: Table) -> list[str]:
    names = list(table.key_columns)
    for leaf in table.leaves:
        names.append(leaf.column)
        if leaf.kind == "number":
            names.append(f"{leaf.column}_is_integer")
    return names


def _columns(data: pa.Table | None, table: Table) -> dict[str, list[Any]]:
    names = _needed(table)
    if data is None:
        return {name: [] for name in names}
    missing = [name for name in names if name not in data.column_names]
    if missing:
        raise _problem(table.name, "missing-field", f"the table has no column {missing[0]!r}")
    return {name: data.column(name).to_pylist() for name in names}


def _problem(where: str, code: str, message: str) -> ValidationError:
    return ValidationError([Problem(path=where, code=code, message=message)])


Groups = dict[tuple[Any, ...], list[tuple[int, Any]]]


def _records(table: Table, data: dict[str, pa.Table]) -> Groups:
    """The rows of ``table`` as plain JSON values (their link tables' rows in them), grouped by
    the record they belong to: ``(story,)`` for an entity table, else the story, the owner's
    position and the positions above. Built a column at a time."""
    columns = _columns(data.get(table.name), table)
    stories = columns[IN_STORY]
    positions = columns[ORDINAL]
    if table.is_link:
        parents = [columns[OWNER_ORDINAL]]
        parents += [columns[f"{level}_{ORDINAL}"] for level in table.levels[:-1]]
        mine: list[tuple[Any, ...]] = list(zip(stories, *parents, strict=True))
    else:
        mine = [(story,) for story in stories]
    values: list[Any] = columns["value"] if table.cls is None else [{} for _ in stories]
    if table.cls is not None:
        for leaf in table.leaves:
            _fill_column(values, leaf, columns)
    if table.links:
        rows = {
            (*key, pos): row for row, (key, pos) in enumerate(zip(mine, positions, strict=True))
        }
        for link in table.links:
            for key, items in _records(link.table, data).items():
                items.sort(key=_first)
                _put(values[rows[key]], link.path, [v for _, v in items])
    groups: Groups = {}
    for key, position, value in zip(mine, positions, values, strict=True):
        groups.setdefault(key, []).append((position, value))
    return groups


def _fill_column(values: list[dict[str, Any]], leaf: Leaf, columns: dict[str, list[Any]]) -> None:
    """Put one leaf's column into the rows' values (a null leaves the key out)."""
    found = columns[leaf.column]
    path = leaf.path
    if leaf.kind == "number":
        whole = columns[f"{leaf.column}_is_integer"]
        found = [int(v) if v is not None and w else v for v, w in zip(found, whole, strict=True)]
    if len(path) == 1:
        name = path[0]
        for value, item in zip(values, found, strict=True):
            if item is not None:
                value[name] = item
        return
    for value, item in zip(values, found, strict=True):
        if item is not None:
            _put(value, path, item)


def _first(item: tuple[int, Any]) -> int:
    return item[0]


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for name in path[:-1]:
        target = target.setdefault(name, {})
    target[path[-1]] = value


def _structure(table: Table, story: str, position: int, value: Any) -> Any:
    hook = _STRUCTURE[table.cls]
    try:
        return hook(value)
    except Exception as exc:
        root = f"{table.name} of {story!r} [{position}]: $"
        raise ValidationError(problems_from(exc, root)) from None


def from_arrow(data: dict[str, pa.Table]) -> tuple[Story, ...]:
    """The stories in ``data`` (tables by name, as :func:`to_arrow` gives them), in story
    order, each checked as :class:`~policyconflict.story.Story` checks it. A value that breaks
    a rule raises :class:`~policyconflict.errors.ValidationError` with the table, the story and
    the row's position."""
    if STORIES not in data:
        raise _problem(STORIES, "missing-table", "there is no stories table")
    listing = data[STORIES].select([ORDINAL, "id", "title"]).to_pylist()
    listing.sort(key=lambda row: row[ORDINAL])
    found: dict[str, dict[str, tuple[Any, ...]]] = {row["id"]: {} for row in listing}
    for name, table in TOP.items():
        for (story,), items in _records(table, data).items():
            if story not in found:
                raise _problem(name, "unknown-story", f"rows of story {story!r}, not listed")
            items.sort(key=_first)
            found[story][name] = tuple(_structure(table, story, n, v) for n, v in items)
    result = []
    for row in listing:
        parts = found[row["id"]]
        try:
            result.append(Story(id=row["id"], title=row["title"], **parts))
        except ValidationError as exc:
            prefix = f"story {row['id']!r}: "
            raise ValidationError(
                Problem(path=prefix + p.path, code=p.code, message=p.message) for p in exc.problems
            ) from None
    return tuple(result)


assert set(TOP) == {*COLLECTIONS, CLAIMS}
