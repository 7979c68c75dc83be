"""The search query language, parsed once where a search comes in and rendered into each
engine's own syntax (SQLite FTS5 ``MATCH``, PostgreSQL ``to_tsquery``); the person's words never
reach an engine as they were typed.

    compelling reasons          both words, anywhere on the page (AND is implied)
    "compelling reasons"        the phrase, across line breaks
    reason*                     a prefix
    seal OR sealed              either; AND, OR, NOT (upper case) and parentheses
    lookout NOT caravan         the first without the second
    NEAR(caravan shelter, 5)    both, at most 5 words apart, either order (10 by default)

A word is cut into the engine's tokens (letters and digits; ``AOL-DEF-00528703`` is the phrase
``aol def 00528703``), folded to lower case; punctuation standing alone is no word. Anything
else malformed is refused in one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clawback.domain.errors import InvalidInput

#: The most terms one query may hold, and the widest NEAR.
MAX_TERMS = 32
MAX_NEAR = 20
NEAR_DEFAULT = 10

_TOKEN = re.compile(r"[^\W_]+")
_LEXER = re.compile(r'\s*(?:(?P<quote>"[^"]*"?)|(?P<punct>[(),])|(?P<word>[^\s(),"]+))')
_OPERATORS = {"AND", "OR", "NOT"}
_KEYWORDS = _OPERATORS | {"NEAR"}


@dataclass(frozen=True)
class Term:
    """Tokens that must stand next to each other, in order; the last one a prefix if asked."""

    tokens: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Near:
    left: Term
    right: Term
    distance: int


@dataclass(frozen=True)
class Op:
    op: str  # AND, OR, NOT ("left NOT right": left without right)
    left: Node
    right: Node


Node = Term | Near | Op


def parse(query: str) -> Node:
    """The query as a tree, or ``InvalidInput`` saying what is wrong with it."""
    parser = _Parser(_lex(query))
    node = parser.expression()
    if parser.peek() is not None:
        raise InvalidInput(f"search: unexpected {parser.peek()!r}")
    if _count(node) > MAX_TERMS:
        raise InvalidInput(f"search: at most {MAX_TERMS} terms")
    return node


def fts5(node: Node, column: str) -> str:
    """The FTS5 MATCH expression, limited to ``column``."""
    return f"{{{column}}} : ({_fts5(node)})"


def tsquery(node: Node) -> str:
    """The PostgreSQL ``to_tsquery`` text (for the ``simple`` configuration)."""
    if isinstance(node, Term):
        return _ts_term(node)
    if isinstance(node, Near):
        left, right = _ts_term(node.left), _ts_term(node.right)
        ways = [
            f"({a}) <{d}> ({b})"
            for d in range(1, node.distance + 2)
            for a, b in ((left, right), (right, left))
        ]
        return "(" + " | ".join(ways) + ")"
    joined = {"AND": " & ", "OR": " | ", "NOT": " & !"}[node.op]
    return f"({tsquery(node.left)}{joined}({tsquery(node.right)}))"


def _fts5(node: Node) -> str:
    if isinstance(node, Term):
        return _fts5_term(node)
    if isinstance(node, Near):
        return f"NEAR({_fts5_term(node.left)} {_fts5_term(node.right)}, {node.distance})"
    return f"({_fts5(node.left)} {node.op} {_fts5(node.right)})"


def _fts5_term(term: Term) -> str:
    # Tokens are letters and digits only, so a double-quoted FTS5 string needs no escaping.
    return '"' + " ".join(term.tokens) + '"' + (" *" if term.prefix else "")


def _ts_term(term: Term) -> str:
    last = len(term.tokens) - 1
    parts = [
        f"'{t}'" + (":*" if term.prefix and i == last else "") for i, t in enumerate(term.tokens)
    ]
    return " <-> ".join(parts)


def _count(node: Node) -> int:
    if isinstance(node, Term):
        return 1
    if isinstance(node, Near):
        return 2
    return _count(node.left) + _count(node.right)


def _lex(query: str) -> list[str]:
    tokens: list[str] = []
    at, near = 0, False
    text = query.strip()
    while at < len(text):
        match = _LEXER.match(text, at)
        if match is None or match.end() == at:  # pragma: no cover - the pattern takes any char
            raise InvalidInput("search: cannot read the query")
        at = match.end()
        quote = match.group("quote")
        if quote is not None and (len(quote) < 2 or not quote.endswith('"')):
            raise InvalidInput('search: a phrase is missing its closing "')
        word, punct = match.group("word"), match.group("punct")
        if word is not None and word not in _KEYWORDS and not _TOKEN.search(word):
            continue  # punctuation between words ("a - b", "a & b") is no term
        if punct == "," and not near:
            continue  # nor a comma, but in NEAR(a b, 5)
        near = (near or tokens[-1:] == ["NEAR"]) and punct != ")" if punct else near
        tokens.append(match.group(0).strip())
    if not tokens:
        raise InvalidInput("search: no letters or digits to search for")
    return tokens


def _term(word: str) -> Term:
    if word.startswith('"'):
        tokens = tuple(t.lower() for t in _TOKEN.findall(word[1:-1]))
        if not tokens:
            raise InvalidInput("search: an empty phrase")
        return Term(tokens)
    prefix = word.endswith("*")
    tokens = tuple(t.lower() for t in _TOKEN.findall(word.rstrip("*")))
    if not tokens:
        raise InvalidInput(f"search: {word!r} holds no letters or digits")
    return Term(tokens, prefix)


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise InvalidInput("search: the query ends too soon")
        self.at += 1
        return token

    def expression(self) -> Node:
        node = self.conjunction()
        while self.peek() == "OR":
            self.take()
            node = Op("OR", node, self.conjunction())
        return node

    def conjunction(self) -> Node:
        node = self.unary()
        while (token := self.peek()) is not None and token not in {"OR", ")", ","}:
            op = "AND"
            if token in {"AND", "NOT"}:
                op = self.take()
            node = Op(op, node, self.unary())
        return node

    def unary(self) -> Node:
        token = self.take()
        if token in _OPERATORS:
            raise InvalidInput(f"search: {token} needs words before and after it")
        if token in {")", ","}:
            raise InvalidInput(f"search: unexpected {token!r}")
        if token == "(":
            node = self.expression()
            if self.take() != ")":
                raise InvalidInput("search: a '(' is not closed")
            return node
        if token == "NEAR" and self.peek() == "(":
            return self.near()
        return _term(token)

    def near(self) -> Near:
        self.take()  # "("
        words: list[str] = []
        while self.peek() not in {")", ",", None}:
            words.append(self.take())
        distance = NEAR_DEFAULT
        if self.peek() == ",":
            self.take()
            number = self.take()
            if not (number.isascii() and number.isdigit()) or not 0 <= int(number) <= MAX_NEAR:
                raise InvalidInput(f"search: NEAR's distance is a number from 0 to {MAX_NEAR}")
            distance = int(number)
        if self.take() != ")" or len(words) != 2 or any(w in _OPERATORS for w in words):
            raise InvalidInput("search: NEAR takes two words or phrases: NEAR(a b, 5)")
        return Near(_term(words[0]), _term(words[1]), distance)
