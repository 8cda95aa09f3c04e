"""The seeds store of the web tests, for the exports."""

from tests.web.conftest import cli_json, ledger_json, seeds_database, seeds_engine, seeds_records  # noqa: F401
