"""Insert sentinels: a page of channel orders is written in a few statements on SQLite.

SQLite cannot promise that the ids RETURNING gives back come in the order of the rows of
a multi-row INSERT, so without a column to match them by, SQLAlchemy writes one row per
statement. An empty integer column per busy table (orders use their unique number) lets it
write up to a thousand rows at once; taking in a page of orders went from ~17,000
statements to ~40.

Revision ID: 0007_sentinels
Revises: 0006_merge
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_sentinels"
down_revision = "0006_merge"
branch_labels = None
depends_on = None

TABLES = ("order_lines", "order_transitions", "stock_moves", "order_intake")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("sentinel", sa.Integer(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("sentinel")
