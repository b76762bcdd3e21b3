"""Who controls a force at a moment: :class:`CommandAnswer` and the rule that makes it.

Control of a force (an agency: a state's guard, a police force, a unit) moves by two kinds of
record, whichever story holds them:

* a :class:`~policyconflict.model.actions.CommandChange` inside a deployment: from its date on,
  the unit is under ``to_command`` (the change's legal basis, else the deployment's);
* a :class:`~policyconflict.model.actions.ControlTransfer`: from the start of its period the
  force is under ``to_command``, serving under its ``legal_status``; when the period ends the
  force is *released* back to ``from_command`` (or to its home authority when none is named).
  An open end: still transferred.

Each record takes effect at a moment: its minute when a time is given, else the start of its
day; a release at the end of the period's last day. A date known only to the month or year
may be any moment of it. The records are applied in time order and a later one ends an
earlier one: a release only undoes the transfer that is still in effect.

Before the first record the force is under its **home authority**: the ``from_command`` of
the earliest record, else the force's parent agency, else the jurisdiction it belongs to.

The answer at ``at`` is the authority after every record *surely* in effect from the start of
``at``. When a record may take effect during ``at`` (or two records before it may have come
in either order) the answer is not ``certain``, and ``possible`` lists every authority that may
hold the force at some moment of ``at``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from policyconflict.dates import MINUS_INF, OPEN, PLUS_INF, UNKNOWN, Key, PartialDate
from policyconflict.model.actions import ControlTransfer, Deployment, _start_keys
from policyconflict.model.actors import Agency, Organization, Person, Role

__all__ = ["CommandAnswer", "answer", "commands_force"]

_DAY_START = PartialDate(year=2000, month=1, day=1).earliest_key[1]
"""The second half of a day key's start (the same for every day)."""

_SECONDS_IN_DAY = 86_400


@attrs.frozen(kw_only=True)
class CommandAnswer:
    """Who controls ``force`` at ``at`` (see the module doc for the rule).

    * ``authority``: the id of the controlling authority (an agency, person or jurisdiction);
      ``None`` when the corpus says nothing of the force's home authority and no record has
      moved it;
    * ``chain``: ``authority`` and the bodies above it, nearest first — an agency's parent
      agencies, then the jurisdiction the topmost belongs to; a person's chain goes on with the
      body of the role they hold at ``at``;
    * ``legal_status``: the status the force serves under (a transfer's ``legal_status``;
      ``None`` at home and under a deployment's command change, which names none);
    * ``legal_basis``: the laws, orders or provisions the control rests on;
    * ``by``: the id of the record that put the force there — a control transfer or the
      deployment of a command change — or ``None`` at home (also after a release);
    * ``evidence``: the ids of the records the answer rests on, in id order (the release of a
      transfer names the transfer);
    * ``certain``: whether the answer holds throughout ``at`` however the uncertain dates of the
      records resolve; ``possible``: every authority that may control the force during ``at``
      (``authority`` first).
    """

    force: str
    at: PartialDate
    authority: str | None
    chain: tuple[str, ...]
    legal_status: str | None
    legal_basis: tuple[str, ...]
    by: str | None
    evidence: tuple[str, ...]
    certain: bool
    possible: tuple[str | None, ...]


@attrs.frozen
class _Step:
    """One record's effect on the force: from a moment in ``first``..``last`` on, control is
    ``authority``; ``release`` undoes the transfer ``record`` (to ``authority``)."""

    first: Key
    last: Key
    authority: str | None
    record: str
    legal_status: str | None = None
    legal_basis: tuple[str, ...] = ()
    release: bool = False
    home: str | None = None


@attrs.frozen
class _State:
    authority: str | None
    by: str | None
    legal_status: str | None
    legal_basis: tuple[str, ...]
    evidence: tuple[str, ...]


def commands_force(record: Deployment | ControlTransfer, forces: Iterable[str]) -> bool:
    """Whether ``record`` moves one of ``forces`` (a command change of the unit, a transfer of
    the force)."""
    wanted = set(forces)
    if isinstance(record, ControlTransfer):
        return record.force in wanted
    return any(c.unit in wanted for c in record.command_changes)


def _after(key: Key) -> Key:
    """The first moment after ``key``: the next second, or the start of the next day."""
    day, second = key
    if second >= _SECONDS_IN_DAY:  # the end of a whole day
        return (day + 1, _DAY_START)
    return (day, second + 1)


