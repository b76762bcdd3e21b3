"""Conflicts in court: :class:`LegalCase` and :class:`Ruling`.

A case passes through courts (one :class:`Docket` per court and appeal), has parties whose roles
hold over periods (an official sued in their official capacity is succeeded by the next holder
of the office), and challenges laws, provisions, deployments or orders. A ruling has an
:class:`Outcome` per target, each with a :class:`Scope` (only in some places, everywhere except
some places, only as applied to one class). Whether a law is in force on a date is derived from
the law's dates and these rulings by :func:`policyconflict.status.status_on`.
"""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from policyconflict.dates import Certainty, DateLike, PartialDate, Period, as_date
from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f
from policyconflict.model.citations import Citation, Note, notes_field

__all__ = [
    "Docket",
    "LegalCase",
    "Outcome",
    "OutcomeEffect",
    "Party",
    "PartyRole",
    "Ruling",
    "RulingKind",
    "Scope",
]

CHALLENGEABLE = (
    "law",
    "provision",
    "deployment",
    "ruling",
    "event",
    "role",
    "agency",
    "control_transfer",
)
"""What a case can challenge and a ruling can act on: instruments, operations, votes,
appointments (a role), bodies (an agency) and transfers of control."""


class PartyRole(enum.StrEnum):
    """A party's side in a case."""

    PLAINTIFF = "plaintiff"
    PETITIONER = "petitioner"
    DEFENDANT = "defendant"
    RESPONDENT = "respondent"
    APPELLANT = "appellant"
    APPELLEE = "appellee"
    INTERVENOR = "intervenor"
    AMICUS = "amicus"
    PROSECUTOR = "prosecutor"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Docket:
    """A case's number in one court: district court, court of appeals, supreme court."""

    court: str = attrs.field(validator=f.ref("agency"))
    number: str = attrs.field(validator=f.text)
    filed: PartialDate | None = attrs.field(default=None, validator=f.optional_date)


@attrs.frozen(kw_only=True)
class Party:
    """A party to a case in a role, over a period.

    An official sued in their official capacity is replaced by their successor: give each
    holder a ``period``. A plaintiff's voluntary dismissal ends its period while the case goes
    on; ``note`` says so.
    """

    entity: str = attrs.field(
        validator=f.ref("person", "agency", "organization", "jurisdiction"),
    )
    role: PartyRole = attrs.field(validator=f.one_of(PartyRole))
    official_capacity: bool = attrs.field(default=False, validator=f.flag)
    period: Period | None = attrs.field(default=None, validator=f.optional_period)
    note: str | None = attrs.field(default=None, validator=f.optional_text)


@attrs.frozen(kw_only=True)
class LegalCase:
    """A lawsuit or prosecution: its dockets in each court, parties, and what it challenges."""

    kind_name: ClassVar[str] = "legal_case"

    id: str = attrs.field(validator=f.identifier)
    name: str = attrs.field(validator=f.text)
    dockets: tuple[Docket, ...] = attrs.field(default=(), validator=f.tuple_of(Docket))
    parties: tuple[Party, ...] = attrs.field(default=(), validator=f.tuple_of(Party))
    filed: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    challenges: tuple[str, ...] = attrs.field(default=(), validator=f.refs(*CHALLENGEABLE))
    consolidated_with: tuple[str, ...] = attrs.field(default=(), validator=f.refs("legal_case"))
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()

    def __attrs_post_init__(self) -> None:
        self._check_not_consolidated_with_itself()

    def _check_not_consolidated_with_itself(self) -> None:
        if self.id in self.consolidated_with:
            raise ShapeError(
                "self-reference", "a case is not consolidated with itself", "consolidated_with"
            )

    def parties_on(
        self, date: DateLike, *, certainty: Certainty = Certainty.MAY
    ) -> tuple[Party, ...]:
        """The parties whose role holds on ``date`` (any form
        :func:`~policyconflict.dates.as_date` accepts; a party without a period holds for the
        whole case): *may* hold (the default, as for every question of the library), or
        *surely* holds, as ``certainty`` says."""
        when = as_date(date)
        return tuple(
            p
            for p in self.parties
            if p.period is None or p.period.contains(when, certainty=certainty)
        )

    def dockets_in(self, court: str) -> tuple[Docket, ...]:
        """The case's numbers in ``court`` (an appeals court may hear more than one appeal)."""
        return tuple(d for d in self.dockets if d.court == court)


class RulingKind(enum.StrEnum):
    """What kind of decision a ruling is."""

    TEMPORARY_RESTRAINING_ORDER = "temporary-restraining-order"
    PRELIMINARY_INJUNCTION = "preliminary-injunction"
    PERMANENT_INJUNCTION = "permanent-injunction"
    ADMINISTRATIVE_STAY = "administrative-stay"
    STAY_PENDING_APPEAL = "stay-pending-appeal"
    SUMMARY_JUDGMENT = "summary-judgment"
    DISMISSAL = "dismissal"
    AFFIRMED = "affirmed"
    REVERSED = "reversed"
    AFFIRMED_IN_PART = "affirmed-in-part"
    REVERSED_IN_PART = "reversed-in-part"
    REHEARING_GRANTED = "rehearing-granted"
    VACATED = "vacated"
    REMANDED = "remanded"
    CERTIORARI_DENIED = "certiorari-denied"
    CERTIORARI_GRANTED = "certiorari-granted"
    ANNULMENT = "annulment"
    FINDINGS_AFTER_TRIAL = "findings-after-trial"
    JUDGMENT = "judgment"
    OTHER = "other"


