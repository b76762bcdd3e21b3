"""``policyconflict query``: the common questions of a corpus, as tables or JSON.

Every subcommand reads one or more FILEs (story documents or JSON Lines corpora, merged by id
into one :class:`~policyconflict.query.Corpus`) and prints its answer: an aligned table by
default, or JSON with ``--format json`` (entities in the corpus-line form, with their ``type``).
"""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from policyconflict._cli import _formats
from policyconflict._cli._output import print_json, print_table
from policyconflict._cli._usage import Run, UsageError, add_command, add_format, located
from policyconflict.dates import Certainty, PartialDate, Period, as_date, as_period
from policyconflict.errors import DateTextError
from policyconflict.model.statements import Channel, Stance

__all__ = ["register"]


# --- argument types ----------------------------------------------------------------------------


def _date(text: str) -> PartialDate:
    try:
        return as_date(text)  # the library's one reading of a date parameter
    except DateTextError as error:
        raise argparse.ArgumentTypeError(f"not a date: {error.render()}") from None


def _period(text: str) -> Period:
    """EDTF interval text, or one date meaning all of it (``2020-02``: the whole month)."""
    try:
        return as_period(text)
    except DateTextError as error:
        raise argparse.ArgumentTypeError(f"not a period: {error.render()}") from None


def _files(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="story documents or JSON Lines corpora"
    )
    add_format(parser, "json")


def _time(parser: argparse.ArgumentParser, what: str) -> None:
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--on", type=_date, metavar="DATE", help=f"{what} on this date (EDTF)")
    when.add_argument(
        "--during",
        type=_period,
        metavar="PERIOD",
        help=f"{what} during this period (EDTF: 2020-02/2020-05, or 2020-02 for a month)",
    )
    _certainty(parser)


def _certainty(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--certainty",
        choices=[c.value for c in Certainty],
        default=Certainty.MAY.value,
        help="may: the dates may match (bounds intersect; default); surely: they surely do",
    )


# --- registering -------------------------------------------------------------------------------


def register(commands: Any) -> None:
    """Add the ``query`` command and its subcommands."""
    parser = add_command(
        commands,
        "query",
        help="ask a corpus questions: statements, deployments, roles, laws, conflicts, timeline",
        description=(
            "Ask questions of one or more story documents or JSON Lines corpora, merged by id. "
            "Places are OCD division ids, ISO 3166 codes (US-CA) or names the gazetteer "
            "resolves; dates and periods are EDTF (2020-02-14, 2020-02, 2020-02/2020-05)."
        ),
    )
    questions = parser.add_subparsers(title="questions", metavar="QUESTION", required=True)

    statements = add_command(
        questions,
        "statements",
        help="statements, filtered by speaker, stance, target, place and time",
    )
    _files(statements)
    statements.add_argument("--speaker", metavar="ID", help="said by this actor")
    statements.add_argument(
        "--speaker-org", metavar="ID", help="said by or for a member of this agency/organization"
    )
    statements.add_argument("--stance", choices=[s.value for s in Stance], help="with this stance")
    statements.add_argument("--target", metavar="ID", help="taking a position on this entity")
    statements.add_argument(
        "--channel", choices=[c.value for c in Channel], help="made public this way"
    )
    statements.add_argument("--within", metavar="PLACE", help="placed in this place or below it")
    _time(statements, "made")
    statements.set_defaults(run=_run(_statements))

    deployments = add_command(
        questions, "deployments", help="deployments, filtered by place, agency and time"
    )
    _files(deployments)
    deployments.add_argument("--within", metavar="PLACE", help="sent to this place or below it")
    deployments.add_argument("--agency", metavar="ID", help="deployed by this agency (or below)")
    deployments.add_argument(
        "--supports", metavar="ID", help="in support of this agency (or one below it)"
    )
    _time(deployments, "active")
    deployments.set_defaults(run=_run(_deployments))

    roles = add_command(questions, "roles", help="who held which post on a date")
    _files(roles)
    roles.add_argument("--on", type=_date, required=True, metavar="DATE", help="the date")
    roles.add_argument("--organization", metavar="ID", help="only posts in this body")
    roles.add_argument("--title", help="only posts with this title (any case)")
    _certainty(roles)
    roles.set_defaults(run=_run(_roles))

    laws = add_command(
        questions, "laws-in-force", help="laws that apply in a place and are in force on a date"
    )
    _files(laws)
    laws.add_argument("--place", required=True, metavar="PLACE", help="where the laws apply")
    laws.add_argument("--on", type=_date, required=True, metavar="DATE", help="the date")
    laws.add_argument(
        "--restricts", metavar="ID", help="only laws restricting cooperation with this agency"
    )
    laws.add_argument("--topic", help="only laws with a provision on this topic")
    _certainty(laws)
    laws.set_defaults(run=_run(_laws))

    conflicts = add_command(questions, "conflicts", help="the conflicts the stories contain")
    _files(conflicts)
    conflicts.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        help="only conflicts of this kind (repeatable): opposing-stances, "
        "cooperation-restricted, law-challenged, disagreeing-reports",
    )
    conflicts.add_argument("--within", metavar="PLACE", help="only conflicts in this place")
    conflicts.add_argument(
        "--during", type=_period, metavar="PERIOD", help="only conflicts during this period"
    )
    _certainty(conflicts)
    conflicts.set_defaults(run=_run(_conflicts))

    timeline = add_command(questions, "timeline", help="every dated fact, in time order")
    _files(timeline)
    timeline.set_defaults(run=_run(_timeline))


# --- running -----------------------------------------------------------------------------------

Answer = tuple[Sequence[str], list[list[Any]], Any]
"""Table headers, table rows, and the JSON value of an answer."""


