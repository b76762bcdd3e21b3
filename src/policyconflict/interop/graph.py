"""Stories as graphs: :func:`references`, :func:`to_networkx`, and GEXF and GraphML files.

In the graph every entity (and every law's provision) is a node, with its ``kind``, a
``label`` and its dates; each reference is an edge from the entity to what it points at, typed
by the field (``speaker``, ``positions.target``, ``sources.source``, ...; a position's edge also
carries its ``stance``), dated with the referring entity's date or period; and each
:class:`~policyconflict.model.Relation` is an edge ``subject → object`` typed by its predicate,
keyed by the relation's id, with its period and who asserts it. Dates are EDTF text.

>>> from policyconflict import Person, Statement, Story
>>> story = Story(
...     id="s", title="T",
...     persons=(Person(id="person:a", name="Ann"),),
...     statements=(Statement(id="statement:a", speaker="person:a", text="No."),),
... )
>>> references(story.statements[0])
(Reference(field='speaker', target='person:a'),)

:func:`to_networkx`, :func:`write_gexf` and :func:`write_graphml` need networkx (the ``graph``
extra).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any, NamedTuple

from policyconflict.dates import PartialDate, Period
from policyconflict.interop._common import require
from policyconflict.model import Law, Provision, Relation, Statement
from policyconflict.story import Entity, Story, references_in

__all__ = ["Reference", "references", "to_networkx", "write_gexf", "write_graphml"]


class Reference(NamedTuple):
    """One reference: the field it is in (nested fields joined by dots) and the id."""

    field: str
    target: str


def references(entity: Entity | Provision) -> tuple[Reference, ...]:
    """Every id ``entity`` points at, nested values (citations, positions, outcomes, ...)
    included, in field order; a law's provisions are their own entities and are left out
    (see :func:`to_networkx`)."""
    return tuple(Reference(*ref) for ref in references_in(entity, skip=_PROVISIONS))


_PROVISIONS = frozenset({"provisions"})


def _label(entity: Entity | Provision) -> str:
    for name in ("name", "title", "label", "metric"):
        text = getattr(entity, name, None)
        if isinstance(text, str):
            return text
    if isinstance(entity, Statement):
        return entity.text if len(entity.text) <= 60 else entity.text[:59] + "…"
    return entity.id


def _dates(entity: Any) -> dict[str, str]:
    """The dates of an entity as node or edge attributes (only those it has)."""
    found: dict[str, str] = {}
    for name in ("date", "published", "filed", "signed", "effective", "as_of", "announced"):
        value = getattr(entity, name, None)
        if isinstance(value, PartialDate):
            found.setdefault("date", str(value))
    period = getattr(entity, "period", None)
    if isinstance(period, Period):
        found["start"] = _bound(period.start)
        found["end"] = _bound(period.end)
    return found


def _bound(bound: Any) -> str:
    return str(bound) if isinstance(bound, PartialDate) else str(bound.value)


def _entities(source: Any) -> list[Entity]:
    if isinstance(source, Story):
        return list(source.entities())
    return list(source)


def to_networkx(source: Any) -> Any:
    """A ``networkx.MultiDiGraph`` of a corpus, a story, or any entities (see the module
    docs for what the nodes and edges hold)."""
    nx = require("networkx", "graph")
    graph = nx.MultiDiGraph()
    entities = _entities(source)
    relations = [e for e in entities if isinstance(e, Relation)]
    nodes: list[Entity | Provision] = [e for e in entities if not isinstance(e, Relation)]
    nodes += [p for e in entities if isinstance(e, Law) for p in e.provisions]
    for entity in nodes:
        kind = "provision" if isinstance(entity, Provision) else entity.kind_name
        graph.add_node(entity.id, kind=kind, label=_label(entity), **_dates(entity))
    for entity in entities:
        if isinstance(entity, Law):
            for provision in entity.provisions:
                graph.add_edge(provision.id, entity.id, key="part-of", type="part-of")
    for entity in nodes:
        stances = {}
        if isinstance(entity, Statement):
            stances = {p.target: p.stance.value for p in entity.positions}
        dates = _dates(entity)
        for field, target in references(entity):
            extra = {"stance": stances[target]} if field == "positions.target" else {}
            graph.add_edge(entity.id, target, key=f"{field}:{target}", type=field, **dates, **extra)
    for rel in relations:
        extra = {"asserted_by": rel.asserted_by} if rel.asserted_by else {}
        graph.add_edge(
            rel.subject,
            rel.object,
            key=rel.id,
            type=rel.predicate.value,
            relation=rel.id,
            **_dates(rel),
            **extra,
        )
    by_id = {r.id: r for r in relations}
    for node, data in graph.nodes(data=True):
        if "kind" not in data and node in by_id:
            data.update(kind="relation", label=by_id[node].predicate.value)
    return graph


def write_gexf(source: Any, out: str | Path | IO[bytes]) -> None:
    """Write :func:`to_networkx` of ``source`` as a GEXF file (Gephi's format)."""
    nx = require("networkx", "graph")
    nx.write_gexf(to_networkx(source), out)


def write_graphml(source: Any, out: str | Path | IO[bytes]) -> None:
    """Write :func:`to_networkx` of ``source`` as a GraphML file."""
    nx = require("networkx", "graph")
    nx.write_graphml(to_networkx(source), out)
