"""Shapes of order the reader learned in issue 19's twenty-first pass, from the nineteenth
held-out set's classes of misses (tests/orders/heldout19-misses.md, then moved into
development). Each test is one class of wording, on short sentences written for the test in the
ways courts commonly put it (not copies of the order that showed the class), and failed on the
reader before the pass but for the guards said so."""

from __future__ import annotations

from datetime import date

from clawback.domain.order_reading import read_order
from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings

# 1. "Allow" as the court's verb of grant (E.D.N.C., D. Mass.) -------------------------------


def test_the_court_allowing_a_motion_grants_it() -> None:
    for ruled in (
        "For the reasons below, the court will allow the motion.",
        "The Court therefore ALLOWS the motion.",
        "Accordingly, the court allows the request.",
    ):
        assert _rulings(f"ORDER\n\nBefore the court is plaintiff's motion to seal. {ruled}\n") == [
            ("seal", None, None, None, "granted")
        ], ruled


def test_a_leave_to_act_is_still_no_grant_of_a_motion() -> None:
    # guard: "will allow Plaintiffs to file" is a leave with its term, not a motion allowed
    text = (
        "ORDER\n\nThe motion to seal is denied. The Court will allow Plaintiffs to file an"
        " amended motion within 21 days of this Order.\n"
    )
    assert _rulings(text) == [("seal", None, None, None, "denied")]
    assert _acts(text, date(2023, 6, 5)) == [("plaintiff", 21, "2023-06-26")]


# 2. "The motions to seal" ruled together where the order numbered motions of that kind only ---


def test_the_motions_of_the_one_kind_numbered_are_each_ruled() -> None:
    for ruled in (
        "the court will grant the motions to seal.",
        "the motions to seal are GRANTED.",
        "the Court DENIES the motions to seal.",
        "the court will allow the motions to seal.",
    ):
        outcome = "denied" if "DENIES" in ruled else "granted"
        assert _rulings(
            "ORDER\n\nThis case comes before the court on plaintiff's unopposed motions"
            " (D.E. 36, 40, 48) to maintain under seal its memorandum, its opposition and"
            f" defendant's reply. For the reasons set forth below, {ruled}\n"
        ) == [
            ("seal", None, "36", None, outcome),
            ("seal", None, "40", None, outcome),
            ("seal", None, "48", None, outcome),
        ], ruled


def test_a_paper_numbered_after_a_motion_of_no_kind_is_not_among_them() -> None:
    # the brief the motions would seal is numbered after "a motion to transfer": no motion ruled
    assert _rulings(
        "ORDER\n\nBefore the court are defendant's motions (D.E. 36, 40) to keep under seal"
        " its memorandum in support of a motion to transfer (D.E. 31) and its reply in support"
        " of its motion to transfer (D.E. 44). The court will grant the motions to seal.\n"
    ) == [("seal", None, "36", None, "granted"), ("seal", None, "40", None, "granted")]


def test_the_motions_of_one_kind_ruled_in_parts_are_not_each_ruled_in_part() -> None:
    # guard: "granted in part and denied in part" of all together says not which is which
    assert _rulings(
        "ORDER\n\nBefore the Court are the parties' motions to seal (ECF Nos. 40, 42, 45)."
        " As described below, the motions to seal are granted in part and denied in part.\n"
    ) == [("seal", None, None, None, "granted_in_part")]


def test_the_motions_of_a_kind_among_others_numbered_stay_one_ruling() -> None:
    # guard: with motions of two kinds numbered, "the motions to compel" does not say which
    assert _rulings(
        "ORDER\n\nBefore the Court are Plaintiff's motion to seal (ECF No. 21) and Defendant's"
        " motions to compel (ECF Nos. 24, 27). The Court grants the motions to compel.\n"
    ) == [("compel", None, None, None, "granted")]


# 3. A grant "provisionally" --------------------------------------------------------------------


def test_a_provisional_grant_is_conditional() -> None:
    for ruled in (
        "DECISION AND ORDER GRANTING PROVISIONALLY MOTION TO FILE UNDER SEAL",
        "The motion to seal is granted provisionally.",
        "The Court provisionally grants the motion to seal.",
    ):
        assert [r[4] for r in _rulings(f"{ruled}\n")] == ["conditionally_granted"], ruled


# 4. The showing a burden asks for ("burden to establish that X should be sealed") ------------


def test_what_a_burden_asks_shown_is_no_ruling_beside_the_court_s() -> None:
    for found in (
        "The Court finds that the parties have not met their burden to establish that the"
        " agreement should be sealed and denies the motion to seal.",
        "Defendant has not carried its burden of showing that the exhibits should be sealed;"
        " the motion to seal is therefore denied.",
        "Because plaintiff failed to meet the burden to demonstrate that the records should"
        " remain under seal, the Court denies the motion to seal.",
    ):
        assert [r[4] for r in _rulings(f"ORDER\n\n{found}\n")] == ["denied"], found


