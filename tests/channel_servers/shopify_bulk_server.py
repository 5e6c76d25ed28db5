"""Shopify bulk operations, as shopify.dev documents them (2026-01), for ShopifyServer.

- `bulkOperationRunQuery(query:, groupObjects:)`: the query must hold at least one connection,
  at most five, nested at most two levels; one bulk query per app and shop at a time
  (userErrors code OPERATION_IN_PROGRESS); codes INVALID, LIMIT_REACHED, OPERATION_IN_PROGRESS.
- `node(id:) { ... on BulkOperation }` / `currentBulkOperation(type: QUERY)`: status CREATED,
  RUNNING, COMPLETED, FAILED (errorCode ACCESS_DENIED, INTERNAL_SERVER_ERROR, TIMEOUT),
  CANCELING, CANCELED, EXPIRED; `url` is null when nothing matched.
- The result is JSONL: one object a line; a nested connection's nodes are lines of their own
  with `__parentId`. With groupObjects false no order is promised, so this server writes
  each order's lines a few orders after it, to keep a client honest.
- The file lives at a pre-signed URL on other storage: a GET with no shop token.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from datetime import UTC, datetime
from typing import Any

from tests.channel_servers.graphql_cost import Field, parse

MAX_CONNECTIONS = 5
MAX_DEPTH = 2
CHILD_LAG = 3  # an order's line items are written this many orders after it
STATUS_PATH = "/bulk-results/"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _is_connection(item: Field) -> bool:
    return bool(item.selection) and any(f.name in ("edges", "nodes") for f in item.selection)


def _node_fields(item: Field) -> list[Field]:
    for child in item.selection or []:
        if child.name == "nodes":
            return child.selection or []
        if child.name == "edges":
            for grand in child.selection or []:
                if grand.name == "node":
                    return grand.selection or []
    return []


def _connections(fields: list[Field], depth: int = 1) -> list[tuple[Field, int]]:
    found = []
    for item in fields:
        if _is_connection(item):
            found.append((item, depth))
            found += _connections(_node_fields(item), depth + 1)
        elif item.selection:
            found += _connections(item.selection, depth)
    return found


def project(data: Any, fields: list[Field]) -> Any:
    """What the selection asks for, from a stored node; connections left out."""
    if isinstance(data, list):
        return [project(row, fields) for row in data]
    if not isinstance(data, dict):
        return data
    out = {}
    for item in fields:
        if item.name.startswith("...") or _is_connection(item):
            continue
        value = data.get(item.name)
        out[item.name] = project(value, item.selection) if item.selection and value is not None \
            else value
    return out


class BulkOperations:
    """Mixed into ShopifyServer: the bulk query operations of one app on one shop."""

    bulk_delay_s: float = 0.2       # how long an export takes to run
    bulk_fail_with: str | None = None  # an errorCode the next export fails with
    bulk_limit_reached: bool = False

    def _bulk_init(self) -> None:
        self.bulk_ops: dict[str, dict[str, Any]] = {}
        self.bulk_files: dict[str, bytes] = {}
        self.bulk_downloads: list[dict[str, str]] = []  # headers of each download
        self._bulk_secret = b"storage-signing-key"

    # -- mutation -----------------------------------------------------------------------
    def bulk_run_query(self, variables: dict[str, Any], _request: Any) -> dict[str, Any]:
        document = variables.get("query") or ""
        try:
            _, fields = parse(document, {})
        except ValueError as exc:
            return self._bulk_errors("INVALID", f"Invalid bulk query: {exc}")
        connections = _connections(fields)
        if not connections:
            return self._bulk_errors("INVALID", "Bulk queries must contain at least one "
                                     "connection.")
        if len(connections) > MAX_CONNECTIONS:
            return self._bulk_errors("INVALID", f"Bulk queries cannot contain more than "
                                     f"{MAX_CONNECTIONS} connections.")
        if max(depth for _, depth in connections) > MAX_DEPTH:
            return self._bulk_errors("INVALID", "Bulk queries cannot contain connections with "
                                     f"a nesting depth greater than {MAX_DEPTH}.")
        if self.bulk_limit_reached:
            return self._bulk_errors("LIMIT_REACHED", "Bulk operations limit reached. Please "
                                     "try again later.")
        current = self._current_bulk()
        if current is not None and self._bulk_state(current)["status"] in ("CREATED", "RUNNING"):
            return self._bulk_errors("OPERATION_IN_PROGRESS", "A bulk query operation for this "
                                     f"app and shop is already in progress: {current['id']}.")
        self._serial += 1
        op_id = f"gid://shopify/BulkOperation/{720918 + self._serial}"
        op = {"id": op_id, "query": document, "createdAt": _iso(datetime.now(UTC)),
              "ready_at": time.monotonic() + self.bulk_delay_s,
              "fail": self.bulk_fail_with, "status": "CREATED"}
        self.bulk_fail_with = None
        op["lines"] = self._bulk_snapshot(fields, document)  # the shop as the export starts
        self.bulk_ops[op_id] = op
        return {"bulkOperationRunQuery": {"bulkOperation": {"id": op_id, "status": "CREATED"},
                                          "userErrors": []}}

    @staticmethod
    def _bulk_errors(code: str, message: str) -> dict[str, Any]:
        return {"bulkOperationRunQuery": {"bulkOperation": None, "userErrors": [
            {"field": ["query"], "message": message, "code": code}]}}

    def _bulk_snapshot(self, fields: list[Field], document: str = "") -> list[bytes]:
        if fields and fields[0].name == "productVariants":  # the catalogue (its own mixin)
            return self.catalogue_lines(document)
        orders_field = next(f for f in fields if f.name == "orders")
        search = str(orders_field.args.get("query") or "")
        match = re.search(r"updated_at:(>=?)'([^']+)'", search)
        rows = sorted((o for o in self.orders.values()
                       if not match or (o["updatedAt"] >= match.group(2)
                                        if match.group(1) == ">="
                                        else o["updatedAt"] > match.group(2))),
                      key=lambda o: (o["updatedAt"], o["id"]))
        node_fields = _node_fields(orders_field)
        line_field = next((f for f in node_fields if f.name == "lineItems"), None)
        line_fields = _node_fields(line_field) if line_field else []
        out: list[bytes] = []
        waiting: list[list[bytes]] = []
        for order in rows:
            out.append(json.dumps(project(order, node_fields)).encode() + b"\n")
            children = []
            for line in order["lineItems"]["nodes"] if line_field else []:
                line.setdefault("currentQuantity", line.get("quantity"))  # as a page does
                children.append(json.dumps({**project(line, line_fields),
                                            "__parentId": order["id"]}).encode() + b"\n")
            waiting.append(children)
            if len(waiting) > CHILD_LAG:
                out += waiting.pop(0)
        for children in waiting:
            out += children
        return out

    # -- status -------------------------------------------------------------------------
    def _current_bulk(self) -> dict[str, Any] | None:
        return list(self.bulk_ops.values())[-1] if self.bulk_ops else None

    def _bulk_state(self, op: dict[str, Any]) -> dict[str, Any]:
        """The operation as node(id:) shows it; it runs, then completes or fails."""
        if op["status"] == "CREATED":
            op["status"] = "RUNNING"
        elif op["status"] == "RUNNING" and time.monotonic() >= op["ready_at"]:
            op["status"] = "FAILED" if op["fail"] else "COMPLETED"
            if not op["fail"] and op["lines"]:
                token = hashlib.sha256(op["id"].encode()).hexdigest()[:20]
                self.bulk_files[token] = b"".join(op["lines"])
                op["file"] = token
        roots = sum(1 for line in op["lines"] if b'"__parentId"' not in line)
        url = None
        if op["status"] == "COMPLETED" and op.get("file"):
            signature = hmac.new(self._bulk_secret, op["file"].encode(), "sha256").hexdigest()
            url = f"{self.url}{STATUS_PATH}{op['file']}.jsonl?X-Goog-Signature={signature}"
        return {"id": op["id"], "status": op["status"],
                "errorCode": op["fail"] if op["status"] == "FAILED" else None,
                "url": url, "partialDataUrl": None,
                "objectCount": str(len(op["lines"])) if op["status"] == "COMPLETED" else "0",
                "rootObjectCount": str(roots) if op["status"] == "COMPLETED" else "0",
                "createdAt": op["createdAt"], "query": op["query"]}

    def bulk_node(self, variables: dict[str, Any], _request: Any) -> dict[str, Any]:
        op = self.bulk_ops.get(variables.get("id"))
        return {"node": self._bulk_state(op) if op else None}

    def bulk_current(self, _variables: dict[str, Any], _request: Any) -> dict[str, Any]:
        op = self._current_bulk()
        return {"currentBulkOperation": self._bulk_state(op) if op else None}

    def expire_bulk(self, op_id: str) -> None:
        """Seven days later: the file is gone and the operation says EXPIRED."""
        with self.lock:
            op = self.bulk_ops[op_id]
            op["status"] = "EXPIRED"
            self.bulk_files.pop(op.get("file", ""), None)

    # -- the file -----------------------------------------------------------------------
    def bulk_download(self, request: Any) -> tuple[int, bytes]:
        name = request.path[len(STATUS_PATH):]
        token = name.removesuffix(".jsonl")
        self.bulk_downloads.append({k.lower(): v for k, v in request.headers.items()})
        expected = hmac.new(self._bulk_secret, token.encode(), "sha256").hexdigest()
        if request.query.get("X-Goog-Signature") != expected or token not in self.bulk_files:
            return 403, b"<Error><Code>AccessDenied</Code></Error>"
        return 200, self.bulk_files[token]
