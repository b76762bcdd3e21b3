"""Where facts come from: :class:`Source` documents (originals and their copies).

:class:`~policyconflict.model.citations.Citation`, the pointer into a source, lives in
:mod:`policyconflict.model.citations` and is also importable from here."""

from __future__ import annotations

import enum
from typing import ClassVar, Final

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f
from policyconflict.model.citations import Assessment, Note, notes_field
from policyconflict.model.citations import Citation as Citation  # the old home, kept

__all__ = ["PUBLISHERS", "Republication", "Source", "SourceKind"]


class SourceKind(enum.StrEnum):
    """What kind of document a source is."""

    NEWS_ARTICLE = "news-article"
    PRESS_RELEASE = "press-release"
    SOCIAL_POST = "social-post"
    VIDEO = "video"
    COURT_DOCUMENT = "court-document"
    GOVERNMENT_REPORT = "government-report"
    LEGISLATION = "legislation"
    DATASET = "dataset"
    AGGREGATOR = "aggregator"
    """A site that collects or rewrites others' reports (a news aggregator, a content farm)."""
    OTHER = "other"


class Republication(enum.StrEnum):
    """How a source copies another document."""

    REPOST = "repost"
    """Shared again as it was, by someone else (a retweet, a reposted video)."""
    MIRROR = "mirror"
    """The same document at another address (an archive copy, a mirror site)."""
    TRANSLATION = "translation"
    """The document in another language."""
    WIRE_COPY = "wire-copy"
    """A wire service's story run by a subscriber, perhaps edited."""


PUBLISHERS: Final = ("organization", "agency")
"""The kinds of entity that publish sources."""


@attrs.frozen(kw_only=True)
class Source:
    """A document facts come from: an article, a press release, a court filing, a dataset.

    ``title`` is optional (many documents are cited without one). ``published`` is the date of
    publication; when only bounds are known ("after July 2025"), ``published_within`` holds
    them as a period instead (``2025-08/``; not both).

    A copy of another document says how it copies (``republication``) and what: the original
    source (``republished_from``, a source id), or, when the original is not in the story, its
    publisher (``original_publisher``); ``wire_service`` names the agency that supplied a wire
    story. ``edition`` tells printings apart ("late edition", "print, page A1"). Judgements of
    the source's reliability are ``assessments``.
    """

    kind_name: ClassVar[str] = "source"

    id: str = attrs.field(validator=f.identifier)
    kind: SourceKind = attrs.field(validator=f.one_of(SourceKind))
    title: str | None = attrs.field(default=None, validator=f.optional_text)
    url: str | None = attrs.field(default=None, validator=f.url)
    publisher: str | None = attrs.field(default=None, validator=f.ref(*PUBLISHERS, optional=True))
    authors: tuple[str, ...] = attrs.field(default=(), validator=f.texts)
    published: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    published_within: Period | None = attrs.field(default=None, validator=f.optional_period)
    language: str | None = attrs.field(default=None, validator=f.language)
    edition: str | None = attrs.field(default=None, validator=f.optional_text)
    republication: Republication | None = attrs.field(
        default=None, validator=f.one_of(Republication, optional=True)
    )
    republished_from: str | None = attrs.field(
        default=None, validator=f.ref("source", optional=True)
    )
    original_publisher: str | None = attrs.field(
        default=None, validator=f.ref(*PUBLISHERS, optional=True)
    )
    wire_service: str | None = attrs.field(
        default=None, validator=f.ref(*PUBLISHERS, optional=True)
    )
    assessments: tuple[Assessment, ...] = attrs.field(
        default=(), validator=f.tuple_of(Assessment, unique=True)
    )
    notes: tuple[Note, ...] = notes_field()

    def __attrs_post_init__(self) -> None:
        self._check_publication()
        self._check_republication()

    def _check_publication(self) -> None:
        if self.published is not None and self.published_within is not None:
            raise ShapeError(
                "two-dates",
                "give the publication date or the period it lies within, not both",
                "published_within",
            )

    def _check_republication(self) -> None:
        origin = (self.republished_from, self.original_publisher, self.wire_service)
        if self.republication is None:
            if self.republished_from is not None or self.original_publisher is not None:
                raise ShapeError(
                    "missing-republication",
                    "say how this source copies the original (repost, mirror, translation, "
                    "wire-copy)",
                    "republication",
                )
        elif all(value is None for value in origin):
            raise ShapeError(
                "missing-original",
                "a copy names what it copies: republished_from, original_publisher or wire_service",
                "republished_from",
            )
        if self.republished_from == self.id:
            raise ShapeError(
                "self-reference", "a source is not a copy of itself", "republished_from"
            )
