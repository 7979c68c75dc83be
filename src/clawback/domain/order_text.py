"""A court order's text made readable, and its date: ECF header stamps and pleading-paper line
numbers taken out (`clean`), the date it was signed or filed (`order_date`), a date as orders
write it parsed by a well-kept library (`parse_date`)."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["DATE", "MONTH", "SIGNED", "clean", "order_date", "parse_date"]

_STAMP = re.compile(  # spaces after its words may be lost: "Case3:10-cv-04892 Document39-1";
    # the older stamp gives the filing's pages as a range: "Filed 05/13/2006 Pages 1-7"; each
    # court its own words: "Filed on 06/10/19 in TXSD", "Entered on FLSD Docket 03/29/2016",
    # the D.C. Circuit's "USCA Case #18-7004 Document #1732051 Filed: 05/21/2018"
    # S.D. Ohio's "Case: 2:13-cv-00123 Doc #: 130 Filed: 07/08/14 Page: 1 of 9 PAGEID #: 2883";
    # E.D. Mich.'s "2:17-cv-10310-VAR-SDD Doc # 104-1 Filed 05/26/17 Pg 25 of 217 Pg ID 1702"
    r"(?:(?:USCA\s+)?Case:?\s*\S+|\b\d:\d{2}-[a-z]{2}-\d{3,5}(?:-[A-Z]{2,4})*)\s+"
    r"(?:Document|Doc\.?|ECF\s+No\.)\s*#?:?\s*\d+(?:-\d+)?\s*"
    r"(?:Filed|Entered)(?:\s+on)?:?\s*(?:[A-Z]{4}\s+Docket\s+)?"
    r"(?P<filed>\d{1,2}/\d{1,2}/\d{2,4})(?:\s+in\s+[A-Z]{4})?\s+"
    r"(?:(?:Page|Pg):?\s*\d+\s+of\s+\d+|Pages\s*\d+\s*-\s*\d+)"
    r"(?:\s+(?:Page\s*ID|PAGEID|Pg\s*ID)\s*[#.:]*\s*\d+)?",
    re.I,
)
# A paper filed again as another's exhibit carries both stamps, which a text layer may merge
# word by word: "Case … Document 202-2 Case … Document 171 Filed 03/11/2008 Filed 04/18/2008
# Page 1 of 4 Page 1 of 11"
_DOUBLE_STAMP = re.compile(
    r"Case\s*\S+\s+Document\s*\d+(?:-\d+)?\s+Case\s*\S+\s+Document\s*\d+(?:-\d+)?\s*"
    r"Filed\s*(?P<one>\d{1,2}/\d{1,2}/\d{2,4})\s+Filed\s*(?P<two>\d{1,2}/\d{1,2}/\d{2,4})\s+"
    r"Page\s*\d+\s+of\s+\d+\s+Page\s*\d+\s+of\s+\d+",
    re.I,
)
_NUMBER_LINE = re.compile(r"^[ \t]*(?:[1-9]|1\d|2[0-8])[ \t]*\n", re.M)  # a number alone
_LINE_NUMBER = re.compile(r"^[ \t]*(?:[1-9]|1\d|2[0-8])(?:[ \t]+|$)(?![.)])", re.M)
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE = rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
SIGNED = re.compile(
    r"(?:\bDATED\b:?|\bDated:|^[ \t]*Dated\b|\b[Ss]igned(?:\s+by\s[\s\S]{0,80}?\s+on)?|"
    # a docket text's "(Ordered by Judge ... on 6/5/2023)", "Entered by Magistrate Judge ... on"
    r"\b[OoEe](?:rdered|ntered)\s+by\s+(?:[A-Z][\w.]*\s+){0,3}?Judge\s[\s\S]{0,80}?\s+on|"
    rf"\bENTERED\b:?|\bEntered:|SO\s+ORDERED|\(Filed\s+on|\bDate:)[\s:,.]*(?:this\s+)?"
    rf"(?P<d>{DATE})",
    re.M,
)
#: civil minutes' date field as a page's text layer gives it, its colon lost (C.D. Cal.: "CIVIL
#: MINUTES - GENERAL Case No. ... Presiding: The Honorable Date December 4, 2014 ...")
_MINUTES_DATE = re.compile(rf"CIVIL\s+MINUTES[\s\S]{{0,400}}?\bDate:?\s+(?P<d>{DATE})")
_DAY_OF = re.compile(
    rf"(?:DATED|Dated|ENTERED)\s+this\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+day\s+of\s+"
    rf"(?P<month>{MONTH}),?\s+(?P<year>\d{{4}})"
)
_LONE_DATE = re.compile(
    rf"^\s*(?P<d>{DATE}|\d{{1,2}}-\d{{1,2}}-\d{{4}}|\d{{4}}-\d\d-\d\d)\s*$", re.M
)


def clean(text: str) -> tuple[str, date | None]:
    """``text`` without ECF header stamps and pleading-paper line numbers (on lines of their
    own, or run into the text), and the filing date of the first stamp (None without one)."""
    stamp, double = _STAMP.search(text), _DOUBLE_STAMP.search(text)
    filed = parse_date(stamp["filed"]) if stamp else None
    if filed is None and double is not None:  # the paper's first filing, of the two
        dates = [d for d in (parse_date(double["one"]), parse_date(double["two"])) if d]
        filed = min(dates) if dates else None
    text = _STAMP.sub(" ", _DOUBLE_STAMP.sub(" ", text))
    lines = text.splitlines()
    numbered = sum(1 for line in lines if _LINE_NUMBER.match(line))
    if lines and numbered >= 10 and numbered * 3 >= len([x for x in lines if x.strip()]):
        text = _LINE_NUMBER.sub("", _NUMBER_LINE.sub("", text))
    return _without_run_in_numbers(text), filed


#: a pleading page's first line numbers run into the text: "1 2 3 4 UNITED STATES DISTRICT COURT"
_RUN_IN_START = re.compile(r"(?<![\w.,])1 2 3 (?=\d|[A-Z])")
#: a number that may be a line's: one or two digits standing alone
_SMALL_NUMBER = re.compile(r"(?<![\w.,/:$#\u00a7\u00b6(-])(\d{1,2})(?![\w.,/:%)\]-])")
#: what makes a number part of the sentence, not a line's: "14 days", "Rule 26", "at 7" (never
#: a W.D. Wash. "MINUTE ORDER" after a line's number)
_COUNTED = re.compile(
    r"\s+(?:days?|business|calendar|court|weeks?|months?|years?|hours?|minutes?(?!\s+order)"
    r"|pages?|[ap]\.m\.)",
    re.I,
)
_NAMED_BEFORE = re.compile(
    rf"(?:{MONTH}|\b(?:No|Nos|Rule|Rules|at|page|pages|p|pp|Doc|Dkt|ECF|Exhibit|Ex|Chapter|"
    r"Section|Title|Count|Claim|Request|Interrogatory|paragraph|line|lines))\.?\s+$",
    re.I,
)
#: how far apart two line numbers may stand: a pleading line's characters, with room
_LINE_REACH = 220
#: how far ahead of the number expected a line's number may be, where the text layer moved some
#: before their turn
_AHEAD = 3


def _without_run_in_numbers(text: str) -> str:
    """``text`` without the pleading-paper line numbers a run-together text layer leaves in it
    ("... no later than 16 October 25, 2013, Plaintiff shall submit ... 17 as outlined"): from
    a page's "1 2 3", each next number in turn (after 28, or a page's end, 1 again; or up to
    three ahead, where the text layer put some lines' numbers out of order), standing alone
    within a line's reach of the one before, unless it counts or is named ("14 days", "Rule
    26", "October 25")."""
    start = _RUN_IN_START.search(text)
    if start is None:
        return text
    cuts: list[tuple[int, int]] = []
    expected, last = 1, start.start()
    for found in _SMALL_NUMBER.finditer(text, start.start()):
        number = int(found[1])
        if found.start() - last > _LINE_REACH:
            break  # the run is lost: leave the rest as it is
        if number == 1 and expected > 20:
            expected = 1  # the next page
        if not expected <= number <= expected + _AHEAD:
            continue  # a number a little ahead: the text layer put a line's number before
            # the one expected ("15 18 19 ... 16 17 ... 20"), and the run goes on from it
        if _COUNTED.match(text, found.end()) or _NAMED_BEFORE.search(text, 0, found.start()):
            continue
        cuts.append(found.span())
        expected, last = (number % 28) + 1, found.end()
    kept, at = [], 0
    for begin, end in cuts:
        kept.append(text[at:begin])
        at = end
    kept.append(text[at:])
    return "".join(kept)


