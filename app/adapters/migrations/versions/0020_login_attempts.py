"""login_attempts: wrong PINs per name, so a name is locked for a while after 5 in a row

Revision ID: 0020_login_attempts
Revises: 0019_return_unit_serials
"""
import sqlalchemy as sa
from alembic import op

revision = "0020_login_attempts"
down_revision = "0019_return_unit_serials"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
        sa.UniqueConstraint("name_key", name=op.f("uq_login_attempts_name_key")),
    )


def downgrade() -> None:
    op.drop_table("login_attempts")
