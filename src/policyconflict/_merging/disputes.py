"""Disputes: the claims of one field of one entity, grouped (no serialization needed here)."""

from __future__ import annotations

import json
from collections.abc import Iterable

import attrs

from policyconflict.model.claims import Claim
from policyconflict.model.sources import Citation

__all__ = ["Dispute", "disputes", "value_text"]


@attrs.frozen(kw_only=True)
class Dispute:
    """A disputed field: ``entity``'s ``field``, with every claim about it (claim order)."""

    entity: str
    field: str
    claims: tuple[Claim, ...]

    @property
    def values(self) -> tuple[str, ...]:
        """The different values claimed (canonical JSON text), in code-point order."""
        return tuple(sorted({c.value for c in self.claims}))

    def stories(self, value: str) -> tuple[str, ...]:
        """The stories that claim ``value``, sorted."""
        return tuple(sorted({c.story for c in self.claims if c.value == value}))

    def sources(self, value: str) -> tuple[Citation, ...]:
        """The citations given for ``value``, first claim first, without repeats."""
        found = (s for c in self.claims if c.value == value for s in c.sources)
        return tuple(dict.fromkeys(found))


def disputes(claims: Iterable[Claim]) -> tuple[Dispute, ...]:
    """The claims grouped by entity and field, in that order."""
    grouped: dict[tuple[str, str], list[Claim]] = {}
    for claim in sorted(claims, key=Claim.sort_key):
        grouped.setdefault((claim.entity, claim.field), []).append(claim)
    return tuple(
        Dispute(entity=entity, field=field, claims=tuple(found))
        for (entity, field), found in grouped.items()
    )


def value_text(value: str) -> str:
    """A claimed value as plain text: a JSON string's own text, anything else its JSON."""
    decoded = json.loads(value)
    return decoded if isinstance(decoded, str) else value
