"""Golden table of news date phrases: (phrase, reference date, fiscal calendar, expected EDTF).

The first rows are every date expression of the founding story (Los Angeles Times, published
Friday 2020-02-14; ``shared/seed/la-times-2020-02-ice-cbp-sanctuary-cities.txt``). Reference
dates used below, with their weekdays:

* 2020-02-14 Friday (the founding story)   * 2020-02-16 Sunday     * 2020-01-06 Monday
* 2019-12-31 Tuesday                      * 2021-03-03 Wednesday  * 2020-08-20 Thursday

This module is plain data (no imports from the library) so that a subprocess can load it.
"""

from __future__ import annotations

from typing import Final

FOUNDING: Final = "2020-02-14"
SUNDAY: Final = "2020-02-16"
MONDAY: Final = "2020-01-06"
NEW_YEARS_EVE: Final = "2019-12-31"
WEDNESDAY: Final = "2021-03-03"
AUGUST: Final = "2020-08-20"

FEDERAL: Final = "us-federal"
STATE: Final = "us-state"
CALENDAR: Final = "calendar"

# (phrase, reference, fiscal calendar, expected canonical EDTF text)
GOLDEN: Final[tuple[tuple[str, str, str, str], ...]] = (
    # -- the founding story, 2020-02-14 ------------------------------------------------------
    ("Friday", FOUNDING, FEDERAL, "2020-02-14"),  # "confirmed Friday", "released a video Friday"
    ("last year", FOUNDING, FEDERAL, "2019"),  # SB 54 "went into effect last year"
    ("from February through May", FOUNDING, FEDERAL, "2020-02/2020-05"),
    ("February through May", FOUNDING, FEDERAL, "2020-02/2020-05"),
    ("fiscal year 2018", FOUNDING, FEDERAL, "2017-10-01/2018-09-30"),
    ("fiscal year 2019", FOUNDING, FEDERAL, "2018-10-01/2019-09-30"),  # "the following fiscal year"
    ("over the weekend", FOUNDING, FEDERAL, "2020-02-15/2020-02-16"),
    # -- absolute dates -----------------------------------------------------------------------
    ("February 14, 2020", FOUNDING, FEDERAL, "2020-02-14"),
    ("Feb. 4, 1971", FOUNDING, FEDERAL, "1971-02-04"),
    ("Sept. 5, 2019", FOUNDING, FEDERAL, "2019-09-05"),
    ("Sept 11, 2001", FOUNDING, FEDERAL, "2001-09-11"),
    ("14 February 2020", FOUNDING, FEDERAL, "2020-02-14"),
    ("the 14th of February, 2020", FOUNDING, FEDERAL, "2020-02-14"),
    ("2020-02-14", FOUNDING, FEDERAL, "2020-02-14"),
    ("  ON FEBRUARY 14, 2020. ", FOUNDING, FEDERAL, "2020-02-14"),
    ("Friday, Feb. 14, 2020", FOUNDING, FEDERAL, "2020-02-14"),
    ("Tues., Feb. 11", FOUNDING, FEDERAL, "2020-02-11"),
    ("2/14/2020", FOUNDING, FEDERAL, "2020-02-14"),
    ("14/2/2020", FOUNDING, FEDERAL, "2020-02-14"),
    ("February 2020", FOUNDING, FEDERAL, "2020-02"),
    ("Feb 2020", FOUNDING, FEDERAL, "2020-02"),
    ("February of 2020", FOUNDING, FEDERAL, "2020-02"),
    ("2020-02", FOUNDING, FEDERAL, "2020-02"),
    ("2019", FOUNDING, FEDERAL, "2019"),
    ("in 2019.", FOUNDING, FEDERAL, "2019"),
    ("the 1990s", FOUNDING, FEDERAL, "1990/1999"),
    ("calendar year 2019", FOUNDING, FEDERAL, "2019"),
    # -- yearless dates: the year nearest the reference ---------------------------------------
    ("on Feb. 4", FOUNDING, FEDERAL, "2020-02-04"),
    ("Dec. 2", FOUNDING, FEDERAL, "2019-12-02"),  # two months back, not ten ahead
    ("June 3", FOUNDING, FEDERAL, "2020-06-03"),  # four months ahead, not eight back
    ("July 4th", FOUNDING, FEDERAL, "2020-07-04"),
    ("December", MONDAY, FEDERAL, "2019-12"),
    ("March", AUGUST, FEDERAL, "2020-03"),
    # -- ranges -------------------------------------------------------------------------------
    ("from February to May 2020", FOUNDING, FEDERAL, "2020-02/2020-05"),
    ("February to May", FOUNDING, FEDERAL, "2020-02/2020-05"),
    ("from November to February 2020", FOUNDING, FEDERAL, "2019-11/2020-02"),
    ("2018-2020", FOUNDING, FEDERAL, "2018/2020"),
    ("2018–2020", FOUNDING, FEDERAL, "2018/2020"),
    ("2018–19", FOUNDING, FEDERAL, "2018/2019"),
    ("between 2018 and 2020", FOUNDING, FEDERAL, "2018/2020"),
    ("between March 1 and March 5", FOUNDING, FEDERAL, "2020-03-01/2020-03-05"),
    ("March 1-5, 2020", FOUNDING, FEDERAL, "2020-03-01/2020-03-05"),
    ("5-7 March 2020", FOUNDING, FEDERAL, "2020-03-05/2020-03-07"),
    ("from Jan. 1 until March 31, 2021", FOUNDING, FEDERAL, "2021-01-01/2021-03-31"),
    ("Feb. 28-March 2", FOUNDING, FEDERAL, "2020-02-28/2020-03-02"),
    ("Dec. 30-Jan. 2", MONDAY, FEDERAL, "2019-12-30/2020-01-02"),
    ("Dec. 30, 2019-Jan. 2, 2020", FOUNDING, FEDERAL, "2019-12-30/2020-01-02"),
    ("since 2017", FOUNDING, FEDERAL, "2017/.."),
    ("since December", FOUNDING, FEDERAL, "2019-12/.."),
    ("since last year", FOUNDING, FEDERAL, "2019/.."),
    ("until May 2020", FOUNDING, FEDERAL, "/2020-05"),
    ("through May", FOUNDING, FEDERAL, "/2020-05"),
    ("from fiscal year 2018 to 2019", FOUNDING, FEDERAL, "2017-10-01/2019-09-30"),
    # -- relative to the reference ------------------------------------------------------------
    ("last Friday", FOUNDING, FEDERAL, "2020-02-07"),
    ("next Friday", FOUNDING, FEDERAL, "2020-02-21"),
    ("on Monday", FOUNDING, FEDERAL, "2020-02-10"),
    ("Thursday", FOUNDING, FEDERAL, "2020-02-13"),
    ("Saturday", FOUNDING, FEDERAL, "2020-02-08"),
    ("this past Monday", FOUNDING, FEDERAL, "2020-02-10"),
    ("yesterday", FOUNDING, FEDERAL, "2020-02-13"),
    ("today", FOUNDING, FEDERAL, "2020-02-14"),
    ("tomorrow", FOUNDING, FEDERAL, "2020-02-15"),
    ("last night", FOUNDING, FEDERAL, "2020-02-13"),
    ("last week", FOUNDING, FEDERAL, "2020-02-03/2020-02-09"),
    ("this week", FOUNDING, FEDERAL, "2020-02-10/2020-02-16"),
    ("next week", FOUNDING, FEDERAL, "2020-02-17/2020-02-23"),
    ("a week ago", FOUNDING, FEDERAL, "2020-02-03/2020-02-09"),
    ("last weekend", FOUNDING, FEDERAL, "2020-02-08/2020-02-09"),
    ("this weekend", FOUNDING, FEDERAL, "2020-02-15/2020-02-16"),
    ("last month", FOUNDING, FEDERAL, "2020-01"),
    ("this month", FOUNDING, FEDERAL, "2020-02"),
    ("next month", FOUNDING, FEDERAL, "2020-03"),
    ("earlier this month", FOUNDING, FEDERAL, "2020-02-01/2020-02-14"),
    ("later this year", FOUNDING, FEDERAL, "2020-02-14/2020-12-31"),
    ("this year", FOUNDING, FEDERAL, "2020"),
    ("next year", FOUNDING, FEDERAL, "2021"),
    ("two years ago", FOUNDING, FEDERAL, "2018"),
    ("3 days ago", FOUNDING, FEDERAL, "2020-02-11"),
    ("last May", FOUNDING, FEDERAL, "2019-05"),
    ("mid-December", FOUNDING, FEDERAL, "2019-12-11/2019-12-20"),
    ("mid-Feb. 2019", FOUNDING, FEDERAL, "2019-02-11/2019-02-20"),
    ("next May", FOUNDING, FEDERAL, "2020-05"),
    ("last quarter", FOUNDING, FEDERAL, "2019-10-01/2019-12-31"),
    ("this quarter", FOUNDING, FEDERAL, "2020-01-01/2020-03-31"),
    ("Friday", SUNDAY, FEDERAL, "2020-02-14"),
    ("last Friday", SUNDAY, FEDERAL, "2020-02-14"),
    ("the weekend", SUNDAY, FEDERAL, "2020-02-15/2020-02-16"),
    ("Monday", MONDAY, FEDERAL, "2020-01-06"),  # on a Monday, "Monday" is that day
    ("last Monday", MONDAY, FEDERAL, "2019-12-30"),
    ("last week", MONDAY, FEDERAL, "2019-12-30/2020-01-05"),
    ("last month", MONDAY, FEDERAL, "2019-12"),
    ("over the weekend", MONDAY, FEDERAL, "2020-01-04/2020-01-05"),
    ("last year", NEW_YEARS_EVE, FEDERAL, "2018"),
    ("tomorrow", NEW_YEARS_EVE, FEDERAL, "2020-01-01"),
    ("next month", NEW_YEARS_EVE, FEDERAL, "2020-01"),
    ("earlier this week", WEDNESDAY, FEDERAL, "2021-03-01/2021-03-03"),
    # -- fiscal years and quarters ------------------------------------------------------------
    ("FY2019", FOUNDING, FEDERAL, "2018-10-01/2019-09-30"),
    ("FY 2019", FOUNDING, FEDERAL, "2018-10-01/2019-09-30"),
    ("FY19", FOUNDING, FEDERAL, "2018-10-01/2019-09-30"),
    ("FY 2018-19", FOUNDING, FEDERAL, "2018-10-01/2019-09-30"),
    ("fiscal 2019", FOUNDING, FEDERAL, "2018-10-01/2019-09-30"),
    ("fiscal year 2018-2019", FOUNDING, FEDERAL, "2018-10-01/2019-09-30"),
    ("FY 2018-19", FOUNDING, STATE, "2018-07-01/2019-06-30"),  # California's budget year
    ("fiscal year 2019", FOUNDING, STATE, "2018-07-01/2019-06-30"),
    ("FY2019", FOUNDING, CALENDAR, "2019-01-01/2019-12-31"),
    ("fiscal years 2018-2020", FOUNDING, FEDERAL, "2017-10-01/2020-09-30"),
    ("this fiscal year", FOUNDING, FEDERAL, "2019-10-01/2020-09-30"),
    ("last fiscal year", FOUNDING, FEDERAL, "2018-10-01/2019-09-30"),
    ("Q3 2018", FOUNDING, FEDERAL, "2018-07-01/2018-09-30"),  # no "fiscal": a calendar quarter
    ("third quarter of 2018", FOUNDING, FEDERAL, "2018-07-01/2018-09-30"),
    ("the third quarter of fiscal 2018", FOUNDING, FEDERAL, "2018-04-01/2018-06-30"),
    ("Q3 FY2018", FOUNDING, FEDERAL, "2018-04-01/2018-06-30"),
    ("FY2018 Q3", FOUNDING, FEDERAL, "2018-04-01/2018-06-30"),
    ("Q1 FY2019", FOUNDING, STATE, "2018-07-01/2018-09-30"),
    ("the first half of 2019", FOUNDING, FEDERAL, "2019-01-01/2019-06-30"),
    ("the second half of fiscal 2019", FOUNDING, FEDERAL, "2019-04-01/2019-09-30"),
)

