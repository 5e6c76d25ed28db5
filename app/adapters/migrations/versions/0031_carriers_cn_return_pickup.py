"""return_cases.pickup_*: a return pick-up at the buyer's door (上门取件) booked with a
carrier from the returns counter: its code (printed on the return slip), the carrier, the
window and the return label's tracking number (issue 17). Older cases have none.

Revision ID: 0031_carriers_cn_return_pickup
Revises: 0030_zh_finish_review_reasons
"""
import sqlalchemy as sa
from alembic import op

revision = "0031_carriers_cn_return_pickup"
down_revision = "0030_zh_finish_review_reasons"
branch_labels = None
depends_on = None

COLUMNS = (("pickup_code", 64), ("pickup_carrier", 32), ("pickup_window", 64),
           ("pickup_tracking", 64))


def upgrade() -> None:
    with op.batch_alter_table("return_cases") as table:
        for name, length in COLUMNS:
            table.add_column(sa.Column(name, sa.String(length), nullable=False,
                                       server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("return_cases") as table:
        for name, _ in reversed(COLUMNS):
            table.drop_column(name)
