"""Indexes that let the alerts refresh read only what can be due (issue 20)

`stuck_orders` and `late_orders` read one status at a time along (status, placed_at) and
(status, ship_by) up to the cut-off, instead of every open order; the uncleared and
unacknowledged alerts, the queued shipping labels and the escalated returns are read from
their own ranges instead of the whole alerts, print_jobs and return_cases tables, which
grow with history.

Revision ID: 0026_flat_1m_alert_indexes
Revises: 0025_zh_first_alert_templates
"""
from alembic import op

revision = "0026_flat_1m_alert_indexes"
down_revision = "0025_zh_first_alert_templates"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_orders_status_ship_by", "orders", ["status", "ship_by"]),
    ("ix_orders_status_placed_at", "orders", ["status", "placed_at"]),
    ("ix_alerts_cleared_at", "alerts", ["cleared_at"]),
    ("ix_alerts_open", "alerts", ["acknowledged_at", "raised_at", "id"]),
    ("ix_print_jobs_state_kind_id", "print_jobs", ["state", "kind", "id"]),
    ("ix_return_cases_status_escalated_at", "return_cases", ["status", "escalated_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
