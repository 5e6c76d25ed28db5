"""pack_clips: each parcel's pack video, indexed by order, tracking number and channel id

Revision ID: 0017_pack_clips
Revises: 0016_product_weights
"""
import sqlalchemy as sa
from alembic import op


revision = "0017_pack_clips"
down_revision = "0016_product_weights"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pack_clips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_number", sa.String(length=32), nullable=False),
        sa.Column("tracking_number", sa.String(length=64), nullable=False),
        sa.Column("channel_order_id", sa.String(length=64), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=False),
        sa.Column("frames", sa.Integer(), nullable=False),
        sa.Column("bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_clips")),
    )
    for column in ("order_number", "tracking_number", "channel_order_id", "started_at"):
        op.create_index(f"ix_pack_clips_{column}", "pack_clips", [column])


def downgrade() -> None:
    op.drop_table("pack_clips")
