"""Shopify's calculated query cost, from the query document, as the Admin API documents it.

help.shopify.com "GraphQL Admin API call limit" and shopify.dev "GraphQL Admin API rate
limits": every field has a cost; scalars and enums cost 0, an object 1, a connection is sized
by its `first`/`last` argument (2 for the connection, plus that many times the cost of one
node with its own selection), a mutation 10. The requested cost is worked out before the
query runs, from what it asks for; the actual cost afterwards, from what came back (a null
object costs nothing, a connection is sized by the nodes it returned). A single query may not
request more than 1000 points (MAX_COST_EXCEEDED, enforced before it runs).

A small reader for the subset of GraphQL Packdesk sends: one operation, fields with arguments
and selections, variables, directives, named and inline fragments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MAX_SINGLE_QUERY_COST = 1000
MUTATION_COST = 10
CONNECTION_COST = 2
_TOKEN = re.compile(r'\s+|,|#[^\n]*|"(?:\\.|[^"\\])*"|\.\.\.|[{}()\[\]:!=$@]|-?\d+(?:\.\d+)?'
                    r"|[_A-Za-z][_0-9A-Za-z]*")


@dataclass
class Field:
    name: str  # the response key: the alias if there is one
    args: dict[str, Any] = field(default_factory=dict)
    selection: list[Field] | None = None  # None: a scalar or enum leaf


def _tokens(document: str) -> list[str]:
    out, at = [], 0
    while at < len(document):
        match = _TOKEN.match(document, at)
        if match is None:
            raise ValueError(f"cannot read the query at {document[at:at + 20]!r}")
        token, at = match.group(0), match.end()
        if token.strip() and token != "," and not token.startswith("#"):
            out.append(token)
    return out


class _Reader:
    def __init__(self, document: str, variables: dict[str, Any]) -> None:
        self.tokens, self.at, self.variables = _tokens(document), 0, variables

    def peek(self) -> str:
        return self.tokens[self.at] if self.at < len(self.tokens) else ""

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if expected is not None and token != expected:
            raise ValueError(f"expected {expected!r}, found {token!r}")
        self.at += 1
        return token

    def document(self) -> tuple[str, list[Field]]:
        """The operation, with every `...Name` spread replaced by the fragment's fields."""
        kind, fields = "query", None
        fragments: dict[str, list[Field]] = {}
        while self.peek():
            if self.peek() == "fragment":
                self.take()
                name = self.take()
                self.take("on")
                self.take()  # the type condition
                self.directives()
                fragments[name] = self.selection_set()
                continue
            if fields is not None:
                raise ValueError("one operation per document")
            kind, fields = self.operation()
        if fields is None:
            raise ValueError("no operation in the document")
        return kind, _expand(fields, fragments)

    def operation(self) -> tuple[str, list[Field]]:
        kind = "query"
        if self.peek() in ("query", "mutation", "subscription"):
            kind = self.take()
            if self.peek() not in ("(", "{", "@"):
                self.take()  # the operation's name
            if self.peek() == "(":
                self.skip_group("(", ")")
            self.directives()
        return kind, self.selection_set()

    def skip_group(self, opening: str, closing: str) -> None:
        depth = 0
        while True:
            token = self.take()
            depth += token == opening
            depth -= token == closing
            if depth == 0:
                return

    def directives(self) -> None:
        while self.peek() == "@":
            self.take("@")
            self.take()
            if self.peek() == "(":
                self.arguments()

    def selection_set(self) -> list[Field]:
        self.take("{")
        fields = []
        while self.peek() != "}":
            if self.peek() == "...":
                self.take("...")
                if self.peek() == "on":  # an inline fragment: its fields, in place
                    self.take("on")
                    self.take()
                    self.directives()
                    fields += self.selection_set()
                else:
                    fields.append(Field("..." + self.take()))
                    self.directives()
                continue
            name = self.take()
            if self.peek() == ":":
                self.take(":")
                self.take()  # the field behind the alias; the alias is the response key
            args = self.arguments() if self.peek() == "(" else {}
            self.directives()
            selection = self.selection_set() if self.peek() == "{" else None
            fields.append(Field(name, args, selection))
        self.take("}")
        return fields

    def arguments(self) -> dict[str, Any]:
        self.take("(")
        args = {}
        while self.peek() != ")":
            name = self.take()
            self.take(":")
            args[name] = self.value()
        self.take(")")
        return args

    def value(self) -> Any:
        token = self.take()
        if token == "$":
            return self.variables.get(self.take())
        if token in ("[", "{"):
            self.at -= 1
            self.skip_group(token, "]" if token == "[" else "}")
            return None
        if token.startswith('"'):
            return token[1:-1]
        try:
            return int(token)
        except ValueError:
            return token


