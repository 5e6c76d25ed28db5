"""return_units.serial: the serial number of a graded return unit, so a unit put back on
the shelf can ship again under its serial (its packed_serials claim is released) and the
return keeps which serial came back

Existing units get no serial through the column's server default (plain ADD COLUMN on
SQLite and PostgreSQL, no table rebuild); the app always writes it.

Revision ID: 0019_return_unit_serials
Revises: 0018_alert_routes
"""
import sqlalchemy as sa
from alembic import op

revision = "0019_return_unit_serials"
down_revision = "0018_alert_routes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("return_units", sa.Column("serial", sa.String(64), nullable=False,
                                            server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("return_units") as batch_op:
        batch_op.drop_column("serial")
