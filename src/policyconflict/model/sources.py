"""Where facts come from: :class:`Source` documents and :class:`Citation` pointers into them."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from policyconflict.dates import PartialDate
from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f

__all__ = ["Citation", "Source", "SourceKind"]


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
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Citation:
    """Where in a source a fact comes from.

    ``quote`` is the exact text, with optional ``prefix``/``suffix`` to tell repeats apart (as the
    W3C TextQuoteSelector does); ``start``/``end`` are character offsets into the source text
    when known.
    """

    source: str = attrs.field(validator=f.ref("source"))
    quote: str | None = attrs.field(default=None, validator=f.optional_text)
    prefix: str | None = attrs.field(default=None, validator=f.instance(str, optional=True))
    suffix: str | None = attrs.field(default=None, validator=f.instance(str, optional=True))
    start: int | None = attrs.field(default=None, validator=f.count)
    end: int | None = attrs.field(default=None, validator=f.count)
    note: str | None = attrs.field(default=None, validator=f.optional_text)

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
class Source:
    """A document facts come from: an article, a press release, a court filing, a dataset."""

    kind_name: ClassVar[str] = "source"

    id: str = attrs.field(validator=f.identifier)
    kind: SourceKind = attrs.field(validator=f.one_of(SourceKind))
    title: str = attrs.field(validator=f.text)
    url: str | None = attrs.field(default=None, validator=f.url)
    publisher: str | None = attrs.field(
        default=None, validator=f.ref("organization", "agency", optional=True)
    )
    authors: tuple[str, ...] = attrs.field(default=(), validator=f.texts)
    published: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    language: str | None = attrs.field(default=None, validator=f.language)
