"""Issue 20 on PostgreSQL: a scan's unit of work is pipelined (its writes leave with the
COMMIT, before their row counts are known), so the version check is the server's
(`packdesk_expect_rows`, migration 0035). A station whose read went stale while another
station scanned the same parcel is refused as before, and nothing of its scan is stored."""

from __future__ import annotations

import select as select_module
import uuid

import pytest
from sqlalchemy import event, func, select

from app.adapters import orm, pipeline
from app.adapters.repositories.pack_sessions import SqlPackSessionRepository
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.errors import ConcurrencyConflict
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.bench_flow import BenchFlow
from app.services.demo import build_demo
from app.services.packing import scan_item

pytestmark = pytest.mark.postgres


def _stored(store, session_id: int) -> tuple[int, int, int, int]:
    """(scans, verified units, the session's version, its order's version) as stored."""
    ps, se, ol, o = orm.pack_sessions.c, orm.scan_events.c, orm.order_lines.c, orm.orders.c
    with store.engine.connect() as conn:
        scans = conn.scalar(select(func.count()).where(se.session_id == session_id))
        number, version = conn.execute(select(ps.order_number, ps.version)
                                       .where(ps.id == session_id)).one()
        order_id, order_version = conn.execute(select(o.id, o.version)
                                               .where(o.number == number)).one()
        verified = conn.scalar(select(func.sum(ol.verified_quantity))
                               .where(ol.order_id == order_id))
    return scans, verified, version, order_version


def test_a_scan_read_before_another_stations_scan_is_refused_and_stores_nothing(
        postgres_url, monkeypatch):
    first, second = open_store(postgres_url), open_store(postgres_url)  # two connections
    try:
        build_demo(uow_factory(first.session_factory, "bench-1")(), seed=11, orders=40)
        flow = BenchFlow(PackBenchService(uow_factory(first.session_factory, "bench-1")))
        step = flow.open_order(c.OpenOrder("PD-100003", "Ann"))
        session_id, lines = step.opened.session_id, step.opened.order.lines
        units = [line.sku for line in lines for _ in range(line.quantity - line.verified)]
        assert len(units) > 2
        # a second process of the same bench (only the session's station may scan it), on
        # its own connection
        other = PackBenchService(uow_factory(second.session_factory, "bench-1"))
        read = SqlPackSessionRepository.for_scan
        seen: list[bool] = []

        def read_then_other_station_scans(self, *args):
            reads = read(self, *args)
            if not seen:  # the first station's read; the other station's scan reads as ever
                seen.append(pipeline.active(self.session))
                other.scan_item(c.ScanItem(session_id, uuid.uuid4().hex, units[0]))
            return reads

        before = _stored(first, session_id)
        monkeypatch.setattr(SqlPackSessionRepository, "for_scan", read_then_other_station_scans)
        with pytest.raises(ConcurrencyConflict):
            scan_item(c.ScanItem(session_id, uuid.uuid4().hex, units[0]),
                      uow_factory(first.session_factory, "bench-1")())
        monkeypatch.setattr(SqlPackSessionRepository, "for_scan", read)
        assert seen == [True]  # the refused unit of work was pipelined
        scans, verified, version, order_version = _stored(first, session_id)
        # the other station's one scan is stored, the stale one not at all
        assert (scans, verified) == (before[0] + 1, before[1] + 1)
        assert (version, order_version) == (before[2] + 1, before[3] + 1)

        # the connection went back to the pool usable: the same scan again is stored
        again = flow.scan(c.ScanItem(session_id, uuid.uuid4().hex, units[1]))
        assert again.verdict.result == "verified", again
        assert _stored(first, session_id)[:2] == (before[0] + 2, before[1] + 2)
    finally:
        first.dispose()
        second.dispose()


