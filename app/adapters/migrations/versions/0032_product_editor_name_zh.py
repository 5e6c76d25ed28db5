"""products.name_zh: a product's name in Chinese beside its name (issue 15: the product
editor keeps names in two languages). Rows stored before this have "".

Revision ID: 0032_product_editor_name_zh
Revises: 0031_carriers_cn_return_pickup
"""
import sqlalchemy as sa
from alembic import op

revision = "0032_product_editor_name_zh"
down_revision = "0031_carriers_cn_return_pickup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("products", sa.Column("name_zh", sa.String(255), nullable=False,
                                        server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.drop_column("name_zh")
