"""Throughput, memory and linearity of ``summitry extract`` against bare word segmentation.

Run on demand, never by the tests:

    .venv/bin/pip install -e '.[bench]'          # psutil, for the process tree's memory
    .venv/bin/python bench/bench.py               # corpora of 10, 20, 40 and 100 MB
    .venv/bin/python bench/bench.py --sizes 1,2,4 # a quick run

The corpus is JSON Lines built from the reference seeds (../shared/seeds) and the repository's
own test sentences (tests/data/style_sentences.yaml), every copy made distinct by a numbered
line so that de-duplication cannot skip it. For each size and each ``--jobs`` value it runs
``summitry extract`` as a user would and prints documents/s, MB/s and the peak memory of the
whole process tree; beside it, the speed of bare segmentation (``rjieba.cut``) over the same
texts, measured in the same run, as the floor the extractor is compared with per core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
STYLE_SENTENCES = REPO / "tests" / "data" / "style_sentences.yaml"
DATE_HEADER = re.compile(r"\A[ \t\u3000]*date[ \t]+(\d{4}-\d{2}-\d{2})")
MB = 1_000_000

# Targets from issue 6, each a fraction of bare segmentation's speed per core: extraction at
# least half as fast, ingest (extraction plus storing) at least 0.3 as fast; the process tree
# under 1 GB whatever the corpus size.
EXTRACT_TARGET = 0.5
INGEST_TARGET = 0.3
MEMORY_LIMIT = 1_000_000_000


@dataclass
class Run:
    command: str
    size_mb: float
    jobs: int
    documents: int
    seconds: float
    peak_rss: int
    peak_pss: int | None
    exit_code: int
    cpu_seconds: float = 0.0  # user + system time of the whole process tree

    @property
    def mb_per_second(self) -> float:
        return self.size_mb / self.seconds

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds


# --- the corpus ---------------------------------------------------------------------------


def source_texts() -> list[tuple[str, str | None]]:
    """(text, date) pairs: each seed whole, then each of our test sentences."""
    texts: list[tuple[str, str | None]] = []
    for path in sorted(SEEDS.glob("*.txt")):
        texts.append((path.read_text(encoding="utf-8"), None))  # the seed's own date header dates it
    for case in yaml.safe_load(STYLE_SENTENCES.read_text(encoding="utf-8")):
        texts.append((case["text"], str(case["date"]) if case.get("date") else None))
    if not texts:
        sys.exit(f"bench: no seeds in {SEEDS} and no sentences in {STYLE_SENTENCES}")
    return texts


def distinct_copy(text: str, date: str | None, number: int) -> dict:
    """A copy no earlier copy equals: a numbered line after the date header (which must stay first)."""
    header = DATE_HEADER.match(text)
    cut = header.end() if header else 0
    marked = f"{text[:cut]}\n副本編號 {number}\n{text[cut:].lstrip(' ')}" if header else f"副本編號 {number}\n{text}"
    line = {"text": marked}
    if date:
        line["date"] = date
    return line


def write_corpus(path: Path, size_mb: float, texts: list[tuple[str, str | None]]) -> tuple[int, int]:
    """JSON Lines of about ``size_mb`` MB; returns (documents, bytes)."""
    target = int(size_mb * MB)
    written = documents = 0
    with path.open("w", encoding="utf-8") as corpus:
        while written < target:
            text, date = texts[documents % len(texts)]
            line = json.dumps(distinct_copy(text, date, documents), ensure_ascii=False) + "\n"
            corpus.write(line)
            written += len(line.encode("utf-8"))
            documents += 1
    return documents, written


# --- measuring a command ------------------------------------------------------------------


class TreeMemory:
    """Peak memory of a process and all its descendants, sampled every ``interval`` seconds (sparingly: the sampler shares the cores it measures).

    RSS summed over the tree counts pages that forked workers share with their parent once per
    process, so it overstates; PSS (proportional set size, Linux) shares them out and is the
    fair figure. Both are reported. Without psutil only the largest single child's RSS is known.
    """

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        self.pid, self.interval = pid, interval
        self.peak_rss, self.peak_pss = 0, None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            rss = pss = 0
            has_pss = True
            try:
                processes = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for process in processes:
                try:
                    rss += process.memory_info().rss
                    full = process.memory_full_info()
                    pss += getattr(full, "pss", 0)
                    has_pss = has_pss and hasattr(full, "pss")
                except psutil.Error:
                    continue
            self.peak_rss = max(self.peak_rss, rss)
            if has_pss:
                self.peak_pss = max(self.peak_pss or 0, pss)
            self._stop.wait(self.interval)


def run_command(arguments: list[str], label: str, size_mb: float, jobs: int, output: Path | None) -> Run:
    """Run one summitry command to completion, timing it and sampling its memory."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with TreeMemory(process.pid) as memory:
        printed, errors = process.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers roll up into their parent when reaped
    cpu_seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1):
        sys.stderr.write(errors.decode("utf-8", "replace")[-2000:])
    if output is not None:
        documents = sum(1 for _ in output.open(encoding="utf-8")) if output.exists() else 0
    else:  # ingest says "summitry: N new, M already present, K rejected"
        stored = re.search(r"(\d+) new", printed.decode("utf-8", "replace"))
        documents = int(stored.group(1)) if stored else 0
    peak_rss = memory.peak_rss
    if not peak_rss:  # no psutil: the largest child's maximum RSS, as the kernel kept it
        peak_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return Run(label, size_mb, jobs, documents, seconds, peak_rss, memory.peak_pss, process.returncode, cpu_seconds)