def parse_date(text: str) -> date | None:
    """A date as orders write it ("June 26, 2020", "6/26/20", "Sept. 3rd, 2019"); None if none."""
    from dateutil import parser  # a well-kept parser, only once a date is read

    text = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text.replace("Sept.", "Sep."))
    try:
        parsed = parser.parse(text, dayfirst=False, yearfirst=False)
    except (ValueError, OverflowError):
        return None
    if parsed.year < 100:
        parsed = parsed.replace(year=parsed.year + 2000)
    day: date = parsed.date()
    return day


def order_date(text: str, filed: date | None = None) -> date | None:
    """The date the order was signed ("Dated: June 26, 2020", "Signed by ... on 7/18/12",
    "DATED this 18th day of July, 2012", a docket entry's "(Filed on 4/29/2016)", civil
    minutes' "Date: May 11, 2017", or "Date December 4, 2014" with the colon lost), else its
    filing stamp's, else a date standing alone on a line of the caption."""
    for match in SIGNED.finditer(text):
        if (found := parse_date(match["d"])) is not None:
            return found
    minutes = _MINUTES_DATE.search(text)
    if minutes is not None and (found := parse_date(minutes["d"])) is not None:
        return found
    if (day := _DAY_OF.search(text)) is not None:
        return parse_date(f"{day['month']} {day['day']}, {day['year']}")
    if filed is not None:
        return filed
    lone = _LONE_DATE.search(text[:600])
    if lone is None:
        return None
    written: str = lone["d"]
    return parse_date(written if written[4:5] == "-" else written.replace("-", "/"))
