"""Defaults the command line shows in --help before it imports the stage that uses them.

The store's defaults live here, not in ``summitry.store``, because importing anything from
that package imports SQLAlchemy and Alembic (a second of start-up on a loaded machine), and
the worker pool's time limit not in ``summitry.parallel``, which imports multiprocessing and
the readers: ``summitry --help`` needs only these values.
"""

DEFAULT_URL = "sqlite:///summitry.db"

# Fifty documents of news length make a transaction of a few thousand rows: large enough
# that commits are not the cost, small enough that an interruption redoes little.
BATCH_SIZE = 50

# CPU seconds one document may take before it is rejected: the slowest real article takes a
# few; one that takes minutes is a dump or a pathological text holding a worker for good.
DEFAULT_TIME_LIMIT = 120.0
