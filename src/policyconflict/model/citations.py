"""How facts are backed: :class:`Citation` pointers into sources, how sure a citation is
(:class:`Confidence`), what someone thinks of a source or a claim (:class:`Assessment`), and
short :class:`Note` remarks on entities (the ``notes`` field every entity declares with
:func:`notes_field`)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Final

import attrs

from policyconflict.dates import PartialDate
from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f

__all__ = [
    "ASSESSORS",
    "NOTES",
    "Assessment",
    "Citation",
    "Confidence",
    "Note",
    "Reliability",
    "best_confidence",
    "notes_field",
]


class Confidence(enum.StrEnum):
    """How a citation supports its fact, from the strongest to the weakest.

    The levels are ordered (:meth:`meets`); a citation that says nothing is
    :attr:`REPORTED`, which is what a cited passage of a report does.
    """

    CONFIRMED = "confirmed"
    """The source establishes the fact itself: an official record, a court's order, the
    publisher's own confirmation."""
    REPORTED = "reported"
    """The source reports the fact (the default): "officials said", "according to"."""
    INFERRED = "inferred"
    """The encoder inferred the fact from what the source says; the source does not state it."""
    UNVERIFIED = "unverified"
    """From the encoder's memory or elsewhere, not verified in the cited source."""

    def meets(self, minimum: Confidence) -> bool:
        """Whether this level is ``minimum`` or stronger.

        >>> Confidence.CONFIRMED.meets(Confidence.REPORTED)
        True
        >>> Confidence.INFERRED.meets(Confidence.REPORTED)
        False
        """
        return _RANK[self] <= _RANK[minimum]


_RANK: Final = {level: rank for rank, level in enumerate(Confidence)}


def best_confidence(citations: Iterable[Citation]) -> Confidence:
    """The strongest confidence among ``citations``: how well a fact with these citations is
    supported. A fact without citations is the encoder's word alone, so
    :attr:`Confidence.UNVERIFIED`.

    >>> best_confidence([Citation(source="source:a", confidence=Confidence.INFERRED),
    ...                  Citation(source="source:b")])
    <Confidence.REPORTED: 'reported'>
    >>> best_confidence([])
    <Confidence.UNVERIFIED: 'unverified'>
    """
    return min(
        (c.confidence for c in citations), key=_RANK.__getitem__, default=Confidence.UNVERIFIED
    )


class Reliability(enum.StrEnum):
    """The scale of a reliability assessment, from the best to the worst."""

    RELIABLE = "reliable"
    """Generally accurate; errors are corrected."""
    MIXED = "mixed"
    """Accurate on some matters or at some times, not others."""
    LOW = "low"
    """Often inaccurate, unsourced or rewritten from others without checking (many
    aggregators)."""
    UNRELIABLE = "unreliable"
    """Known to publish false or fabricated material."""


ASSESSORS: Final = ("person", "agency", "organization", "source")
"""The kinds of entity that may make an assessment: a fact-checker (a person or body) or a
fact-checking publication (a source)."""


@attrs.frozen(kw_only=True)
class Assessment:
    """What someone judges a source, or a claim, to be worth: a ``rating`` on the
    :class:`Reliability` scale, ``by`` a named assessor (a person, agency, organization or
    source id; ``None``: the encoder's own judgement), with a ``reason`` and the ``date`` it
    was made.

    >>> Assessment(rating=Reliability.LOW, reason="rewrites wire copy without attribution")
    ... # doctest: +ELLIPSIS
    Assessment(rating=<Reliability.LOW: 'low'>, by=None, reason='rewrites wire copy ...', date=None)
    """

    rating: Reliability = attrs.field(validator=f.one_of(Reliability))
    by: str | None = attrs.field(default=None, validator=f.ref(*ASSESSORS, optional=True))
    reason: str | None = attrs.field(default=None, validator=f.optional_text)
    date: PartialDate | None = attrs.field(default=None, validator=f.optional_date)


@attrs.frozen(kw_only=True)
class Citation:
    """Where in a source a fact comes from.

    ``quote`` is the exact text, with optional ``prefix``/``suffix`` to tell repeats apart (as the
    W3C TextQuoteSelector does); ``start``/``end`` are character offsets into the source text
    when known. ``confidence`` says how the source supports the fact (:class:`Confidence`,
    by default :attr:`~Confidence.REPORTED`); ``assessments`` judge the claim itself (a
    fact-checker's rating of this statement).
    """

    source: str = attrs.field(validator=f.ref("source"))
    quote: str | None = attrs.field(default=None, validator=f.optional_text)
    prefix: str | None = attrs.field(default=None, validator=f.instance(str, optional=True))
    suffix: str | None = attrs.field(default=None, validator=f.instance(str, optional=True))
    start: int | None = attrs.field(default=None, validator=f.count)
    end: int | None = attrs.field(default=None, validator=f.count)
    note: str | None = attrs.field(default=None, validator=f.optional_text)
    confidence: Confidence = attrs.field(
        default=Confidence.REPORTED, validator=f.one_of(Confidence)
    )
    assessments: tuple[Assessment, ...] = attrs.field(
        default=(), validator=f.tuple_of(Assessment, unique=True)
    )

    def __attrs_post_init__(self) -> None:
        self._check_quote_and_offsets()

    def _check_quote_and_offsets(self) -> None:
        if (self.prefix is not None or self.suffix is not None) and self.quote is None:
            raise ShapeError("missing-quote", "a prefix or suffix needs a quote", "prefix")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ShapeError("end-before-start", "end offset is before start offset", "end")
        if (self.start is None) != (self.end is None):
            raise ShapeError("half-range", "give both start and end offsets, or neither", "end")


@attrs.frozen(kw_only=True)
class Note:
    """A short remark on an entity that no field holds, backed by a ``citation`` or marked as
    the encoder's own (``by_encoder``); one of the two is needed, and both may be given (the
    encoder's reading of a cited passage).

    >>> Note(text="The order was read out, not published.", by_encoder=True).by_encoder
    True
    >>> Note(text="No source says so.")
    Traceback (most recent call last):
    ...
    policyconflict.errors.ShapeError: citation: a note needs a citation or by_encoder=True
    """

    text: str = attrs.field(validator=f.text)
    citation: Citation | None = attrs.field(
        default=None, validator=f.instance(Citation, optional=True)
    )
    by_encoder: bool = attrs.field(default=False, validator=f.flag)

    def __attrs_post_init__(self) -> None:
        self._check_backing()

    def _check_backing(self) -> None:
        if self.citation is None and not self.by_encoder:
            raise ShapeError(
                "unbacked-note", "a note needs a citation or by_encoder=True", "citation"
            )


NOTES: Final = f.tuple_of(Note, unique=True)
"""The rule of every entity's ``notes`` field: notes without repeats."""


def notes_field() -> Any:
    """The ``notes`` field of an entity class: a tuple of :class:`Note`, empty by default."""
    return attrs.field(default=(), validator=NOTES)
