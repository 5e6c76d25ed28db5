"""waybill_numbers: the carrier's pre-fetched waybill numbers (JD Logistics'
jingdong.etms.waybillcode.get) kept in the store, so the bench prints while the carrier
cannot be reached. A row is free (reference NULL), taken by one parcel (reference set, once),
then sent to the carrier (sent_at set) by the waybill.send that may have been queued offline.

Revision ID: 0035_jdpool_waybill_numbers
Revises: 0034_oaid_receiver_oaid
"""
import sqlalchemy as sa
from alembic import op

revision = "0035_jdpool_waybill_numbers"
down_revision = "0034_oaid_receiver_oaid"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "waybill_numbers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("carrier_code", sa.String(32), nullable=False),
        sa.Column("number", sa.String(64), nullable=False, unique=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("reference", sa.String(64), unique=True),
        sa.Column("taken_at", sa.DateTime()),
        sa.Column("taken_station", sa.String(64), nullable=False, server_default=""),
        sa.Column("sent_at", sa.DateTime()),
        sa.Column("send_attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_send_at", sa.DateTime()),
        sa.Column("last_error", sa.Text, nullable=False, server_default=""),
        sa.Column("claim_token", sa.String(32)),
        sa.Column("claimed_until", sa.DateTime()),
    )
    op.create_index("ix_waybill_numbers_free", "waybill_numbers", ["carrier_code", "reference", "id"])


def downgrade() -> None:
    op.drop_index("ix_waybill_numbers_free", "waybill_numbers")
    op.drop_table("waybill_numbers")
