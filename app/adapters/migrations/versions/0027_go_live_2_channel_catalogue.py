"""products.weight_from_channel and products.image_url: the catalogue pulled from a sales
channel says whose weight a product carries (a re-pull changes the channel's own figure,
never a person's) and where its picture is at the channel

Revision ID: 0027_go_live_2_channel_catalogue
Revises: 0026_flat_1m_alert_indexes
"""
import sqlalchemy as sa
from alembic import op

revision = "0027_go_live_2_channel_catalogue"
down_revision = "0026_flat_1m_alert_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("products", sa.Column("weight_from_channel", sa.String(64), nullable=False,
                                        server_default=""))
    op.add_column("products", sa.Column("image_url", sa.String(1024), nullable=False,
                                        server_default=""))


def downgrade() -> None:
    op.drop_column("products", "image_url")
    op.drop_column("products", "weight_from_channel")
