"""alerts and scan events keep their message's template and values, so the alerts panel and
the bench's scan log show them in the station's language (issue 18); older rows keep their
English text

Revision ID: 0025_zh_first_alert_templates
Revises: 0024_evidence_2_box_sizes
"""
import sqlalchemy as sa
from alembic import op

revision = "0025_zh_first_alert_templates"
down_revision = "0024_evidence_2_box_sizes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("alerts", sa.Column("template", sa.Text(), nullable=False,
                                      server_default=""))
    op.add_column("alerts", sa.Column("template_values", sa.JSON(), nullable=True))
    op.add_column("scan_events", sa.Column("template", sa.Text(), nullable=False,
                                           server_default=""))
    op.add_column("scan_events", sa.Column("template_values", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("scan_events", "template_values")
    op.drop_column("scan_events", "template")
    op.drop_column("alerts", "template_values")
    op.drop_column("alerts", "template")
