"""Dates as UK board papers write them, resolved to ISO days and periods."""

from __future__ import annotations

import datetime as dt

import pytest

from boardpapers.facts.dates import find_dates
from boardpapers.vocab.dates import parse_date

REF = dt.date(2024, 8, 23)  # the paper's own date, for dates written without a year

# (text, written, ISO day)
DAYS = [
    ("23 AUGUST 2024", "23 AUGUST 2024", "2024-08-23"),
    ("held on Friday, 5 March 2021 online", "Friday, 5 March 2021", "2021-03-05"),
    ("on 10th March 2021.", "10th March 2021", "2021-03-10"),
    ("Monday 2 nd October 2019", "Monday 2 nd October 2019", "2019-10-02"),
    ("THURSDAY 7TH MARCH, 2019", "THURSDAY 7TH MARCH, 2019", "2019-03-07"),
    ("14 Sep 2019 - 19:00", "14 Sep 2019", "2019-09-14"),
    ("Sat 7 Jun 24", "Sat 7 Jun 24", "2024-06-07"),
    ("received 23/05/2017 by", "23/05/2017", "2017-05-23"),
    ("dated 11.09.2016.", "11.09.2016", "2016-09-11"),
    ("on March 5th 2021 we", "March 5th 2021", "2021-03-05"),
    ("on March 5, 2021 we", "March 5, 2021", "2021-03-05"),
    ("the 5 th of March 2021", "5 th of March 2021", "2021-03-05"),
    ("by 31 <sup>st</sup> March 2021", "31 <sup>st</sup> March 2021", "2021-03-31"),
    ("meeting on 20\nMay 2021 at", "20\nMay 2021", "2021-05-20"),
    ("Sevenoaks District Council2 March 2021", "2 March 2021", "2021-03-02"),
    ("the Sept. 14 2023 report", "Sept. 14 2023", "2023-09-14"),
    ("the 14 Sept 2023 report", "14 Sept 2023", "2023-09-14"),
    ("Members' Bulletin Issue 18 - 14 November 2024", "14 November 2024", "2024-11-14"),
    ("Published: 2025-03-11", "2025-03-11", "2025-03-11"),
]


@pytest.mark.parametrize(("text", "written", "iso"), DAYS)
def test_days(text: str, written: str, iso: str) -> None:
    [fact] = find_dates(text, 5, REF)
    assert (fact.text, fact.date, fact.parsed) == (written, iso, True)
    assert text[fact.span.start:fact.span.end] == written
    assert parse_date(written) == iso


# Written without a year: the year comes from the paper's date (REF, 23 August 2024).
NO_YEAR = [
    ("a follow-up session is being held on Wednesday 18 September online",
     "Wednesday 18 September", "2024-09-18"),
    ("glued on5 March", "5 March", "2024-03-05"),
    ("The panel took place on 15 July with six councils", "15 July", "2024-07-15"),
    ("The course will start on 21 January", "21 January", "2025-01-21"),
]


@pytest.mark.parametrize(("text", "written", "iso"), NO_YEAR)
def test_days_without_year_take_it_from_the_paper(text: str, written: str, iso: str) -> None:
    [fact] = find_dates(text, 5, REF)
    assert (fact.text, fact.date) == (written, iso)


def test_day_without_year_or_paper_date_is_kept_without_a_guess() -> None:
    [fact] = find_dates("on 5 March", 5, None)
    assert (fact.date, fact.period, fact.parsed) == (None, "--03-05", True)
    assert parse_date("5 March") is None
    assert parse_date("5 March", dt.date(2021, 1, 10)) == "2021-03-05"


def test_range_crossing_the_year_end_goes_into_next_year() -> None:
    text = "ILM 3 Award in Leadership and Management (7 days from 15 October to 21 January)"
    [fact] = find_dates(text, 5, REF)
    assert (fact.text, fact.date, fact.end_date) == (
        "15 October to 21 January", "2024-10-15", "2025-01-21")


