"""PostgreSQL: packdesk_expect_rows(matched, expected), the version check of a write sent in a
pipeline (issue 20). In libpq's pipeline mode a statement's row count is known only when
its results come back, after the COMMIT was sent with it; so each versioned UPDATE or
DELETE of a pipelined unit of work counts its rows in the server
(`WITH w AS (UPDATE ... RETURNING 1) SELECT packdesk_expect_rows(count(*), 1) FROM w`) and
this function raises, with its own SQLSTATE (PD409), when the row was changed by another
station first: the transaction fails and the COMMIT sent after it is not run. SQLite has no
pipeline and needs nothing.

Revision ID: 0036_pgpipe_expect_rows
Revises: 0035_jdpool_waybill_numbers
"""
from alembic import op

revision = "0036_pgpipe_expect_rows"
down_revision = "0035_jdpool_waybill_numbers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("""
        CREATE OR REPLACE FUNCTION packdesk_expect_rows(matched bigint, expected integer)
        RETURNS bigint LANGUAGE plpgsql AS $$
        BEGIN
            IF matched <> expected THEN
                RAISE EXCEPTION 'a write expected % row(s); % were matched', expected, matched
                    USING ERRCODE = 'PD409';
            END IF;
            RETURN matched;
        END
        $$""")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION IF EXISTS packdesk_expect_rows(bigint, integer)")
