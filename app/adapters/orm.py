"""The SQLAlchemy tables and the imperative mapping of the plain domain classes.

The domain stays free of SQLAlchemy (cosmicpython's adapters/orm.py, in the 2.x API).
Aggregates carrying a `version` are mapped with version_id_col, so a lost race at
flush time raises StaleDataError instead of silently overwriting another station.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
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
    text,
)
from sqlalchemy.orm import composite, registry, relationship

from app.domain.alert_routes import AlertRoute
from app.domain.alerts import Alert
from app.domain.carriers import CarrierProfile
from app.domain.catalogue_conflicts import CatalogueConflict
from app.domain.channels import Channel, ChannelSku, IntakeException, OrderIntake
from app.domain.clips import ClipsDisk, PackClip
from app.domain.counting import CountLine, CountSession
from app.domain.events import RecordsEvents
from app.domain.lots import Receipt, ReceiptLine, StockLot
from app.domain.messages import Msg, as_record, from_record
from app.domain.orders import Address, Order, OrderLine, OrderTransition
from app.domain.outbox import OutboxMessage
from app.domain.packing import PackedSerial, PackSession, ScanEvent
from app.domain.parcels import ParcelOrder
from app.domain.people import LoginAttempts, Packer
from app.domain.products import Product, ProductBarcode
from app.domain.returns import ReturnCase, ReturnLine, ReturnScan, ReturnTransition, ReturnUnit
from app.domain.stock import StockItem


class UtcDateTime(TypeDecorator):
    """Aware UTC datetimes in, aware UTC datetimes out, whatever the database keeps."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(Msg("naive datetime given to the store; use an aware one"))
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        return value.replace(tzinfo=UTC) if value is not None else None


class MessageList(TypeDecorator):
    """A list of messages (an order's review reasons) in a JSON column: a Msg keeps its
    template and values, so the review list reads in the viewer's language; plain text, and
    every row stored before, reads as written."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: list | None, dialect):
        return None if value is None else [as_record(message) for message in value]

    def process_result_value(self, value: list | None, dialect):
        return None if value is None else [from_record(record) for record in value]


class MessageRecord(TypeDecorator):
    """One message in a JSON column, a Msg with its template and values; None for plain text."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect):
        return as_record(value) if isinstance(value, Msg) else None

    def process_result_value(self, value, dialect):
        return None if value is None else from_record(value)


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
    Column("name_zh", String(255), nullable=False, default="", server_default=""),
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
    Column("length_mm", Integer, nullable=False, default=0, server_default="0"),
    Column("width_mm", Integer, nullable=False, default=0, server_default="0"),
    Column("height_mm", Integer, nullable=False, default=0, server_default="0"),
    Column("weight_from_channel", String(64), nullable=False, default="", server_default=""),
    Column("image_url", String(1024), nullable=False, default="", server_default=""),
    # the sales channel whose catalogue gave the name ("" when a person or a file did)
    Column("name_from_channel", String(64), nullable=False, default="", server_default=""),
)

# where a channel disagrees with a product, until a supervisor picks a side (and after: the
# product's trail of those choices)
catalogue_conflicts = Table(
    "catalogue_conflicts", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, index=True),
    Column("field", String(16), nullable=False),
    Column("kept", String(255), nullable=False),
    Column("kept_from", String(64), nullable=False),
    Column("offered", String(255), nullable=False),
    Column("offered_from", String(64), nullable=False),
    Column("raised_at", UtcDateTime(), nullable=False),
    Column("settled_at", UtcDateTime(), index=True),
    Column("settled_by", String(64), nullable=False, default=""),
    Column("chosen", String(16), nullable=False, default=""),
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
    Column("added_by", String(64), nullable=False, default="", server_default=""),
    Column("added_at", UtcDateTime()),
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
    # Taobao's OAID of a masked receiver (TOP: at most 128 characters); 0034
    Column("receiver_oaid", String(128), nullable=False, default="", server_default=""),
    Column("version", Integer, nullable=False),
    # raised by every update of the order (0029): the alerts refresh reads what changed
    Column("change_seq", Integer, nullable=False, server_default="0",
           onupdate=text("(SELECT coalesce(max(change_seq), 0) + 1 FROM orders)")),
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



def transition_table(name: str, owner: str, owner_table: str, status_length: int,
                     *extra: Any) -> Table:
    """A state machine's trail (app/domain/transitions.py Transition): who moved it from
    which status to which, when, why and where; one row per change, kept with its owner."""
    return Table(
        name, metadata,
        Column("id", Integer, primary_key=True),
        Column(owner, ForeignKey(f"{owner_table}.id", ondelete="CASCADE"), nullable=False,
               index=True),
        Column("from_status", String(status_length), nullable=False),
        Column("to_status", String(status_length), nullable=False),
        Column("by", String(64), nullable=False),
        Column("at", UtcDateTime(), nullable=False),
        Column("reason", Text, nullable=False, default=""),
        Column("station", String(64), nullable=False, default=""),
        *extra,
    )


