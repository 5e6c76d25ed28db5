"""Who put a barcode on a product, and when (issue 15: an unknown code attached at receiving)

A barcode typed in the editor, imported from a file, pulled from a channel or attached to a
product at the receiving screen by a supervisor: `added_by` names the person (or the file,
the channel), `added_at` the moment. Rows stored before this have neither.

Revision ID: 0028_attach_code_barcode_origin
Revises: 0027_go_live_2_channel_catalogue
"""
import sqlalchemy as sa
from alembic import op

revision = "0028_attach_code_barcode_origin"
down_revision = "0027_go_live_2_channel_catalogue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("product_barcodes", sa.Column("added_by", sa.String(64), nullable=False,
                                                server_default=""))
    op.add_column("product_barcodes", sa.Column("added_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("product_barcodes") as batch:
        batch.drop_column("added_at")
        batch.drop_column("added_by")
