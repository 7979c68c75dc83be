"""Papers a motion asks to seal that carry no exhibit label and no docket number, named by
title in prose or a list (issue 19, round 12; the class heldout9-misses.md and
heldout10-misses.md both left). Each sentence is written for the test, one per sub-form of the
grammar; each paper takes the outcome of the motion that asked for it, and only such papers."""

from __future__ import annotations

from clawback.domain.order_reading import read_order
from clawback.domain.order_titled import titled_papers
from clawback.domain.order_words import order_words


def _papers(sentence: str) -> list[str]:
    return titled_papers(sentence, order_words())


def _documents(text: str) -> list[tuple[str, str, str]]:
    return sorted(
        (r.motion, r.document, r.outcome.value)
        for r in read_order(text).rulings
        if r.document is not None
    )


def test_a_lettered_list_after_a_colon() -> None:
    assert _papers(
        "The plaintiff seeks to seal: (a) the Declaration of Jane Roe, filed March 3, 2020,"
        " (b) the Reply Brief of the Plaintiff, and (c) the Expert Report of John Doe."
    ) == [
        "the Declaration of Jane Roe, filed March 3, 2020",
        "the Reply Brief of the Plaintiff",
        "the Expert Report of John Doe",
    ]


def test_a_numbered_list_keeps_a_title_with_and_inside_it() -> None:
    assert _papers(
        "Acme asks to file under seal (1) its Opposition to the Motion to Compel and"
        " Declaration of Sam Poe, and (2) the Transcript of the Hearing."
    ) == [
        "its Opposition to the Motion to Compel and Declaration of Sam Poe",
        "the Transcript of the Hearing",
    ]


def test_a_list_after_the_following_documents() -> None:
    assert _papers(
        "Defendant moves to file under seal the following three documents: the Declaration of"
        ' Ann Lee ("Lee Declaration"), Defendant\'s Memorandum in Support of Summary Judgment,'
        ' and Exhibits "A" and "B" to the Memorandum.'
    ) == [
        'the Declaration of Ann Lee ("Lee Declaration")',
        "Defendant's Memorandum in Support of Summary Judgment",
    ]


def test_papers_named_in_running_prose_split_at_and() -> None:
    assert _papers(
        "Plaintiff moves to seal Plaintiff's Opposition to the Motion for Summary Judgment"
        " and the Declaration of Mary Major."
    ) == [
        "Plaintiff's Opposition to the Motion for Summary Judgment",
        "the Declaration of Mary Major",
    ]


def test_a_version_or_portions_of_a_paper() -> None:
    assert _papers(
        "The parties request leave to file under seal the unredacted version of the Joint"
        " Discovery Letter and portions of the Expert Report of Dr. Ray."
    ) == [
        "the unredacted version of the Joint Discovery Letter",
        "portions of the Expert Report of Dr. Ray",
    ]


def test_what_is_no_titled_paper_is_not_named() -> None:
    assert _papers("Plaintiffs do not request to file under seal the declaration.") == []
    assert _papers("Defendant moves to seal Exhibit 4 to the Declaration of Jane Roe.") == []
    assert _papers("Plaintiff moves to seal the Declaration of Jane Roe (Dkt. 14).") == []
    assert _papers("Defendant moves to dismiss the Complaint and the Amended Answer.") == []


def test_each_paper_asked_for_takes_the_motions_outcome() -> None:
    assert _documents(
        "ORDER\n\nDefendant moves to seal: (a) the Declaration of Jane Roe, and (b) the Reply"
        " Memorandum. The motion to seal is DENIED.\n"
    ) == [
        ("seal", "the Declaration of Jane Roe", "denied"),
        ("seal", "the Reply Memorandum", "denied"),
    ]


def test_a_paper_only_mentioned_is_ruled_on_by_nothing() -> None:
    assert (
        _documents(
            "ORDER\n\nIn the Declaration of Jane Roe, Defendant explains the harm. Defendant filed"
            " its Reply Memorandum on May 2. The motion to seal is DENIED.\n"
        )
        == []
    )


def test_a_motion_ruled_in_parts_gives_its_papers_no_outcome() -> None:
    assert (
        _documents(
            "ORDER\n\nDefendant moves to seal the Declaration of Jane Roe and the Reply Memorandum."
            " The motion to seal is GRANTED IN PART and DENIED IN PART.\n"
        )
        == []
    )


def test_papers_after_an_object_that_is_no_titled_paper_are_not_asked_for() -> None:
    assert (
        _papers(
            "The parties request that the Court seal the exhibits attached to Plaintiff's Motion"
            " for Summary Judgment, Defendant's Opposition, and Plaintiff's Reply."
        )
        == []
    )
    assert (
        _papers("Plaintiff served the Request to Seal, the Opposition, declaration, and exhibits.")
        == []
    )


def test_the_protective_order_materials_were_designated_under_is_no_paper_asked_for() -> None:
    assert (
        _documents(
            "ORDER\n\nDefendant seeks to seal materials designated as confidential under the"
            " stipulated protective order (Dkt. 20). The motion to seal is DENIED.\n"
        )
        == []
    )


def test_a_motion_to_unseal_asks_for_papers_by_title() -> None:
    assert _documents(
        "ORDER\n\nThe intervenor moves to unseal the Expert Report of Dr. Ray and the Joint"
        " Discovery Letter. The motion to unseal is GRANTED.\n"
    ) == [
        ("unseal", "the Expert Report of Dr. Ray", "granted"),
        ("unseal", "the Joint Discovery Letter", "granted"),
    ]


def test_a_ruling_that_names_the_papers_by_title_rules_on_each() -> None:
    assert _documents(
        "ORDER\n\nThe Court GRANTS Defendant's motion to seal the Declaration of Jane Roe and"
        " the Reply Memorandum, and ORDERS the Clerk to file them under seal.\n"
    ) == [
        ("seal", "the Declaration of Jane Roe", "granted"),
        ("seal", "the Reply Memorandum", "granted"),
    ]
    assert _documents(
        "ORDER\n\nPlaintiff's motion to seal the unredacted version of her Opposition is DENIED.\n"
    ) == [("seal", "the unredacted version of her Opposition", "denied")]


def test_a_motion_ruled_exhibit_by_exhibit_gives_its_titles_paper_no_ruling() -> None:
    assert (
        _documents(
            "ORDER\n\nThe parties' Motion to Seal the Joint Letter Brief is GRANTED. Exhibit 1"
            " shall remain under seal. Exhibit 2 shall be unsealed.\n"
        )
        == []
    )


def test_a_later_item_needs_a_determiner_or_possessive_to_start_a_paper() -> None:
    assert _papers(
        "Defendant moves to seal its Answer, Counterclaims, and Crossclaims and the"
        " Declaration of Ann Lee."
    ) == ["its Answer, Counterclaims, and Crossclaims", "the Declaration of Ann Lee"]


def test_a_paper_listed_before_the_exhibits_a_ruling_seals() -> None:
    assert _documents(
        "ORDER\n\nThe Court finds that Defendant's Answer, Exhibit A attached thereto, and the"
        " Memorandum in Support should be held under seal.\n"
    ) == [
        ("seal", "Defendant's Answer", "granted"),
        ("seal", "the Memorandum", "granted"),  # joined to the exhibit list (order_papers)
    ]
    assert (
        _documents(
            "ORDER\n\nAs described in the Declaration of Jane Roe, Exhibit 3 shall remain under"
            " seal.\n"
        )
        == []
    )
