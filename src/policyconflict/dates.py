"""Time as news stories give it: partial, uncertain dates and periods with open or unknown ends.

* :class:`PartialDate` — a year, a month, a day, or a day with a time of day and a UTC offset,
  optionally uncertain (``?``) or approximate (``~``). Canonical text is EDTF.
* :class:`Period` — a start and an end, each a :class:`PartialDate`, :data:`OPEN` (``..``: no
  start, or still going) or :data:`UNKNOWN` (empty: not known). The three stay different.
* :class:`FiscalCalendar` — fiscal years and quarters resolved to exact periods.

Date phrases from news copy ("last Friday", "fiscal year 2019") are read by
:func:`policyconflict.phrases.parse_date_text`.

Comparing uncertain dates answers one of two questions, and the method names say which:
*may* (the bounds intersect: it is possible) and *surely* (it holds however the uncertainty
resolves).

Every comparison is made on one time line. A time of day is its instant, whatever offset it is
written with (``2021-06-10T01:30Z`` is before ``2021-06-09T21:00-05:00``). A date without a time
of day has no zone: it is a whole calendar day, and where it meets an instant it is the day in
UTC, from 00:00Z to 24:00Z (``2020-02-14T18:00-08:00`` is 02:00Z on 2020-02-15, so it falls on
2020-02-15). Dates without a time of day compare with each other by their calendar days, as
written. Why UTC: see the "Time zones" section of the time concepts guide.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re
from typing import Any, Final, Literal, TypeAlias

import attrs

from policyconflict.errors import DateTextError, ShapeError

__all__ = [
    "CALENDAR_YEAR",
    "OPEN",
    "UNKNOWN",
    "US_FEDERAL",
    "US_STATE",
    "Certainty",
    "DateLike",
    "Endpoint",
    "FiscalCalendar",
    "PartialDate",
    "Period",
    "PeriodLike",
    "as_date",
    "as_date_or_period",
    "as_period",
]

Key: TypeAlias = tuple[int, int]
"""A bound key orders every point in time the library can express: ``(day ordinal, sub)``.

The day is a proleptic Gregorian ordinal (:meth:`datetime.date.toordinal`) of a day in UTC.
``sub`` is the second of that UTC day for a time of day (0 to 86399), and a sentinel below or
above every such value for the start or the end of a whole calendar day, so a day's keys hold
every instant of its UTC day. Keys of instants are the same whatever offset they are written
with; tuples compare in time order.
"""

_DAY_START: Final = -(10**6)
_DAY_END: Final = 10**6
_SECONDS_PER_DAY: Final = 86_400
MINUS_INF: Final[Key] = (0, 0)
"""A key before every date's keys (an open start)."""
PLUS_INF: Final[Key] = (10**7, 0)
"""A key after every date's keys (an open end)."""

_EDTF_DATE = re.compile(
    r"""
    (?P<year>[0-9]{4})
    (?:-(?P<month>[0-9]{2})
      (?:-(?P<day>[0-9]{2})
        (?:T(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?
           (?P<offset>Z|[+-][0-9]{2}:[0-9]{2})?
        )?
      )?
    )?
    (?P<qualifier>[?~%])?
    """,
    re.VERBOSE | re.ASCII,  # EDTF digits are ASCII: "２０２０" is not a year
)

_QUALIFIERS: Final = {"?": (True, False), "~": (False, True), "%": (True, True)}


def _bad(message: str) -> ShapeError:
    """The library's error for an invalid date value (also a :class:`ValueError`)."""
    return ShapeError("bad-date", message)


