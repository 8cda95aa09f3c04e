"""``-o`` of extract, report and export (summitry/output.py), on nodes, FIFOs and a small
filesystem made inside the test's own folder: the machine's /dev/null is never the target."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from summitry.cli import main

ARTICLE = "date 2025-10-30\n南韓總統李在明29日在慶州會見美國總統川普，南韓承諾對美投資3500億美元。\n"


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("input") / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory, article: Path) -> str:
    database = tmp_path_factory.mktemp("store") / "summitry.db"
    result = CliRunner().invoke(main, ["ingest", str(article), "--db", str(database), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return str(database)


def _run(command: str, target: Path, article: Path, store: str):
    arguments = {
        "extract": ["extract", str(article), "--jobs", "1", "-o", str(target)],
        "report": ["report", "--ledger", "-o", str(target), "--db", store],
        "export": ["export", "--format", "jsonl", "-o", str(target), "--db", store],
    }[command]
    return CliRunner().invoke(main, arguments)


def _device(folder: Path) -> Path:
    """A null device node of our own, so the machine's /dev/null is never at risk."""
    node = folder / "null.md"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return node


@pytest.mark.parametrize("command", ["extract", "report"])
def test_a_character_device_is_written_through_not_replaced(tmp_path: Path, article: Path, store: str, command: str) -> None:
    node = _device(tmp_path)
    result = _run(command, node, article, store)
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(node.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null.md"]


@pytest.mark.parametrize("command", ["extract", "report"])
def test_a_fifo_is_written_through_to_its_reader(tmp_path: Path, article: Path, store: str, command: str) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = _run(command, fifo, article, store)
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].strip()


@pytest.mark.parametrize("command", ["extract", "report"])
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_an_existing_file_keeps_its_mode(tmp_path: Path, article: Path, store: str, command: str, mode: int) -> None:
    target = tmp_path / "out.md"
    target.write_text("before\n", encoding="utf-8")
    target.chmod(mode)
    result = _run(command, target, article, store)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_text(encoding="utf-8") != "before\n"


@pytest.mark.parametrize("command", ["extract", "report"])
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path, article: Path, store: str, command: str) -> None:
    previous = os.umask(0o022)
    try:
        result = _run(command, tmp_path / "new.md", article, store)
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o644


@pytest.mark.parametrize("command", ["extract", "report"])
def test_a_symlink_stays_and_its_target_is_written(tmp_path: Path, article: Path, store: str, command: str) -> None:
    real = tmp_path / "real.md"
    real.write_text("before\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    result = _run(command, link, article, store)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text(encoding="utf-8") != "before\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


@pytest.mark.parametrize("command", ["extract", "report"])
@pytest.mark.parametrize(
    ("where", "reason"), [("missing/out.md", "no such directory"), ("folder.md", "is a directory")]
)
def test_a_missing_folder_or_a_folder_is_one_clear_line(
    tmp_path: Path, article: Path, store: str, command: str, where: str, reason: str
) -> None:
    (tmp_path / "folder.md").mkdir()
    result = _run(command, tmp_path / where, article, store)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0] and str(tmp_path) in lines[0], result.stderr


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs mounted in the test's folder and filled to the last byte."""
    mount = tmp_path / "small"
    mount.mkdir()
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot mount a tmpfs here: {error}")
    try:
        (mount / "out").mkdir()
        with open(mount / "filler", "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError:
                pass
        yield mount / "out"
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize("command", ["extract", "report", "export"])
def test_a_full_disk_leaves_no_empty_or_partial_file(full_disk: Path, article: Path, store: str, command: str) -> None:
    target = full_disk if command == "export" else full_disk / "out.md"
    result = _run(command, target, article, store)
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr, result.stderr
    assert list(full_disk.iterdir()) == []
