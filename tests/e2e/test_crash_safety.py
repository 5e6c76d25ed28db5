"""Kill the packing app (SIGKILL) at random moments, 50 times, and between two of its
transactions, 30 times, and check the store each time."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.services.demo import build_demo

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50  # at a random moment
KILLS_AT_COMMIT = 30  # as the child's N-th transaction is about to commit


def _start_child(url: str, labels: Path, kill_at_commit: int = 0) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "tests.e2e.crash_child", url, str(labels),
                             str(kill_at_commit)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _wait_for_packing(child: subprocess.Popen) -> str:
    line = child.stdout.readline().strip()
    return line


def _check(db_path: Path) -> None:
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        dup = db.execute("SELECT scan_uid, COUNT(*) FROM scan_events GROUP BY scan_uid "
                         "HAVING COUNT(*) > 1").fetchall()
        assert dup == [], f"scans recorded twice: {dup}"
        orphan_moves = db.execute("""
            SELECT m.order_number FROM stock_moves m WHERE m.reason = 'packed' AND NOT EXISTS (
              SELECT 1 FROM orders o JOIN order_transitions t ON t.order_id = o.id
              WHERE o.number = m.order_number AND t.to_status = 'packed')""").fetchall()
        assert orphan_moves == [], f"stock moved without the order being packed: {orphan_moves}"
        unmoved = db.execute("""
            SELECT o.number FROM orders o WHERE o.status = 'packed' AND NOT EXISTS (
              SELECT 1 FROM stock_moves m WHERE m.order_number = o.number
              AND m.reason = 'packed')""").fetchall()
        assert unmoved == [], f"packed orders whose stock never moved: {unmoved}"
        # a line's verified count is exactly what its counted scans add up to
        mismatched = db.execute("""
            SELECT l.order_id, l.sku, l.verified_quantity, COALESCE(SUM(e.quantity), 0)
            FROM order_lines l JOIN orders o ON o.id = l.order_id
            LEFT JOIN pack_sessions s ON s.order_number = o.number AND s.outcome IN ('open', 'completed')
            LEFT JOIN scan_events e ON e.session_id = s.id AND e.sku = l.sku
                 AND e.result IN ('verified', 'manual') AND e.undone_at IS NULL
            WHERE o.status IN ('packing', 'packed')
            GROUP BY l.id HAVING l.verified_quantity != COALESCE(SUM(e.quantity), 0)
               OR l.verified_quantity > l.quantity""").fetchall()
        assert mismatched == [], f"verified counts that the scans do not explain: {mismatched}"
        stock = db.execute("""
            SELECT s.sku FROM stock_items s WHERE s.shipped != (
              SELECT COALESCE(SUM(CASE WHEN to_bucket='shipped' THEN quantity ELSE 0 END), 0)
              - COALESCE(SUM(CASE WHEN from_bucket='shipped' THEN quantity ELSE 0 END), 0)
              FROM stock_moves m WHERE m.sku = s.sku)""").fetchall()
        assert stock == [], f"stock rows that the ledger does not explain: {stock}"
        # the outbox rule: a packed channel order queued its fulfilment in the same
        # transaction, so a kill can neither lose it nor queue it twice
        fulfilments = db.execute("""
            SELECT o.number, COUNT(q.id) FROM orders o LEFT JOIN outbox q
              ON q.kind = 'fulfilment' AND json_extract(q.payload, '$.order_number') = o.number
            WHERE o.status = 'packed' AND o.channel NOT IN ('manual', 'csv', 'demo')
            GROUP BY o.id HAVING COUNT(q.id) != 1""").fetchall()
        assert fulfilments == [], f"packed orders without exactly one fulfilment: {fulfilments}"
        early = db.execute("""
            SELECT json_extract(q.payload, '$.order_number') FROM outbox q
            WHERE q.kind = 'fulfilment' AND NOT EXISTS (
              SELECT 1 FROM orders o WHERE o.status = 'packed'
              AND o.number = json_extract(q.payload, '$.order_number'))""").fetchall()
        assert early == [], f"fulfilments queued for orders that are not packed: {early}"


@pytest.mark.slow
def test_the_store_survives_the_app_being_killed_while_packing(tmp_path):
    db_path = tmp_path / "crash.db"
    url = f"sqlite:///{db_path}"
    store = open_store(url)
    build_demo(uow_factory(store.session_factory, "setup")(), seed=21, products=20, orders=150)
    store.dispose()
    rng = random.Random(1234)
    # a kill at a random time almost never falls between two transactions of one action
    # (a mutant queueing the fulfilment after the order's commit survives 50 of them); a
    # kill at the child's N-th commit does, for every N: one to two orders' worth of them
    schedule = [0] * KILLS + [rng.randint(2, 20) for _ in range(KILLS_AT_COMMIT)]
    rng.shuffle(schedule)
    packed_runs = 0
    for kill, kill_at_commit in enumerate(schedule):
        child = _start_child(url, tmp_path / "labels", kill_at_commit)
        first = _wait_for_packing(child)
        if first == "all packed":
            child.wait(timeout=30)
            break
        assert first == "packing", f"the app did not start: {first} {child.stderr.read()}"
        if kill_at_commit:  # it kills itself, or runs out of orders first
            if child.wait(timeout=60) != -signal.SIGKILL:
                assert child.stdout.read().strip() == "all packed", child.stderr.read()
        else:
            time.sleep(rng.uniform(0.02, 0.6))
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
        _check(db_path)
        packed_runs = kill + 1
    assert packed_runs >= 10, "the app should have been killed mid-pack many times"
    with sqlite3.connect(db_path) as db:
        packed = db.execute("SELECT COUNT(*) FROM orders WHERE status = 'packed'").fetchone()[0]
        kept_scans = db.execute("SELECT COUNT(*) FROM scan_events").fetchone()[0]
        queued = db.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'fulfilment'").fetchone()[0]
    assert packed > 0 and kept_scans > 0
    assert queued > 0, "no packed channel order: the outbox check above checked nothing"
