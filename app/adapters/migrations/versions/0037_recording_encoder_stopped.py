"""Why a station's pack video encoder stopped, and since when (issue 19: the encoder dying
was said on the station's status bar only; now it is an alert, as any station fault).

`encoder_stopped` is the reason ("signal 9", "exit code 1"), "" while an encoder films;
`encoder_stopped_at` starts the condition, so each death is its own alert.

Revision ID: 0037_recording_encoder_stopped
Revises: 0036_pgpipe_expect_rows
"""
import sqlalchemy as sa
from alembic import op

revision = "0037_recording_encoder_stopped"
down_revision = "0036_pgpipe_expect_rows"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clip_disks", sa.Column("encoder_stopped", sa.Text(), nullable=False,
                                          server_default=""))
    op.add_column("clip_disks", sa.Column("encoder_stopped_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clip_disks") as batch:
        batch.drop_column("encoder_stopped_at")
        batch.drop_column("encoder_stopped")