def _expand(fields: list[Field], fragments: dict[str, list[Field]],
            seen: tuple[str, ...] = ()) -> list[Field]:
    out: list[Field] = []
    for item in fields:
        if item.name.startswith("..."):
            name = item.name[3:]
            if name not in fragments or name in seen:
                raise ValueError(f"fragment {name} is not defined (or spreads itself)")
            out += _expand(fragments[name], fragments, (*seen, name))
        else:
            selection = None if item.selection is None else _expand(item.selection, fragments,
                                                                     seen)
            out.append(Field(item.name, item.args, selection))
    return out


def parse(document: str, variables: dict[str, Any] | None = None) -> tuple[str, list[Field]]:
    """(operation kind, root fields) of a one-operation document."""
    return _Reader(document, variables or {}).document()


def _size(item: Field) -> int | None:
    for name in ("first", "last"):
        if isinstance(item.args.get(name), int):
            return item.args[name]
    return None


def _node_selection(item: Field) -> list[Field]:
    """What one element of a connection selects: `nodes {..}`, `edges { node {..} }`, or
    (a list sized by `first`) its own selection; pageInfo is charged apart."""
    inner: list[Field] = []
    for child in item.selection or []:
        if child.name == "nodes":
            inner += child.selection or []
        elif child.name == "edges":
            for edge_field in child.selection or []:
                if edge_field.name == "node":
                    inner += edge_field.selection or []
        elif child.name != "pageInfo":
            inner.append(child)
    return inner


def _selection_cost(fields: list[Field], data: Any, actual: bool) -> int:
    return sum(_field_cost(f, data.get(f.name) if isinstance(data, dict) else None, actual)
               for f in fields)


def _field_cost(item: Field, data: Any, actual: bool) -> int:
    if item.selection is None:
        return 0  # scalar or enum
    if actual and data is None:
        return 0  # an object that came back null ends the query early there
    size = _size(item)
    if size is None:  # an object (or a list of objects) with its own selection
        if isinstance(data, list):
            return sum(1 + _selection_cost(item.selection, row, actual) for row in data)
        return 1 + _selection_cost(item.selection, data, actual)
    inner = _node_selection(item)
    page_info = any(child.name == "pageInfo" for child in item.selection)
    if not actual:
        return CONNECTION_COST + page_info + size * (1 + _selection_cost(inner, None, False))
    rows = _rows(data)
    return CONNECTION_COST + page_info + sum(1 + _selection_cost(inner, row, True)
                                             for row in rows)


def _rows(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if isinstance(data.get("nodes"), list):
            return data["nodes"]
        if isinstance(data.get("edges"), list):
            return [edge.get("node") for edge in data["edges"] if isinstance(edge, dict)]
    return []


def connection_sizes(document: str, variables: dict[str, Any] | None = None
                     ) -> list[tuple[str, int]]:
    """(field, first/last) of every sized field, for the checks made before the cost."""
    found: list[tuple[str, int]] = []

    def walk(fields: list[Field]) -> None:
        for item in fields:
            size = _size(item)
            if size is not None:
                found.append((item.name, size))
            walk(item.selection or [])

    walk(parse(document, variables)[1])
    return found


def requested_cost(document: str, variables: dict[str, Any] | None = None) -> int:
    kind, fields = parse(document, variables)
    if kind == "mutation":
        return MUTATION_COST * len(fields)
    return _selection_cost(fields, None, actual=False)


def actual_cost(document: str, variables: dict[str, Any] | None, data: Any) -> int:
    kind, fields = parse(document, variables)
    if kind == "mutation":
        return MUTATION_COST * len(fields)
    return _selection_cost(fields, data, actual=True)
