"""Strategies for what actors do and claim: :class:`~policyconflict.model.Law` with its
:class:`~policyconflict.model.Provision` parts, :class:`~policyconflict.model.Deployment`,
:class:`~policyconflict.model.Event`, :class:`~policyconflict.model.Statement`,
:class:`~policyconflict.model.Figure`, :class:`~policyconflict.model.Relation`,
:class:`~policyconflict.model.LegalCase` and :class:`~policyconflict.model.Ruling`.

Each takes an optional :class:`~.pool.IdPool` and an optional fixed ``id``; required references
raise :class:`ValueError` at once when the pool has no id of an allowed kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from hypothesis import strategies as st

from policyconflict.model.actions import Deployment, DeploymentStatus, Event, EventKind
from policyconflict.model.courts import CHALLENGEABLE, LegalCase, Ruling, RulingKind
from policyconflict.model.figures import CLAIMANTS, Figure
from policyconflict.model.laws import Law, LawKind, Provision, ProvisionEffect
from policyconflict.model.relations import Predicate, Relation
from policyconflict.model.statements import SPEAKERS, Channel, QuoteForm, Statement

from .actors import own_id
from .dates import chronological, partial_dates, periods
from .pool import (
    IdPool,
    below,
    built,
    candidates,
    cite,
    draw_notes,
    maybe,
    pick,
    pick_many,
    pick_optional,
    repeat,
    require,
)
from .text import entity_ids, language_tags, names, topics
from .values import (
    ANY,
    COMMANDERS,
    LEGAL_BASES,
    draw_command_change,
    draw_docket,
    draw_outcome,
    draw_participant,
    draw_party,
    draw_phase,
    draw_position,
    draw_tally,
    draw_unit,
    quantities,
)

__all__ = [
    "deployments",
    "events",
    "figures",
    "laws",
    "legal_cases",
    "provisions",
    "relations",
    "rulings",
    "statements",
]

_TRANSLATORS: Final = ("source", "organization", "person", "agency")
_LABELS: Final = st.one_of(st.just("Gov. Code §7284.6"), names())
_EFFECTS: Final = st.sampled_from(ProvisionEffect)
_LAW_KINDS: Final = st.sampled_from(LawKind)
_BILLS: Final = maybe(
    st.one_of(
        st.sampled_from(("SB 54", "SB 4", "AB 450", "Proposición 187", "EO 13768", "Art. 155")),
        names(max_size=8),
    )
)
_SESSIONS: Final = maybe(st.sampled_from(("2017-2018", "85th (2017)", "XII legislatura")))
_STATUSES: Final = st.sampled_from(DeploymentStatus)
_TARGET_EXTRA: Final = maybe(st.integers(0, 20))
_EVENT_KINDS: Final = st.sampled_from(EventKind)
_CHANNELS: Final = st.sampled_from(Channel)
_ALL_FORMS: Final = st.sampled_from(QuoteForm)
_NO_TRANSLATION: Final = st.sampled_from([f for f in QuoteForm if f is not QuoteForm.TRANSLATION])
_UNITS: Final = maybe(st.one_of(st.sampled_from(("officers", "USD", "%")), names()))
_PREDICATES: Final = st.sampled_from(Predicate)
_CASE_NAMES: Final = st.one_of(st.just("United States v. California"), names())
_RULING_KINDS: Final = st.sampled_from(RulingKind)
_COIN: Final = st.booleans()


def draw_provision(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Provision:
    """One provision."""
    return Provision(
        id=own_id(draw, id, entity_ids("provision")),
        label=draw(_LABELS),
        summary=draw(maybe(names(max_size=60))),
        effect=draw(_EFFECTS),
        activity=draw(maybe(topics())),
        binds=pick_many(draw, pool, ("agency", "jurisdiction", "organization")),
        binds_description=draw(maybe(names())),
        counterparty=pick_many(draw, pool, ("agency", "organization")),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def provisions(
    pool: IdPool | None = None, *, id: str | None = None
) -> st.SearchStrategy[Provision]:
    """:class:`~policyconflict.model.Provision` parts of a law: a label, an effect on an
    activity, whom it binds and the counterparty.

    >>> from hypothesis import find
    >>> from policyconflict.testing import IdPool, provisions
    >>> pool = IdPool(agencies=["agency:us/dhs/ice"])
    >>> find(provisions(pool), lambda p: p.counterparty != ()).counterparty
    ('agency:us/dhs/ice',)
    """
    return built(draw_provision, pool, id)


def draw_law(
    draw: st.DrawFn,
    pool: IdPool | None,
    id: str | None = None,
    provision_ids: Sequence[str] | None = None,
) -> Law:
    """One law (the pool must hold a jurisdiction)."""
    own = own_id(draw, id, entity_ids("law"))
    if provision_ids is None:
        provision_ids = [f"{own[:290]}#{n}" for n in range(draw(below(4)))]
    signed, effective, expires, repealed = draw(chronological(4))
    return Law(
        id=own,
        kind=draw(_LAW_KINDS),
        jurisdiction=pick(draw, pool, ("jurisdiction",)),
        title=draw(names(max_size=40)),
        identifier=draw(_BILLS),
        session=draw(_SESSIONS),
        short_title=draw(maybe(names())),
        issuer=pick_optional(draw, pool, ("agency", "person", "jurisdiction")),
        signed=signed,
        effective=effective,
        expires=expires,
        repealed=repealed,
        provisions=tuple(draw_provision(draw, pool, p) for p in provision_ids),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def laws(
    pool: IdPool | None = None,
    *,
    id: str | None = None,
    provision_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Law]:
    """:class:`~policyconflict.model.Law` instruments in a jurisdiction, with a qualified
    identifier and session, signed / effective / expires / repealed dates in a valid order, and
    provisions: exactly ``provision_ids`` when given, else zero to three with fresh ids. A pool
    must hold a jurisdiction.

    >>> from hypothesis import find
    >>> from policyconflict.testing import laws
    >>> law = find(laws(), lambda law: law.signed and law.effective)
    >>> law.effective.latest_key >= law.signed.earliest_key
    True
    """
    require(pool, ("jurisdiction",), "laws()")
    return built(draw_law, pool, id, provision_ids)


def draw_deployment(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Deployment:
    """One deployment (the pool must hold an agency)."""
    targets = pick_many(draw, pool, ("jurisdiction",))
    extra = draw(_TARGET_EXTRA)
    return Deployment(
        id=own_id(draw, id, entity_ids("deployment")),
        agency=pick(draw, pool, ("agency",)),
        name=draw(maybe(names())),
        units=repeat(draw, 3, lambda: draw_unit(draw, pool)),
        in_support_of=pick_many(draw, pool, ("agency",)),
        targets=targets,
        target_count=None if extra is None else len(targets) + extra,
        period=draw(periods()),
        announced=draw(maybe(partial_dates())),
        purpose=draw(maybe(names())),
        topic=draw(maybe(topics())),
        legal_basis=pick_many(draw, pool, LEGAL_BASES),
        status=draw(_STATUSES),
        phases=repeat(draw, 2, lambda: draw_phase(draw, pool)),
        command_changes=repeat(draw, 2, lambda: draw_command_change(draw, pool))
        if pool is None or len(candidates(pool, COMMANDERS)) >= 2
        else (),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def deployments(
    pool: IdPool | None = None, *, id: str | None = None
) -> st.SearchStrategy[Deployment]:
    """:class:`~policyconflict.model.Deployment` operations: an agency, units with head counts,
    agencies supported, named targets and a total target count no smaller than the named ones,
    a period, phases and command changes. A pool must hold an agency.

    >>> from hypothesis import find
    >>> from policyconflict.testing import deployments
    >>> d = find(deployments(), lambda d: d.target_count is not None and d.targets)
    >>> d.target_count >= len(d.targets)
    True
    """
    require(pool, ("agency",), "deployments()")
    return built(draw_deployment, pool, id)


def draw_event(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Event:
    """One event."""
    has_any = pool is None or bool(pool.of(ANY))
    return Event(
        id=own_id(draw, id, entity_ids("event")),
        kind=draw(_EVENT_KINDS),
        name=draw(names()),
        period=draw(periods()),
        places=pick_many(draw, pool, ("jurisdiction",)),
        participants=repeat(draw, 3, lambda: draw_participant(draw, pool)) if has_any else (),
        outcome=draw(maybe(names())),
        tallies=repeat(draw, 2, lambda: draw_tally(draw, pool)),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def events(pool: IdPool | None = None, *, id: str | None = None) -> st.SearchStrategy[Event]:
    """:class:`~policyconflict.model.Event` happenings: a kind, a name, a period, places,
    participants (any entity) and tallies.

    >>> from hypothesis import find
    >>> from policyconflict.testing import events
    >>> len(find(events(), lambda e: len(e.tallies) == 2).tallies)
    2
    """
    return built(draw_event, pool, id)


def draw_statement(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Statement:
    """One statement (the pool must hold a speaker)."""
    own = own_id(draw, id, entity_ids("statement"))
    speaker = pick(draw, pool, SPEAKERS)
    can_translate = pool is None or bool(candidates(pool, _TRANSLATORS))
    form = draw(_ALL_FORMS if can_translate else _NO_TRANSLATION)
    original = translated_by = None
    if form is QuoteForm.TRANSLATION:
        original = pick_optional(draw, pool, ("statement",), exclude=(own,))
        translated_by = pick(draw, pool, _TRANSLATORS)
    targets = pick_many(draw, pool, ANY, exclude=(own,))
    return Statement(
        id=own,
        speaker=speaker,
        text=draw(names(max_size=60)),
        form=form,
        on_behalf_of=pick_optional(draw, pool, SPEAKERS, exclude=(speaker,)),
        date=draw(maybe(partial_dates())),
        channel=draw(_CHANNELS),
        language=draw(maybe(language_tags())),
        original=original,
        translated_by=translated_by,
        positions=tuple(draw_position(draw, t) for t in targets),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def statements(
    pool: IdPool | None = None, *, id: str | None = None
) -> st.SearchStrategy[Statement]:
    """:class:`~policyconflict.model.Statement` values: a speaker and sometimes a principal,
    the text in one of four forms (a translation names its translator and sometimes its
    original), a date, a channel, a language and stances toward distinct targets. A pool must
    hold a person, agency, organization or jurisdiction.

    >>> from hypothesis import find
    >>> from policyconflict.testing import statements
    >>> s = find(statements(), lambda s: s.form.value == "translation")
    >>> s.translated_by is not None
    True
    """
    require(pool, SPEAKERS, "statements()")
    return built(draw_statement, pool, id)


def draw_figure(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Figure:
    """One figure."""
    own = own_id(draw, id, entity_ids("figure"))
    return Figure(
        id=own,
        metric=draw(topics()),
        quantity=draw(quantities()),
        unit=draw(_UNITS),
        subject=pick_optional(draw, pool, ANY, exclude=(own,)),
        period=draw(maybe(periods())),
        as_of=draw(maybe(partial_dates())),
        denominator=draw(maybe(topics())),
        claimed_by=pick_many(draw, pool, CLAIMANTS, exclude=(own,), max_size=2),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def figures(pool: IdPool | None = None, *, id: str | None = None) -> st.SearchStrategy[Figure]:
    """:class:`~policyconflict.model.Figure` claims: a metric, a quantity, a unit, a subject, a
    period, a denominator, and who claims it (people, bodies or documents).

    >>> from hypothesis import find
    >>> from policyconflict.testing import figures
    >>> len(find(figures(), lambda f: len(f.claimed_by) > 1).claimed_by)
    2
    """
    return built(draw_figure, pool, id)


def draw_relation(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Relation:
    """One relation (the pool must hold two ids other than its own)."""
    own = own_id(draw, id, entity_ids("relation"))
    # A freshly drawn id can equal a pool id (the story then has a duplicate id, which callers
    # rule out); the ends must still be drawable, so only avoid ``own`` when enough ids remain.
    avoid = (own,) if pool is None or len(candidates(pool, ANY, (own,))) >= 2 else ()
    subject = pick(draw, pool, ANY, exclude=avoid)
    return Relation(
        id=own,
        subject=subject,
        predicate=draw(_PREDICATES),
        object=pick(draw, pool, ANY, exclude=(*avoid, subject)),
        asserted_by=pick_optional(draw, pool, SPEAKERS),
        description=draw(maybe(names())),
        period=draw(maybe(periods())),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def relations(pool: IdPool | None = None, *, id: str | None = None) -> st.SearchStrategy[Relation]:
    """:class:`~policyconflict.model.Relation` links between two different entities, with who
    asserts them. A pool must hold two ids other than the relation's own.

    >>> from hypothesis import find
    >>> from policyconflict.testing import IdPool, relations
    >>> pool = IdPool(agencies=["agency:ice"], laws=["law:us/ca/sb-54"])
    >>> r = find(relations(pool), lambda r: True)
    >>> sorted([r.subject, r.object])
    ['agency:ice', 'law:us/ca/sb-54']
    """
    if pool is not None and len(candidates(pool, ANY, (id,) if id else ())) < 2:
        raise ValueError("relations() needs two ids in the pool for a relation's ends")
    return built(draw_relation, pool, id)


def draw_legal_case(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> LegalCase:
    """One legal case."""
    own = own_id(draw, id, entity_ids("legal_case"))
    with_courts = pool is None or bool(pool.courts)
    with_parties = pool is None or bool(candidates(pool, SPEAKERS))
    return LegalCase(
        id=own,
        name=draw(_CASE_NAMES),
        dockets=repeat(draw, 2, lambda: draw_docket(draw, pool)) if with_courts else (),
        parties=repeat(draw, 3, lambda: draw_party(draw, pool)) if with_parties else (),
        filed=draw(maybe(partial_dates())),
        challenges=pick_many(draw, pool, CHALLENGEABLE),
        consolidated_with=pick_many(draw, pool, ("legal_case",), exclude=(own,)),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def legal_cases(
    pool: IdPool | None = None, *, id: str | None = None
) -> st.SearchStrategy[LegalCase]:
    """:class:`~policyconflict.model.LegalCase` suits: dockets in courts (``pool.courts``),
    parties in roles, a filing date, what the case challenges and the cases it is consolidated
    with.

    >>> from hypothesis import find
    >>> from policyconflict.testing import IdPool, legal_cases
    >>> pool = IdPool(courts=["agency:us/ed-cal"], agencies=["agency:us/ed-cal"])
    >>> find(legal_cases(pool), lambda c: c.dockets != ()).dockets[0].court
    'agency:us/ed-cal'
    """
    return built(draw_legal_case, pool, id)


def draw_ruling(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Ruling:
    """One ruling (the pool must hold a legal case and a court)."""
    own = own_id(draw, id, entity_ids("ruling"))
    date, takes_effect = draw(chronological(2))
    if date is None:
        date, takes_effect = draw(partial_dates()), None
    no_effect = takes_effect is None and draw(_COIN)
    court = pick(draw, None, ()) if pool is None else pool.courts[draw(below(len(pool.courts)))]
    with_targets = pool is None or bool(candidates(pool, CHALLENGEABLE, (own,)))
    return Ruling(
        id=own,
        case=pick(draw, pool, ("legal_case",)),
        court=court,
        date=date,
        kind=draw(_RULING_KINDS),
        judges=pick_many(draw, pool, ("person",)),
        outcomes=repeat(draw, 3, lambda: draw_outcome(draw, pool, (own,))) if with_targets else (),
        takes_effect=takes_effect,
        no_effect=no_effect,
        summary=draw(maybe(names())),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def rulings(pool: IdPool | None = None, *, id: str | None = None) -> st.SearchStrategy[Ruling]:
    """:class:`~policyconflict.model.Ruling` decisions: a case, a court (``pool.courts``), a
    date (sometimes with a time of day), judges, outcomes per target, and when it takes effect
    (never before its date; never for a ruling with no effect). A pool must hold a legal case
    and a court.

    >>> from hypothesis import find
    >>> from policyconflict.testing import rulings
    >>> r = find(rulings(), lambda r: r.takes_effect is not None)
    >>> r.takes_effect.latest_key >= r.date.earliest_key
    True
    """
    require(pool, ("legal_case",), "rulings()")
    if pool is not None and not pool.courts:
        raise ValueError("rulings() needs courts (agencies of kind court) in the pool")
    return built(draw_ruling, pool, id)
