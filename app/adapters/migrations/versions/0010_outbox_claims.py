"""Outbox claims and sync leases: only one process sends a message, one pulls a channel.

`outbox.claim_token / claimed_by / claimed_until`: a runner claims messages before it sends
them; a claim left by a killed process expires. `outbox.subject`: what a message is about
(a stock level's SKU), so a newer level supersedes an older one by exact SKU, never by a
prefix of its key. `sync_leases`: one row per lease (e.g. "pull:shopify"), its holder and
when it expires.

Revision ID: 0010_outbox_claims
Revises: 0009_orders_status_index
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_outbox_claims"
down_revision = "0009_orders_status_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("subject", sa.String(128), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("claim_token", sa.String(32)))
        batch.add_column(sa.Column("claimed_by", sa.String(64)))
        batch.add_column(sa.Column("claimed_until", sa.DateTime()))
    _fill_subjects()
    op.create_index("ix_outbox_subject", "outbox", ["channel", "kind", "subject"])
    op.create_table(
        "sync_leases",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("holder", sa.String(64), nullable=False),
        sa.Column("token", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
    )


def _fill_subjects() -> None:
    """Stock levels still waiting get their SKU as subject (it is in the payload)."""
    outbox = sa.table("outbox", sa.column("id", sa.Integer()), sa.column("kind", sa.String()),
                      sa.column("status", sa.String()), sa.column("payload", sa.JSON()),
                      sa.column("subject", sa.String()))
    connection = op.get_bind()
    rows = connection.execute(sa.select(outbox.c.id, outbox.c.payload).where(
        outbox.c.kind == "stock_level", outbox.c.status == "pending")).all()
    for message_id, payload in rows:
        connection.execute(sa.update(outbox).where(outbox.c.id == message_id)
                           .values(subject=str((payload or {}).get("sku") or "")[:128]))


def downgrade() -> None:
    op.drop_table("sync_leases")
    op.drop_index("ix_outbox_subject", table_name="outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("claimed_until")
        batch.drop_column("claimed_by")
        batch.drop_column("claim_token")
        batch.drop_column("subject")