def test_day_range_in_one_month() -> None:
    [fact] = find_dates("The conference runs 15-17 March 2021 in Leeds", 5, REF)
    assert (fact.text, fact.date, fact.end_date, fact.kind) == (
        "15-17 March 2021", "2021-03-15", "2021-03-17", "event")


def test_range_with_only_the_end_year() -> None:
    [fact] = find_dates("from 1 December to 31 January 2025", 5, None)
    assert (fact.date, fact.end_date) == ("2024-12-01", "2025-01-31")


def test_days_of_one_month_joined_by_to_stay_one_range() -> None:
    [fact] = find_dates("The exhibition is open from 9 June to 14 June 2031.", 5, None)
    assert (fact.text, fact.date, fact.end_date) == (
        "9 June to 14 June 2031", "2031-06-09", "2031-06-14")


@pytest.mark.parametrize(("text", "written"), [
    # two whole dates, each with its own year: a reader cites each one
    ("The scheme ran from 3rd May 2029 to 28th February 2031 in full.",
     [("3rd May 2029", "2029-05-03"), ("28th February 2031", "2031-02-28")]),
    # a list of days in different months, not a range
    ("Panels sit on 12 March 2031 and 9 July 2031 at the Guildhall.",
     [("12 March 2031", "2031-03-12"), ("9 July 2031", "2031-07-09")]),
    # the same day of the month in two years
    ("reviewed on 4th October 2028 and 4th October 2029",
     [("4th October 2028", "2028-10-04"), ("4th October 2029", "2029-10-04")]),
])
def test_two_whole_dates_are_two_dates_not_a_range(
        text: str, written: list[tuple[str, str]]) -> None:
    found = find_dates(text, 5, None)
    assert [(f.text, f.date, f.end_date) for f in found] == [(w, d, None) for w, d in written]


# (text, written, period)
PERIODS = [
    ("before its national launch in Autumn 2024.", "Autumn 2024", "2024-autumn"),
    ("phased in to run to 2028/2029.", "2028/2029", "2028/2029"),
    ("SLI activity in 2020/21", "2020/21", "2020/2021"),
    ("Support to Member Organisations for 2016-17", "2016-17", "2016/2017"),
    ("Membership 2020/2021", "2020/2021", "2020/2021"),
    ("from April 2022, councils", "April 2022", "2022-04"),
    ("delivery in Q3 2024/25", "Q3 2024/25", "2024/2025-Q3"),
    ("by Q1 2025", "Q1 2025", "2025-Q1"),
    ("set to commence from next year until 2027.", "2027", "2027"),
    ("has met since 2015,", "2015", "2015"),
    ("in mid-2025", "2025", "2025"),
]


@pytest.mark.parametrize(("text", "written", "period"), PERIODS)
def test_periods(text: str, written: str, period: str) -> None:
    [fact] = find_dates(text, 5, REF)
    assert (fact.text, fact.date, fact.period, fact.kind) == (written, None, period, "period")
    assert parse_date(text) is None


def test_week_commencing() -> None:
    [fact] = find_dates("Training runs w/c 4 March", 5, dt.date(2024, 2, 1))
    assert (fact.text, fact.date, fact.period) == ("w/c 4 March", "2024-03-04", "2024-W10")


def test_typo_year_is_reported_unparsed_never_guessed() -> None:
    text = "Handling Difficult Situations and People - 27 September 20204 - 9:30 - 4:30"
    [fact] = find_dates(text, 5, REF)
    assert (fact.text, fact.date, fact.period, fact.parsed) == (
        "27 September 20204", None, None, False)
    assert parse_date("27 September 20204") is None
    [bad] = find_dates("on 31 February 2021", 5, REF)
    assert (bad.date, bad.parsed) == (None, False)


@pytest.mark.parametrize(("text", "kind"), [
    ("The deadline for applications is 5 March 2021.", "deadline"),
    ("Please submit your comments by Friday 5 March 2021.", "deadline"),
    ("Responses no later than 5 March 2021", "deadline"),
    ("The closing date for consultation is 10<sup>th</sup> March 2021.", "deadline"),
    ("Date of Next Meeting: Thursday, 20 May 2021, 11.00 am, venue tbc", "meeting"),
    ("The Board will meet on 5 March 2021.", "meeting"),
    ("Join our webinar on 5 March 2021 about housing.", "event"),
    ("A training session on 5 March 2021.", "event"),
    ("Guidance was issued on 5 March 2021.", "other"),
])
def test_kind_from_words_around(text: str, kind: str) -> None:
    [fact] = find_dates(text, 30, REF)
    assert fact.kind == kind


