"""orders.receiver_oaid: Taobao/Tmall's OAID (Open Addressee ID) of a masked receiver, kept
from taobao.trade.fullinfo.get so the label comes from Cainiao by oaid + tid and the
receiver can be decrypted (taobao.top.oaid.decrypt) for one document; it is an id, not the
receiver

Revision ID: 0034_oaid_receiver_oaid
Revises: 0033_catalogue_bg_conflicts
"""
import sqlalchemy as sa
from alembic import op


revision = "0034_oaid_receiver_oaid"
down_revision = "0033_catalogue_bg_conflicts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("orders", sa.Column("receiver_oaid", sa.String(128), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    op.drop_column("orders", "receiver_oaid")
