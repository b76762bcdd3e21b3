"""Who the named parties were at each ruling of a case: official-capacity substitution through
the time-bounded parties of :class:`~policyconflict.model.courts.LegalCase`."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from policyconflict.dates import Certainty, PartialDate
from policyconflict.model.courts import LegalCase, Party, Ruling

__all__ = ["PartiesAtRuling", "parties_at_rulings"]


@attrs.frozen(kw_only=True)
class PartiesAtRuling:
    """The parties of ``case`` whose role holds on the date of ``ruling`` (see
    :meth:`LegalCase.parties_on <policyconflict.model.courts.LegalCase.parties_on>`), in the
    case's own order: the named defendant at that ruling is the defendant among them. The
    evidence is the ruling (its date) and the case (its parties' periods)."""

    case: str
    ruling: str
    date: PartialDate
    parties: tuple[Party, ...]


def parties_at_rulings(
    case: LegalCase, rulings: Iterable[Ruling], certainty: Certainty
) -> tuple[PartiesAtRuling, ...]:
    """One answer per ruling of ``case``, by ruling date (earliest first), then ruling id."""
    ordered = sorted(rulings, key=lambda r: (r.date.sort_key(), r.id))
    return tuple(
        PartiesAtRuling(
            case=case.id,
            ruling=r.id,
            date=r.date,
            parties=case.parties_on(r.date, certainty=certainty),
        )
        for r in ordered
    )