def _run(ask: Callable[[Any, argparse.Namespace], Answer]) -> Run:
    def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        from policyconflict.query import Corpus

        corpus = Corpus()
        for name in args.files:
            with located(name):
                for story in _formats.load_stories(name, err):
                    corpus.add(story)
        with located(f"query of {', '.join(args.files)}"):
            headers, rows, value = ask(corpus, args)
        if args.format == "json":
            print_json(out, value)
        elif rows:
            print_table(out, headers, rows)
        else:
            err.write("policyconflict: nothing matches\n")
        return 0

    return run


def _entities_json(entities: Sequence[Any]) -> list[Any]:
    """Entities as JSON values in the corpus-line form (with their ``type`` tag)."""
    from policyconflict.serialization.jsonl import write_records

    buffer = io.StringIO()
    write_records(entities, buffer)
    return [json.loads(line) for line in buffer.getvalue().splitlines()[1:]]


def _place(corpus: Any, option: str, text: str | None) -> str | None:
    """The argument of place ``option`` as an id, by the corpus's one rule (:meth:`Corpus.place
    <policyconflict.query.Corpus.place>`: an id, an ISO 3166 code or a name); an unknown or
    ambiguous place is an error that names ``option``."""
    if text is None:
        return None
    from policyconflict._cli._places import resolve_option

    return resolve_option(corpus.place, option, text)


def _label(corpus: Any, entity_id: str | None) -> str | None:
    """The name of the entity ``entity_id`` when it has one, else the id."""
    if entity_id is None:
        return None
    try:
        entity = corpus.get(entity_id)
    except KeyError:
        return entity_id
    name = getattr(entity, "name", None) or getattr(entity, "short_title", None)
    return str(name) if name else entity_id


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _statements(corpus: Any, args: argparse.Namespace) -> Answer:
    found = corpus.statements(
        speaker=args.speaker,
        speaker_org=args.speaker_org,
        stance=args.stance,
        target=args.target,
        channel=args.channel,
        within=_place(corpus, "--within", args.within),
        on=args.on,
        during=args.during,
        certainty=Certainty(args.certainty),
    )
    rows = [
        [
            _text(s.date),
            _label(corpus, s.speaker),
            [f"{p.stance.value} {_label(corpus, p.target)}" for p in s.positions],
            s.channel.value,
            s.text,
        ]
        for s in found
    ]
    return ("date", "speaker", "positions", "channel", "text"), rows, _entities_json(found)


def _deployments(corpus: Any, args: argparse.Namespace) -> Answer:
    found = corpus.deployments(
        target_within=_place(corpus, "--within", args.within),
        agency=args.agency,
        supports=args.supports,
        active_on=args.on,
        active_during=args.during,
        certainty=Certainty(args.certainty),
    )
    rows = [
        [
            d.id,
            _label(corpus, d.agency),
            str(d.period),
            [_label(corpus, a) for a in d.in_support_of],
            [_label(corpus, t) for t in d.targets],
            d.status.value,
        ]
        for d in found
    ]
    headers = ("id", "agency", "period", "in support of", "targets", "status")
    return headers, rows, _entities_json(found)


def _roles(corpus: Any, args: argparse.Namespace) -> Answer:
    found = corpus.roles_on(
        args.on,
        organization=args.organization,
        title=args.title,
        certainty=Certainty(args.certainty),
    )
    rows = [
        [
            _label(corpus, r.person),
            f"acting {r.title}" if r.acting else r.title,
            _label(corpus, r.organization),
            str(r.period),
        ]
        for r in found
    ]
    return ("person", "title", "of", "period"), rows, _entities_json(found)


def _laws(corpus: Any, args: argparse.Namespace) -> Answer:
    found = corpus.laws_in_force(
        _place(corpus, "--place", args.place),
        args.on,
        restricts=args.restricts,
        topic=args.topic,
        certainty=Certainty(args.certainty),
    )
    rows = [
        [
            law.id,
            law.identifier,
            law.short_title or law.title,
            _label(corpus, law.jurisdiction),
            str(law.effective_period),
        ]
        for law in found
    ]
    headers = ("id", "identifier", "title", "jurisdiction", "effective")
    return headers, rows, _entities_json(found)


def _conflicts(corpus: Any, args: argparse.Namespace) -> Answer:
    from policyconflict.query import ConflictKind

    known = {k.value for k in ConflictKind}
    for kind in args.kind or ():
        if kind not in known:
            raise UsageError(f"unknown conflict kind {kind!r}: one of {', '.join(sorted(known))}")
    found = corpus.conflicts(
        args.kind,
        within=_place(corpus, "--within", args.within),
        during=args.during,
        certainty=Certainty(args.certainty),
    )
    rows = [
        [
            c.kind.value,
            _label(corpus, c.subject),
            [_label(corpus, p) for p in c.parties],
            _text(c.period),
            c.description,
        ]
        for c in found
    ]
    value = [
        {
            "kind": c.kind.value,
            "subject": c.subject,
            "parties": list(c.parties),
            "period": _text(c.period),
            "places": list(c.places),
            "evidence": list(c.evidence),
            "description": c.description,
        }
        for c in found
    ]
    return ("kind", "subject", "parties", "period", "description"), rows, value


def _timeline(corpus: Any, _args: argparse.Namespace) -> Answer:
    entries = corpus.timeline()
    rows = [[str(e.when), e.kind, e.what, _label(corpus, e.entity)] for e in entries]
    value = [
        {
            "when": str(e.when),
            "entity": e.entity,
            "kind": e.kind,
            "what": e.what,
            "field": e.field,
            "detail": e.detail,
            "evidence": list(e.evidence),
        }
        for e in entries
    ]
    return ("when", "kind", "what", "entity"), rows, value
