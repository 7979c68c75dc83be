"""Shapes of order the reader learned in issue 19's fourth pass, from the third held-out set's
misses (moved into development): a refusal said "declines to issue"; "without prejudice" or
"as ... moot" said after the thing denied; "all three motions are denied"; an earlier grant
recounted; a bulleted list whose items end with a direction to the clerk; an FRE 502(d)
non-waiver order entered on a joint motion; a docket page's own filing number. And, after that
pass cut bulleted lists from their lead-in: a bullet continues the list a colon opened (the
exhibits a motion "seek[s] to redact and seal", each ruled in its item or by the motion), also
past a page break inside the list."""

from __future__ import annotations

from datetime import date

from clawback.domain.order_reading import read_order
from clawback.domain.outcomes import Result
from clawback.domain.sentences import paragraphs


def _whole(draft_text: str) -> dict[tuple[str, str | None], Result]:
    draft = read_order(draft_text)
    return {(r.motion, r.docket): r.outcome for r in draft.rulings if r.exhibit is None}


def test_a_court_that_declines_to_issue_a_stipulated_order_denies_it() -> None:
    draft = read_order(
        "Proceedings: Order re: Stipulated Protective Order [Dkt. 18]\n\n"
        "The parties are advised that the Court declines to issue the proposed protective order"
        " to which they have stipulated for the following reasons:\n"
    )
    assert [(r.motion, r.movant, r.outcome) for r in draft.rulings] == [
        ("protective-order", "joint", Result.denied)
    ]


def test_without_prejudice_after_the_thing_denied_is_a_denial_without_prejudice() -> None:
    assert _whole(
        "ORDER denying Parties' 13 Stipulated MOTION for Protective Order without prejudice.\n"
    ) == {("protective-order", "13"): Result.denied_without_prejudice}
    draft = read_order(
        "This matter comes before the Court on the Parties' Stipulated Protective Order. (Dkt."
        " No. 13.) Having reviewed the Order, the Court DENIES entry of the Order without"
        " prejudice.\n"
    )
    assert [r.outcome for r in draft.rulings] == [Result.denied_without_prejudice]


def test_a_denial_without_prejudice_that_directs_the_parties_within_business_days() -> None:
    draft = read_order(
        "ORDER RE SEALING MOTION\n\nThe court denies the current motion to seal without"
        " prejudice and directs the parties to address the issues in this order within four"
        " business days, which is the ordinary time to address administrative matters.\n",
        dated=date(2016, 4, 29),
    )
    assert [r.outcome for r in draft.rulings] == [Result.denied_without_prejudice]
    assert [(a.party, a.days, a.due) for a in draft.acts] == [("joint", 4, date(2016, 5, 5))]


def test_all_three_motions_denied_rules_on_each_motion_the_order_numbered() -> None:
    got = _whole(
        "ORDER\n\nBefore the Court is Plaintiffs' Motion for Leave to File Briefing Under Seal"
        " (Doc. 611), Motion for Leave to File Second Briefing Under Seal (Doc. 613), and"
        " Motion for Leave to File Third Briefing Under Seal (Doc. 618). For the following"
        " reasons, all three motions are denied.\n"
    )
    assert got == {
        ("seal", "611"): Result.denied,
        ("seal", "613"): Result.denied,
        ("seal", "618"): Result.denied,
    }


def test_a_request_denied_as_having_been_rendered_moot_is_moot() -> None:
    got = _whole(
        "ORDER\n\nGiven that plaintiff's opposition has been available"
        " to the public for nearly a year, the court will deny plaintiff's request to seal as"
        " having been rendered moot.\n"
    )
    assert got == {("seal", None): Result.moot}


def test_an_earlier_grant_the_order_recounts_rules_on_nothing() -> None:
    draft = read_order(
        "ORDER DENYING DEFENDANT'S REQUEST TO SEAL (DOC. NO. 14)\n\nOn August 15, 2022, the"
        " previously assigned district judge granted defendant's initial request to seal its"
        " memorandum and exhibits 1-3 of a defense counsel's declaration. (Doc. Nos. 7-9.) For"
        " the reasons explained below, the court will deny defendant's request to seal its reply"
        " brief.\n"
    )
    assert [r.exhibit for r in draft.rulings if r.exhibit] == []
    assert {r.outcome for r in draft.rulings} == {Result.denied}


