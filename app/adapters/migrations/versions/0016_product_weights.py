"""products: boxes with their tare, and weights learned from parcels that passed the gate

Revision ID: 0016_product_weights
Revises: 0013_print_jobs
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_product_weights"
down_revision = "0013_print_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no table rebuild): SQLite adds a NOT NULL column with a default
    op.add_column("products", sa.Column("is_box", sa.Boolean(), nullable=False,
                                        server_default=sa.false()))
    op.add_column("products", sa.Column("weight_learned", sa.Boolean(), nullable=False,
                                        server_default=sa.false()))
    op.add_column("products", sa.Column("weight_samples", sa.Integer(), nullable=False,
                                        server_default="0"))
    op.add_column("products", sa.Column("weight_mean_g", sa.Float(), nullable=False,
                                        server_default="0"))
    op.add_column("products", sa.Column("weight_m2", sa.Float(), nullable=False,
                                        server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        for column in ("weight_m2", "weight_mean_g", "weight_samples", "weight_learned",
                       "is_box"):
            batch.drop_column(column)