def test_a_burden_met_with_the_court_s_grant_stays_granted() -> None:
    # guard: the ruling after the showing is read as before
    assert [
        r[4]
        for r in _rulings(
            "ORDER\n\nDefendant has met its burden of showing that the exhibits should be"
            " sealed, and the motion to seal is GRANTED.\n"
        )
    ] == ["granted"]


def test_a_burden_met_is_the_ruling() -> None:
    # guard: "have met their burden to establish that sealing ... is warranted" grants
    assert [
        r[4]
        for r in _rulings(
            "ORDER\n\nThe Court concludes that Plaintiffs have met their burden to establish"
            " that sealing of the exhibits is warranted.\n"
        )
    ] == ["granted"]


# 5. A term given as days "to" act, the act "advise", the term given by the court's verb -------

_DATED = date(2022, 4, 6)


def test_a_term_of_days_to_act_is_the_act_s_term() -> None:
    for directed, party in (
        ("Plaintiff shall have 14 days to file a redacted version of the brief.", "plaintiff"),
        ("Defendants shall have fourteen (14) days to serve their redactions.", "defendant"),
        ("Defendant is given 14 days within which to file a redacted copy.", "defendant"),
    ):
        assert _acts(f"ORDER\n\n{directed}\n", _DATED) == [(party, 14, "2022-04-20")], directed


def test_advising_the_court_is_an_act() -> None:
    for directed in (
        "In light of this ruling, the parties must advise the Court within fourteen (14) days"
        " whether they wish to file the agreement publicly.",
        "The parties shall advise the Court within 14 days of this order whether they will"
        " proceed with the settlement.",
    ):
        assert _acts(f"ORDER\n\n{directed}\n", _DATED) == [("joint", 14, "2022-04-20")], directed


def test_a_term_the_court_grants_a_party_is_an_act() -> None:
    for given, party in (
        ("the court grants the parties 14 days to advise the court whether they proceed.", "joint"),
        ("the Court gives Defendant fourteen days to file a redacted copy.", "defendant"),
        ("the Court grants plaintiff 14 additional days in which to file its motion.", "plaintiff"),
    ):
        assert _acts(f"ORDER\n\nThe motion to seal is denied, and {given}\n", _DATED) == [
            (party, 14, "2022-04-20")
        ], given


def test_the_court_granting_a_motion_sets_no_act() -> None:
    # guard: "grants Plaintiff's motion to seal" names the party and an act verb, but no term
    for ruled in (
        "The Court grants Plaintiff's motion to seal.",
        "The Court grants Defendant leave to file under seal.",
        "The Court grants the motion, and Defendant's exhibits 14 days old are sealed.",
    ):
        assert _acts(f"ORDER\n\n{ruled}\n", _DATED) == [], ruled


# 6. A passive term for the papers the sentence before lets a party file ----------------------


def test_a_passive_term_for_the_papers_just_permitted_is_their_term() -> None:
    for permitted, timed in (
        (
            "The parties may file supplemental briefs of no more than five pages on waiver.",
            "Briefs will be filed and served no later than January 4, 2023.",
        ),
        (
            "Plaintiff shall submit a declaration supporting the redactions.",
            "The declaration shall be submitted on or before January 4, 2023.",
        ),
        (
            "Defendants may file a reply addressing the new exhibits.",
            "Any reply must be filed by January 4, 2023.",
        ),
    ):
        party = (
            "plaintiff"
            if "Plaintiff" in permitted
            else ("defendant" if "Defendants" in permitted else "joint")
        )
        assert _acts(f"ORDER\n\n{permitted} {timed}\n", date(2022, 12, 27)) == [
            (party, None, "2023-01-04")
        ], permitted


def test_a_passive_term_for_other_papers_stays_its_own() -> None:
    # guard: the term is another paper's ("The opposition will be filed by ..."), not the briefs'
    assert _acts(
        "ORDER\n\nThe parties may file supplemental briefs on waiver. The transcript will be"
        " filed no later than January 4, 2023.\n",
        date(2022, 12, 27),
    ) == [("joint", None, None), (None, None, "2023-01-04")]


# 7. A side's short name defined in brackets without quotation marks, and "of this date" -------


