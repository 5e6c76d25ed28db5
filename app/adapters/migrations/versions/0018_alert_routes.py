"""alert_routes: where alerts go besides the panel (DingTalk, WeCom robots, e-mail)

Revision ID: 0018_alert_routes
Revises: 0017_pack_clips
"""
import sqlalchemy as sa
from alembic import op

revision = "0018_alert_routes"
down_revision = "0017_pack_clips"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_routes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("alert_kinds", sa.JSON(), nullable=False),
        sa.Column("quiet_start", sa.String(length=5), nullable=False),
        sa.Column("quiet_end", sa.String(length=5), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("keyword", sa.String(length=64), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_routes")),
        sa.UniqueConstraint("code", name=op.f("uq_alert_routes_code")),
    )


def downgrade() -> None:
    op.drop_table("alert_routes")
