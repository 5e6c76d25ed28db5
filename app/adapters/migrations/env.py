"""Alembic environment: runs on the engine the app opened for migrations (see
app/adapters/store.py, migration_engine): each migration is one transaction, DDL included,
so a station killed mid-upgrade leaves the store at the last whole revision."""

from alembic import context

from app.adapters.orm import metadata

config = context.config


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from app.adapters.store import migration_engine

        engine = migration_engine(config.get_main_option("sqlalchemy.url"))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=metadata,
                          render_as_batch=sqlite, transaction_per_migration=True,
                          transactional_ddl=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
