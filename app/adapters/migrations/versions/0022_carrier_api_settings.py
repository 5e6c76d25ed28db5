"""carrier_profiles.api_settings: a carrier adapter's plain settings (partner id, customer
codes, template), kept with the profile; its secrets stay in the keyring

Revision ID: 0022_carrier_api_settings
Revises: 0021_shipments_carrier_labels
"""
import sqlalchemy as sa
from alembic import op

revision = "0022_carrier_api_settings"
down_revision = "0021_shipments_carrier_labels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("carrier_profiles", sa.Column("api_settings", sa.JSON(), nullable=False,
                                                server_default="{}"))


def downgrade() -> None:
    op.drop_column("carrier_profiles", "api_settings")