# (phrase, reference, reason, start, end): phrases that must raise, and where the caret goes.
ERRORS: Final[tuple[tuple[str, str, str, int, int], ...]] = (
    (
        "the following fiscal year",
        FOUNDING,
        "'following' refers to a date named earlier in the story: give the date itself",
        4,
        13,
    ),
    ("Febtober 3", FOUNDING, "cannot read 'Febtober' as a date", 0, 8),
    ("the 32nd of May", FOUNDING, "there is no day 32", 4, 8),
    ("February 30", FOUNDING, "there is no day 30 in February 2020", 9, 11),
    ("Feb. 29, 2019", FOUNDING, "there is no day 29 in February 2019", 5, 7),
    (
        "12/03/2020",
        FOUNDING,
        "ambiguous: 12/03 is December 3 or March 12: write the month's name",
        0,
        5,
    ),
    ("12/3", FOUNDING, "ambiguous: 12/3 is December 3 or March 12: write the month's name", 0, 4),
    ("August", FOUNDING, "ambiguous without a year: August 2019 or August 2020", 0, 6),
    ("Aug. 1", FOUNDING, "ambiguous without a year: August 2019 or August 2020", 0, 6),
    ("February", AUGUST, "ambiguous without a year: February 2020 or February 2021", 0, 8),
    (
        "January through March",
        AUGUST,
        "ambiguous without a year: January 2020 to March 2020 or January 2021 to March 2021",
        0,
        21,
    ),
    (
        "this Friday",
        FOUNDING,
        "ambiguous: 'this Friday' may be this week's or the coming one: "
        "write 'last Friday', 'next Friday' or the date",
        0,
        11,
    ),
    (
        "the weekend",
        WEDNESDAY,
        "ambiguous: the weekend just past (2021-02-27/2021-02-28) "
        "or the coming one (2021-03-06/2021-03-07)",
        4,
        11,
    ),
    ("2011-12", FOUNDING, "ambiguous: December 2011 or the years 2011 to 2012", 0, 7),
    ("FY70", FOUNDING, "ambiguous two-digit year: 1970 or 2070", 2, 4),
    ("FY 2018-20", FOUNDING, "a fiscal year spans two consecutive calendar years", 8, 10),
    ("Q5 2018", FOUNDING, "a quarter is Q1, Q2, Q3 or Q4", 1, 2),
    (
        "the third quarter",
        FOUNDING,
        "a quarter needs a year (Q3 2018, the third quarter of fiscal 2018)",
        17,
        18,
    ),
    ("Saturday, Feb. 14, 2020", FOUNDING, "February 14, 2020 is a Friday, not a Saturday", 0, 8),
    ("from March 5 to March 1, 2020", FOUNDING, "the range ends before it starts", 5, 29),
    (
        "from 2017",
        FOUNDING,
        "expected 'to', 'through' or 'until' after the start of the range",
        9,
        10,
    ),
    ("since Trump took office", FOUNDING, "cannot read 'Trump' as a date", 6, 11),
    ("early 2019", FOUNDING, "'early' has no exact bounds: give the month or the range", 0, 5),
    (
        "yesterday at 3 p.m.",
        FOUNDING,
        "a time of day is not read from copy (it needs a UTC offset): give the date alone",
        10,
        19,
    ),
    (
        "yesterday afternoon",
        FOUNDING,
        "'afternoon' is a time of day, not read from copy (it needs a UTC offset): "
        "give the date alone",
        10,
        19,
    ),
    ("May 2020 and June", FOUNDING, "unexpected words after the date", 9, 17),
    ("Friday @ noon", FOUNDING, "unexpected character '@'", 7, 8),
    ("2020-13-01", FOUNDING, "there is no month 13", 5, 7),
    ("", FOUNDING, "empty date phrase", 0, 1),
)