def test_date_alone_at_the_top_is_the_publication_date() -> None:
    [fact] = find_dates("**23 AUGUST 2024**", 2, None)
    assert (fact.kind, fact.date) == ("publication", "2024-08-23")
    [later] = find_dates("23 AUGUST 2024", 200, None)
    assert later.kind == "other"


@pytest.mark.parametrize(("text", "time"), [
    ("There will be a meeting at 11.00 am on Friday, 5 March 2021 online", "11:00"),
    ("14 Sep 2019 - 19:00", "19:00"),
    ("Thursday, 20 May 2021, 2pm", "14:00"),
    ("5 March 2021 at 10.30", "10:30"),
    ("5 March 2021. 2.1 The board", None),
])
def test_time_next_to_a_date(text: str, time: str | None) -> None:
    [fact] = find_dates(text, 30, REF)
    assert fact.time == time


@pytest.mark.parametrize("text", [
    "2.1 The board noted", "Group Office: 020 7664 3223", "Cohort 22 started", "£60m",
    "see pages 1 - 8", "a return of over 3:1", "councils may 5 times", "version 1.2.3",
    "7429 applicants", "2,300 new homes", "In March 5 councils joined", "Tel 01234 567890",
    "COVID-19", "about 2000 people",
])
def test_not_dates(text: str) -> None:
    assert find_dates(text, 5, REF) == []


@pytest.mark.parametrize(("text", "written", "date", "period"), [
    ("the position as at October 2025-26", "October 2025-26", None, "2025-10"),
    ("monitoring for January 2025-26", "January 2025-26", None, "2026-01"),
    ("as at 31 January 2025-2026, the forecast", "31 January 2025-2026", "2026-01-31", None),
    ("the Quarter Two 2025/26 report", "Quarter Two 2025/26", None, "2025/2026-Q2"),
    ("savings in FY25/26", "FY25/26", None, "2025/2026"),
    ("the 2025-2026 budget", "2025-2026", None, "2025/2026"),
])
def test_months_and_quarters_of_financial_years(text: str, written: str, date: str | None,
                                                period: str | None) -> None:
    [fact] = find_dates(text, 30, REF)
    assert (fact.text, fact.date, fact.period) == (written, date, period)


def test_meeting_line_of_a_moderngov_page() -> None:
    [fact] = find_dates("Meeting: 14/10/2025 - Overview and Scrutiny (Item 7)", 30, REF)
    assert (fact.date, fact.kind) == ("2025-10-14", "meeting")
    [dated] = find_dates("Wednesday 3 December 2025, 2.45pm Extraordinary Meeting", 30, REF)
    assert (dated.date, dated.time, dated.kind) == ("2025-12-03", "14:45", "meeting")


@pytest.mark.parametrize(("text", "written", "iso", "kind"), [
    ("Cyfarfod: Dydd Mawrth, 20 Mai 2025, 10.00 am", "Dydd Mawrth, 20 Mai 2025", "2025-05-20",
     "meeting"),
    ("Ymatebion erbyn 31 Mawrth 2026", "31 Mawrth 2026", "2026-03-31", "deadline"),
    ("o'r 1af Ebrill 2025", "1af Ebrill 2025", "2025-04-01", "other"),
])
def test_welsh_dates(text: str, written: str, iso: str, kind: str) -> None:
    [fact] = find_dates(text, 30, REF)
    assert (fact.text, fact.date, fact.kind) == (written, iso, kind)


def test_future_day_on_the_paper_date_stays_in_its_year() -> None:
    text = "A pack of information will be provided to members on March 5th."
    [fact] = find_dates(text, 3, dt.date(2021, 3, 5))
    assert fact.date == "2021-03-05"