def _check_range(name: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise _bad(f"{name} must be between {low} and {high}, got {value}")


@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class PartialDate:
    """A date known to the year, the month, the day, or the minute or second with a UTC offset.

    Build one with :meth:`parse` (EDTF text), :meth:`from_date` or :meth:`from_datetime`, or by
    keywords. Fields left out are unknown, never filled in: ``PartialDate(year=2020, month=2)``
    is February 2020, all of it. ``utc_offset`` is in minutes east of UTC and is required with a
    time of day. ``uncertain`` is EDTF's ``?``, ``approximate`` its ``~`` (both: ``%``); they are
    carried with the date and do not widen its bounds.

    >>> d = PartialDate.parse("2020-02")
    >>> d.earliest, d.latest
    (datetime.date(2020, 2, 1), datetime.date(2020, 2, 29))
    >>> str(PartialDate.parse("2017-10-27T20:26+02:00"))
    '2017-10-27T20:26+02:00'
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    utc_offset: int | None = None
    uncertain: bool = False
    approximate: bool = attrs.field(default=False)

    @approximate.validator
    def _check(self, _attribute: object, _value: object) -> None:
        for name in ("year", "month", "day", "hour", "minute", "second", "utc_offset"):
            value = getattr(self, name)
            if value is not None and (type(value) is not int):
                raise TypeError(f"{name} must be an int, got {type(value).__name__}")
        for name in ("uncertain", "approximate"):
            if type(getattr(self, name)) is not bool:
                raise TypeError(f"{name} must be a bool")
        _check_range("year", self.year, 1, 9999)
        _check_range("month", self.month, 1, 12)
        _check_range("hour", self.hour, 0, 23)
        _check_range("minute", self.minute, 0, 59)
        _check_range("second", self.second, 0, 59)
        _check_range("utc_offset", self.utc_offset, -14 * 60, 14 * 60)
        if self.day is not None:
            if self.month is None:
                raise _bad("a day needs a month")
            _check_range("day", self.day, 1, calendar.monthrange(self.year, self.month)[1])
        has_time = self.hour is not None or self.minute is not None or self.second is not None
        if has_time:
            if self.day is None:
                raise _bad("a time of day needs a full date")
            if self.hour is None or self.minute is None:
                raise _bad("a time of day needs an hour and a minute")
            if self.utc_offset is None:
                raise _bad(
                    "a time of day needs a UTC offset (for example +02:00 or Z): "
                    "without one the moment is not known"
                )
            if self.uncertain or self.approximate:
                raise _bad("a time of day cannot be qualified as uncertain or approximate")
        elif self.utc_offset is not None:
            raise _bad("a UTC offset needs a time of day")

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read canonical EDTF text (``2020``, ``2020-02``, ``2020-02-14``, ``2020-02-14?``,
        ``2025-07-21~``, ``2017-10-27T20:26+02:00``, ``2017-10-27T18:26:05Z``).

        Only the canonical spelling is accepted, so ``str(PartialDate.parse(t)) == t``. Anything
        else raises :class:`~policyconflict.errors.DateTextError` pointing at the problem.
        """
        if not isinstance(text, str):
            raise DateTextError("a date must be text", repr(text))
        match = _EDTF_DATE.fullmatch(text)
        if match is None:
            prefix = _EDTF_DATE.match(text)
            at = prefix.end() if prefix else 0
            reason = "not an EDTF date (expected YYYY, YYYY-MM or YYYY-MM-DD...)"
            raise DateTextError(reason, text, at)
        g = match.groupdict()
        offset: int | None = None
        if g["offset"] is not None:
            if g["offset"] == "Z":
                offset = 0
            else:
                sign = -1 if g["offset"][0] == "-" else 1
                hours, minutes = int(g["offset"][1:3]), int(g["offset"][4:6])
                if minutes >= 60:  # "+05:75" would read as +06:15: not canonical
                    at = match.start("offset")
                    raise DateTextError("UTC offset minutes must be below 60", text, at, at + 6)
                offset = sign * (hours * 60 + minutes)
                if offset == 0:
                    at = match.start("offset")
                    raise DateTextError("write a zero UTC offset as Z", text, at, at + 6)
        elif g["hour"] is not None:
            at = match.end("minute") if g["second"] is None else match.end("second")
            raise DateTextError(
                "a time of day needs a UTC offset (Z or +HH:MM): without one the moment is unknown",
                text,
                at,
            )
        uncertain, approximate = _QUALIFIERS.get(g["qualifier"] or "", (False, False))

        def num(name: str) -> int | None:
            value = g[name]
            return None if value is None else int(value)

        try:
            return cls(
                year=int(g["year"]),
                month=num("month"),
                day=num("day"),
                hour=num("hour"),
                minute=num("minute"),
                second=num("second"),
                utc_offset=offset,
                uncertain=uncertain,
                approximate=approximate,
            )
        except ValueError as exc:
            raise DateTextError(str(exc), text, 0, len(text)) from None

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        """A full date from a :class:`datetime.date` (not a datetime: use :meth:`from_datetime`)."""
        if isinstance(value, _dt.datetime):
            return cls.from_datetime(value)
        return cls(year=value.year, month=value.month, day=value.day)

    @classmethod
    def from_datetime(cls, value: _dt.datetime) -> PartialDate:
        """A moment from an *aware* :class:`datetime.datetime`, to the second (or the minute
        when its seconds are zero). Microseconds are dropped. A naive datetime is rejected."""
        offset = value.utcoffset()
        if offset is None:
            raise _bad("a naive datetime has no UTC offset: attach a tzinfo first")
        minutes, rest = divmod(int(offset.total_seconds()), 60)
        if rest:
            raise _bad("UTC offsets must be whole minutes")
        return cls(
            year=value.year,
            month=value.month,
            day=value.day,
            hour=value.hour,
            minute=value.minute,
            second=value.second or None,
            utc_offset=minutes,
        )

    # -- text ---------------------------------------------------------------------------------

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
            if self.second is not None:
                text += f":{self.second:02d}"
            offset = self.utc_offset or 0
            if offset == 0:
                text += "Z"
            else:
                sign = "-" if offset < 0 else "+"
                hours, minutes = divmod(abs(offset), 60)
                text += f"{sign}{hours:02d}:{minutes:02d}"
        if self.uncertain and self.approximate:
            text += "%"
        elif self.uncertain:
            text += "?"
        elif self.approximate:
            text += "~"
        return text

    # -- bounds -------------------------------------------------------------------------------

    @property
    def precision(self) -> Literal["year", "month", "day", "minute", "second"]:
        """How much of the date is known."""
        if self.second is not None:
            return "second"
        if self.hour is not None:
            return "minute"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def earliest(self) -> _dt.date:
        """The first calendar day this date can be (for a time of day: its day as written, at its
        own offset; comparisons use :attr:`earliest_key`, on the UTC time line)."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> _dt.date:
        """The last calendar day this date can be (for a time of day: its day as written)."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return _dt.date(self.year, month, day)

    @property
    def instant(self) -> _dt.datetime | None:
        """The moment, as an aware datetime, when a time of day is known; else ``None``."""
        if self.hour is None or self.minute is None or self.utc_offset is None:
            return None
        tz = _dt.timezone(_dt.timedelta(minutes=self.utc_offset))
        return _dt.datetime(
            self.year,
            self.month or 1,
            self.day or 1,
            self.hour,
            self.minute,
            self.second or 0,
            tzinfo=tz,
        )

    def _moment_key(self, end: bool) -> Key:
        """The key of the first (or last) second of this time of day, on the UTC time line."""
        clock = (self.hour or 0) * 3600 + (self.minute or 0) * 60  # both set with a time of day
        local = self.earliest.toordinal() * _SECONDS_PER_DAY + clock
        if self.second is not None:
            local += self.second
        elif end:
            local += 59  # a minute ends at its 59th second
        return divmod(local - (self.utc_offset or 0) * 60, _SECONDS_PER_DAY)

    @property
    def earliest_key(self) -> Key:
        """A totally ordered key for the earliest moment this date can be: its instant for a
        time of day, else the start of its first calendar day (see ``Key``).

        >>> a = PartialDate.parse("2021-06-10T01:30Z")
        >>> b = PartialDate.parse("2021-06-09T21:00-05:00")
        >>> a.instant < b.instant, a.earliest_key < b.earliest_key
        (True, True)
        """
        if self.hour is not None:
            return self._moment_key(end=False)
        return (self.earliest.toordinal(), _DAY_START)

    @property
    def latest_key(self) -> Key:
        """A totally ordered key for the latest moment this date can be: the last second of its
        time of day, else the end of its last calendar day."""
        if self.hour is not None:
            return self._moment_key(end=True)
        return (self.latest.toordinal(), _DAY_END)

    def sort_key(self) -> tuple[Key, Key, str]:
        """Order by earliest, then latest, then text: deterministic for uncertain dates."""
        return (self.earliest_key, self.latest_key, str(self))

    def may_overlap(self, other: PartialDate) -> bool:
        """Whether the two dates may be the same moment (their bounds intersect)."""
        return self.earliest_key <= other.latest_key and other.earliest_key <= self.latest_key


class Endpoint(enum.Enum):
    """A period end that is not a date: open (``..``) or unknown (empty text)."""

    OPEN = ".."
    UNKNOWN = ""

    def __repr__(self) -> str:
        return f"Endpoint.{self.name}"


OPEN: Final = Endpoint.OPEN
"""No start (since always) or no end (still going)."""

UNKNOWN: Final = Endpoint.UNKNOWN
"""A start or end that is not known."""


class Certainty(enum.Enum):
    """Which question a comparison of uncertain dates answers."""

    MAY = "may"
    """Possible: the bounds intersect."""
    SURELY = "surely"
    """Certain: holds however the uncertainty resolves."""


Bound: TypeAlias = PartialDate | Endpoint


def _parse_bound(text: str, whole: str, offset: int) -> Bound:
    if text == "..":
        return OPEN
    if text == "":
        return UNKNOWN
    try:
        return PartialDate.parse(text)
    except DateTextError as exc:
        raise DateTextError(exc.reason, whole, offset + exc.start, offset + exc.end) from None


def _check_bound(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, PartialDate | Endpoint):
        raise TypeError(f"{attribute.name} must be a PartialDate, OPEN or UNKNOWN")


@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class Period:
    """A span of time from ``start`` to ``end``, both inclusive.

    Each end is a :class:`PartialDate`, :data:`OPEN` or :data:`UNKNOWN`. EDTF interval text:
    ``2020-02/2020-05``, ``2018-01-01/..`` (still going), ``/2022-12-11`` (start unknown).

    >>> p = Period.parse("2020-02/2020-05")
    >>> first = PartialDate.parse("2020-02-01")
    >>> p.may_contain(first), p.surely_contains(first)
    (True, False)
    """

    start: Bound = attrs.field(default=UNKNOWN, validator=_check_bound)
    end: Bound = attrs.field(default=UNKNOWN, validator=_check_bound)

    @end.validator
    def _check_order(self, _attribute: object, _value: object) -> None:
        if (
            isinstance(self.start, PartialDate)
            and isinstance(self.end, PartialDate)
            and self.start.earliest_key > self.end.latest_key
        ):
            raise ShapeError(
                "end-before-start", f"period ends ({self.end}) before it starts ({self.start})"
            )

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read EDTF interval text; the canonical spelling only, so ``str()`` gives it back.

        One date is not a period here (``2020-07`` would not read back as itself): give
        ``2020-07/2020-07``, or use :func:`as_period`, which reads one date as all of it.
        """
        if not isinstance(text, str):
            raise DateTextError("a period must be text", repr(text))
        if "/" not in text and _EDTF_DATE.fullmatch(text):
            reason = f"a period is START/END: for all of {text}, write {text}/{text}"
            raise DateTextError(reason, text, 0, len(text))
        if text.count("/") != 1:
            at = text.find("/", text.find("/") + 1) if text.count("/") > 1 else 0
            raise DateTextError("a period is START/END with one '/'", text, max(at, 0), len(text))
        left, right = text.split("/")
        start = _parse_bound(left, text, 0)
        end = _parse_bound(right, text, len(left) + 1)
        try:
            return cls(start=start, end=end)
        except ValueError as exc:
            raise DateTextError(str(exc), text, 0, len(text)) from None

    @classmethod
    def between(cls, start: DateLike, end: DateLike) -> Period:
        """A period between two dates, each in any form :func:`as_date` accepts."""
        return cls(start=as_date(start), end=as_date(end))

    @classmethod
    def of(cls, date: PartialDate) -> Period:
        """The period a single partial date covers (``2020-02`` → all of February 2020)."""
        return cls(start=date, end=date)

    def __str__(self) -> str:
        return f"{self._text(self.start)}/{self._text(self.end)}"

    @staticmethod
    def _text(bound: Bound) -> str:
        return bound.value if isinstance(bound, Endpoint) else str(bound)

    # -- the two readings ---------------------------------------------------------------------

    def outer(self) -> tuple[Key, Key]:
        """The widest the period can be: the bounds used by *may* questions."""
        start = self.start.earliest_key if isinstance(self.start, PartialDate) else MINUS_INF
        end = self.end.latest_key if isinstance(self.end, PartialDate) else PLUS_INF
        return start, end

    def inner(self) -> tuple[Key, Key] | None:
        """The part the period surely covers, or ``None`` when nothing is certain.

        An end names a whole unit, included: a period from 2018-01-01 surely covers all of
        that day (a law in force from 2018-01-01 is in force on 2018-01-01), one from
        18:00 the whole minute. An end known only to the month or the year may be any day of
        it, so the sure part starts at the start of its *last* day (and ends at the end of the
        end's *first* day). An unknown end makes nothing certain: the period might be as short
        as one moment.
        """
        if self.start is UNKNOWN or self.end is UNKNOWN:
            return None
        start = MINUS_INF
        if isinstance(self.start, PartialDate):
            start = self.start.earliest_key
            if self.start.hour is None:
                start = (self.start.latest.toordinal(), _DAY_START)
        end = PLUS_INF
        if isinstance(self.end, PartialDate):
            end = self.end.latest_key
            if self.end.hour is None:
                end = (self.end.earliest.toordinal(), _DAY_END)
        return (start, end) if start <= end else None

    # -- questions ----------------------------------------------------------------------------

    def may_contain(self, date: DateLike) -> bool:
        """Whether ``date`` (any form :func:`as_date` accepts) may fall within the period."""
        point = as_date(date)
        start, end = self.outer()
        return start <= point.latest_key and point.earliest_key <= end

    def surely_contains(self, date: DateLike) -> bool:
        """Whether ``date`` falls within the period however either is resolved."""
        point = as_date(date)
        inner = self.inner()
        return inner is not None and inner[0] <= point.earliest_key and point.latest_key <= inner[1]

    def contains(self, date: DateLike, *, certainty: Certainty) -> bool:
        """:meth:`may_contain` or :meth:`surely_contains`, chosen by ``certainty``."""
        if certainty is Certainty.SURELY:
            return self.surely_contains(date)
        return self.may_contain(date)

    def may_overlap(self, other: Period) -> bool:
        """Whether the two periods may share a moment (their widest bounds intersect)."""
        a_start, a_end = self.outer()
        b_start, b_end = other.outer()
        return a_start <= b_end and b_start <= a_end

    def surely_overlaps(self, other: Period) -> bool:
        """Whether the two periods share a moment however their uncertain ends resolve."""
        a = self.inner()
        b = other.inner()
        return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]

    def overlaps(self, other: Period, *, certainty: Certainty) -> bool:
        """:meth:`may_overlap` or :meth:`surely_overlaps`, chosen by ``certainty``."""
        if certainty is Certainty.SURELY:
            return self.surely_overlaps(other)
        return self.may_overlap(other)

    def within(self, other: Period, *, certainty: Certainty) -> bool:
        """Whether this period lies inside ``other``.

        *may*: this period's widest bounds lie inside ``other``'s widest bounds; *surely*: they
        lie inside what ``other`` surely covers. Both are transitive.
        """
        start, end = self.outer()
        if certainty is Certainty.SURELY:
            inner = other.inner()
            return inner is not None and inner[0] <= start and end <= inner[1]
        o_start, o_end = other.outer()
        return o_start <= start and end <= o_end

    def intersection(self, other: Period) -> Period | None:
        """The period both may cover, or ``None`` when they cannot overlap.

        The later start and the earlier end are kept as written. A date wins over
        :data:`OPEN` and over :data:`UNKNOWN` (an unknown start may be any time, so the part
        both may cover starts at the known one), and :data:`UNKNOWN` wins over :data:`OPEN`.
        So the widest bounds of the result are exactly the intersection of the widest bounds,
        and the result lies within both. Commutative: ``a.intersection(b) == b.intersection(a)``.

        The result answers *may* questions exactly. It can claim more than is sure when the
        ends differ in precision (``../2019`` and ``../2019-02`` give ``../2019-02``, surely
        covering January 2019 although ``../2019`` may end on January 1): for *surely*
        questions, ask both periods.
        """
        if not self.may_overlap(other):
            return None
        start = _pick(self.start, other.start, later=True)
        end = _pick(self.end, other.end, later=False)
        if (
            isinstance(start, PartialDate)
            and isinstance(end, PartialDate)
            and start.earliest_key > end.latest_key
        ):
            return None
        return Period(start=start, end=end)

    def sort_key(self) -> tuple[Key, Key, str]:
        """Order periods by their widest start, then widest end, then text."""
        start, end = self.outer()
        if self.start is UNKNOWN:
            start = (start[0], start[1] + 1)  # unknown sorts just after open, before any date
        if self.end is UNKNOWN:
            end = (end[0], end[1] - 1)
        return (start, end, str(self))


def _pick(a: Bound, b: Bound, *, later: bool) -> Bound:
    if not isinstance(a, PartialDate):
        if isinstance(b, PartialDate):
            return b
        return UNKNOWN if UNKNOWN in (a, b) else OPEN
    if not isinstance(b, PartialDate):
        return a
    if later:
        return max(a, b, key=PartialDate.sort_key)
    return min(a, b, key=lambda d: (d.latest_key, d.earliest_key, str(d)))


# -- one way to give a date ---------------------------------------------------------------------

DateLike: TypeAlias = PartialDate | _dt.date | str
"""What a public parameter that takes a date accepts (see :func:`as_date`)."""

PeriodLike: TypeAlias = Period | PartialDate | _dt.date | str
"""What a public parameter that takes a period accepts (see :func:`as_period`)."""


def as_date(value: DateLike) -> PartialDate:
    """The :class:`PartialDate` a date parameter was given as: a :class:`PartialDate`, a
    :class:`datetime.date`, an *aware* :class:`datetime.datetime` (a naive one is an error: its
    moment is not known), or EDTF text at any precision (``2020``, ``2018-03``, ``2020-02-14``,
    ``2020-02-14T18:00-08:00``).

    Every public parameter of the library that takes a date reads it with this function.

    >>> str(as_date("2018-03")), str(as_date(_dt.date(2020, 2, 14)))
    ('2018-03', '2020-02-14')
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, str):
        return PartialDate.parse(value)
    if isinstance(value, _dt.date):
        return PartialDate.from_date(value)  # a datetime goes to from_datetime, naive refused
    raise TypeError(
        "expected a date: a PartialDate, a datetime.date, an aware datetime.datetime or EDTF "
        f"text, got {type(value).__name__}"
    )


def as_period(value: PeriodLike) -> Period:
    """The :class:`Period` a period parameter was given as: a :class:`Period`, EDTF interval
    text (``2020-02/2020-05``, ``2018-01-01/..``), or one date in any form :func:`as_date`
    accepts, meaning all of it: ``"2020-07"`` is every day of July 2020,
    ``2020-07-01/2020-07-31`` (an uncertain or approximate month, ``2020-07?``, stays
    :meth:`Period.of` it).

    :meth:`Period.parse` itself reads only interval text, the one spelling of a period in a
    document; this function is for parameters.

    >>> str(as_period("2020-07")), str(as_period("2020-02/2020-05"))
    ('2020-07-01/2020-07-31', '2020-02/2020-05')
    """
    if isinstance(value, Period):
        return value
    if isinstance(value, str) and "/" in value:
        return Period.parse(value)
    if isinstance(value, PartialDate | _dt.date | str):
        date = as_date(value)
        if date.precision in ("year", "month") and not (date.uncertain or date.approximate):
            # all of it, day by day: surely covering every day of it, not "from some day of
            # it to some day of it" as Period.of reads a month
            first, last = PartialDate.from_date(date.earliest), PartialDate.from_date(date.latest)
            return Period(start=first, end=last)
        return Period.of(date)
    raise TypeError(
        "expected a period: a Period, EDTF interval text, or one date meaning all of it, got "
        f"{type(value).__name__}"
    )


def as_date_or_period(value: PeriodLike) -> PartialDate | Period:
    """A :class:`Period` from a Period or interval text (``START/END``), else the date of
    :func:`as_date`: for parameters that ask about a moment, a day or a span alike."""
    if isinstance(value, Period) or (isinstance(value, str) and "/" in value):
        return as_period(value)
    return as_date(value)


# -- fiscal calendars --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FiscalCalendar:
    """A fiscal calendar: the month its year starts in, named by the calendar year it ends in.

    >>> str(US_FEDERAL.year(2019))
    '2018-10-01/2019-09-30'
    >>> str(US_STATE.year(2019))
    '2018-07-01/2019-06-30'
    >>> str(US_FEDERAL.quarter(2019, 1))
    '2018-10-01/2018-12-31'
    """

    name: str
    first_month: int = attrs.field()

    @first_month.validator
    def _check_month(self, _attribute: object, value: int) -> None:
        if type(value) is not int or not 1 <= value <= 12:
            raise _bad("first_month must be an int from 1 to 12")

    def _start(self, year: int) -> _dt.date:
        if self.first_month == 1:
            return _dt.date(year, 1, 1)
        return _dt.date(year - 1, self.first_month, 1)

    def year(self, year: int) -> Period:
        """Fiscal year ``year`` (named by the calendar year it ends in) as exact dates."""
        start = self._start(year)
        end = _add_months(start, 12) - _dt.timedelta(days=1)
        return Period(start=PartialDate.from_date(start), end=PartialDate.from_date(end))

    def quarter(self, year: int, quarter: int) -> Period:
        """Quarter ``quarter`` (1–4) of fiscal year ``year`` as exact dates."""
        if not 1 <= quarter <= 4:
            raise _bad("quarter must be 1, 2, 3 or 4")
        start = _add_months(self._start(year), 3 * (quarter - 1))
        end = _add_months(start, 3) - _dt.timedelta(days=1)
        return Period(start=PartialDate.from_date(start), end=PartialDate.from_date(end))

    def year_of(self, date: _dt.date) -> int:
        """The fiscal year a calendar day falls in."""
        if self.first_month == 1 or date.month < self.first_month:
            return date.year
        return date.year + 1


def _add_months(day: _dt.date, months: int) -> _dt.date:
    index = day.year * 12 + (day.month - 1) + months
    return _dt.date(index // 12, index % 12 + 1, 1)


CALENDAR_YEAR: Final = FiscalCalendar(name="calendar", first_month=1)
"""Fiscal years that are calendar years."""

US_FEDERAL: Final = FiscalCalendar(name="us-federal", first_month=10)
"""The US federal government's fiscal year: FY2019 is 2018-10-01/2019-09-30."""

US_STATE: Final = FiscalCalendar(name="us-state", first_month=7)
"""The July–June fiscal year of most US states: California's FY2018-19 is 2018-07-01/2019-06-30."""
