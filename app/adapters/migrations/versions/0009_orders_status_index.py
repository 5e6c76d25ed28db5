"""Drop `ix_orders_status`: `ix_orders_status_id` (status, id) serves every query on status
alone, and each index on `orders` is one more B-tree written for every order taken in.

Revision ID: 0009_orders_status_index
Revises: 0008_parcels
"""
from alembic import op

revision = "0009_orders_status_index"
down_revision = "0008_parcels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_orders_status", table_name="orders")


def downgrade() -> None:
    op.create_index("ix_orders_status", "orders", ["status"])
