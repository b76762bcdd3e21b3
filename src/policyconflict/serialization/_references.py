"""The cross-entity problems of a story that did not load: its references are checked among the
entities that did, so that a file with a bad value and a dangling reference reports both.

A reference to an entity that failed to load is not reported: that entity's own problems are,
and once they are fixed the reference may well resolve. When an entity that failed to load has no
readable id of its own (it is not an object, or its id is missing or itself bad), no reference is
reported at all, since any of them may be meant for it. Used by the document loader (paths
``$.statements[3].speaker``) and by ``policyconflict validate`` for corpora (paths
``line 12: $.speaker``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from policyconflict.errors import Problem, ValidationError
from policyconflict.ids import id_problem
from policyconflict.story import COLLECTIONS, Entity, Story

__all__ = ["failed_ids", "ids_in", "problems_among"]

_NAMES: Final = {cls: name for name, cls in COLLECTIONS.items()}
_ENTITY_PATH: Final = re.compile(r"\$\.([a-z_]+)\[([0-9]+)\](.*)", re.DOTALL)
_STEP: Final = re.compile(r"\.(\w+)|\[(\d+)\]")


def problems_among(loaded: Iterable[tuple[str, Entity]], missing: set[str] | None) -> list[Problem]:
    """The cross-entity problems (references, duplicate ids, cycles, ...) among the ``loaded``
    entities, each given with the path prefix of its place in the file; a reference to an id
    in ``missing`` (the ids of entities that failed to load) is not a problem here, and with
    ``missing=None`` (an entity failed to load without a readable id) no reference is."""
    buckets: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
    prefixes: dict[str, list[str]] = {name: [] for name in COLLECTIONS}
    for prefix, entity in loaded:
        name = _NAMES[type(entity)]
        buckets[name].append(entity)
        prefixes[name].append(prefix)
    try:
        # a story of what loaded: its own check finds every cross-entity problem
        Story(id="story:loaded", title="loaded", **{k: tuple(v) for k, v in buckets.items()})
    except ValidationError as error:
        found = error.problems
    else:
        return []
    problems: list[Problem] = []
    for problem in found:
        if problem.code == "unknown-reference" and (
            missing is None or _value_at(buckets, problem.path) in missing
        ):
            continue
        match = _ENTITY_PATH.fullmatch(problem.path)
        if match is not None:
            prefix = prefixes[match.group(1)][int(match.group(2))]
            problem = attrs.evolve(problem, path=prefix + match.group(3))
        problems.append(problem)
    return problems


def _value_at(buckets: dict[str, list[Any]], path: str) -> Any:
    """The value at ``path`` (``$.statements[3].positions[0].target``) in the loaded story."""
    steps: Iterator[tuple[str, str]] = iter(_STEP.findall(path))
    first, _ = next(steps)
    current: Any = buckets[first]
    for name, index in steps:
        current = getattr(current, name) if name else current[int(index)]
    return current


def failed_ids(value: Any) -> set[str] | None:
    """The ids in the plain value of an entity that failed to load, or ``None`` when its own id
    cannot be read (not an object, no id, or an id outside the grammar)."""
    own = value.get("id") if isinstance(value, dict) else None
    if not isinstance(own, str) or id_problem(own) is not None:
        return None
    return ids_in(value)


def ids_in(value: Any) -> set[str]:
    """Every ``id`` string in a plain JSON value, at any depth (an entity's own and its
    provisions'); walked without recursion, as the value may be nested too deep."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("id"), str):
                found.add(item["id"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found
