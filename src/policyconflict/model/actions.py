"""What happens on the ground: :class:`Deployment` of personnel, :class:`ControlTransfer` of a
force to another command, and other :class:`Event`."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from policyconflict.dates import DateLike, PartialDate, Period, as_date
from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f
from policyconflict.model.citations import Citation, Note, notes_field
from policyconflict.model.figures import Quantity

__all__ = [
    "CommandChange",
    "ControlTransfer",
    "Deployment",
    "DeploymentPhase",
    "DeploymentStatus",
    "DeploymentUnit",
    "Event",
    "EventKind",
    "Participant",
    "Tally",
]


class DeploymentStatus(enum.StrEnum):
    """Where a deployment stands, as the sources report it."""

    ANNOUNCED = "announced"
    ACTIVE = "active"
    ENDED = "ended"
    CANCELLED = "cancelled"
    BLOCKED = "blocked"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class DeploymentUnit:
    """Personnel of one unit or agency sent in a deployment: "50 Border Patrol agents"."""

    unit: str = attrs.field(validator=f.ref("agency"))
    count: Quantity | None = attrs.field(
        default=None, validator=f.instance(Quantity, optional=True)
    )
    role: str | None = attrs.field(default=None, validator=f.optional_text)
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))


@attrs.frozen(kw_only=True)
class DeploymentPhase:
    """A stage of a deployment: a drawdown, an extension, part of a force moved elsewhere."""

    period: Period = attrs.field(validator=f.period)
    description: str = attrs.field(validator=f.text)
    count: Quantity | None = attrs.field(
        default=None, validator=f.instance(Quantity, optional=True)
    )
    targets: tuple[str, ...] = attrs.field(default=(), validator=f.refs("jurisdiction"))
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))


@attrs.frozen(kw_only=True)
class CommandChange:
    """A force placed under another command: a state's guard federalized and later returned,
    a regional police force placed under a national ministry."""

    date: PartialDate = attrs.field(validator=f.instance(PartialDate))
    unit: str = attrs.field(validator=f.ref("agency"))
    to_command: str = attrs.field(validator=f.ref("agency", "person", "jurisdiction"))
    from_command: str | None = attrs.field(
        default=None,
        validator=f.ref("agency", "person", "jurisdiction", optional=True),
    )
    legal_basis: tuple[str, ...] = attrs.field(default=(), validator=f.refs("law", "provision"))
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))

    def __attrs_post_init__(self) -> None:
        self._check_commands()

    def _check_commands(self) -> None:
        if self.from_command is not None and self.from_command == self.to_command:
            raise ShapeError(
                "self-reference", "a command change moves a unit to another command", "to_command"
            )
        if self.unit == self.to_command:
            raise ShapeError(
                "self-reference", "a unit is not placed under its own command", "to_command"
            )


@attrs.frozen(kw_only=True)
class Deployment:
    """An operation that sends personnel somewhere.

    ``targets`` are the places named; ``target_count`` the number of places when the source
    gives a total but does not name them all ("nine areas", eight named). ``in_support_of``
    lists the agencies helped (CBP officers detailed to help ICE).
    """

    kind_name: ClassVar[str] = "deployment"

    id: str = attrs.field(validator=f.identifier)
    agency: str = attrs.field(validator=f.ref("agency"))
    name: str | None = attrs.field(default=None, validator=f.optional_text)
    units: tuple[DeploymentUnit, ...] = attrs.field(
        default=(), validator=f.tuple_of(DeploymentUnit)
    )
    in_support_of: tuple[str, ...] = attrs.field(default=(), validator=f.refs("agency"))
    targets: tuple[str, ...] = attrs.field(default=(), validator=f.refs("jurisdiction"))
    target_count: int | None = attrs.field(default=None, validator=f.count)
    period: Period = attrs.field(factory=Period, validator=f.period)
    announced: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    purpose: str | None = attrs.field(default=None, validator=f.optional_text)
    topic: str | None = attrs.field(default=None, validator=f.topic)
    legal_basis: tuple[str, ...] = attrs.field(default=(), validator=f.refs("law", "provision"))
    status: DeploymentStatus = attrs.field(
        default=DeploymentStatus.UNKNOWN, validator=f.one_of(DeploymentStatus)
    )
    phases: tuple[DeploymentPhase, ...] = attrs.field(
        default=(), validator=f.tuple_of(DeploymentPhase)
    )
    command_changes: tuple[CommandChange, ...] = attrs.field(
        default=(), validator=f.tuple_of(CommandChange)
    )
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()

    def __attrs_post_init__(self) -> None:
        self._check_target_count()

    def _check_target_count(self) -> None:
        if self.target_count is not None and self.target_count < len(self.targets):
            raise ShapeError(
                "count-below-named",
                f"target_count {self.target_count} is less than the {len(self.targets)} "
                "targets named",
                "target_count",
            )

    @property
    def total(self) -> Quantity | None:
        """The total personnel, summed from the units (``None`` when there are no units; a unit
        without a count makes the total undisclosed)."""
        if not self.units:
            return None
        return Quantity.total(
            u.count if u.count is not None else Quantity.undisclosed() for u in self.units
        )

    def command_of(self, unit: str, on: DateLike) -> str | None:
        """Who commands ``unit`` throughout ``on`` (any form
        :func:`~policyconflict.dates.as_date` accepts) according to the command changes.

        A change takes effect at its moment, or at the start of its day when no time is given
        (a guard federalized on 2020-06-01 is under federal command all that day). The answer
        is the command of the last change surely in effect from the start of ``on``; ``None``
        when no change had taken effect, or when one may take effect during ``on``.
        """
        when = as_date(on)
        changes = sorted(
            (c for c in self.command_changes if c.unit == unit), key=lambda c: c.date.sort_key()
        )
        current = changes[0].from_command if changes else None
        for change in changes:
            first, last = _start_keys(change.date)
            if last <= when.earliest_key:
                current = change.to_command
            elif first <= when.latest_key:
                return None
        return current


@attrs.frozen(kw_only=True)
class ControlTransfer:
    """A force placed under another command by a law or an order, outside any deployment: a
    regional police force placed under a national ministry, a state's guard called into federal
    service and later released.

    ``force`` is the unit or agency moved, ``to_command`` the authority that controls it from
    the start of ``period`` (at its minute, or the start of its day) to its end (control returns
    to ``from_command``, the force's home authority, when the period ends; an open end: still
    under ``to_command``). ``legal_basis`` is the law, order or provision that made the
    transfer, and ``legal_status`` the status the force serves under while transferred, as a
    topic word (``federal-service``, ``title-32``).
    """

    kind_name: ClassVar[str] = "control_transfer"

    id: str = attrs.field(validator=f.identifier)
    force: str = attrs.field(validator=f.ref("agency"))
    to_command: str = attrs.field(validator=f.ref("agency", "person", "jurisdiction"))
    from_command: str | None = attrs.field(
        default=None, validator=f.ref("agency", "person", "jurisdiction", optional=True)
    )
    period: Period = attrs.field(factory=Period, validator=f.period)
    legal_basis: tuple[str, ...] = attrs.field(default=(), validator=f.refs("law", "provision"))
    legal_status: str | None = attrs.field(default=None, validator=f.topic)
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()

    def __attrs_post_init__(self) -> None:
        self._check_commands()

    def _check_commands(self) -> None:
        if self.from_command is not None and self.from_command == self.to_command:
            raise ShapeError(
                "self-reference",
                "a control transfer moves a force to another command",
                "to_command",
            )
        if self.force == self.to_command:
            raise ShapeError(
                "self-reference", "a force is not placed under its own command", "to_command"
            )


def _start_keys(date: PartialDate) -> tuple[tuple[int, int], tuple[int, int]]:
    """The earliest and latest moments a change dated ``date`` can take effect."""
    if date.hour is not None:
        return date.earliest_key, date.earliest_key
    first, last = PartialDate.from_date(date.earliest), PartialDate.from_date(date.latest)
    return first.earliest_key, last.earliest_key


class EventKind(enum.StrEnum):
    """What kind of thing happened."""

    RAID = "raid"
    ARREST = "arrest"
    DETENTION = "detention"
    PROTEST = "protest"
    VOTE = "vote"
    REFERENDUM = "referendum"
    ELECTION = "election"
    ELECTION_CALL = "election-call"
    ANNOUNCEMENT = "announcement"
    MEETING = "meeting"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Participant:
    """Who took part in an event, and as what ("organizer", "arrested", "voted-yes")."""

    entity: str = attrs.field(validator=f.ref())
    role: str | None = attrs.field(default=None, validator=f.optional_text)


@attrs.frozen(kw_only=True)
class Tally:
    """One line of a result: votes for an option, turnout, ... as claimed by someone."""

    label: str = attrs.field(validator=f.text)
    count: Quantity = attrs.field(validator=f.instance(Quantity))
    claimed_by: str | None = attrs.field(default=None, validator=f.ref(optional=True))
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened that is neither a deployment nor a law: a raid, an arrest, a
    protest, a legislative vote with tallies, a referendum with results, an election call.

    ``period`` holds its date or dates: ``Period.of(PartialDate.parse("2020-02-14"))`` for one day.
    """

    kind_name: ClassVar[str] = "event"

    id: str = attrs.field(validator=f.identifier)
    kind: EventKind = attrs.field(validator=f.one_of(EventKind))
    name: str = attrs.field(validator=f.text)
    period: Period = attrs.field(factory=Period, validator=f.period)
    places: tuple[str, ...] = attrs.field(default=(), validator=f.refs("jurisdiction"))
    participants: tuple[Participant, ...] = attrs.field(
        default=(), validator=f.tuple_of(Participant)
    )
    outcome: str | None = attrs.field(default=None, validator=f.optional_text)
    tallies: tuple[Tally, ...] = attrs.field(default=(), validator=f.tuple_of(Tally))
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()
