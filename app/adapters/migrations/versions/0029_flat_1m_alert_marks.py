"""alert_marks: where the last alerts refresh left off, so the next one reads only the
orders that changed since (issue 20): orders.change_seq, raised by every update of an
order, and its index; and alerts by (kind, cleared_at), so the refresh reads the few
uncleared alerts of the kinds it compares in full, not every standing one

Revision ID: 0029_flat_1m_alert_marks
Revises: 0028_attach_code_barcode_origin
"""
import sqlalchemy as sa
from alembic import op

revision = "0029_flat_1m_alert_marks"
down_revision = "0028_attach_code_barcode_origin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_marks",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(), nullable=False),
        sa.Column("full_at", sa.DateTime(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("order_id_before", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("change_seq_before", sa.Integer(), nullable=False),
        sa.Column("signature", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_alert_marks")),
    )
    op.create_index("ix_alerts_kind_cleared_at", "alerts", ["kind", "cleared_at"])
    op.add_column("orders", sa.Column("change_seq", sa.Integer(), nullable=False,
                                      server_default="0"))
    op.create_index("ix_orders_change_seq", "orders", ["change_seq"])


def downgrade() -> None:
    op.drop_index("ix_orders_change_seq", table_name="orders")
    op.drop_column("orders", "change_seq")
    op.drop_index("ix_alerts_kind_cleared_at", table_name="alerts")
    op.drop_table("alert_marks")