def test_each_bullet_is_read_apart_and_the_clerks_unsealing_is_no_motion_to_unseal() -> None:
    draft = read_order(
        "I order the following:\n"
        "\u2022 The Unopposed Motion for Leave to File an Exhibit Under Seal (Dkt. 23) is DENIED."
        " The clerk is ordered to unseal Dkt. 25.\n"
        "\u2022 The Unopposed Motion for Leave to File an Exhibit Under Seal to Respondents' Reply"
        " (Dkt. 41) is DENIED. The clerk is ordered to unseal Dkt. 42.\n"
    )
    motions = {(r.motion, r.docket, r.outcome) for r in draft.rulings if r.document is None}
    assert motions == {("seal", "23", Result.denied), ("seal", "41", Result.denied)}
    assert [a.party for a in draft.acts] == ["clerk", "clerk"]


def test_a_joint_502d_non_waiver_order_is_a_protective_order_not_a_claw_back_ruling() -> None:
    got = _whole(
        "Rille v. Accenture LLP\nFiling 220\nORDER granting 218 Motion for Discovery.\n"
        "ORDER GRANTING ASSENT MOTION REGARDING INADVERTENT PRODUCTION IN DISCOVERY After"
        " consideration of the Assent Motion, THE COURT HEREBY ORDERS AS FOLLOWS: 1. Pursuant"
        " to Federal Rule of Evidence 502(d), the inadvertent production of privileged"
        " information shall not be deemed a waiver, provided that the producing party complies"
        " with the provisions set forth below with respect to the return of Inadvertently"
        " Produced Information.\n"
    )
    assert got == {("protective-order", "218"): Result.granted}


def test_a_docket_entrys_filed_on_date_and_a_minutes_date_are_the_orders_date() -> None:
    assert read_order(
        "Gilbert v. Bank of America\nFiling 300\nORDER re sealing motion at ECF No. 262."
        " (Beeler, Laurel) (Filed on 4/29/2016)\n"
    ).dated == date(2016, 4, 29)
    assert read_order(
        "CIVIL MINUTES—GENERAL Case No. EDCV 16-1224-JGB (KKx) Date: May 11, 2017 Title:"
        " Dorothy Gaylor, et al. v. Trevor D. Morin, et al.\n"
    ).dated == date(2017, 5, 11)


_LEAD_IN = (
    "ORDER ON JOINT MOTION TO SEAL (Doc. No. 118)\n\n"
    "The parties seek to redact and seal the following:\n"
)


def _exhibit_rulings(text: str) -> dict[str | None, tuple[str, Result]]:
    return {r.exhibit: (r.motion, r.outcome) for r in read_order(text).rulings if r.exhibit}


def test_bulleted_exhibits_under_a_colon_are_ruled_on_one_by_one() -> None:
    # Each item ends with a full stop: each is a sentence of the list the colon opened.
    got = _exhibit_rulings(
        _LEAD_IN + "\u2022 Exhibit 3 (excerpts of the deposition of J. Alvarez) is GRANTED.\n"
        "\u2022 Exhibit 7 (the 2019 pricing memorandum) is DENIED.\n"
        "\u2022 Exhibit 12 (customer list, Bates ACME0001-0040) is GRANTED.\n"
    )
    assert got == {
        "3": ("seal", Result.granted),
        "7": ("seal", Result.denied),
        "12": ("seal", Result.granted),
    }


def test_a_bullet_alone_on_its_line_still_continues_the_colons_list() -> None:
    # A PDF's text layer often puts the glyph on a line of its own, the item on the next.
    got = _exhibit_rulings(
        _LEAD_IN + "\u2022\nExhibit 3 (excerpts of the deposition of J. Alvarez): GRANTED;\n"
        "\u2022\nExhibit 7 (the 2019 pricing memorandum): DENIED; and\n"
        "\u2022\nExhibit 12 (customer list): GRANTED.\n"
    )
    assert got == {
        "3": ("seal", Result.granted),
        "7": ("seal", Result.denied),
        "12": ("seal", Result.granted),
    }


def test_a_motion_ruled_by_entry_reaches_the_exhibits_its_bulleted_request_lists() -> None:
    # The list is the lead-in's object: the motion's outcome reaches each exhibit it names.
    got = _exhibit_rulings(
        _LEAD_IN + "\u2022 Exhibit 3, excerpts of the deposition of J. Alvarez;\n"
        "\u2022 Exhibit 7, the 2019 pricing memorandum; and\n"
        "\u2022 Exhibit 12, the customer list.\n\n"
        "IT IS ORDERED that the joint motion to seal (Doc. No. 118) is GRANTED.\n"
    )
    assert got == {x: ("seal", Result.granted) for x in ("3", "7", "12")}


