"""Alembic's entry script: runs the migrations on the connection ``open_store`` hands in.

There is no URL or ini file here on purpose: the only way to migrate a store is through
``summitry.store.open_store`` (or the functions in this package), so every store is
opened with the same engine settings (SQLite pragmas, the psycopg driver).
"""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("summitry's migrations run through summitry.store.open_store, not the alembic command")

context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
