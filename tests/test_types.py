"""The package type-checks (issue 13): mypy over src/summitry with pyproject.toml's [tool.mypy].

Run from the test command, so CI fails on a type error as on a failing test. The annotations
are what a compiled build (mypyc) would check at run time; an error here is a wrong type a
reader of the code would also be misled by.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_error_in_the_package() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert "No module named mypy" not in result.stderr, "mypy is in the test extra: pip install -e '.[test]'"
    assert result.returncode == 0, result.stdout + result.stderr
    # It did check the package, not an empty selection: every module under src/summitry.
    checked = re.search(r"Success: no issues found in (\d+) source files", result.stdout)
    assert checked is not None and int(checked.group(1)) == len(list((ROOT / "src" / "summitry").rglob("*.py"))), result.stdout
