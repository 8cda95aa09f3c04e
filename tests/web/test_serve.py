"""`summitry serve`: the command serves the app over a store, and refuses a store that is not there."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from summitry.cli import main
from summitry.web.local import free_port


def test_serve_answers_over_http(seeds_database: str) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "summitry.cli", "serve", "--db", seeds_database, "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents", timeout=2) as response:
                    assert response.status == 200
                    assert response.read().count(b'"id"') == 5
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "summitry serve did not answer within 30 s"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(10)


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no store at" in result.output
