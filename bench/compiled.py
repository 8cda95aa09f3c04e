"""Extract throughput of the compiled build against the pure one and the segmenters, in one run.

Run on demand, never by the tests (issue 13):

    .venv/bin/pip install -e '.[bench]'            # jieba, psutil
    .venv/bin/python bench/compiled.py              # a 2 MB corpus, 3 rounds
    .venv/bin/python bench/compiled.py --size 4 --rounds 5

The corpus is bench.py's (the seeds and our test sentences, every copy distinct). Each round
runs, alternating so that a machine getting busier slows all alike: ``rjieba.cut`` and
``jieba.lcut`` over the texts in this process; the pipeline in process over the corpus in a
fresh interpreter for the pure sources (a copy of src/ with the ``.py`` files only) and for this
installation's build, after a warm-up of 50 documents (start-up excluded); and ``summitry
extract --jobs 1`` as a command for both (start-up included). The table gives the median CPU
seconds per MB and each row's ratio to rjieba and to the pure build; the records of the two
builds are compared by hash and must be identical.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (the corpus builder)

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "src"

# In a fresh interpreter: extract every document in process, CPU after a warm-up; JSON out.
IN_PROCESS = """
import hashlib, json, sys, time
try:
    from summitry._build import current
    build = current().describe()
except ImportError:  # a tree from before summitry._build
    import summitry.events.extractor as extractor
    build = "extension modules, unrecorded" if not extractor.__file__.endswith(".py") else "pure Python"
from summitry.ingest import read_documents
from summitry.model import Document
from summitry.pipeline import extract_document
from summitry.record import record_to_json
documents = [d for d in read_documents([sys.argv[1]]) if isinstance(d, Document)]
for document in documents[:50]:
    extract_document(document)
digest = hashlib.sha256()
start = time.process_time()
for document in documents:
    digest.update(json.dumps(record_to_json(extract_document(document)), ensure_ascii=False, sort_keys=True).encode())
cpu = time.process_time() - start
print(json.dumps({"cpu": cpu, "digest": digest.hexdigest(), "build": build}))
"""

CLI = "import sys; from summitry.cli import main; sys.exit(main(prog_name='summitry'))"


def pure_copy(folder: Path) -> Path:
    target = folder / "pure-src"
    shutil.copytree(SOURCE, target, ignore=shutil.ignore_patterns("*.so", "*.pyd", "_build.json", "__pycache__", "*.egg-info"))
    return target


def run(source: Path, *args: str) -> tuple[str, float]:
    """stdout and the child's CPU seconds (user + system, with its own children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return done.stdout, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def segmenter_cpu(texts: list[str], name: str) -> float:
    if name == "rjieba":
        import rjieba

        cut = rjieba.cut
    else:
        import jieba

        jieba.setLogLevel(60)
        cut = jieba.lcut
    cut("預熱一下")
    start = time.process_time()
    for text in texts:
        cut(text)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=2.0, help="corpus size in MB (default 2)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--tree", action="append", default=[], metavar="LABEL=SRC",
                        help="another src/ to measure beside them (e.g. one with fewer modules compiled)")
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="summitry-compiled-bench-"))
    try:
        corpus = folder / "corpus.jsonl"
        documents, size = bench.write_corpus(corpus, arguments.size, bench.source_texts())
        megabytes = size / bench.MB
        texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
        builds = {"pure": pure_copy(folder), "compiled": SOURCE}
        for tree in arguments.tree:
            label, _, path = tree.partition("=")
            builds[label] = Path(path)
        cpu: dict[str, list[float]] = {}
        digests: dict[str, set[str]] = {}
        described: dict[str, str] = {}
        for _ in range(arguments.rounds):
            for name in ("rjieba", "jieba"):
                cpu.setdefault(f"{name} segmentation", []).append(segmenter_cpu(texts, name))
            for build, source in builds.items():
                out, _cpu = run(source, "-c", IN_PROCESS, str(corpus))
                result = json.loads(out)
                cpu.setdefault(f"extract in process, {build}", []).append(result["cpu"])
                digests.setdefault("in process", set()).add(result["digest"])
                described[build] = result["build"]
                _out, command_cpu = run(source, "-c", CLI, "extract", str(corpus), "--jobs", "1", "-o", str(folder / f"{build}.jsonl"))
                cpu.setdefault(f"extract --jobs 1 CLI, {build}", []).append(command_cpu)
        same_cli = all((folder / "pure.jsonl").read_bytes() == (folder / f"{build}.jsonl").read_bytes() for build in builds)
        floor = statistics.median(cpu["rjieba segmentation"]) / megabytes
        pure = {kind: statistics.median(cpu[f"{kind}, pure"]) / megabytes for kind in ("extract in process", "extract --jobs 1 CLI")}
        print(f"corpus: {documents} documents, {megabytes:.2f} MB; {arguments.rounds} alternating rounds, median CPU")
        for build, text in described.items():
            print(f"  {build}: {text}")
        print(f"{'':34} {'CPU s/MB':>9} {'× rjieba':>9} {'vs pure':>8}")
        for label, values in cpu.items():
            per_mb = statistics.median(values) / megabytes
            kind = label.rsplit(", ", 1)[0]
            versus = f"{pure[kind] / per_mb:8.2f}×" if kind in pure else ""
            print(f"{label:34} {per_mb:9.3f} {floor / per_mb:9.4f} {versus:>9}")
        print(f"records identical in every build: in process {len(digests['in process']) == 1}, CLI output {same_cli}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
