"""The SQLAlchemy tables and the imperative mapping of the plain domain classes.

The domain stays free of SQLAlchemy (cosmicpython's adapters/orm.py, in the 2.x API).
Aggregates carrying a `version` are mapped with version_id_col, so a lost race at
flush time raises StaleDataError instead of silently overwriting another station.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
    false,
    insert_sentinel,
    inspect,
)
from sqlalchemy.orm import Session, composite, registry, relationship

from app.adapters.bulk import bulk_insert
from app.domain.alert_routes import AlertRoute
from app.domain.alerts import Alert
from app.domain.carriers import CarrierProfile
from app.domain.channels import Channel, ChannelSku, IntakeException, OrderIntake
from app.domain.clips import PackClip
from app.domain.counting import CountLine, CountSession
from app.domain.lots import Receipt, ReceiptLine, StockLot
from app.domain.orders import Address, Order, OrderLine, OrderTransition
from app.domain.outbox import OutboxMessage
from app.domain.packing import PackedSerial, PackSession, ScanEvent
from app.domain.parcels import ParcelOrder
from app.domain.people import LoginAttempts, Packer
from app.domain.products import Product, ProductBarcode
from app.domain.stock import StockItem


class UtcDateTime(TypeDecorator):
    """Aware UTC datetimes in, aware UTC datetimes out, whatever the database keeps."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        return value.replace(tzinfo=UTC) if value is not None else None


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)
mapper_registry = registry(metadata=metadata)

products = Table(
    "products", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, unique=True),
    # the key a SKU is matched by, set when the product is first stored; a SKU is never
    # renamed in place (an update without the SKU in it must not need it: weights, bins)
    Column("sku_key", String(64), nullable=False, unique=True,
           default=lambda ctx: ctx.get_current_parameters()["sku"].upper()),
    Column("name", String(255), nullable=False),
    Column("weight_g", Integer, nullable=False, default=0),
    Column("image_path", String(512)),
    Column("must_scan", Boolean, nullable=False, default=False),
    Column("category", String(64), nullable=False, default=""),
    Column("bin_location", String(32), nullable=False, default=""),
    Column("is_box", Boolean, nullable=False, default=False, server_default=false()),
    Column("weight_learned", Boolean, nullable=False, default=False, server_default=false()),
    Column("weight_samples", Integer, nullable=False, default=0, server_default="0"),
    Column("weight_mean_g", Float, nullable=False, default=0.0, server_default="0"),
    Column("weight_m2", Float, nullable=False, default=0.0, server_default="0"),
)