def test_a_bullet_starts_a_paragraph_only_where_no_colon_list_is_open() -> None:
    said = paragraphs(
        "The motion to seal (Dkt. 23) is DENIED.\n"
        "\u2022 The clerk is ordered to unseal Dkt. 25.\n\n"
        "The parties wish to seal:\n\u2022 Exhibit 1; and\n\u2022 Exhibit 2.\n"
        "\u2022 Exhibit 4 is GRANTED.\n"
    )
    assert said == [
        ["The motion to seal (Dkt. 23) is DENIED."],
        ["\u2022 The clerk is ordered to unseal Dkt. 25."],
        [
            "The parties wish to seal: \u2022 Exhibit 1; and \u2022 Exhibit 2.",
            "\u2022 Exhibit 4 is GRANTED.",
        ],
    ]


def test_an_item_of_several_sentences_is_an_ordering_paragraph_of_its_own() -> None:
    said = paragraphs(
        "I order the following:\n"
        "\u2022 The motion (Dkt. 23) is DENIED. The clerk is ordered to unseal Dkt. 25.\n"
        "\u2022 The motion (Dkt. 41) is DENIED.\n"
    )
    assert said == [
        ["I order the following:"],
        ["\u2022 The motion (Dkt. 23) is DENIED.", "The clerk is ordered to unseal Dkt. 25."],
        ["\u2022 The motion (Dkt. 41) is DENIED."],
    ]


# A page of a PDF order ends inside the list: its number after a blank line, then the next page's
# ECF stamp (taken out by `clean`, leaving a blank line) come between the items.
_PAGE_BREAK = "\n1\nCase 1:17-cv-00118-JS Document 140 Filed 03/02/18 Page 2 of 3 PageID: 2210\n"


def test_a_page_break_inside_a_colon_list_does_not_close_it() -> None:
    said = paragraphs(
        "The parties wish to seal:\n\u2022\nExhibit 1; and\n\n\u2022\nExhibit 2.\n\n"
        "\u2022 The clerk is ordered to unseal Dkt. 25.\n"
    )
    assert said == [
        [
            "The parties wish to seal: \u2022 Exhibit 1; and \u2022 Exhibit 2.",
            "\u2022 The clerk is ordered to unseal Dkt. 25.",
        ]
    ]
    # Where no colon list is open, a bullet after a blank line still starts a paragraph.
    assert paragraphs("The motion is DENIED.\n\n\u2022 The clerk shall unseal Dkt. 25.\n") == [
        ["The motion is DENIED."],
        ["\u2022 The clerk shall unseal Dkt. 25."],
    ]


def test_a_motion_ruled_whole_reaches_the_exhibits_listed_on_the_next_page() -> None:
    # The narrowed rule kept a colon's list whole only within one block: the items after the
    # page break were cut off as paragraphs of their own, and the motion's outcome reached only
    # the exhibits listed on the first page.
    got = _exhibit_rulings(
        _LEAD_IN
        + "\u2022\nExhibit 3, excerpts of the deposition of J. Alvarez;\n"
        + _PAGE_BREAK
        + "\u2022\nExhibit 7, the 2019 pricing memorandum; and\n"
        "\u2022\nExhibit 12, the customer list.\n\n"
        "IT IS ORDERED that the joint motion to seal (Doc. No. 118) is GRANTED.\n"
    )
    assert got == {x: ("seal", Result.granted) for x in ("3", "7", "12")}


def test_items_ruled_one_by_one_read_the_same_across_a_page_break() -> None:
    got = _exhibit_rulings(
        _LEAD_IN
        + "\u2022\nExhibit 3 (excerpts of the deposition of J. Alvarez): GRANTED;\n"
        + _PAGE_BREAK
        + "\u2022\nExhibit 7 (the 2019 pricing memorandum): DENIED; and\n"
        "\u2022\nExhibit 12 (customer list): GRANTED.\n"
    )
    assert got == {
        "3": ("seal", Result.granted),
        "7": ("seal", Result.denied),
        "12": ("seal", Result.granted),
    }