def _steps(records: Iterable[Deployment | ControlTransfer], forces: frozenset[str]) -> list[_Step]:
    steps: list[_Step] = []
    for record in records:
        if isinstance(record, Deployment):
            for change in record.command_changes:
                if change.unit in forces:
                    first, last = _start_keys(change.date)
                    steps.append(
                        _Step(
                            first,
                            last,
                            change.to_command,
                            record.id,
                            legal_basis=change.legal_basis or record.legal_basis,
                            home=change.from_command,
                        )
                    )
            continue
        if record.force not in forces:
            continue
        start, end = record.period.start, record.period.end
        if isinstance(start, PartialDate):
            first, last = _start_keys(start)
        elif start is UNKNOWN:  # at any moment up to its end
            first, last = MINUS_INF, PLUS_INF
            if isinstance(end, PartialDate):
                last = _release_of_date(end)[0]
        else:  # open: since always
            first, last = MINUS_INF, MINUS_INF
        ends = _release(end, first)
        steps.append(
            _Step(
                first,
                last,
                record.to_command,
                record.id,
                record.legal_status,
                record.legal_basis,
                home=record.from_command,
            )
        )
        if ends is not None:
            steps.append(_Step(ends[0], ends[1], record.from_command, record.id, release=True))
    steps.sort(key=lambda s: (s.first, s.last, s.release, s.record))
    return steps


def _release(end: object, start: Key) -> tuple[Key, Key] | None:
    """When a transfer ending at ``end`` hands the force back: just after the period's last
    moment (``None``: never, an open end; an unknown end: at any moment from ``start``, the
    earliest the transfer can begin)."""
    if isinstance(end, PartialDate):
        return _release_of_date(end)
    if end is OPEN:
        return None
    return start, PLUS_INF


def _release_of_date(end: PartialDate) -> tuple[Key, Key]:
    if end.hour is not None:
        return _after(end.earliest_key), _after(end.latest_key)
    first_day = PartialDate.from_date(end.earliest)
    return _after(first_day.latest_key), _after(end.latest_key)


def _home(force: str, steps: Sequence[_Step], get: Callable[[str], object]) -> _State:
    first = next((s for s in steps if not s.release), None)
    if first is not None and first.home is not None:
        return _State(first.home, None, None, (), (first.record,))
    agency = get(force)
    above = None
    if isinstance(agency, Agency):
        above = agency.parent if agency.parent is not None else agency.jurisdiction
    return _State(above, None, None, (), ())


def answer(
    force: str,
    at: PartialDate,
    records: Iterable[Deployment | ControlTransfer],
    forces: frozenset[str],
    get: Callable[[str], object],
    roles_of: Callable[[str], Sequence[Role]],
) -> CommandAnswer:
    """The :class:`CommandAnswer` for ``force`` (and the ids of its same-as cluster,
    ``forces``) at ``at``, from the ``records`` that move it; ``get`` finds an entity by id and
    ``roles_of`` gives a person's roles."""
    steps = _steps(records, forces)
    home = _home(force, steps, get)
    state = home
    current: str | None = None  # the transfer in effect, which a release may undo
    certain = True
    possible: list[str | None] = []
    last_applied: _Step | None = None
    for step in steps:
        if step.last <= at.earliest_key:
            if last_applied is not None and step.first < last_applied.last:
                certain = False  # the two may have come in either order
                possible.append(state.authority)
            if step.release:
                if current == step.record:
                    back = step.authority if step.authority is not None else home.authority
                    state = _State(back, None, None, (), (step.record,))
                    current = None
            else:
                state = _State(
                    step.authority,
                    step.record,
                    step.legal_status,
                    step.legal_basis,
                    (step.record,),
                )
                current = step.record
            last_applied = step
        elif step.first <= at.latest_key:
            certain = False
            if not step.release or current == step.record:
                back = step.authority
                if step.release and back is None:
                    back = home.authority
                possible.append(back)
    return CommandAnswer(
        force=force,
        at=at,
        authority=state.authority,
        chain=_chain(state.authority, at, get, roles_of),
        legal_status=state.legal_status,
        legal_basis=state.legal_basis,
        by=state.by,
        evidence=tuple(sorted(state.evidence)),
        certain=certain,
        possible=tuple(dict.fromkeys([state.authority, *possible])),
    )


def _chain(
    authority: str | None,
    at: PartialDate,
    get: Callable[[str], object],
    roles_of: Callable[[str], Sequence[Role]],
) -> tuple[str, ...]:
    """``authority`` and the bodies above it (see :class:`CommandAnswer`)."""
    chain: list[str] = []
    current = authority
    while current is not None and current not in chain:
        chain.append(current)
        found = get(current)
        if isinstance(found, Agency):
            current = found.parent if found.parent is not None else found.jurisdiction
        elif isinstance(found, Organization):
            current = found.jurisdiction
        elif isinstance(found, Person):
            held = [r for r in roles_of(current) if r.period.may_contain(at)]
            current = held[0].organization if held else None
        else:
            current = None
    return tuple(chain)
