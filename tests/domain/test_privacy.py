"""FRCP 5.2(a) identifiers found as people write them and as extractors give them back: each
form below but the first of each kind was missed before (a miss is a silent leak: nothing then
checks the public version for it). Each case gives what the page must read once the cuts are
taken out (``#`` for a cut): the remainder the rule allows and nothing more."""

from __future__ import annotations

import pytest

from clawback.domain.privacy import Privacy, privacy_cuts

ALL = list(Privacy)


def _left(text: str) -> str:
    """The text with every cut's removed piece taken out."""
    for cut in privacy_cuts(text, ALL, ["Jane Doe"]):
        text = text.replace(cut.removed, "#", 1)
    return text


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("SSN 123-45-6789 on file", "SSN #6789 on file"),
        ("SSN 123.45.6789 on file", "SSN #6789 on file"),
        ("SSN 123\u201345\u20136789 on file", "SSN #6789 on file"),  # en dashes
        ("SSN 123\u221245\u22126789 on file", "SSN #6789 on file"),  # minus signs
        ("SSN 123 45 6789 on file", "SSN #6789 on file"),
        ("SSN 123\u00b745\u00b76789 on file", "SSN #6789 on file"),  # middle dots
        ("SSN 123-45-\n6789 on file", "SSN #6789 on file"),  # broken across a line
        ("SSN: 123456789 on file", "SSN: #6789 on file"),
        ("S.S.N. 1 2 3 - 4 5 - 6 7 8 9 on file", "S.S.N. #6 7 8 9 on file"),  # letter-spaced
        ("Social Security No. 123-45-6789", "Social Security No. #6789"),
        ("his number, 123-45-6789, was given", "his number, #6789, was given"),
    ],
)
def test_an_ssn_keeps_only_its_last_four_digits(text: str, left: str) -> None:
    assert _left(text) == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("The claimant was born March 3, 1985 in Ohio", "The claimant was born #1985 in Ohio"),
        ("DOB: 1985-03-03", "DOB: 1985#"),
        ("D.O.B.: 03/03/1985", "D.O.B.: #1985"),
        ("Date of Birth: 3.3.1985", "Date of Birth: #1985"),
        ("born on 03/03/85 in Ohio", "born on #85 in Ohio"),
        ("birth date 3 March 1985", "birth date #1985"),
        ("born on the 3rd of March, 1985", "born on the #1985"),
        ("Date of Birth:\n03/03/1985", "Date of Birth:\n#1985"),
    ],
)
def test_a_birth_date_keeps_only_its_year(text: str, left: str) -> None:
    assert _left(text).replace("# ", "#") == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "Paid from account no. 4400123456781234 at the bank",
            "Paid from account no. #1234 at the bank",
        ),
        ("card 4111 1111 1111 1111 exp 12/29", "card # 1111 exp 12/29"),
        ("Visa 4111 1111 1111 1111 exp 12/29", "Visa # 1111 exp 12/29"),
        ("charged to 4111-1111-1111-1111 on May 2", "charged to #1111 on May 2"),  # no label
        ("Acct# 00123456789", "Acct# #6789"),
        ("wired to IBAN DE89 3704 0044 0532 0130 00", "wired to IBAN #30 00"),
        ("wired to DE89370400440532013000 that day", "wired to #3000 that day"),  # no label
    ],
)
def test_an_account_keeps_only_its_last_four(text: str, left: str) -> None:
    assert _left(text) == left


def test_numbers_of_other_shapes_are_left_alone() -> None:
    text = (
        "Case No. 3:17-cv-2366, ECF 101-33, $1,234.56, phone 619-555-0100, ZIP 92101-1234, "
        "order 4111 1111 1111 1112"  # fails the Luhn check
    )
    assert privacy_cuts(text, ALL) == []


def test_a_minors_name_across_a_line_becomes_initials() -> None:
    cuts = privacy_cuts("Interview of Jane\nDoe, a minor", ALL, ["Jane Doe"])
    assert [(c.whole, c.reads) for c in cuts] == [("Jane\nDoe", "J.D.")]