def summitry(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "summitry.cli", *arguments]


def extract_run(corpus: Path, size_mb: float, jobs: int, workdir: Path) -> Run:
    output = workdir / f"records-{size_mb:g}MB-j{jobs}.jsonl"
    run = run_command(summitry("extract", "--jobs", str(jobs), "-o", str(output), str(corpus)), "extract", size_mb, jobs, output)
    output.unlink(missing_ok=True)
    return run


# --- HOOK: summitry ingest ------------------------------------------------------------------
# `summitry ingest` (src/summitry/store/) is timed the same way when it exists: the same corpus
# into a fresh SQLite file, with --jobs when the command offers it. Its target is INGEST_TARGET
# of bare segmentation speed per core.


def ingest_available() -> tuple[bool, bool]:
    """(does `summitry ingest` exist, does it take --jobs)."""
    result = subprocess.run(summitry("ingest", "--help"), capture_output=True, text=True)
    return result.returncode == 0, "--jobs" in result.stdout


def ingest_run(corpus: Path, size_mb: float, jobs: int, workdir: Path, takes_jobs: bool) -> Run:
    database = workdir / f"bench-{size_mb:g}MB-j{jobs}.db"
    database.unlink(missing_ok=True)
    arguments = summitry("ingest", "--db", str(database), *(["--jobs", str(jobs)] if takes_jobs else []), str(corpus))
    run = run_command(arguments, "ingest" if takes_jobs else "ingest (no --jobs)", size_mb, jobs, None)
    database.unlink(missing_ok=True)
    return run


# --- the floor: bare segmentation ---------------------------------------------------------


def bare_segmentation_speed(corpus: Path) -> float:
    """MB/s of rjieba.cut over the corpus's texts, in this process, on one core."""
    import rjieba

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    size = sum(len(text.encode("utf-8")) for text in texts) / MB
    rjieba.cut("預熱")
    started = time.process_time()  # CPU time, as the extract runs are also compared by CPU time
    for text in texts:
        rjieba.cut(text)
    return size / (time.process_time() - started)


# --- report ---------------------------------------------------------------------------------


def startup_run(workdir: Path, texts: list[tuple[str, str | None]], jobs: int) -> Run:
    """`summitry extract` on one short document: interpreter, imports, knowledge base and pool
    start, paid once per run whatever the corpus size (the faster of two tries)."""
    corpus = workdir / "startup.jsonl"
    corpus.write_text(json.dumps(distinct_copy(texts[-1][0], texts[-1][1], -1), ensure_ascii=False) + "\n", encoding="utf-8")
    return min((extract_run(corpus, 0, jobs, workdir) for _ in range(2)), key=lambda run: run.seconds)


def per_core(run: Run) -> float:
    return run.mb_per_second / min(run.jobs, os.cpu_count() or 1)


def cpu_rate(run: Run, startup: dict[int, Run]) -> float:
    """MB per CPU-second of the whole process tree, start-up excluded: the speed per core, and
    one that other load on a shared machine does not distort (wall time would)."""
    base = startup[run.jobs].cpu_seconds if run.jobs in startup else 0.0
    return run.size_mb / max(run.cpu_seconds - base, 1e-9)


def steady_per_core(run: Run, startup: dict[int, Run]) -> float:
    """MB/s per core once started: the run's wall time less the start-up of the same --jobs."""
    working = max(run.seconds - (startup[run.jobs].seconds if run.jobs in startup else 0.0), 1e-9)
    return run.size_mb / working / min(run.jobs, os.cpu_count() or 1)


def report(runs: list[Run], floor: dict[float, float], startup: dict[int, Run]) -> list[str]:
    """Ratios are over bare segmentation's MB/s on one core: wall/core counts the whole run,
    steady leaves out start-up, cpu divides by the CPU time of the process tree less start-up."""
    lines = [
        f"{'command':<20}{'MB':>5}{'jobs':>5}{'docs':>7}{'s':>7}{'cpu s':>7}{'docs/s':>7}{'MB/s':>7}"
        f"{'peak RSS':>10}{'peak PSS':>10}{'floor MB/s':>11}{'wall/core':>10}{'steady':>7}{'cpu':>7}"
    ]
    for run in runs:
        ratio = per_core(run) / floor[run.size_mb]
        steady = steady_per_core(run, startup) / floor[run.size_mb]
        cpu = cpu_rate(run, startup) / floor[run.size_mb]
        pss = f"{run.peak_pss / MB:.0f} MB" if run.peak_pss else "-"
        lines.append(
            f"{run.command:<20}{run.size_mb:>5g}{run.jobs:>5}{run.documents:>7}{run.seconds:>7.1f}{run.cpu_seconds:>7.1f}"
            f"{run.documents_per_second:>7.0f}{run.mb_per_second:>7.3f}{run.peak_rss / MB:>7.0f} MB{pss:>10}"
            f"{floor[run.size_mb]:>11.2f}{ratio:>10.3f}{steady:>7.3f}{cpu:>7.3f}"
        )
    return lines


