"""Defaults the command line shows in --help before it imports the stage that uses them.

The store's defaults live here, not in ``summitry.store``, because importing anything from
that package imports SQLAlchemy and Alembic (a second of start-up on a loaded machine) and
``summitry --help`` needs only these two values.
"""

DEFAULT_URL = "sqlite:///summitry.db"

# Fifty documents of news length make a transaction of a few thousand rows: large enough
# that commits are not the cost, small enough that an interruption redoes little.
BATCH_SIZE = 50
