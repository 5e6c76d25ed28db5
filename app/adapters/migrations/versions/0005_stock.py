"""stock you can trust: lots, receipts, cycle counts

Revision ID: 0005_stock
Revises: 0002
Create Date: 2026-11-22 05:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_stock'
down_revision = '0002'
branch_labels = None
depends_on = None

NOT_NEGATIVE = ('available >= 0 AND awaiting_shipment >= 0 AND frozen >= 0 AND shipped >= 0 '
                'AND returns_in_transit >= 0')


def upgrade() -> None:
    op.create_table(
        'stock_lots',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('lot', sa.String(length=20), nullable=False),
        sa.Column('expiry', sa.Date(), nullable=True),
        sa.Column('received', sa.Integer(), nullable=False),
        sa.Column('adjusted', sa.Integer(), nullable=False),
        sa.Column('first_received_at', sa.DateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_lots')),
        sa.UniqueConstraint('sku', 'lot', name='uq_stock_lots_sku_lot'),
    )
    op.create_index('ix_stock_lots_sku_expiry', 'stock_lots', ['sku', 'expiry'])
    op.create_table(
        'receipts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('reference', sa.String(length=64), nullable=False),
        sa.Column('supplier', sa.String(length=128), nullable=False),
        sa.Column('station', sa.String(length=64), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('opened_by', sa.String(length=64), nullable=False),
        sa.Column('opened_at', sa.DateTime(), nullable=False),
        sa.Column('closed_by', sa.String(length=64), nullable=False),
        sa.Column('closed_at', sa.DateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_receipts')),
        sa.UniqueConstraint('reference', name=op.f('uq_receipts_reference')),
    )
    op.create_table(
        'receipt_lines',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('receipt_id', sa.Integer(), nullable=False),
        sa.Column('scan_uid', sa.String(length=64), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('lot', sa.String(length=20), nullable=False),
        sa.Column('expiry', sa.Date(), nullable=True),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('by', sa.String(length=64), nullable=False),
        sa.Column('station', sa.String(length=64), nullable=False),
        sa.Column('undone_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['receipt_id'], ['receipts.id'], ondelete='CASCADE',
                                name=op.f('fk_receipt_lines_receipt_id_receipts')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_receipt_lines')),
        sa.UniqueConstraint('scan_uid', name=op.f('uq_receipt_lines_scan_uid')),
    )
    op.create_index('ix_receipt_lines_receipt_id', 'receipt_lines', ['receipt_id'])
    op.create_table(
        'count_sessions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('scope_kind', sa.String(length=16), nullable=False),
        sa.Column('scope', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('station', sa.String(length=64), nullable=False),
        sa.Column('opened_by', sa.String(length=64), nullable=False),
        sa.Column('opened_at', sa.DateTime(), nullable=False),
        sa.Column('history', sa.JSON(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_count_sessions')),
    )
    op.create_index('ix_count_sessions_status', 'count_sessions', ['status'])
    op.create_table(
        'count_lines',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('counted', sa.Integer(), nullable=False),
        sa.Column('scans', sa.Integer(), nullable=False),
        sa.Column('in_scope', sa.Boolean(), nullable=False),
        sa.Column('expected', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['session_id'], ['count_sessions.id'], ondelete='CASCADE',
                                name=op.f('fk_count_lines_session_id_count_sessions')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_count_lines')),
        sa.UniqueConstraint('session_id', 'sku', name='uq_count_lines_session_sku'),
    )
    op.create_index('ix_stock_moves_sku_id', 'stock_moves', ['sku', 'id'])
    # the last line of defence: whatever writes the row, no bucket goes below zero
    with op.batch_alter_table('stock_items') as batch_op:
        batch_op.create_check_constraint('ck_stock_items_not_negative', NOT_NEGATIVE)


def downgrade() -> None:
    with op.batch_alter_table('stock_items') as batch_op:
        batch_op.drop_constraint('ck_stock_items_not_negative', type_='check')
    op.drop_index('ix_stock_moves_sku_id', table_name='stock_moves')
    op.drop_table('count_lines')
    op.drop_index('ix_count_sessions_status', table_name='count_sessions')
    op.drop_table('count_sessions')
    op.drop_index('ix_receipt_lines_receipt_id', table_name='receipt_lines')
    op.drop_table('receipt_lines')
    op.drop_table('receipts')
    op.drop_index('ix_stock_lots_sku_expiry', table_name='stock_lots')
    op.drop_table('stock_lots')
