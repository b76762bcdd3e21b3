"""Date phrases from news copy, read relative to a reference date (the publication date).

:func:`parse_date_text` reads them; this module's documentation is their specification, and the
table in the docs ("Date phrases") shows each form with an example. The machinery (a small
tokenizer and a recursive-descent grammar in ``policyconflict._phrases``) is private;
python-dateutil supplies the month and weekday names (``dateutil.parser.parserinfo``) and
the calendar arithmetic (``dateutil.relativedelta.relativedelta``).
`dateutil.parser.parse` is never called: it fills missing fields from today's date, and here
nothing may depend on the machine's clock, date or time zone. The result is a pure function of
``(text, reference, fiscal)``, and never more precise than the phrase: "February" is a month,
"last year" a year, "last week" the seven days of a week.

Phrases read (case-insensitive; surrounding space, a trailing period or comma, and a leading "on",
"in", "during" or "over" are tolerated):

* absolute: ``February 14, 2020``, ``Feb. 4, 1971``, ``Sept. 5, 2019``, ``14 February 2020``,
  ``the 14th of February``, ``Friday, Feb. 14, 2020`` (the weekday is checked), ``2020-02-14``,
  ``February 2020``, ``February of 2020``, ``2019``, ``2020-02``, ``the 1990s``, ``2/14/2020``
  (only when the order of day and month is unambiguous);
* ranges (a :class:`~policyconflict.dates.Period`): ``February through May``,
  ``from February to May 2020``, ``2018-2020``, ``2018–19``, ``between March 1 and March 5``,
  ``March 1-5, 2020``, ``Feb. 28-March 2``, ``from Jan. 1 until March 31, 2021``; open-ended:
  ``since 2017`` (``2017/..``: still going) and ``until May 2020`` (``/2020-05``: the start is
  *unknown*, not open — copy saying "until" rarely means "since the beginning of time");
* relative: ``today``, ``tonight``, ``yesterday``, ``tomorrow``, ``last night``, ``Friday``,
  ``last Friday``, ``next Friday``, ``this week``/``last week``/``next week`` (Monday to Sunday),
  ``this weekend``/``last weekend``/``next weekend``, ``the weekend``/``over the weekend``,
  ``this month``/``last month``/``next month``, ``this year``/``last year``/``next year``,
  ``this quarter``/``last quarter``/``next quarter``, ``last May``/``next May``,
  ``earlier this week|month|year``, ``later this week|month|year``, ``3 days ago``,
  ``two weeks ago``, ``a month ago``, ``two years ago``;
* part of a month: ``mid-December``, ``mid December 2019``, ``mid-Feb.``: days 11 to 20 of the
  month (a :class:`~policyconflict.dates.Period`; without a year, the month's year is placed as
  for ``December``);
* fiscal (resolved with the ``fiscal`` calendar; a fiscal year is named by the calendar year it
  ends in): ``fiscal year 2019``, ``fiscal 2019``, ``FY2019``, ``FY 2019``, ``FY19``,
  ``FY 2018-19``, ``fiscal year 2018-2019``, ``fiscal years 2018-2020``, ``this fiscal year``,
  ``last fiscal year``, ``Q3 FY2018``, ``FY2018 Q3``, ``the third quarter of fiscal 2018``,
  ``fiscal Q3 2018``, ``the first half of fiscal 2019``. Without "fiscal" or "FY" a quarter or a
  half is of the calendar year: ``Q3 2018`` is 2018-07-01/2018-09-30.

The rules, where copy leaves room for more than one reading:

* **Weekdays.** "Friday" is the most recent Friday on or before the reference (news copy is
  written in the past tense; on a Friday, "Friday" is that day). "last Friday" is the most recent
  Friday strictly before the reference, "next Friday" the first one strictly after it. "this
  Friday" is ambiguous (this week's, or the coming one?) and raises.
* **Weeks and weekends** are ISO weeks, Monday to Sunday. "last week" is the week before the
  reference's, "this weekend" the Saturday and Sunday of the reference's week, "last weekend" of
  the week before. "the weekend" / "over the weekend" is the *nearest* weekend: the reference's
  own on a Saturday or Sunday, the one just past on Monday or Tuesday, the coming one on Thursday
  or Friday; on a Wednesday both are three days away and the phrase raises as ambiguous.
* **Yearless dates.** A month, a day of a month or a range of months written without a year
  takes the year that puts it nearest the reference, counted in whole months (0 when the phrase
  covers the reference's month): "February through May" on 2020-02-14 is 2020-02/2020-05,
  "December" on 2020-01-10 is 2019-12. When two years are equally near ("August" on
  2020-02-14: six months either way) the phrase raises as ambiguous. After "since", the latest
  occurrence that starts no later than the reference's month is taken instead. In a range, a year
  written on one end carries to the other: the end is in the start's year unless its month comes
  before the start's month (then the next year), and the other way round.
* "last May" is the latest May before the reference's month, "next May" the first one after it,
  "this May" the reference year's.
* **Two-digit years** ("FY19", "2/14/20") take the century that puts them nearest the reference
  year, and raise when two are 50 years away. In ``2018-19`` the second year follows the first.
  ``YYYY-NN`` is read as a month when NN is 01-12 and as a span of years when NN is the last two
  digits of one of the following ten years; when both fit (``2011-12``) it raises as ambiguous.
* **Numeric dates** ``12/3`` and ``12/03/2020`` raise as ambiguous (3 December or 12 March?);
  ``2/14/2020`` and ``14/2/2020`` are unambiguous. ISO ``2020-12-03`` is always fine.
* **Parts of the day** ("Tuesday afternoon", "this morning", "yesterday evening", "on the
  night of June 8", "noon", "midnight") raise, naming the word. A window of hours (morning
  06:00-12:00, afternoon 12:00-18:00, ...) is a span of instants, and a time of day in this
  library carries a UTC offset (:class:`~policyconflict.dates.PartialDate`), which copy does not
  give; answering with the whole day would drop the word and claim more than the phrase says.
  "tonight" (the reference day) and "last night" (the day before) name a day and are read.
* A word the grammar does not use is never dropped: it raises, naming it ("May 2020 and June").
* "early", "late" and "mid" have no agreed bounds and raise, except "mid" before a month.
* "the following fiscal year", "the same month" and other phrases that refer back to something
  earlier in the story raise: they need a context this function does not have.
"""

from __future__ import annotations

import datetime as _dt

from policyconflict._phrases._parser import parse_phrase
from policyconflict.dates import US_FEDERAL, FiscalCalendar, PartialDate, Period

__all__ = ["parse_date_text"]


def parse_date_text(
    text: str,
    *,
    reference: _dt.date | PartialDate,
    fiscal: FiscalCalendar = US_FEDERAL,
) -> PartialDate | Period:
    """Read a date phrase from news copy, relative to ``reference`` (the publication date: a
    :class:`datetime.date`, or a :class:`PartialDate` known to the day).

    The phrases understood and the rules where copy leaves room for more than one reading are
    in this module's documentation. The result never depends on the machine's clock, date or
    time zone; a phrase that cannot be read, or can be read more than one way, raises
    :class:`~policyconflict.errors.DateTextError` pointing at the words.

    >>> str(parse_date_text("February through May", reference=_dt.date(2020, 2, 14)))
    '2020-02/2020-05'
    >>> str(parse_date_text("fiscal year 2019", reference=_dt.date(2020, 2, 14)))
    '2018-10-01/2019-09-30'
    """
    return parse_phrase(text, reference=reference, fiscal=fiscal)
