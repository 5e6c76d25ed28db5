"""returns counter: return cases, their lines, units, scans, transitions; return rules

Revision ID: 0003_returns
Revises: 0002
Create Date: 2026-11-22 05:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_returns"
down_revision = "0002"
branch_labels = None
depends_on = None


def _case_child(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(["case_id"], ["return_cases.id"],
                                name=op.f(f"fk_{name}_case_id_return_cases"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_case_id"), name, ["case_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "return_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rma_number", sa.String(length=48), nullable=False),
        sa.Column("order_number", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("channel_order_id", sa.String(length=64), nullable=False),
        sa.Column("assigned_to", sa.String(length=64), nullable=False),
        sa.Column("shipping_paid_by", sa.String(length=16), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("policy_verdict", sa.String(length=16), nullable=False),
        sa.Column("policy_reason", sa.Text(), nullable=False),
        sa.Column("override_by", sa.String(length=64), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("deadline_at", sa.DateTime(), nullable=True),
        sa.Column("escalated_at", sa.DateTime(), nullable=True),
        sa.Column("refund_cents", sa.Integer(), nullable=False),
        sa.Column("refund_status", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_cases")),
        sa.UniqueConstraint("rma_number", name=op.f("uq_return_cases_rma_number")),
    )
    op.create_index(op.f("ix_return_cases_order_number"), "return_cases", ["order_number"])
    op.create_index(op.f("ix_return_cases_status"), "return_cases", ["status"])
    _case_child(
        "return_lines",
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("unit_price_cents", sa.Integer(), nullable=False),
        sa.Column("opened", sa.Boolean(), nullable=False),
        sa.Column("received_quantity", sa.Integer(), nullable=False),
    )
    _case_child(
        "return_units",
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("disposition", sa.String(length=16), nullable=False),
        sa.Column("graded_by", sa.String(length=64), nullable=False),
        sa.Column("graded_at", sa.DateTime(), nullable=False),
        sa.Column("refund_cents", sa.Integer(), nullable=False),
        sa.Column("photo_path", sa.String(length=512), nullable=False),
    )
    _case_child(
        "return_scans",
        sa.Column("raw", sa.String(length=300), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
    )
    _case_child(
        "return_transitions",
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
    )
    op.create_table(
        "return_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("fault_window_days", sa.Integer(), nullable=False),
        sa.Column("returnable", sa.Boolean(), nullable=False),
        sa.Column("hygiene", sa.Boolean(), nullable=False),
        sa.Column("damaged_refund_percent", sa.Integer(), nullable=False),
        sa.Column("missing_parts_refund_percent", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_rules")),
        sa.UniqueConstraint("channel", "category", name="uq_return_rules_channel_category"),
    )


def downgrade() -> None:
    op.drop_table("return_rules")
    for name in ("return_transitions", "return_scans", "return_units", "return_lines"):
        op.drop_index(op.f(f"ix_{name}_case_id"), table_name=name)
        op.drop_table(name)
    op.drop_index(op.f("ix_return_cases_status"), table_name="return_cases")
    op.drop_index(op.f("ix_return_cases_order_number"), table_name="return_cases")
    op.drop_table("return_cases")
