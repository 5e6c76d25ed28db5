"""products get their size (a box: its inside) for the box suggestion; pack_sessions keep
the box scanned for the parcel

Revision ID: 0024_evidence_2_box_sizes
Revises: 0023_evidence_2_clip_disks
"""
import sqlalchemy as sa
from alembic import op

revision = "0024_evidence_2_box_sizes"
down_revision = "0023_evidence_2_clip_disks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for column in ("length_mm", "width_mm", "height_mm"):
        op.add_column("products", sa.Column(column, sa.Integer(), nullable=False,
                                            server_default="0"))
    op.add_column("pack_sessions", sa.Column("box_sku", sa.String(length=64), nullable=False,
                                             server_default=""))


def downgrade() -> None:
    op.drop_column("pack_sessions", "box_sku")
    for column in ("length_mm", "width_mm", "height_mm"):
        op.drop_column("products", column)
