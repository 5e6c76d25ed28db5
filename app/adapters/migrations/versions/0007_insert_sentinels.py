"""Insert sentinels: tracked objects are inserted a thousand rows per statement on SQLite.

SQLite cannot promise that the ids RETURNING gives back come in the order of the rows of
a multi-row INSERT, so without a column to match them by, SQLAlchemy writes one row per
statement. An empty integer column per busy table (orders use their unique number) lets it
batch them: building the demo store, receiving, returns. (Intake now writes its pages as
plain rows and the ledger's moves are rows too; the columns stay harmless there.)

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
