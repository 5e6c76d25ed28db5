"""print_jobs: the spooler's queue in the store, so a job waiting for a printer survives a
restart and is resumed by the station that made it

Revision ID: 0013_print_jobs
Revises: 0009_orders_status_index
"""
import sqlalchemy as sa
from alembic import op

revision = "0013_print_jobs"
down_revision = "0012_order_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("printer", sa.Text(), nullable=False),
        sa.Column("content_type", sa.String(length=64), nullable=False),
        sa.Column("media", sa.String(length=32), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
    )
    op.create_index("ix_print_jobs_station_state_id", "print_jobs", ["station", "state", "id"])
    op.create_index("ix_print_jobs_station_kind_id", "print_jobs", ["station", "kind", "id"])


def downgrade() -> None:
    op.drop_index("ix_print_jobs_station_kind_id", table_name="print_jobs")
    op.drop_index("ix_print_jobs_station_state_id", table_name="print_jobs")
    op.drop_table("print_jobs")
