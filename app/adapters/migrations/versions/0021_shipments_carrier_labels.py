"""shipments: a parcel as its carrier knows it (label, hand-over, tracking); carrier APIs

Revision ID: 0021_shipments_carrier_labels
Revises: 0020_login_attempts
"""
import sqlalchemy as sa
from alembic import op

revision = "0021_shipments_carrier_labels"
down_revision = "0020_login_attempts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("carrier_profiles", sa.Column("api", sa.String(length=32), nullable=False,
                                                server_default=""))
    op.add_column("carrier_profiles", sa.Column("api_url", sa.Text(), nullable=False,
                                                server_default=""))
    op.add_column("carrier_profiles", sa.Column("handover_cutoff", sa.String(length=5),
                                                nullable=False, server_default=""))
    op.add_column("carrier_profiles", sa.Column("handover_zone", sa.String(length=64),
                                                nullable=False, server_default=""))
    op.add_column("carrier_profiles", sa.Column("quiet_hours", sa.Integer(), nullable=False,
                                                server_default="0"))
    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("carrier_code", sa.String(length=32), nullable=False),
        sa.Column("carrier_api", sa.String(length=32), nullable=False),
        sa.Column("order_numbers", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("weight_g", sa.Integer(), nullable=False),
        sa.Column("length_mm", sa.Integer(), nullable=False),
        sa.Column("width_mm", sa.Integer(), nullable=False),
        sa.Column("height_mm", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("tracking_number", sa.String(length=64), nullable=True),
        sa.Column("carrier_shipment_id", sa.String(length=64), nullable=False),
        sa.Column("label", sa.LargeBinary(), nullable=True),
        sa.Column("label_format", sa.String(length=8), nullable=False),
        sa.Column("rate_cents", sa.Integer(), nullable=False),
        sa.Column("rate_currency", sa.String(length=3), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("blocked", sa.Text(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("labelled_at", sa.DateTime(), nullable=True),
        sa.Column("label_printed_at", sa.DateTime(), nullable=True),
        sa.Column("shipped_at", sa.DateTime(), nullable=True),
        sa.Column("shipped_by", sa.String(length=64), nullable=False),
        sa.Column("shipped_station", sa.String(length=64), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.Column("last_event_at", sa.DateTime(), nullable=True),
        sa.Column("refund", sa.String(length=16), nullable=False),
        sa.Column("refund_note", sa.Text(), nullable=False),
        sa.Column("claim_token", sa.String(length=32), nullable=True),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("claimed_until", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipments")),
        sa.UniqueConstraint("reference", name=op.f("uq_shipments_reference")),
        sa.UniqueConstraint("tracking_number", name=op.f("uq_shipments_tracking_number")),
    )
    op.create_index("ix_shipments_state_id", "shipments", ["state", "id"])
    for table in ("shipment_transitions", "shipment_events"):
        columns = ([sa.Column("from_status", sa.String(length=24), nullable=False),
                    sa.Column("to_status", sa.String(length=24), nullable=False),
                    sa.Column("by", sa.String(length=64), nullable=False),
                    sa.Column("at", sa.DateTime(), nullable=False),
                    sa.Column("reason", sa.Text(), nullable=False),
                    sa.Column("station", sa.String(length=64), nullable=False)]
                   if table == "shipment_transitions" else
                   [sa.Column("status", sa.String(length=24), nullable=False),
                    sa.Column("at", sa.DateTime(), nullable=False),
                    sa.Column("description", sa.Text(), nullable=False),
                    sa.Column("location", sa.String(length=255), nullable=False),
                    sa.Column("carrier_status", sa.String(length=64), nullable=False),
                    sa.Column("received_at", sa.DateTime(), nullable=True)])
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("shipment_id", sa.Integer(), nullable=False),
            *columns,
            sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"], ondelete="CASCADE",
                                    name=op.f(f"fk_{table}_shipment_id_shipments")),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        op.create_index(op.f(f"ix_{table}_shipment_id"), table, ["shipment_id"])


def downgrade() -> None:
    op.drop_table("shipment_events")
    op.drop_table("shipment_transitions")
    op.drop_index("ix_shipments_state_id", table_name="shipments")
    op.drop_table("shipments")
    for column in ("quiet_hours", "handover_zone", "handover_cutoff", "api_url"):
        op.drop_column("carrier_profiles", column)
    op.drop_column("carrier_profiles", "api")
