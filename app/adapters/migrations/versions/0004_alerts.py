"""alerts table; indexes for the order board and the health figures

Revision ID: 0004_alerts
Revises: 0002
Create Date: 2026-11-22 05:15:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_alerts"
down_revision = "0002"
branch_labels = None
depends_on = None

BOARD_INDEXES = (
    ("ix_orders_channel_id", "orders", ["channel", "id"]),
    ("ix_orders_status_id", "orders", ["status", "id"]),
    ("ix_orders_buyer_name", "orders", ["buyer_name"]),
    ("ix_orders_ship_by", "orders", ["ship_by"]),
    ("ix_orders_placed_at", "orders", ["placed_at"]),
    ("ix_order_lines_sku", "order_lines", ["sku"]),
    ("ix_order_transitions_to_status_at", "order_transitions", ["to_status", "at"]),
    ("ix_scan_events_at", "scan_events", ["at"]),
    ("ix_pack_sessions_started_at", "pack_sessions", ["started_at"]),
    ("ix_stock_moves_from_bucket_at", "stock_moves", ["from_bucket", "at"]),
)


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=64), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("cleared_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("key", name=op.f("uq_alerts_key")),
    )
    op.create_index("ix_alerts_acknowledged_at", "alerts", ["acknowledged_at"])
    for name, table, columns in BOARD_INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(BOARD_INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_index("ix_alerts_acknowledged_at", table_name="alerts")
    op.drop_table("alerts")