def linearity(runs: list[Run], startup: dict[int, Run]) -> list[str]:
    """CPU seconds per MB (start-up excluded) at each size relative to the smallest: 1.0 is linear."""
    lines = []
    for command in dict.fromkeys(run.command for run in runs):
        for jobs in sorted({run.jobs for run in runs if run.command == command}):
            series = sorted((run for run in runs if run.command == command and run.jobs == jobs), key=lambda r: r.size_mb)
            if len(series) < 2:
                continue
            cost = [1 / cpu_rate(run, startup) for run in series]
            relative = ", ".join(f"{run.size_mb:g} MB: {each / cost[0]:.2f}" for run, each in zip(series, cost))
            lines.append(f"{command} --jobs {jobs}, CPU seconds per MB relative to {series[0].size_mb:g} MB: {relative}")
    return lines


def verdicts(runs: list[Run], floor: dict[float, float], startup: dict[int, Run]) -> list[str]:
    lines = []
    for run in runs:
        target = INGEST_TARGET if run.command.startswith("ingest") else EXTRACT_TARGET
        ratio = cpu_rate(run, startup) / floor[run.size_mb]
        memory = run.peak_pss or run.peak_rss
        lines.append(
            f"{run.command} {run.size_mb:g} MB --jobs {run.jobs}: speed per CPU-second {ratio:.3f} of the floor "
            f"({'meets' if ratio >= target else 'misses'} {target}), memory {memory / MB:.0f} MB "
            f"({'under' if memory < MEMORY_LIMIT else 'OVER'} 1 GB), exit {run.exit_code}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,20,40,100", help="corpus sizes in MB, comma-separated (default 10,20,40,100)")
    parser.add_argument("--jobs", default="1,2", help="--jobs values to run extract with (default 1,2)")
    parser.add_argument("--no-ingest", action="store_true", help="skip `summitry ingest` even when it exists")
    parser.add_argument("--workdir", help="keep corpora and outputs here instead of a temporary directory")
    parser.add_argument("--json", dest="json_path", help="also write the runs as JSON to this file")
    options = parser.parse_args()
    sizes = [float(size) for size in options.sizes.split(",")]
    jobs_values = [int(jobs) for jobs in options.jobs.split(",")]

    workdir = Path(options.workdir or tempfile.mkdtemp(prefix="summitry-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SUMMITRY_CACHE", str(Path.home() / ".cache" / "summitry"))
    has_ingest, ingest_takes_jobs = (False, False) if options.no_ingest else ingest_available()
    texts = source_texts()
    print(f"bench {dt.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, corpus in {workdir}")
    runs: list[Run] = []
    floor: dict[float, float] = {}
    startup = {jobs: startup_run(workdir, texts, jobs) for jobs in jobs_values}
    print("start-up (one short document): " + ", ".join(f"--jobs {jobs} {run.seconds:.1f} s ({run.cpu_seconds:.1f} s CPU)" for jobs, run in startup.items()))
    try:
        for size in sizes:
            corpus = workdir / f"corpus-{size:g}MB.jsonl"
            documents, size_bytes = write_corpus(corpus, size, texts)
            floor[size] = bare_segmentation_speed(corpus)
            print(f"corpus {size:g} MB: {documents} documents, {size_bytes / MB:.1f} MB; rjieba.cut {floor[size]:.2f} MB/s", flush=True)
            for jobs in jobs_values:
                runs.append(extract_run(corpus, size, jobs, workdir))
                print("  " + report([runs[-1]], floor, startup)[1], flush=True)
                if has_ingest:
                    runs.append(ingest_run(corpus, size, jobs, workdir, ingest_takes_jobs))
                    print("  " + report([runs[-1]], floor, startup)[1], flush=True)
            if not options.workdir:
                corpus.unlink()
    finally:
        if not options.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print("\n".join(report(runs, floor, startup)))
    print()
    print("\n".join(linearity(runs, startup)))
    print("\n".join(verdicts(runs, floor, startup)))
    if not has_ingest and not options.no_ingest:
        print("summitry ingest: not available yet (see the HOOK in bench/bench.py)")
    if options.json_path:
        payload = {"floor": floor, "startup": {jobs: asdict(run) for jobs, run in startup.items()}, "runs": [asdict(run) for run in runs]}
        Path(options.json_path).write_text(json.dumps(payload, indent=1))


if __name__ == "__main__":
    main()
