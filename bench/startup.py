"""Start-up CPU of the commands a person runs once: ``summitry --help``, ``--version`` and a
one-file ``extract``, against an earlier commit measured in the same run (issue 13).

Run on demand, never by the tests:

    .venv/bin/python bench/startup.py                    # against BASELINE (below)
    .venv/bin/python bench/startup.py --baseline HEAD~3  # against any commit
    .venv/bin/python bench/startup.py --rounds 3         # a quicker, noisier run

The baseline's ``src/`` is taken with ``git archive`` into a temporary folder and run with the
same interpreter and installed packages, each tree with its own warm disk cache (the cache keeps
one entry per kind, so two trees sharing one would rebuild the knowledge base in turn). The
commands alternate between the trees round by round, so a machine that gets busier slows both
alike; the table gives the median CPU time (user + system, the process and its workers) and
the ratio of the two. A second table says where the one-file extract's CPU still goes in this
tree: the interpreter, each large import alone in a fresh interpreter, the pipeline's import,
its first document (knowledge base and automata from the cache, lexicons, patterns) and a
second one.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# main before the start-up work of issue 13's lazy imports on branch h4-lean.
BASELINE = "76c4976"

# Issue 13's target for --help and a one-file extract, CPU seconds.
TARGET = 0.3

ARTICLE = "美國總統週二在白宮會見日本首相，雙方同意擴大對美投資三千億美元，並簽署兩項協議。\n"

# Runs the command line as the console script does.
CLI = "import sys; from summitry.cli import main; sys.exit(main(prog_name='summitry'))"

# The large imports, each timed alone in a fresh interpreter.
IMPORTS = ("click", "yaml", "pydantic", "opencc", "pypinyin", "rjieba", "cn2an", "pycountry", "lunardate", "multiprocessing")

# Where a one-file extract's CPU goes, step by step, in one interpreter.
STAGES = """
import datetime as dt, json, sys, time
clock = time.process_time
marks = {"interpreter": clock()}
import summitry.cli
marks["summitry.cli"] = clock()
import summitry.pipeline as pipeline
marks["import the pipeline"] = clock()
pipeline.extract(sys.argv[1], dt.date(2025, 10, 28))
marks["first document (cached data, lexicons, patterns)"] = clock()
pipeline.extract(sys.argv[1], dt.date(2025, 10, 29))
marks["second document"] = clock()
print(json.dumps(marks))
"""


def child_cpu(command: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) of the command and every process it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def source_of(revision: str, folder: Path) -> Path:
    """The revision's ``src/`` written under ``folder``."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", revision, "src"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def environment(source: Path, cache: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(source), "SUMMITRY_CACHE": str(cache)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=BASELINE, help=f"commit to compare with (default {BASELINE})")
    parser.add_argument("--rounds", type=int, default=7, help="runs of each command in each tree (default 7)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="summitry-startup-") as scratch:
        folder = Path(scratch)
        article = folder / "article.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        output = folder / "out.jsonl"
        trees = {
            options.baseline: environment(source_of(options.baseline, folder / "baseline"), folder / "cache-baseline"),
            "this tree": environment(REPO / "src", folder / "cache-here"),
        }
        commands = {
            "--help": ["--help"],
            "--version": ["--version"],
            "extract one file": ["extract", str(article), "--date", "2025-10-28", "-o", str(output)],
            "extract one file --jobs 1": ["extract", str(article), "--date", "2025-10-28", "-o", str(output), "--jobs", "1"],
        }
        for env in trees.values():  # build each tree's disk cache once, untimed
            child_cpu([sys.executable, "-c", CLI, *commands["extract one file"]], env)
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(options.rounds):
            for name, args in commands.items():
                for tree, env in trees.items():
                    times.setdefault((name, tree), []).append(child_cpu([sys.executable, "-c", CLI, *args], env))

        before, after = options.baseline, "this tree"
        print(f"CPU seconds, median of {options.rounds} runs each, alternating; target ≤ {TARGET} s")
        print(f"{'command':<28}{before:>12}{after:>12}{'ratio':>8}  target")
        for name in commands:
            old, new = statistics.median(times[(name, before)]), statistics.median(times[(name, after)])
            print(f"{name:<28}{old:>12.3f}{new:>12.3f}{new / old:>8.2f}  {'met' if new <= TARGET else 'not met'}")

        here = trees[after]
        print("\nWhere a one-file extract's CPU goes in this tree (seconds)")
        bare = statistics.median(child_cpu([sys.executable, "-c", "pass"], here) for _ in range(options.rounds))
        print(f"  {'the interpreter alone':<52}{bare:>8.3f}")
        for module in IMPORTS:
            alone = statistics.median(
                child_cpu([sys.executable, "-c", f"import {module}"], here) - bare for _ in range(options.rounds)
            )
            print(f"  {'import ' + module + ' alone':<52}{alone:>8.3f}")
        runs = []
        for _ in range(options.rounds):
            result = subprocess.run([sys.executable, "-c", STAGES, ARTICLE], env=here, capture_output=True, text=True, check=True)
            runs.append(json.loads(result.stdout))
        previous = 0.0
        for step in runs[0]:
            at = statistics.median(run[step] for run in runs)
            print(f"  {'step: ' + step:<52}{at - previous:>8.3f}")
            previous = at


if __name__ == "__main__":
    main()
