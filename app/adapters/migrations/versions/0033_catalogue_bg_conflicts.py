"""catalogue_conflicts, products.name_from_channel and channels.catalogue_since and
catalogue_whole_at: the catalogue is pulled in the background by update time (each
channel's catalogue_since; every variant again a day after the last whole read), and
where a channel disagrees with a product about its name, barcode or weight the difference is
kept for a supervisor to settle instead of being overwritten

Revision ID: 0033_catalogue_bg_conflicts
Revises: 0032_product_editor_name_zh
"""
import sqlalchemy as sa
from alembic import op


revision = "0033_catalogue_bg_conflicts"
down_revision = "0032_product_editor_name_zh"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("products", sa.Column("name_from_channel", sa.String(64), nullable=False,
                                        server_default=""))
    op.add_column("channels", sa.Column("catalogue_since", sa.DateTime(), nullable=True))
    op.add_column("channels", sa.Column("catalogue_whole_at", sa.DateTime(), nullable=True))
    op.create_table(
        "catalogue_conflicts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("kept", sa.String(255), nullable=False),
        sa.Column("kept_from", sa.String(64), nullable=False),
        sa.Column("offered", sa.String(255), nullable=False),
        sa.Column("offered_from", sa.String(64), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("settled_at", sa.DateTime(), nullable=True),
        sa.Column("settled_by", sa.String(64), nullable=False),
        sa.Column("chosen", sa.String(16), nullable=False),
    )
    op.create_index("ix_catalogue_conflicts_sku", "catalogue_conflicts", ["sku"])
    op.create_index("ix_catalogue_conflicts_settled_at", "catalogue_conflicts", ["settled_at"])


def downgrade() -> None:
    op.drop_index("ix_catalogue_conflicts_settled_at", "catalogue_conflicts")
    op.drop_index("ix_catalogue_conflicts_sku", "catalogue_conflicts")
    op.drop_table("catalogue_conflicts")
    op.drop_column("channels", "catalogue_whole_at")
    op.drop_column("channels", "catalogue_since")
    op.drop_column("products", "name_from_channel")
