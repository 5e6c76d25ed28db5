"""`make bench`: runs every benchmark, prints a table and writes bench/results.json.

Each module listed in SUITES exposes `run() -> list[dict]`; a row is
{"key": str, "value": float, "unit": str, "target": str, "note": str}.
A suite that fails is reported in the table and does not stop the others.
"""

from __future__ import annotations

import importlib
import json
import sys
import traceback
from pathlib import Path

SUITES = [
    "bench.scan_bench",
    "bench.decode_bench",
    "bench.label_bench",
    "bench.print_bench",
    "bench.carrier_label_bench",
    "bench.sync_bench",
    "bench.outbox_bench",
    "bench.board_bench",
    "bench.stock_bench",
    "bench.postgres_scan_bench",  # a 100k-order store in PostgreSQL, built each run
    "bench.evidence_bench",
    "bench.year_bench",  # builds a 1M-order store on first use (about 5 min), then cached
]

RESULTS = Path(__file__).with_name("results.json")


def _load_existing() -> dict:
    try:
        return json.loads(RESULTS.read_text())
    except (OSError, ValueError):
        return {}


def main(argv: list[str]) -> int:
    only = set(argv)
    results = _load_existing()
    rows: list[dict] = []
    failed = 0
    for name in SUITES:
        if only and name.rsplit(".", 1)[-1] not in only and name not in only:
            continue
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            suite_rows = module.run()
        except Exception:  # a broken suite is reported, the others still run
            failed += 1
            traceback.print_exc()
            rows.append({"key": name, "value": float("nan"), "unit": "", "target": "",
                         "note": "FAILED, see the traceback above"})
            continue
        for row in suite_rows:
            results[row["key"]] = row["value"]
            rows.append(row)
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    _print_table(rows)
    print(f"\nwritten: {RESULTS}")
    return 1 if failed else 0


def _print_table(rows: list[dict]) -> None:
    headers = ("key", "value", "unit", "target", "note")
    cells = [[r["key"], _fmt(r["value"]), r.get("unit", ""), r.get("target", ""),
              r.get("note", "")] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h)
              for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("-" * len(line))
    for c in cells:
        print("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)))


def _fmt(value: float) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:.1f}"
    return str(value)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
