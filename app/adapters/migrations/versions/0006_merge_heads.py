"""Join the returns, alerts and stock branches; index scan events by SKU.

The lots still to pick for a SKU are counted from its pack scans, which the bench asks
for when an order opens.

Revision ID: 0006_merge
Revises: 0003_returns, 0004_alerts, 0005_stock
"""
from alembic import op

revision = "0006_merge"
down_revision = ("0003_returns", "0004_alerts", "0005_stock")
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scan_events") as batch_op:
        batch_op.create_index("ix_scan_events_sku_lot", ["sku", "lot"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("scan_events") as batch_op:
        batch_op.drop_index("ix_scan_events_sku_lot")
