"""Merged parcels: the orders one pack session packs into one box.

A pack session of one order keeps no rows here; a merged parcel keeps one row per order
in it, the order the session opened with included, so a packer opening any of them at
another bench is told the parcel is being packed.

Revision ID: 0008_parcels
Revises: 0007_sentinels
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_parcels"
down_revision = "0007_sentinels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "parcel_orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(),
                  sa.ForeignKey("pack_sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("order_number", sa.String(32), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_parcel_orders_session_id", "parcel_orders", ["session_id"])
    op.create_index("ix_parcel_orders_order_number", "parcel_orders", ["order_number"])


def downgrade() -> None:
    op.drop_index("ix_parcel_orders_order_number", table_name="parcel_orders")
    op.drop_index("ix_parcel_orders_session_id", table_name="parcel_orders")
    op.drop_table("parcel_orders")
