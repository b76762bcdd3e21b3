"""Same-as clusters: ids that ``same-as`` relations say name one thing — the one rule.

A ``Relation(predicate=same-as)`` between two ids (of a corpus, or of a story) joins them, and
chains and cycles of such links join every id they reach: one *cluster*, whoever asserts each
link. Both ids stay entities of their own (each is listed, each can be asked for); a question
about either is answered for the whole cluster (:class:`~policyconflict.query.Corpus`), and
:func:`policyconflict.disagreements` compares the dates of the entities of each cluster.

A link joins only ids of one kind — a person and a person, a law and a law. A link between an
agency and a person, say, joins nothing and is a :class:`SameAsMismatch`, listed by
:attr:`Corpus.same_as_problems <policyconflict.query.Corpus.same_as_problems>`: asking for one
entity's statements must not silently answer with a law's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from policyconflict.model.relations import Predicate, Relation

__all__ = ["Clusters", "SameAsMismatch", "over_cluster"]


@attrs.frozen(kw_only=True)
class SameAsMismatch:
    """A same-as ``relation`` (its id) between ids of different kinds: ``subject_kind`` and
    ``object_kind`` (``"person"``, ``"law"``...), so it joins nothing."""

    relation: str
    subject: str
    subject_kind: str
    object: str
    object_kind: str

    def describe(self) -> str:
        """A one-line plain description."""
        return (
            f"same-as relation {self.relation!r} links {self.subject_kind} {self.subject!r} "
            f"to {self.object_kind} {self.object!r}: only ids of one kind are joined"
        )


class Clusters:
    """The clusters that the same-as relations of ``relations`` make; ``kind_of`` says what
    an id names (its type tag)."""

    def __init__(self, relations: Iterable[Relation], kind_of: Callable[[str], str]) -> None:
        parent: dict[str, str] = {}

        def root(node: str) -> str:
            while parent.setdefault(node, node) != node:
                parent[node] = parent[parent[node]]
                node = parent[node]
            return node

        problems: list[SameAsMismatch] = []
        for relation in relations:
            if relation.predicate is not Predicate.SAME_AS:
                continue
            kinds = kind_of(relation.subject), kind_of(relation.object)
            if kinds[0] != kinds[1]:
                problems.append(
                    SameAsMismatch(
                        relation=relation.id,
                        subject=relation.subject,
                        subject_kind=kinds[0],
                        object=relation.object,
                        object_kind=kinds[1],
                    )
                )
                continue
            a, b = root(relation.subject), root(relation.object)
            if a != b:
                parent[max(a, b)] = min(a, b)
        groups: dict[str, list[str]] = {}
        for node in sorted(parent):
            groups.setdefault(root(node), []).append(node)
        self._of: dict[str, tuple[str, ...]] = {
            node: cluster
            for cluster in (tuple(g) for g in groups.values() if len(g) > 1)
            for node in cluster
        }
        self.problems: tuple[SameAsMismatch, ...] = tuple(problems)

    def __bool__(self) -> bool:
        """Whether any cluster holds two ids or more."""
        return bool(self._of)

    def of(self, entity_id: str) -> tuple[str, ...]:
        """The ids of ``entity_id``'s cluster in code-point order (itself alone if no same-as
        links it)."""
        return self._of.get(entity_id, (entity_id,))


def over_cluster(
    cluster: Callable[[str], Iterable[str]], entity_id: str, ask: Callable[[str], frozenset[str]]
) -> frozenset[str]:
    """``ask`` of every id of ``entity_id``'s cluster, united: how a question about an id
    answers for its cluster (``cluster`` is :meth:`Clusters.of`, or a function that calls it)."""
    members = tuple(cluster(entity_id))
    if len(members) == 1:
        return ask(members[0])
    return frozenset().union(*map(ask, members))
