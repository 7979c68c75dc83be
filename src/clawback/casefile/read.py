"""Reading a case file: YAML in, ``domain.casefile.CaseFile`` out, or one line naming the file,
the line, the key and the problem (``case.yaml:14: documents[2].exhibit: not a whole number:
'A'``). Unknown keys are refused, not ignored: a misspelt ``designaton`` would otherwise load a
document with no designation at all.

The YAML is composed, not loaded, so that every value keeps the line it was written on.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any, TypeVar

import yaml

from clawback.domain.acts import ActKind, OrderedAct, Party
from clawback.domain.bates import BatesError, BatesNumber
from clawback.domain.casefile import (
    Caption,
    CaseFile,
    ClaimEntry,
    ClosureEntry,
    DeclarationEntry,
    DocumentEntry,
    FiledItemEntry,
    FiledPaperEntry,
    ItemEntry,
    ProductionEntry,
    RulingEntry,
    SealEntry,
)
from clawback.domain.claims import Privilege, Request, Result
from clawback.domain.days import MAX_PERIOD_DAYS, checked_day, parse_day
from clawback.domain.errors import ClawbackError, InvalidInput
from clawback.domain.exhibit_ids import ExhibitId, exhibit_ids
from clawback.domain.order import order_from_data
from clawback.domain.pinpoints import FiledKind, Pinpoint, docket_entry
from clawback.domain.seal_parts import MotionForm, Movant, Privacy, SealPart
from clawback.domain.sealing import MotionKind

NULL = "tag:yaml.org,2002:null"
E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class CaseFileError(InvalidInput):
    """A case file that does not parse: where, which key, what is wrong."""


#: The most values a case file may hold once its aliases are followed: a few lines of anchors
#: naming each other ten at a time make a hundred million (a "billion laughs" bomb).
MOST_VALUES = 1_000_000
_SAID = reprlib.Repr()
_SAID.maxstring = _SAID.maxother = 80
_SAID.maxlist = _SAID.maxdict = 4
_SAID.maxlevel = 2


def _said(value: object) -> str:
    """A value as a refusal quotes it: a long text or a deep list cut short, one line."""
    return _SAID.repr(value)


def _values(root: yaml.Node, source: str) -> None:
    """Refuse a file whose aliases make it more than `MOST_VALUES` values: each node counted
    as often as it is reached, each shared node's count made once."""
    counted: dict[int, int] = {}

    def count(node: yaml.Node) -> int:
        if id(node) in counted:
            return counted[id(node)]
        counted[id(node)] = 1  # a node reached again inside itself counts once
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(count(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(count(k) + count(v) for k, v in node.value)
        counted[id(node)] = min(total, MOST_VALUES + 1)
        return counted[id(node)]

    if count(root) > MOST_VALUES:
        raise CaseFileError(
            f"{source}: its aliases make it more than {MOST_VALUES:,} values (a YAML bomb?)"
        )


class _Value:
    """One YAML node with where it is: the file, its line, its key path."""

    def __init__(self, node: yaml.Node, source: str, path: str) -> None:
        self.node, self.source, self.path = node, source, path

    def fail(self, problem: str) -> CaseFileError:
        return CaseFileError(
            f"{self.source}:{self.node.start_mark.line + 1}: {self.path}: {problem}"
        )

    @property
    def null(self) -> bool:
        """Written as nothing (``~``, ``null`` or left empty)."""
        return isinstance(self.node, yaml.ScalarNode) and self.node.tag == NULL

    def plain(self) -> Any:
        """The value as plain Python (a date for an ISO date, as YAML reads it)."""
        try:
            return yaml.SafeLoader("").construct_object(self.node, deep=True)
        except (ValueError, yaml.YAMLError):  # e.g. a date with a month 13: kept as written
            if isinstance(self.node, yaml.ScalarNode):
                return self.node.value
            raise self.fail("not a value YAML can read") from None

    def text(self) -> str:
        value = self.plain()
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"not a text: {_said(value)}")
        return value

    def integer(self, least: int = 1) -> int:
        value = self.plain()
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise self.fail(f"not a whole number of {least} or more: {_said(value)}")
        return value

    def days(self) -> int:
        value = self.integer(least=0)
        if value > MAX_PERIOD_DAYS:
            raise self.fail(f"a period of {value} days, more than {MAX_PERIOD_DAYS}")
        return value

    def day(self) -> date:
        value = self.plain()
        try:
            if isinstance(value, str):
                return parse_day(value)
            if isinstance(value, date):
                return checked_day(value)
        except InvalidInput as refused:
            raise self.fail(str(refused)) from None
        raise self.fail(f"not a date (YYYY-MM-DD): {_said(value)}")

    def bates(self) -> BatesNumber:
        value = self.text()
        try:
            return BatesNumber.parse(value)
        except (BatesError, ClawbackError, ValueError) as exc:
            raise self.fail(f"not a Bates number: {value!r} ({exc})") from None

    def flag(self) -> bool:
        value = self.plain()
        if not isinstance(value, bool):
            raise self.fail(f"not true or false: {_said(value)}")
        return value

    def choice(self, kind: type[E]) -> E:
        value = self.plain()
        try:
            return kind(value)
        except ValueError:
            known = ", ".join(k.value for k in kind)
            raise self.fail(f"not one of {known}: {_said(value)}") from None

    def each(self) -> Iterator[_Value]:
        if not isinstance(self.node, yaml.SequenceNode):
            raise self.fail("not a list")
        for n, node in enumerate(self.node.value):
            yield _Value(node, self.source, f"{self.path}[{n + 1}]")

    def texts(self) -> tuple[str, ...]:
        if isinstance(self.node, yaml.ScalarNode):
            return (self.text(),)
        return tuple(v.text() for v in self.each())

    def dockets(self) -> tuple[str, ...]:
        """One docket entry or a list of them (``ECF No. 101-33``), each parsed."""
        if isinstance(self.node, yaml.ScalarNode):
            return (self.parsed(docket_entry),)
        return tuple(v.parsed(docket_entry) for v in self.each())

    def file(self) -> PurePosixPath:
        """A path relative to the case file, inside its folder."""
        path = PurePosixPath(self.text())
        if path.is_absolute() or ".." in path.parts:
            raise self.fail(f"give the path relative to the case file, inside its folder: {path}")
        return path

    def parsed(self, parse: Callable[[str], T]) -> T:
        """The text read by a domain parser, its one-line refusal placed at this line."""
        try:
            return parse(str(self.plain()))
        except InvalidInput as exc:
            raise self.fail(str(exc)) from None

    def exhibit(self) -> ExhibitId:
        """One exhibit as the court writes it: ``12``, ``A``, ``P5``, ``5-A``."""
        value = self.plain()
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise self.fail(f"not an exhibit (12, A, P5, 5-A): {_said(value)}")
        try:
            return ExhibitId.parse(value)
        except InvalidInput as exc:
            raise self.fail(str(exc)) from None

    def exhibits(self) -> tuple[ExhibitId, ...]:
        """One exhibit, a list of them, or a text listing them as an order does ("1-17",
        "A-F")."""
        if isinstance(self.node, yaml.ScalarNode):
            value = self.plain()
            if not isinstance(value, str):
                return (self.exhibit(),)
            try:
                return exhibit_ids([value])
            except InvalidInput as exc:
                raise self.fail(str(exc)) from None
        return tuple(v.exhibit() for v in self.each())

    def mapping(self, known: str, required: str = "") -> _Mapping:
        if not isinstance(self.node, yaml.MappingNode):
            raise self.fail("not a mapping")
        return _Mapping(self, known.split(), required.split())


class _Mapping:
    """A mapping whose keys are checked against the schema: unknown and missing keys fail."""

    def __init__(self, value: _Value, known: list[str], required: list[str]) -> None:
        self.value = value
        self.keys: dict[str, _Value] = {}
        assert isinstance(value.node, yaml.MappingNode)
        for key_node, node in value.node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            where = f"{value.path}.{key}" if value.path else str(key)
            if key not in known:
                line = key_node.start_mark.line + 1
                raise CaseFileError(
                    f"{value.source}:{line}: {where}: unknown key (known: {', '.join(known)})"
                )
            if key in self.keys:
                raise _Value(key_node, value.source, where).fail("given twice")
            self.keys[key] = _Value(node, value.source, where)
        for key in required:
            if key not in self.keys:
                raise value.fail(f"lacks {key}")

    def get(self, key: str, read: Callable[[_Value], T], default: T) -> T:
        found = self.keys.get(key)
        if found is None or found.null:
            return default
        return read(found)

    def need(self, key: str, read: Callable[[_Value], T]) -> T:
        return read(self.keys[key])

    def each(self, key: str) -> Iterator[_Value]:
        found = self.keys.get(key)
        if found is None or found.null:
            return iter(())
        return found.each()


def parse_case_file(text: str, source: str) -> CaseFile:
    """The case file ``text`` (read from ``source``, named in every error) as domain values."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"{mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CaseFileError(f"{source}:{line}not valid YAML ({problem})") from None
    except RecursionError:
        raise CaseFileError(f"{source}: lists or mappings nested too deep to read") from None
    if root is None:
        raise CaseFileError(f"{source}: empty: a case file needs at least its case")
    try:
        _values(root, source)
    except RecursionError:
        raise CaseFileError(f"{source}: lists or mappings nested too deep to read") from None
    top = _Value(root, source, "").mapping(
        "case protective_order producing_party receiving_party declarations documents "
        "productions items claims rulings seals acts closures filed_papers",
        "case",
    )
    sides = _Sides(
        top.get("producing_party", _Value.text, ""), top.get("receiving_party", _Value.text, "")
    )
    case = CaseFile(
        caption=_caption(top.keys["case"]),
        protective_order=top.get("protective_order", _protective_order, None),
        producing_party=sides.producing,
        receiving_party=sides.receiving,
        declarations=tuple(_declaration(v) for v in top.each("declarations")),
        documents=tuple(
            _document(v, "protective_order" in top.keys) for v in top.each("documents")
        ),
        productions=tuple(_production(v) for v in top.each("productions")),
        items=tuple(_item(v) for v in top.each("items")),
        claims=tuple(_claim(v) for v in top.each("claims")),
        rulings=tuple(_ruling(v) for v in top.each("rulings")),
        seals=tuple(_seal(v, sides) for v in top.each("seals")),
        acts=tuple(_act(v, sides) for v in top.each("acts")),
        closures=tuple(_closure(v) for v in top.each("closures")),
        filed_papers=tuple(_filed_paper(v) for v in top.each("filed_papers")),
    )
    problems = case.problems()
    if problems:
        raise CaseFileError(f"{source}: {problems[0]}")
    return case


class _Sides:
    """Whose act: ``producing``, ``receiving``, ``both`` (or ``joint``), or the party as the
    case names it (``defendant`` when the producing party is the defendant)."""

    def __init__(self, producing: str, receiving: str) -> None:
        self.producing, self.receiving = producing, receiving

    def party(self, value: _Value) -> Party:
        said = value.text().strip()
        named = {
            self.producing.lower(): Party.producing,
            self.receiving.lower(): Party.receiving,
            "joint": Party.both,
        }
        named.pop("", None)
        if said.lower() in named:
            return named[said.lower()]
        return value.choice(Party)

    def movant(self, value: _Value) -> Movant:
        """Who moved: a party as ``party`` reads it, or ``court`` (its own motion)."""
        if value.text().strip().lower() == Movant.court.value:
            return Movant.court
        return Movant(self.party(value).value)


def _caption(value: _Value) -> Caption:
    m = value.mapping("number court caption state", "number court caption")
    return Caption(
        number=m.need("number", _Value.text),
        court=m.need("court", _Value.text),
        caption=m.need("caption", _Value.text),
        state=m.get("state", _Value.text, None),
    )


def _protective_order(value: _Value) -> str | dict[str, Any]:
    """A preset's name, or the order itself, checked as the matter will check it."""
    if isinstance(value.node, yaml.ScalarNode):
        return value.text()
    data = value.plain()
    if not isinstance(data, dict):
        raise value.fail("not a preset's name or a mapping")
    try:
        order_from_data(data)
    except ClawbackError as exc:
        raise value.fail(str(exc)) from None
    return data


def _declaration(value: _Value) -> DeclarationEntry:
    m = value.mapping("id declarant title docket", "id declarant")
    return DeclarationEntry(
        id=m.need("id", _Value.text),
        declarant=m.need("declarant", _Value.text),
        title=m.get("title", _Value.text, ""),
        docket=m.get("docket", _Value.texts, ()),
    )


def _document(value: _Value, ordered: bool) -> DocumentEntry:
    m = value.mapping("file exhibit title kind designation public", "file")
    if not ordered and "designation" in m.keys:
        raise m.keys["designation"].fail("the case file gives no protective order to designate by")
    return DocumentEntry(
        file=m.need("file", _Value.file),
        exhibit=m.get("exhibit", _Value.exhibit, None),
        title=m.get("title", _Value.text, None),
        kind=m.get("kind", _Value.text, None),
        designation=m.get("designation", _Value.text, None),
        public=m.get("public", _Value.flag, False),
    )


def _production(value: _Value) -> ProductionEntry:
    m = value.mapping("volume start exhibits on", "volume start exhibits")
    return ProductionEntry(
        volume=m.need("volume", _Value.text),
        start=m.need("start", _Value.bates),
        exhibits=m.need("exhibits", _Value.exhibits),
        on=m.get("on", _Value.day, None),
    )


def _item(value: _Value) -> ItemEntry:
    m = value.mapping("id exhibit page what text whole_page", "id exhibit page what")
    item = ItemEntry(
        id=m.need("id", _Value.text),
        exhibit=m.need("exhibit", _Value.exhibit),
        page=m.need("page", _Value.bates),
        what=m.need("what", _Value.text),
        texts=m.get("text", _Value.texts, ()),
        whole_page=m.get("whole_page", _Value.flag, False),
    )
    if bool(item.texts) == item.whole_page:
        raise value.fail("give the item's text on the page, or whole_page: true (one of them)")
    return item


def _claim(value: _Value) -> ClaimEntry:
    m = value.mapping(
        "id privilege exhibits papers items request basis on learned_on declarations paragraphs",
        "id privilege",
    )
    return ClaimEntry(
        id=m.need("id", _Value.text),
        privilege=m.need("privilege", lambda v: v.choice(Privilege)),
        exhibits=m.get("exhibits", _Value.exhibits, ()),
        papers=m.get("papers", _Value.dockets, ()),
        items=m.get("items", _Value.texts, ()),
        request=m.get("request", lambda v: v.choice(Request), Request.clawback),
        basis=m.get("basis", _Value.text, ""),
        on=m.get("on", _Value.day, None),
        learned_on=m.get("learned_on", _Value.day, None),
        declarations=m.get("declarations", _Value.texts, ()),
        paragraphs=m.get("paragraphs", _Value.texts, ()),
    )


def _ruling(value: _Value) -> RulingEntry:
    m = value.mapping("claim result on reason items", "claim result")
    return RulingEntry(
        claim=m.need("claim", _Value.text),
        result=m.need("result", lambda v: v.choice(Result)),
        on=m.get("on", _Value.day, None),
        reason=m.get("reason", _Value.text, ""),
        items=m.get("items", _Value.texts, ()),
    )


def _seal(value: _Value, sides: _Sides) -> SealEntry:
    m = value.mapping(
        "docket exhibits papers kind granted on joint reason unseal_on movant unseal in_part "
        "condition condition_days public_days form",
        "docket kind granted",
    )
    return SealEntry(
        docket=str(m.need("docket", _Value.plain)),
        exhibits=m.get("exhibits", _Value.exhibits, ()),
        papers=m.get("papers", _papers, ()),
        public_days=m.get("public_days", _Value.days, None),
        kind=m.need("kind", lambda v: v.choice(MotionKind)),
        granted=m.need("granted", _Value.flag),
        on=m.get("on", _Value.day, None),
        joint=m.get("joint", _Value.flag, False),
        reason=m.get("reason", _Value.text, ""),
        unseal_on=m.get("unseal_on", _Value.day, None),
        movant=m.get("movant", sides.movant, None),
        unseal=m.get("unseal", _Value.flag, False),
        in_part=m.get("in_part", _part, None),
        condition=m.get("condition", _Value.text, ""),
        condition_days=m.get("condition_days", _Value.days, None),
        form=m.get("form", lambda v: v.choice(MotionForm), MotionForm.motion),
    )


def _papers(value: _Value) -> tuple[str, ...]:
    """Filed papers by docket entry: one, or a list ("ECF No. 120", "118-2")."""
    if isinstance(value.node, yaml.ScalarNode):
        return (value.parsed(docket_entry),)
    return tuple(v.parsed(docket_entry) for v in value.each())


def _part(value: _Value) -> SealPart:
    m = value.mapping("items patterns privacy minors what")
    try:
        return SealPart(
            items=m.get("items", _Value.texts, ()),
            patterns=m.get("patterns", _Value.texts, ()),
            privacy=m.get("privacy", lambda v: tuple(e.choice(Privacy) for e in v.each()), ()),
            minors=m.get("minors", _Value.texts, ()),
            what=m.get("what", _Value.text, ""),
        )
    except InvalidInput as exc:
        raise value.fail(str(exc)) from None


def _act(value: _Value, sides: _Sides) -> OrderedAct:
    m = value.mapping("what party kind order_date within by source", "what party order_date")
    trigger = m.need("order_date", _Value.day)
    try:
        return OrderedAct(
            party=m.need("party", sides.party),
            kind=m.get("kind", lambda v: v.choice(ActKind), ActKind.other),
            what=m.need("what", _Value.text),
            trigger=trigger,
            days=m.get("within", _Value.days, None),
            by=m.get("by", _Value.day, None),
            source=m.get("source", _Value.text, f"order of {trigger}"),
        )
    except InvalidInput as exc:
        if isinstance(exc, CaseFileError):
            raise
        raise value.fail(str(exc)) from None


def _closure(value: _Value) -> ClosureEntry:
    m = value.mapping("day reason", "day reason")
    return ClosureEntry(day=m.need("day", _Value.day), reason=m.need("reason", _Value.text))


def _filed_paper(value: _Value) -> FiledPaperEntry:
    m = value.mapping("file docket kind title under_seal filed_on items", "file docket kind")
    return FiledPaperEntry(
        file=m.need("file", _Value.file),
        docket=m.need("docket", lambda v: v.parsed(docket_entry)),
        kind=m.need("kind", lambda v: v.choice(FiledKind)),
        title=m.get("title", _Value.text, ""),
        under_seal=m.get("under_seal", _Value.flag, False),
        items=tuple(_filed_item(v) for v in m.each("items")),
        filed_on=m.get("filed_on", _Value.day, None),
    )


def _filed_item(value: _Value) -> FiledItemEntry:
    m = value.mapping("id at what text", "id at what")
    item = FiledItemEntry(
        id=m.need("id", _Value.text),
        at=m.need("at", lambda v: v.parsed(Pinpoint.parse)),
        what=m.need("what", _Value.text),
        texts=m.get("text", _Value.texts, ()),
    )
    if item.texts and item.at.paragraph is not None:
        raise m.keys["text"].fail(f"{item.at} is found by its number: give text only with a page")
    if item.texts and item.at.bullet is not None:
        raise m.keys["text"].fail(f"{item.at} is found by its place: give text only with a page")
    return item
