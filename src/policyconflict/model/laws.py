"""Legal and policy instruments: :class:`Law` and its :class:`Provision` parts."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from policyconflict.dates import OPEN, UNKNOWN, PartialDate, Period
from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f
from policyconflict.model.citations import Citation, Note, notes_field

__all__ = ["Law", "LawKind", "Provision", "ProvisionEffect"]


class LawKind(enum.StrEnum):
    """What kind of instrument a law is."""

    STATUTE = "statute"
    BILL = "bill"
    ORDINANCE = "ordinance"
    EXECUTIVE_ORDER = "executive-order"
    PROCLAMATION = "proclamation"
    MEMORANDUM = "memorandum"
    REGULATION = "regulation"
    AGENCY_POLICY = "agency-policy"
    COURT_ORDER = "court-order"
    CONSTITUTIONAL_PROVISION = "constitutional-provision"
    RESOLUTION = "resolution"
    DECREE = "decree"
    OTHER = "other"


class ProvisionEffect(enum.StrEnum):
    """What a provision does to the activity it is about."""

    PROHIBITS = "prohibits"
    REQUIRES = "requires"
    PERMITS = "permits"
    RESTRICTS = "restricts"
    PROTECTS = "protects"
    FUNDS = "funds"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Provision:
    """A part of a law with a structured effect.

    ``effect`` on ``activity`` (a topic word such as ``immigration-enforcement-cooperation``),
    binding ``binds`` (agencies, jurisdictions or classes of actor), with ``counterparty`` the
    other side: SB 54 *restricts* state and local police's *cooperation* **with** ICE.
    Provisions have ids so rulings and cases can target them.
    """

    kind_name: ClassVar[str] = "provision"

    id: str = attrs.field(validator=f.identifier)
    label: str = attrs.field(validator=f.text)
    summary: str | None = attrs.field(default=None, validator=f.optional_text)
    effect: ProvisionEffect = attrs.field(validator=f.one_of(ProvisionEffect))
    activity: str | None = attrs.field(default=None, validator=f.topic)
    binds: tuple[str, ...] = attrs.field(
        default=(),
        validator=f.refs("agency", "jurisdiction", "organization"),
    )
    binds_description: str | None = attrs.field(default=None, validator=f.optional_text)
    counterparty: tuple[str, ...] = attrs.field(
        default=(), validator=f.refs("agency", "organization")
    )
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()


@attrs.frozen(kw_only=True)
class Law:
    """Any legal or policy instrument: statute, ordinance, executive order, memorandum,
    regulation, agency policy, court order, constitutional provision, resolution.

    ``identifier`` ("SB 54") is qualified by ``jurisdiction`` and ``session`` (Texas has three
    different "SB 4"s); :func:`policyconflict.ids.law_id` derives the id from all three.
    The law's own dates are stored; whether it is in force on a date is derived (see
    :func:`policyconflict.status_on`).
    """

    kind_name: ClassVar[str] = "law"

    id: str = attrs.field(validator=f.identifier)
    kind: LawKind = attrs.field(validator=f.one_of(LawKind))
    jurisdiction: str = attrs.field(validator=f.ref("jurisdiction"))
    title: str = attrs.field(validator=f.text)
    identifier: str | None = attrs.field(default=None, validator=f.optional_text)
    session: str | None = attrs.field(default=None, validator=f.optional_text)
    short_title: str | None = attrs.field(default=None, validator=f.optional_text)
    issuer: str | None = attrs.field(
        default=None,
        validator=f.ref("agency", "person", "jurisdiction", optional=True),
    )
    signed: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    effective: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    expires: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    repealed: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    provisions: tuple[Provision, ...] = attrs.field(default=(), validator=f.tuple_of(Provision))
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()

    def __attrs_post_init__(self) -> None:
        self._check_dates()
        self._check_provision_ids()

    def _check_dates(self) -> None:
        for later, earlier in (
            ("effective", "signed"),
            ("expires", "effective"),
            ("repealed", "signed"),
        ):
            if not f.not_before(getattr(self, later), getattr(self, earlier)):
                raise ShapeError("end-before-start", f"{later} is before {earlier}", later)

    def _check_provision_ids(self) -> None:
        seen: set[str] = set()
        for provision in self.provisions:
            if provision.id in seen:
                raise ShapeError(
                    "duplicate-id", f"provision id {provision.id!r} repeats", "provisions"
                )
            seen.add(provision.id)

    @property
    def effective_period(self) -> Period:
        """From ``effective`` (unknown if not given) to the date it expires or is repealed,
        whichever is first (open if neither is given). Rulings are not considered here."""
        start: PartialDate | None = self.effective
        ends = [d for d in (self.expires, self.repealed) if d is not None]
        end = min(ends, key=PartialDate.sort_key) if ends else None
        return Period(
            start=start if start is not None else UNKNOWN, end=end if end is not None else OPEN
        )