def test_a_short_name_defined_without_quotation_marks_names_its_side() -> None:
    for defined, short in (
        ("the Defendant AT&T Umbrella Benefit Plan No. 3 (the Plan)", "The Plan"),
        ("defendant Northern Grain Company (the Company)", "The Company"),
    ):
        assert _acts(
            f"ORDER\n\nThis matter is before the Court on the motion of {defined} to seal the"
            f" record. The motion is denied. {short} is DIRECTED to file within 30 days of this"
            " order the record with appropriate redactions.\n",
            date(2018, 3, 27),
        ) == [("defendant", 30, "2018-04-26")], defined


def test_a_period_of_this_date_runs_from_the_order() -> None:
    for since in ("of this date", "from this date", "after this date"):
        assert _acts(
            f"ORDER\n\nDefendant shall file within 30 days {since} the record with redactions.\n",
            date(2018, 3, 27),
        ) == [("defendant", 30, "2018-04-26")], since


# 8. "will therefore deny", and what the court needs before it can seal ------------------------


def test_an_adverb_between_will_and_the_court_s_verb_keeps_the_ruling() -> None:
    for ruled, outcome in (
        ("The Court will therefore deny Defendants' motion.", "denied"),
        ("It will accordingly grant the motion.", "granted"),
        ("The Court will thus deny the motion.", "denied"),
    ):
        assert _rulings(f"ORDER\n\nDefendants' motion to seal is before the Court. {ruled}\n") == [
            ("seal", "defendant" if "Defendants'" in ruled else None, None, None, outcome)
        ], ruled


def test_what_the_court_needs_before_it_can_seal_is_no_sealing() -> None:
    for needed in (
        "The Court requires more before it can place material under seal.",
        "The Court requires a specific showing before the Court can place the exhibits under seal.",
    ):
        ruled = read_order(f"ORDER\n\n{needed} The motion to seal is denied.\n").rulings
        assert [(r.document, r.outcome.value) for r in ruled] == [(None, "denied")], needed


# 9. The exhibits a motion's usual title names, where one motion is told of --------------------


def test_exhibits_named_in_the_one_motion_s_title_take_its_ruling() -> None:
    for told in (
        "Defendant also filed a motion for leave to file under seal Exhibits E, G, and H to its"
        " summary judgment motion.",
        "Plaintiff has filed a motion to file under seal Exhibits E, G and H to her brief.",
    ):
        ruled = read_order(
            f"MEMORANDUM\n\n{told} The showing is generalized. The Court will therefore deny"
            " the motion.\n"
        ).rulings
        assert sorted((r.exhibit, r.outcome.value) for r in ruled if r.exhibit) == [
            ("E", "denied"),
            ("G", "denied"),
            ("H", "denied"),
        ], told


def test_exhibits_in_one_of_several_motions_titles_are_not_spread() -> None:
    # guard: three motions numbered in one sentence do not say which asks for what
    ruled = read_order(
        "ORDER\n\nPending are Plaintiffs' Motion for Leave to File Under Seal Exhibits to the"
        " Memorandum (Doc. 200), Motion for Leave to File Under Seal the Appendix (Doc. 222), and"
        " Motion for Leave to File Under Seal Exhibits 4-6 to the Brief (Doc. 230). The motions"
        " are denied.\n"
    ).rulings
    assert [r.exhibit for r in ruled if r.exhibit] == []


# 10. Two sides' motions of one kind, each owned by a party word and its name ----------------


def test_each_side_s_motion_named_by_its_name_is_its_own() -> None:
    for plaintiffs, defendants in (
        (
            "Plaintiff Acme Garden Grove, LLC's Motion to Compel Further Responses",
            "Defendant Titanium Group (III) LLC's Motion to Compel Compliance",
        ),
        ("Plaintiff Jane Roe's motion to compel", "Defendant Widget Co.'s motion to compel"),
    ):
        assert _rulings(
            f"TENTATIVE RULING\n\n{plaintiffs} is GRANTED.\n\n{defendants} is DENIED.\n"
        ) == [
            ("compel", "defendant", None, None, "denied"),
            ("compel", "plaintiff", None, None, "granted"),
        ], plaintiffs


# 11. A leave to move, with its term ----------------------------------------------------------


def test_a_leave_to_move_with_its_term_is_an_act() -> None:
    for leave, party in (
        ("Plaintiffs may move to amend their complaint within 30 days.", "plaintiff"),
        ("Defendant may move to seal the exhibits within 30 days of this order.", "defendant"),
    ):
        assert _acts(f"ORDER\n\nThe motion is denied. {leave}\n", date(2012, 5, 30)) == [
            (party, 30, "2012-06-29")
        ], leave


def test_a_rule_that_a_party_may_move_is_no_act() -> None:
    # guard: what any party may do, with no term, is the rule
    assert _acts("ORDER\n\nA party may move to seal a document under Local Rule 5.2.\n") == []