product_barcodes = Table(
    "product_barcodes", metadata,
    Column("id", Integer, primary_key=True),
    Column("product_id", ForeignKey("products.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("sku", String(64), nullable=False),
    Column("code", String(128), nullable=False),
    Column("code_key", String(128), nullable=False, index=True),
    Column("pack_quantity", Integer, nullable=False, default=1),
    Column("kind", String(16), nullable=False, default="gtin"),
)

orders = Table(
    "orders", metadata,
    Column("id", Integer, primary_key=True),
    # unique and always given by Packdesk: it lets SQLite insert a batch of orders in one
    # statement and still match each new id to its order (see 0007_insert_sentinels)
    Column("number", String(32), nullable=False, unique=True, insert_sentinel=True),
    Column("channel", String(32), nullable=False),
    Column("channel_order_id", String(64), nullable=False, index=True),
    Column("buyer_name", String(255), nullable=False),
    Column("phone", String(64), nullable=False, default=""),
    Column("ship_name", String(255), nullable=False),
    Column("ship_phone", String(64), nullable=False, default=""),
    Column("ship_line1", String(255), nullable=False, default=""),
    Column("ship_line2", String(255), nullable=False, default=""),
    Column("ship_city", String(128), nullable=False, default=""),
    Column("ship_region", String(128), nullable=False, default=""),
    Column("ship_postcode", String(32), nullable=False, default=""),
    Column("ship_country", String(2), nullable=False, default=""),
    Column("status", String(16), nullable=False),  # ix_orders_status_id serves it (0009)
    Column("tracking_number", String(64), index=True),
    Column("carrier", String(32), nullable=False, default=""),
    Column("ship_by", UtcDateTime()),
    Column("placed_at", UtcDateTime()),
    Column("buyer_note", Text, nullable=False, default=""),
    Column("weight_g", Integer, nullable=False, default=0),
    Column("partial", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False),
)

order_lines = Table(
    "order_lines", metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sku", String(64), nullable=False),
    Column("name", String(255), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("unit_price_cents", Integer, nullable=False, default=0),
    Column("verified_quantity", Integer, nullable=False, default=0),
    Column("bin_location", String(32), nullable=False, default=""),
    insert_sentinel("sentinel"),  # batched inserts on SQLite (0007_insert_sentinels)
)

order_transitions = Table(
    "order_transitions", metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("from_status", String(16), nullable=False),
    Column("to_status", String(16), nullable=False),
    Column("by", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("station", String(64), nullable=False, default=""),
    insert_sentinel("sentinel"),  # batched inserts on SQLite (0007_insert_sentinels)
)

stock_items = Table(
    "stock_items", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, unique=True),
    Column("available", Integer, nullable=False, default=0),
    Column("awaiting_shipment", Integer, nullable=False, default=0),
    Column("frozen", Integer, nullable=False, default=0),
    Column("shipped", Integer, nullable=False, default=0),
    Column("returns_in_transit", Integer, nullable=False, default=0),
    Column("version", Integer, nullable=False),
)

stock_moves = Table(
    "stock_moves", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, index=True),
    Column("from_bucket", String(32), nullable=False),
    Column("to_bucket", String(32), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("reason", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("by", String(64), nullable=False, default=""),
    Column("station", String(64), nullable=False, default=""),
    Column("order_number", String(32), nullable=False, default="", index=True),
    insert_sentinel("sentinel"),  # batched inserts on SQLite (0007_insert_sentinels)
)

packers = Table(
    "packers", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("pin_hash", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
)

login_attempts = Table(
    "login_attempts", metadata,
    Column("id", Integer, primary_key=True),
    Column("name_key", String(64), nullable=False, unique=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("locked_until", UtcDateTime()),
)

pack_sessions = Table(
    "pack_sessions", metadata,
    Column("id", Integer, primary_key=True),
    Column("order_number", String(32), nullable=False, index=True),
    Column("packer", String(64), nullable=False),
    Column("station", String(64), nullable=False),
    Column("started_at", UtcDateTime(), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("ended_at", UtcDateTime()),
    Column("taken_over_by", String(64), nullable=False, default=""),  # 0012_order_versions
    Column("version", Integer, nullable=False),
)

scan_events = Table(
    "scan_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_uid", String(64), nullable=False, unique=True),
    Column("session_id", ForeignKey("pack_sessions.id", ondelete="CASCADE"), index=True),
    Column("raw", String(300), nullable=False),
    Column("source", String(32), nullable=False),
    Column("symbology", String(32), nullable=False, default=""),
    Column("at", UtcDateTime(), nullable=False),
    Column("result", String(24), nullable=False),
    Column("message", Text, nullable=False, default=""),
    Column("order_number", String(32), nullable=False, default="", index=True),
    Column("sku", String(64), nullable=False, default=""),
    Column("quantity", Integer, nullable=False, default=0),
    Column("packer", String(64), nullable=False, default=""),
    Column("station", String(64), nullable=False, default=""),
    Column("lot", String(64), nullable=False, default=""),
    Column("serial", String(64), nullable=False, default=""),
    Column("reason", String(255), nullable=False, default=""),
    Column("undone_at", UtcDateTime()),
    Index("ix_scan_events_sku_lot", "sku", "lot"),
)

# the orders of a merged parcel, one row each, the opening order included (0008_parcels)
parcel_orders = Table(
    "parcel_orders", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("pack_sessions.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("order_number", String(32), nullable=False, index=True),
    Column("joined_at", UtcDateTime(), nullable=False),
)

# a serial number counted into an order, once in the whole store (0012_order_versions):
# two stations racing for one serial cannot both store it
packed_serials = Table(
    "packed_serials", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("pack_sessions.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("sku", String(64), nullable=False),
    Column("serial", String(64), nullable=False),
    Column("order_number", String(32), nullable=False),
    Column("scan_uid", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    UniqueConstraint("sku", "serial", name="uq_packed_serials_sku_serial"),
)

outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(32), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("idempotency_key", String(128), nullable=False, unique=True),
    Column("payload", JSON, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=False, default=""),
    Column("next_attempt_at", UtcDateTime()),
    Column("sent_at", UtcDateTime()),
    # what the message is about (a stock level's SKU) and who may send it (0010_outbox_claims)
    Column("subject", String(128), nullable=False, default="", server_default=""),
    Column("claim_token", String(32)),
    Column("claimed_by", String(64)),
    Column("claimed_until", UtcDateTime()),
    Index("ix_outbox_pending", "status", "id"),
    Index("ix_outbox_subject", "channel", "kind", "subject"),
)

# one row per lease ("pull:shopify"): who holds it and until when (0010_outbox_claims)
sync_leases = Table(
    "sync_leases", metadata,
    Column("name", String(64), primary_key=True),
    Column("holder", String(64), nullable=False),
    Column("token", String(32), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
)

carrier_profiles = Table(
    "carrier_profiles", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", String(64), nullable=False),
    Column("service", String(64), nullable=False, default="Standard"),
    Column("prefix", String(8), nullable=False, default=""),
    Column("digits", Integer, nullable=False, default=8),
    Column("suffix", String(8), nullable=False, default=""),
    Column("next_sequence", Integer, nullable=False, default=1),
    Column("sender_name", String(128), nullable=False, default=""),
    Column("sender_phone", String(64), nullable=False, default=""),
    Column("sender_address", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False),
)


print_jobs = Table(  # the spooler's queue: plain rows, moved on by compare-and-set
    "print_jobs", metadata,
    Column("id", Integer, primary_key=True),
    Column("station", String(64), nullable=False),
    Column("kind", String(32), nullable=False, default=""),
    Column("subject", Text, nullable=False, default=""),
    Column("title", Text, nullable=False),
    Column("printer", Text, nullable=False),
    Column("content_type", String(64), nullable=False),
    Column("media", String(32), nullable=False, default=""),
    Column("pages", Integer, nullable=False, default=1),
    Column("content", LargeBinary),
    Column("state", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("reference", Text, nullable=False, default=""),
    Column("attempts", Integer, nullable=False, default=0),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_print_jobs_station_state_id", "station", "state", "id"),
    Index("ix_print_jobs_station_kind_id", "station", "kind", "id"),
)

pack_clips = Table(
    "pack_clips", metadata,
    Column("id", Integer, primary_key=True),
    Column("order_number", String(32), nullable=False, index=True),
    Column("tracking_number", String(64), nullable=False, default="", index=True),
    Column("channel_order_id", String(64), nullable=False, default="", index=True),
    Column("station", String(64), nullable=False),
    Column("path", Text, nullable=False),
    Column("started_at", UtcDateTime(), nullable=False, index=True),
    Column("ended_at", UtcDateTime(), nullable=False),
    Column("frames", Integer, nullable=False, default=0),
    Column("bytes", Integer, nullable=False, default=0),
    Column("sha256", String(64), nullable=False, default=""),
    Column("events", JSON, nullable=False, default=list),
    Column("problem", Text, nullable=False, default=""),
    Column("deleted_at", UtcDateTime()),
)


def start_mappers() -> None:
    """Map the domain classes once per process."""
    if mapper_registry.mappers:
        return
    m = mapper_registry.map_imperatively
    m(ProductBarcode, product_barcodes)
    m(PackClip, pack_clips)
    m(LoginAttempts, login_attempts)
    m(Product, products, properties={
        "barcodes": relationship(ProductBarcode, cascade="all, delete-orphan", lazy="selectin"),
    })
    m(OrderLine, order_lines)
    m(OrderTransition, order_transitions)
    m(Order, orders, version_id_col=orders.c.version, properties={
        "ship_to": composite(Address, orders.c.ship_name, orders.c.ship_phone,
                             orders.c.ship_line1, orders.c.ship_line2, orders.c.ship_city,
                             orders.c.ship_region, orders.c.ship_postcode,
                             orders.c.ship_country),
        "lines": relationship(OrderLine, cascade="all, delete-orphan", lazy="selectin",
                              order_by=order_lines.c.id),
        # the audit trail is read when an order opens or completes, not on every scan
        "transitions": relationship(OrderTransition, cascade="all, delete-orphan",
                                    lazy="select", order_by=order_transitions.c.id),
    })
    m(StockItem, stock_items, version_id_col=stock_items.c.version)
    m(Packer, packers)
    m(ScanEvent, scan_events)
    m(ParcelOrder, parcel_orders)
    m(PackedSerial, packed_serials)
    m(PackSession, pack_sessions, version_id_col=pack_sessions.c.version, properties={
        "events": relationship(ScanEvent, cascade="all, delete-orphan", lazy="selectin",
                               order_by=scan_events.c.id),
        "parcel_orders": relationship(ParcelOrder, cascade="all, delete-orphan",
                                      lazy="selectin", order_by=parcel_orders.c.id),
        # read only by a scan that carries a serial, an undo, a drop or a hold
        "serials": relationship(PackedSerial, cascade="all, delete-orphan", lazy="select",
                                order_by=packed_serials.c.id),
    })
    m(OutboxMessage, outbox)
    m(CarrierProfile, carrier_profiles, version_id_col=carrier_profiles.c.version)
    _map_channels(m)
    _map_returns(m)
    _map_alerts(m)
    _map_stock(m)


MOVE_FIELDS = ("sku", "from_bucket", "to_bucket", "quantity", "reason", "at", "by", "station",
               "order_number")


@event.listens_for(Session, "before_flush")
def _write_new_stock_moves(session: Session, flush_context, instances) -> None:
    """A stock item's new moves are written in the same transaction as the item itself, just
    before it. The ledger is append-only, so moves are rows, not tracked objects: a page of
    channel orders writes its thousands of reservations in one statement. Moves made without
    a station (intake's reservations, a release) get the unit of work's."""
    station = session.info.get("station", "")
    rows = []
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, StockItem):
            pending = obj.__dict__.get("_new_moves")
            if pending:
                rows += [{**{name: getattr(move, name) for name in MOVE_FIELDS},
                          "station": move.station or station} for move in pending]
                pending.clear()
    if rows:
        bulk_insert(session.connection(), stock_moves, rows)


def discard_unwritten_moves(session: Session) -> None:
    """Moves not written yet belong to work being undone (a rolled-back savepoint): they
    must not reach the ledger with the next flush."""
    for obj in list(session.identity_map.values()) + list(session.new):
        if isinstance(obj, StockItem):
            obj.__dict__.pop("_new_moves", None)


# --- channels and intake (issue 5) ---------------------------------------------------------

channels = Table(
    "channels", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("name", String(128), nullable=False, default=""),
    Column("allocation_ratio", Float, nullable=False, default=1.0),
    Column("floor_buffer", Integer, nullable=False, default=0),
    Column("settings", JSON, nullable=False),
    Column("pull_cursor", Text),
    Column("last_pull_at", UtcDateTime()),
    Column("last_result", Text, nullable=False, default=""),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("version", Integer, nullable=False),
)

channel_skus = Table(
    "channel_skus", metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(32), nullable=False),
    Column("sku", String(64), nullable=False, index=True),
    Column("allocation_ratio", Float),
    Column("floor_buffer", Integer),
    Column("last_seen_quantity", Integer),
    UniqueConstraint("channel", "sku", name="uq_channel_skus_channel_sku"),
)

order_intake = Table(
    "order_intake", metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(32), nullable=False),
    Column("channel_order_id", String(64), nullable=False),
    Column("order_number", String(32), nullable=False, index=True),
    Column("buyer_key", String(64), nullable=False, index=True),
    Column("lines", JSON, nullable=False),
    Column("reserved", JSON, nullable=False),
    Column("review_reasons", JSON, nullable=False),
    Column("merge_group", String(32), nullable=False, default="", index=True),
    Column("channel_status", String(24), nullable=False, default="open"),
    Column("updated_marker", String(64), nullable=False, default=""),
    Column("version", Integer, nullable=False),
    insert_sentinel("sentinel"),  # batched inserts on SQLite (0007_insert_sentinels)
    UniqueConstraint("channel", "channel_order_id", name="uq_order_intake_channel_order"),
)

intake_exceptions = Table(
    "intake_exceptions", metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(32), nullable=False),
    Column("channel_order_id", String(64), nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("raw", JSON, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("resolved", Boolean, nullable=False, default=False),
)

counters = Table(
    "counters", metadata,
    Column("name", String(32), primary_key=True),
    Column("next_value", Integer, nullable=False),
)


def _map_channels(m) -> None:
    m(Channel, channels, version_id_col=channels.c.version)
    m(ChannelSku, channel_skus)
    m(OrderIntake, order_intake, version_id_col=order_intake.c.version)
    m(IntakeException, intake_exceptions)


@event.listens_for(Session, "before_flush")
def _queue_stock_levels(session: Session, flush_context, instances) -> None:
    """Every change to a SKU's sellable quantity queues a stock level for each channel that
    lists it, in the same transaction as the change (the outbox rule)."""
    from app.adapters.repositories import queue_stock_levels

    changed = [obj for obj in list(session.new) + list(session.dirty)
               if isinstance(obj, StockItem) and _sellable_changed(obj)]
    if changed:
        with session.no_autoflush:
            queue_stock_levels(session, changed)


def _sellable_changed(item: StockItem) -> bool:
    state = inspect(item)
    if state.transient or state.pending:
        return item.sellable != 0
    return any(state.attrs[name].history.has_changes()
               for name in ("available", "returns_in_transit"))


# --- alerts and the order board (issue 8) ---------------------------------------------------

alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(160), nullable=False, unique=True),
    Column("kind", String(24), nullable=False),
    Column("subject", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("raised_at", UtcDateTime(), nullable=False),
    Column("acknowledged_by", String(64), nullable=False, default=""),
    Column("acknowledged_at", UtcDateTime(), index=True),
    Column("cleared_at", UtcDateTime()),
)

# the board pages by id within a filter; the health figures read by time (0004_alerts)
Index("ix_orders_channel_id", orders.c.channel, orders.c.id)
Index("ix_orders_status_id", orders.c.status, orders.c.id)
Index("ix_orders_buyer_name", orders.c.buyer_name)
Index("ix_orders_ship_by", orders.c.ship_by)
Index("ix_orders_placed_at", orders.c.placed_at)
Index("ix_order_lines_sku", order_lines.c.sku)
Index("ix_order_transitions_to_status_at", order_transitions.c.to_status, order_transitions.c.at)
Index("ix_scan_events_at", scan_events.c.at)
Index("ix_pack_sessions_started_at", pack_sessions.c.started_at)
Index("ix_stock_moves_from_bucket_at", stock_moves.c.from_bucket, stock_moves.c.at)


# where alerts go besides the panel: robots and mail (0018_alert_routes); secrets in the keyring
alert_routes = Table(
    "alert_routes", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(24), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("target", Text, nullable=False),
    Column("alert_kinds", JSON, nullable=False),
    Column("quiet_start", String(5), nullable=False, default=""),
    Column("quiet_end", String(5), nullable=False, default=""),
    Column("timezone", String(64), nullable=False, default="UTC"),
    Column("language", String(8), nullable=False, default="en"),
    Column("keyword", String(64), nullable=False, default=""),
    Column("settings", JSON, nullable=False),
    Column("enabled", Boolean, nullable=False, default=True),
)


def _map_alerts(m) -> None:
    m(Alert, alerts)
    m(AlertRoute, alert_routes)


# --- returns counter (issue 7) -------------------------------------------------------------

return_cases = Table(
    "return_cases", metadata,
    Column("id", Integer, primary_key=True),
    Column("rma_number", String(48), nullable=False, unique=True),
    Column("order_number", String(32), nullable=False, index=True),
    Column("channel", String(32), nullable=False),
    Column("channel_order_id", String(64), nullable=False),
    Column("assigned_to", String(64), nullable=False, default=""),
    Column("shipping_paid_by", String(16), nullable=False),
    Column("requested_at", UtcDateTime(), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("policy_verdict", String(16), nullable=False, default=""),
    Column("policy_reason", Text, nullable=False, default=""),
    Column("override_by", String(64), nullable=False, default=""),
    Column("override_reason", Text, nullable=False, default=""),
    Column("deadline_at", UtcDateTime()),
    Column("escalated_at", UtcDateTime()),
    Column("refund_cents", Integer, nullable=False, default=0),
    Column("refund_status", String(16), nullable=False, default="none"),
    Column("version", Integer, nullable=False),
)

return_lines = Table(
    "return_lines", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("return_cases.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("sku", String(64), nullable=False),
    Column("name", String(255), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("reason", String(24), nullable=False),
    Column("unit_price_cents", Integer, nullable=False, default=0),
    Column("opened", Boolean, nullable=False, default=False),
    Column("received_quantity", Integer, nullable=False, default=0),
)

return_units = Table(
    "return_units", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("return_cases.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("sku", String(64), nullable=False),
    Column("grade", String(16), nullable=False),
    Column("disposition", String(16), nullable=False),
    Column("graded_by", String(64), nullable=False),
    Column("graded_at", UtcDateTime(), nullable=False),
    Column("refund_cents", Integer, nullable=False, default=0),
    Column("photo_path", String(512), nullable=False, default=""),
    Column("serial", String(64), nullable=False, default=""),
)

return_scans = Table(
    "return_scans", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("return_cases.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("raw", String(300), nullable=False),
    Column("result", String(16), nullable=False),
    Column("message", Text, nullable=False, default=""),
    Column("at", UtcDateTime(), nullable=False),
    Column("by", String(64), nullable=False, default=""),
    Column("sku", String(64), nullable=False, default=""),
)

return_transitions = Table(
    "return_transitions", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("return_cases.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("from_status", String(16), nullable=False),
    Column("to_status", String(16), nullable=False),
    Column("by", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("station", String(64), nullable=False, default=""),
)

return_rules = Table(
    "return_rules", metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(32), nullable=False, default=""),
    Column("category", String(64), nullable=False, default=""),
    Column("window_days", Integer, nullable=False),
    Column("fault_window_days", Integer, nullable=False),
    Column("returnable", Boolean, nullable=False),
    Column("hygiene", Boolean, nullable=False),
    Column("damaged_refund_percent", Integer, nullable=False),
    Column("missing_parts_refund_percent", Integer, nullable=False),
    UniqueConstraint("channel", "category", name="uq_return_rules_channel_category"),
)


def _map_returns(m) -> None:
    from app.domain.returns import ReturnCase, ReturnLine, ReturnScan, ReturnTransition, ReturnUnit
    from app.services.return_policy import ReturnRule

    def children(cls, table, lazy="selectin"):
        return relationship(cls, cascade="all, delete-orphan", lazy=lazy, order_by=table.c.id)

    m(ReturnLine, return_lines)
    m(ReturnUnit, return_units)
    m(ReturnScan, return_scans)
    m(ReturnTransition, return_transitions)
    m(ReturnCase, return_cases, version_id_col=return_cases.c.version, properties={
        "lines": children(ReturnLine, return_lines),
        "units": children(ReturnUnit, return_units),
        "scans": children(ReturnScan, return_scans, "select"),
        "transitions": children(ReturnTransition, return_transitions, "select"),
    })
    m(ReturnRule, return_rules)


@event.listens_for(Session, "before_flush")
def _version_return_cases(session: Session, flush_context, instances) -> None:
    """A change to a case's lines, units or scans bumps the case's own version, so two
    counters receiving the same case cannot both win: the children carry no version."""
    from sqlalchemy.orm.attributes import flag_modified

    from app.domain.returns import ReturnCase, ReturnLine, ReturnScan, ReturnUnit

    changed = {obj for obj in list(session.dirty) + list(session.new)
               if isinstance(obj, ReturnLine | ReturnUnit | ReturnScan)}
    if not changed:
        return
    for obj in list(session.identity_map.values()):
        if isinstance(obj, ReturnCase) and any(
                child in changed for name in ("lines", "units", "scans")
                for child in obj.__dict__.get(name, ())):
            flag_modified(obj, "status")


# --- stock you can trust: lots, receipts, cycle counts (issue 6) --------------------------

stock_lots = Table(
    "stock_lots", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False),
    Column("lot", String(20), nullable=False),
    Column("expiry", Date),
    Column("received", Integer, nullable=False, default=0),
    Column("adjusted", Integer, nullable=False, default=0),
    Column("first_received_at", UtcDateTime()),
    Column("version", Integer, nullable=False),
    UniqueConstraint("sku", "lot", name="uq_stock_lots_sku_lot"),
    Index("ix_stock_lots_sku_expiry", "sku", "expiry"),
)

receipts = Table(
    "receipts", metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(64), nullable=False, unique=True),
    Column("supplier", String(128), nullable=False, default=""),
    Column("station", String(64), nullable=False, default=""),
    Column("status", String(16), nullable=False),
    Column("opened_by", String(64), nullable=False),
    Column("opened_at", UtcDateTime(), nullable=False),
    Column("closed_by", String(64), nullable=False, default=""),
    Column("closed_at", UtcDateTime()),
    Column("version", Integer, nullable=False),
)

receipt_lines = Table(
    "receipt_lines", metadata,
    Column("id", Integer, primary_key=True),
    Column("receipt_id", ForeignKey("receipts.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("scan_uid", String(64), nullable=False, unique=True),
    Column("sku", String(64), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("lot", String(20), nullable=False, default=""),
    Column("expiry", Date),
    Column("at", UtcDateTime(), nullable=False),
    Column("by", String(64), nullable=False),
    Column("station", String(64), nullable=False, default=""),
    Column("undone_at", UtcDateTime()),
)

count_sessions = Table(
    "count_sessions", metadata,
    Column("id", Integer, primary_key=True),
    Column("scope_kind", String(16), nullable=False),
    Column("scope", Text, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("station", String(64), nullable=False, default=""),
    Column("opened_by", String(64), nullable=False),
    Column("opened_at", UtcDateTime(), nullable=False),
    Column("history", JSON, nullable=False),
    Column("version", Integer, nullable=False),
)

count_lines = Table(
    "count_lines", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("count_sessions.id", ondelete="CASCADE"), nullable=False),
    Column("sku", String(64), nullable=False),
    Column("counted", Integer, nullable=False, default=0),
    Column("scans", Integer, nullable=False, default=0),
    Column("in_scope", Boolean, nullable=False, default=True),
    Column("expected", Integer),
    UniqueConstraint("session_id", "sku", name="uq_count_lines_session_sku"),
)
Index("ix_stock_moves_sku_id", stock_moves.c.sku, stock_moves.c.id)
stock_items.append_constraint(CheckConstraint(
    "available >= 0 AND awaiting_shipment >= 0 AND frozen >= 0 AND shipped >= 0 "
    "AND returns_in_transit >= 0", name="ck_stock_items_not_negative"))


def _map_stock(m) -> None:
    m(StockLot, stock_lots, version_id_col=stock_lots.c.version)
    m(ReceiptLine, receipt_lines)
    m(Receipt, receipts, version_id_col=receipts.c.version, properties={
        "lines": relationship(ReceiptLine, cascade="all, delete-orphan", lazy="selectin",
                              order_by=receipt_lines.c.id),
    })
    m(CountLine, count_lines)
    m(CountSession, count_sessions, version_id_col=count_sessions.c.version, properties={
        "lines": relationship(CountLine, cascade="all, delete-orphan", lazy="selectin",
                              order_by=count_lines.c.id),
    })
