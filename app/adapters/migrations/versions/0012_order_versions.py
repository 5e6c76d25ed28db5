"""Pack sessions carry a version and who took them over; serial numbers ship once.

A scan, an undo, a drop or a takeover moves the pack session's version (and a counted
line moves its order's), so a station working on a stale copy loses the race instead of
counting a unit twice. `packed_serials` holds each serial number counted into an order,
unique per SKU across the whole store.

Existing sessions get version 1 and no takeover through the columns' server defaults
(plain ADD COLUMN on SQLite and PostgreSQL, no table rebuild); the app always writes both.
Serials already counted in open, completed or partial sessions are carried over (the first
scan of each, should an older version have let one through twice).

Revision ID: 0012_order_versions
Revises: 0009_orders_status_index
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_order_versions"
down_revision = "0010_outbox_claims"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("pack_sessions", sa.Column("taken_over_by", sa.String(64), nullable=False,
                                             server_default=""))
    op.add_column("pack_sessions", sa.Column("version", sa.Integer(), nullable=False,
                                             server_default="1"))
    op.create_table(
        "packed_serials",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(),
                  sa.ForeignKey("pack_sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("serial", sa.String(64), nullable=False),
        sa.Column("order_number", sa.String(32), nullable=False),
        sa.Column("scan_uid", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("sku", "serial", name="uq_packed_serials_sku_serial"),
    )
    op.create_index("ix_packed_serials_session_id", "packed_serials", ["session_id"])
    op.execute(BACKFILL)


BACKFILL = """
INSERT INTO packed_serials (session_id, sku, serial, order_number, scan_uid, at)
SELECT e.session_id, e.sku, e.serial, e.order_number, e.scan_uid, e.at
FROM scan_events e
WHERE e.id IN (
    SELECT MIN(c.id) FROM scan_events c JOIN pack_sessions s ON s.id = c.session_id
    WHERE c.serial <> '' AND c.result IN ('verified', 'manual') AND c.undone_at IS NULL
      AND s.outcome IN ('open', 'completed', 'partial')
    GROUP BY c.sku, c.serial)
"""


def downgrade() -> None:
    op.drop_index("ix_packed_serials_session_id", table_name="packed_serials")
    op.drop_table("packed_serials")
    with op.batch_alter_table("pack_sessions") as batch_op:
        batch_op.drop_column("version")
        batch_op.drop_column("taken_over_by")