order_transitions = transition_table(
    "order_transitions", "order_id", "orders", 16,
    Column("reason_message", MessageRecord()),  # 0030
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
    Column("box_sku", String(64), nullable=False, default="", server_default=""),
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
    Column("template", Text, nullable=False, default="", server_default=""),  # 0021
    Column("template_values", JSON),
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
    # the carrier adapter that issues the labels, and its endpoint (0021_shipments)
    Column("api", String(32), nullable=False, default="", server_default=""),
    Column("api_url", Text, nullable=False, default="", server_default=""),
    Column("api_settings", JSON, nullable=False, default=dict, server_default="{}"),  # 0022
    Column("handover_cutoff", String(5), nullable=False, default="", server_default=""),
    Column("handover_zone", String(64), nullable=False, default="", server_default=""),
    Column("quiet_hours", Integer, nullable=False, default=0, server_default="0"),
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

clip_disks = Table(  # each station's clips folder: its disk, and why filming stopped
    "clip_disks", metadata,
    Column("id", Integer, primary_key=True),
    Column("station", String(64), nullable=False, unique=True),
    Column("folder", Text, nullable=False),
    Column("total_bytes", BigInteger, nullable=False),
    Column("free_bytes", BigInteger, nullable=False),
    Column("keep_free_bytes", BigInteger, nullable=False),
    Column("reported_at", UtcDateTime(), nullable=False),
    Column("stopped", Text, nullable=False, default=""),
    Column("low_since", UtcDateTime()),
    # why the pack video encoder stopped ("" while one films), and since when
    Column("encoder_stopped", Text, nullable=False, default="", server_default=""),
    Column("encoder_stopped_at", UtcDateTime()),
)


def start_mappers() -> None:
    """Map the domain classes once per process."""
    if mapper_registry.mappers:
        return
    m = mapper_registry.map_imperatively
    m(ProductBarcode, product_barcodes)
    m(CatalogueConflict, catalogue_conflicts)
    m(PackClip, pack_clips)
    m(ClipsDisk, clip_disks)
    m(LoginAttempts, login_attempts)
    m(Product, products, properties={
        "barcodes": relationship(ProductBarcode, cascade="all, delete-orphan", lazy="selectin",
                                 order_by=product_barcodes.c.id),
    })
    m(OrderLine, order_lines)
    m(OrderTransition, order_transitions)
    m(Order, orders, version_id_col=orders.c.version, exclude_properties=["change_seq"],
      properties={  # noqa: E128
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
    _map_shipments(m)
    for cls in (Order, StockItem, ReturnCase):
        event.listen(cls, "load", _start_events)


AGGREGATES = "aggregates"  # session.info key: the aggregates a unit of work has seen


def seen_aggregates(session) -> set[RecordsEvents]:
    """The aggregates loaded into or added to this session, held strongly: the session's
    identity map is weak, and an item written by an early flush and then dropped by its
    caller must still hand its events to the unit of work at commit."""
    return session.info.setdefault(AGGREGATES, set())


def _start_events(target: RecordsEvents, context) -> None:
    """A loaded aggregate is not constructed, so it gets its empty `events` list here
    (cosmicpython's orm.py does the same) and joins the session's seen aggregates; the
    unit of work empties the list as it hands the events on (app/adapters/unit_of_work.py)."""
    target.events = []
    seen_aggregates(context.session).add(target)


MOVE_FIELDS = ("sku", "from_bucket", "to_bucket", "quantity", "reason", "at", "by", "station",
               "order_number")


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
    # the catalogue's: variants changed since this time are pulled next (none: all of them)
    Column("catalogue_since", UtcDateTime()),
    Column("catalogue_whole_at", UtcDateTime()),  # when a pull last read every variant
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
    Column("review_reasons", MessageList(), nullable=False),
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
    Column("reason_message", MessageRecord()),  # 0030
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


# --- alerts and the order board (issue 8) ---------------------------------------------------

alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(160), nullable=False, unique=True),
    Column("kind", String(24), nullable=False),
    Column("subject", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("template", Text, nullable=False, default="", server_default=""),  # 0021
    Column("template_values", JSON),
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
# the alerts refresh reads only what can be due, one status range at a time (issue 20)
Index("ix_orders_status_ship_by", orders.c.status, orders.c.ship_by)
Index("ix_orders_status_placed_at", orders.c.status, orders.c.placed_at)
Index("ix_alerts_cleared_at", alerts.c.cleared_at)
Index("ix_alerts_open", alerts.c.acknowledged_at, alerts.c.raised_at, alerts.c.id)
Index("ix_print_jobs_state_kind_id", print_jobs.c.state, print_jobs.c.kind, print_jobs.c.id)
# a steady refresh reads the orders changed since the last one (0029_flat_1m_alert_marks)
Index("ix_alerts_kind_cleared_at", alerts.c.kind, alerts.c.cleared_at)
Index("ix_orders_change_seq", orders.c.change_seq)

alert_marks = Table(
    "alert_marks", metadata,
    Column("name", String(32), primary_key=True),
    Column("refreshed_at", UtcDateTime(), nullable=False),
    Column("full_at", UtcDateTime(), nullable=False),  # the last refresh that read in full
    Column("order_id", Integer, nullable=False),  # the newest order the last refresh saw
    Column("order_id_before", Integer, nullable=False),  # and the one before it
    Column("change_seq", Integer, nullable=False),  # orders' change_seq the last one saw
    Column("change_seq_before", Integer, nullable=False),  # and the one before it
    Column("signature", String(64), nullable=False),  # the limits it judged by
)


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
    # a pick-up at the buyer's door booked for the return (上门取件): the carrier's code
    Column("pickup_code", String(64), nullable=False, default="", server_default=""),
    Column("pickup_carrier", String(32), nullable=False, default="", server_default=""),
    Column("pickup_window", String(64), nullable=False, default="", server_default=""),
    Column("pickup_tracking", String(64), nullable=False, default="", server_default=""),
    Column("version", Integer, nullable=False),
)
# escalated cases still waiting, for the alerts refresh (issue 20)
Index("ix_return_cases_status_escalated_at", return_cases.c.status, return_cases.c.escalated_at)

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

return_transitions = transition_table("return_transitions", "case_id", "return_cases", 16)

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


# --- shipments: the carrier's label, hand-over and tracking (issue 17) -----------------------

shipments = Table(
    "shipments", metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(64), nullable=False, unique=True),
    Column("carrier_code", String(32), nullable=False),
    Column("carrier_api", String(32), nullable=False),
    Column("order_numbers", JSON, nullable=False),
    Column("state", String(24), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("weight_g", Integer, nullable=False, default=0),
    Column("length_mm", Integer, nullable=False, default=0),
    Column("width_mm", Integer, nullable=False, default=0),
    Column("height_mm", Integer, nullable=False, default=0),
    Column("station", String(64), nullable=False, default=""),
    Column("tracking_number", String(64), unique=True),
    Column("carrier_shipment_id", String(64), nullable=False, default=""),
    Column("label", LargeBinary),
    Column("label_format", String(8), nullable=False, default=""),
    Column("rate_cents", Integer, nullable=False, default=0),
    Column("rate_currency", String(3), nullable=False, default=""),
    Column("service", String(64), nullable=False, default=""),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=False, default=""),
    Column("blocked", Text, nullable=False, default=""),
    Column("next_attempt_at", UtcDateTime()),
    Column("labelled_at", UtcDateTime()),
    Column("label_printed_at", UtcDateTime()),
    Column("shipped_at", UtcDateTime()),
    Column("shipped_by", String(64), nullable=False, default=""),
    Column("shipped_station", String(64), nullable=False, default=""),
    Column("delivered_at", UtcDateTime()),
    Column("last_event_at", UtcDateTime()),
    Column("refund", String(16), nullable=False, default=""),
    Column("refund_note", Text, nullable=False, default=""),
    Column("claim_token", String(32)),
    Column("claimed_by", String(64)),
    Column("claimed_until", UtcDateTime()),
    Column("version", Integer, nullable=False),
    Index("ix_shipments_state_id", "state", "id"),
)

# the carrier's pre-fetched waybill numbers (JD Logistics): free, taken once, then sent
waybill_numbers = Table(
    "waybill_numbers", metadata,
    Column("id", Integer, primary_key=True),
    Column("carrier_code", String(32), nullable=False),
    Column("number", String(64), nullable=False, unique=True),
    Column("fetched_at", UtcDateTime(), nullable=False),
    Column("reference", String(64), unique=True),
    Column("taken_at", UtcDateTime()),
    Column("taken_station", String(64), nullable=False, default=""),
    Column("sent_at", UtcDateTime()),
    Column("send_attempts", Integer, nullable=False, default=0),
    Column("next_send_at", UtcDateTime()),
    Column("last_error", Text, nullable=False, default=""),
    Column("claim_token", String(32)),
    Column("claimed_until", UtcDateTime()),
    Index("ix_waybill_numbers_free", "carrier_code", "reference", "id"),
)

shipment_transitions = transition_table("shipment_transitions", "shipment_id", "shipments", 24)

shipment_events = Table(
    "shipment_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("shipment_id", ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("status", String(24), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("location", String(255), nullable=False, default=""),
    Column("carrier_status", String(64), nullable=False, default=""),
    Column("received_at", UtcDateTime()),
)


def _map_shipments(m) -> None:
    from app.domain.shipments import Shipment, ShipmentEvent, ShipmentTransition

    m(ShipmentTransition, shipment_transitions)
    m(ShipmentEvent, shipment_events)
    m(Shipment, shipments, version_id_col=shipments.c.version, properties={
        "transitions": relationship(ShipmentTransition, cascade="all, delete-orphan",
                                    lazy="selectin", order_by=shipment_transitions.c.id),
        "events": relationship(ShipmentEvent, cascade="all, delete-orphan", lazy="selectin",
                               order_by=shipment_events.c.id),
    })