def test_date_under_a_date_label_is_the_meeting_date() -> None:
    assert [d.kind for d in find_dates("Date: Tuesday, 14 May 2024", 3)] == ["meeting"]
    bilingual = find_dates(
        "Dyddiad / Date: Dydd Iau, 12 Medi 2024 / Thursday, 12 September 2024", 2)
    assert [(d.date, d.kind) for d in bilingual] == [("2024-09-12", "meeting")] * 2
    assert [d.kind for d in find_dates("Report date: 9 October 2024", 3)] == ["other"]


def test_bare_month_before_a_month_and_year_takes_its_year() -> None:
    found = find_dates("Visits rose between January and March 2025 across the region.", 20)
    assert [(d.text, d.period) for d in found] == [("January", "2025-01"),
                                                   ("March 2025", "2025-03")]
    winter = find_dates("from November to February 2025", 20)
    assert [d.period for d in winter] == ["2024-11", "2025-02"]


def _kinds(text: str, ref: dt.date = dt.date(2025, 6, 3)) -> list[tuple[str, str | None, str]]:
    return [(f.text, f.date or f.period, f.kind) for f in find_dates(text, 30, ref)]


def test_early_mid_and_late_months_take_the_year_nearest_the_paper() -> None:
    assert _kinds("The Q3 review will be reported in mid-February.") == [
        ("mid-February", "2026-02", "other")]
    assert _kinds("Since launching at the end of August, we ran 15 checks.",
                  dt.date(2021, 3, 5)) == [("August", "2020-08", "other")]
    assert [(f.text, f.period) for f in find_dates("in mid-February", 0, None)] == [
        ("mid-February", "--02")]


def test_a_month_after_by_the_end_of_is_a_deadline() -> None:
    assert _kinds("asks for an update by the end of June 2026.") == [
        ("June 2026", "2026-06", "deadline")]
    assert _kinds("Applications close by the end of January; councils have until the end "
                  "of March to sign up.") == [("January", "2026-01", "deadline"),
                                               ("March", "2026-03", "deadline")]


def test_a_local_plan_span_of_fifteen_years_is_a_period() -> None:
    assert _kinds("the Local Plan 2018-2033 sets") == [("2018-2033", "2018/2033", "period")]
    assert _kinds("from 2018-2033") == [("2018-2033", "2018/2033", "period")]
    assert _kinds("a 2001-2050 scenario") == []


def test_a_body_named_before_a_date_makes_it_a_meeting_not_a_deadline() -> None:
    assert _kinds("The report will be considered by Cabinet on 11 February 2026, and "
                  "directorates must submit recovery plans by 9 January.") == [
        ("11 February 2026", "2026-02-11", "meeting"), ("9 January", "2026-01-09", "deadline")]
    assert _kinds("Westbrook City Council – Cabinet – 18 February 2026") == [
        ("18 February 2026", "2026-02-18", "meeting")]
    assert _kinds("Quarterly monitoring will go to Cabinet in Sept 2025 and Jan 2026.") == [
        ("Sept 2025", "2025-09", "meeting"), ("Jan 2026", "2026-01", "meeting")]
    assert _kinds("the launch at Barnsley Council on 5 March") == [
        ("5 March", "2025-03-05", "event")]


def test_one_dates_kind_words_do_not_decide_anothers() -> None:
    assert _kinds("Council tax bills go out w/c 9 March; the first instalment is due on "
                  "1 April 2026.") == [("w/c 9 March", "2026-03-09", "other"),
                                       ("1 April 2026", "2026-04-01", "deadline")]
    assert _kinds("The consultation runs from 1 July to 12 August 2025, with drop-in "
                  "sessions on 15–17 July 2025.")[0][2] == "other"


def test_a_newsletters_issue_month_is_its_publication_date() -> None:
    [fact] = find_dates("Issue 47 – September 2025", 1, None)
    assert (fact.period, fact.kind) == ("2025-09", "publication")
    [later] = find_dates("Issue 47 – September 2025", 40, None)
    assert later.kind == "period"
