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


def test_serving_beyond_loopback_warns_and_requires_a_token(seeds_database: str, monkeypatch) -> None:
    """Checked without listening anywhere: uvicorn.run is replaced by a stand-in that keeps the app."""
    import uvicorn
    from fastapi.testclient import TestClient

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, log_level: served.update(app=app, host=host))
    result = CliRunner().invoke(main, ["serve", "--db", seeds_database, "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "warning: --host 0.0.0.0" in result.output
    token = result.output.split("?token=")[1].split()[0]
    client = TestClient(served["app"], base_url="http://192.0.2.7:8000")
    assert client.get("/api/documents").status_code == 401
    assert client.get("/api/documents", headers={"Authorization": f"Bearer {token}"}).status_code == 200

    result = CliRunner().invoke(main, ["serve", "--db", seeds_database, "--host", "0.0.0.0", "--no-auth"])
    assert "?token=" not in result.output
    assert TestClient(served["app"], base_url="http://192.0.2.7:8000").get("/api/documents").status_code == 200