class OutcomeEffect(enum.StrEnum):
    """What a ruling does to one target.

    On a law or provision: ``enjoins``, ``stays`` and ``strikes`` (or ``vacates``, read as
    striking) block it; ``lifts`` ends earlier blocks on it; ``upholds`` and ``denies`` change
    nothing. On another ruling: ``stays`` suspends it while the stay holds; ``vacates``,
    ``reverses``, ``lifts`` and ``supersedes`` end it (a permanent injunction supersedes the
    preliminary one); ``affirms`` and ``denies`` change nothing.
    """

    ENJOINS = "enjoins"
    UPHOLDS = "upholds"
    STRIKES = "strikes"
    STAYS = "stays"
    VACATES = "vacates"
    LIFTS = "lifts"
    AFFIRMS = "affirms"
    REVERSES = "reverses"
    DENIES = "denies"
    SUPERSEDES = "supersedes"


@attrs.frozen(kw_only=True)
class Scope:
    """Where and for whom an outcome holds: only in ``places`` (and the places within them), not
    in ``excluding``, only as applied to ``applies_to`` (a class such as ``private-employers``).
    Empty scope: everywhere, for everyone.

    ``excluding`` says "everywhere but": an appeals court that stays an injunction's nationwide
    reach keeps it for the plaintiff city with ``Scope(excluding=(city,))``.
    """

    places: tuple[str, ...] = attrs.field(default=(), validator=f.refs("jurisdiction"))
    applies_to: str | None = attrs.field(default=None, validator=f.topic)
    excluding: tuple[str, ...] = attrs.field(default=(), validator=f.refs("jurisdiction"))

    def __attrs_post_init__(self) -> None:
        self._check_places_and_exclusions()

    def _check_places_and_exclusions(self) -> None:
        both = sorted(set(self.places) & set(self.excluding))
        if both:
            raise ShapeError(
                "contradiction", f"{both[0]!r} is both in places and in excluding", "excluding"
            )

    @property
    def everywhere(self) -> bool:
        """Whether the scope names no place: it holds in every place."""
        return not self.places and not self.excluding


@attrs.frozen(kw_only=True)
class Outcome:
    """A ruling's effect on one target: a law, a provision, a deployment or another ruling."""

    target: str = attrs.field(validator=f.ref(*CHALLENGEABLE))
    effect: OutcomeEffect = attrs.field(validator=f.one_of(OutcomeEffect))
    scope: Scope = attrs.field(factory=Scope, validator=f.instance(Scope))


@attrs.frozen(kw_only=True)
class Ruling:
    """A court decision in a case.

    ``date`` may carry a time of day with a UTC offset where it matters. The ruling takes effect
    at ``takes_effect`` when given (a stated time), else at ``date``; ``no_effect`` marks a
    ruling that never took effect (stayed before it could, or withdrawn).
    """

    kind_name: ClassVar[str] = "ruling"

    id: str = attrs.field(validator=f.identifier)
    case: str = attrs.field(validator=f.ref("legal_case"))
    court: str = attrs.field(validator=f.ref("agency"))
    date: PartialDate = attrs.field(validator=f.instance(PartialDate))
    kind: RulingKind = attrs.field(validator=f.one_of(RulingKind))
    judges: tuple[str, ...] = attrs.field(default=(), validator=f.refs("person"))
    outcomes: tuple[Outcome, ...] = attrs.field(default=(), validator=f.tuple_of(Outcome))
    takes_effect: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    no_effect: bool = attrs.field(default=False, validator=f.flag)
    summary: str | None = attrs.field(default=None, validator=f.optional_text)
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()

    def __attrs_post_init__(self) -> None:
        self._check_effect()

    def _check_effect(self) -> None:
        if self.no_effect and self.takes_effect is not None:
            raise ShapeError(
                "unexpected-field", "a ruling with no effect has no takes_effect", "takes_effect"
            )
        if not f.not_before(self.takes_effect, self.date):
            raise ShapeError(
                "end-before-start", "takes_effect is before the ruling's date", "takes_effect"
            )
        targets = [o.target for o in self.outcomes]
        if self.id in targets:
            raise ShapeError("self-reference", "a ruling cannot target itself", "outcomes")

    @property
    def effective_from(self) -> PartialDate | None:
        """When the ruling takes effect, or ``None`` if it never did."""
        if self.no_effect:
            return None
        return self.takes_effect if self.takes_effect is not None else self.date

    @property
    def targets(self) -> tuple[str, ...]:
        """The ids the ruling's outcomes are about, first mention first, without repeats."""
        return tuple(dict.fromkeys(o.target for o in self.outcomes))
