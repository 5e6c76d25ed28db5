"""clip_disks: each station's clips folder (disk size, free space, why filming stopped), so
a nearly full disk is an alert that reaches the routes

Revision ID: 0023_evidence_2_clip_disks
Revises: 0022_carrier_api_settings
"""
import sqlalchemy as sa
from alembic import op

revision = "0023_evidence_2_clip_disks"
down_revision = "0022_carrier_api_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clip_disks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("total_bytes", sa.BigInteger(), nullable=False),
        sa.Column("free_bytes", sa.BigInteger(), nullable=False),
        sa.Column("keep_free_bytes", sa.BigInteger(), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.Column("stopped", sa.Text(), nullable=False),
        sa.Column("low_since", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clip_disks")),
        sa.UniqueConstraint("station", name=op.f("uq_clip_disks_station")),
    )


def downgrade() -> None:
    op.drop_table("clip_disks")
