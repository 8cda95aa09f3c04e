"""The seeds store of the web tests, for the reports."""

from tests.web.conftest import cli_json, ledger_json, meetings_json, seeds_database, seeds_engine, seeds_records  # noqa: F401