@pytest.mark.parametrize("answered_early", [False, True])
def test_a_pipelined_update_of_a_version_another_station_moved_is_refused(
        postgres_url, answered_early):
    """Below the services: the server's check refuses the stale UPDATE itself, the writes
    queued with it are not stored, and the error is the core's conflict. Whether the
    refusal comes back with the COMMIT's Sync, or is already waiting on the socket when
    the COMMIT is sent (psycopg then raises it from that send)."""
    first, second = open_store(postgres_url), open_store(postgres_url)
    try:
        build_demo(uow_factory(first.session_factory, "bench-1")(), seed=11, orders=40)
        flow = BenchFlow(PackBenchService(uow_factory(first.session_factory, "bench-1")))
        session_id = flow.open_order(c.OpenOrder("PD-100003", "Ann")).opened.session_id
        before = _stored(first, session_id)
        with uow_factory(first.session_factory, "bench-1")() as uow:
            reads = uow.pack_sessions.for_scan(session_id, uuid.uuid4().hex, [])
            assert pipeline.active(uow.session)
            with second.engine.begin() as conn:  # another station moves the version on
                conn.execute(orm.pack_sessions.update()
                             .where(orm.pack_sessions.c.id == session_id)
                             .values(version=orm.pack_sessions.c.version + 1))
            reads.pack_session.station = "bench-1 stale"
            reads.orders[0].lines[0].verified_quantity += 1  # queued with it
            if answered_early:
                uow.session.flush()  # sent; the server's refusal comes back on the socket
                pgconn = uow.session.connection().connection.dbapi_connection.pgconn
                pgconn.flush()
                assert select_module.select([pgconn.socket], [], [], 10)[0]
            with pytest.raises(ConcurrencyConflict):
                uow.commit()
        scans, verified, version, _ = _stored(first, session_id)
        assert (scans, verified, version) == (before[0], before[1], before[2] + 1)
    finally:
        first.dispose()
        second.dispose()


def test_a_refused_pipeline_leaves_no_prepared_statement_the_server_never_made(
        postgres_url, monkeypatch):
    """Stop 25's CI: two processes of one station scanning one line at once, and a later
    scan was refused "InvalidSqlStatementName (SQLSTATE 26000)". psycopg prepares a
    statement it has run often enough (here after once, so that the test does not depend
    on its default of 5) and, in pipeline mode, counts it prepared when the PREPARE is
    queued; a write refused ahead of it aborts the pipeline, the PREPARE is never run,
    and the next unit of work that uses the statement names one the server does not
    have. The connection must forget what it prepared when a pipelined unit fails."""
    first, second = open_store(postgres_url), open_store(postgres_url)
    event.listen(first.engine, "checkout",
                 lambda dbapi_connection, _record, _proxy: setattr(dbapi_connection, "prepare_threshold", 1))
    try:
        build_demo(uow_factory(first.session_factory, "bench-1")(), seed=11, orders=40)
        flow = BenchFlow(PackBenchService(uow_factory(first.session_factory, "bench-1")))
        o, ol = orm.orders.c, orm.order_lines.c
        with first.engine.connect() as conn:  # an open order of seven units or more
            number = conn.scalar(select(o.number).join(orm.order_lines, ol.order_id == o.id)
                                 .where(o.status == "ready").group_by(o.number)
                                 .having(func.sum(ol.quantity) >= 7).order_by(o.number).limit(1))
        assert number is not None
        step = flow.open_order(c.OpenOrder(number, "Ann"))
        session_id, lines = step.opened.session_id, step.opened.order.lines
        units = [line.sku for line in lines for _ in range(line.quantity - line.verified)]
        assert len(units) >= 7
        other = PackBenchService(uow_factory(second.session_factory, "bench-1"))
        read = SqlPackSessionRepository.for_scan
        scanned = iter(units)
        # Three times a scan stored, then one refused: psycopg forgets its prepared
        # statements when a ROLLBACK is answered and it holds some, but a ROLLBACK it has
        # counted once (answered while it held none) is never looked at again
        for _ in range(3):
            stored = flow.scan(c.ScanItem(session_id, uuid.uuid4().hex, next(scanned)))
            assert stored.verdict.result == "verified", stored
            stale, seen = next(scanned), []

            def read_then_other_station_scans(self, *args, seen=seen, stale=stale):
                reads = read(self, *args)
                if not seen:
                    seen.append(pipeline.active(self.session))
                    other.scan_item(c.ScanItem(session_id, uuid.uuid4().hex, stale))
                return reads

            monkeypatch.setattr(SqlPackSessionRepository, "for_scan", read_then_other_station_scans)
            with pytest.raises(ConcurrencyConflict):
                scan_item(c.ScanItem(session_id, uuid.uuid4().hex, stale),
                          uow_factory(first.session_factory, "bench-1")())
            monkeypatch.setattr(SqlPackSessionRepository, "for_scan", read)
            assert seen == [True]
        # the same connection scans on: every statement it sends names only what exists
        again = flow.scan(c.ScanItem(session_id, uuid.uuid4().hex, next(scanned)))
        assert again.verdict.result == "verified", again
    finally:
        first.dispose()
        second.dispose()
