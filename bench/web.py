"""The web app and the view commands at corpus scale: latency, page weight and server memory.

Run by hand, never by the tests (it builds stores of thousands of documents):

    .venv/bin/python bench/web.py                    # 1,000 and 10,000 documents
    .venv/bin/python bench/web.py --sizes 1000 10000 100000 --clients 10

Each store is made of short articles written from our own sentence templates (below), their
leaders, countries, dates and amounts drawn from the knowledge base with a fixed seed, and
stored by ``summitry ingest``'s own code with extraction (``ingest_records``, every core), so
the view tables are what a user's ingest builds: in transactions of ``--batch`` documents
(5,000), which make the same views as 50 (a merge is a function of the stored rows) in a
fraction of the time. ``--build-only`` builds the stores missing and measures nothing. The server runs
``summitry serve``'s app under uvicorn pinned to one core; ``--clients`` threads then request
every page and API call in turn, and each is timed (p50, p95), weighed, and the server's
resident memory read from /proc at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from summitry.actors import load_knowledge_base
from summitry.ingest import Document
from summitry.store import ingest_records, open_store

# Our own sentences, in the registers of the Hong Kong and Taiwan outlets the tool reads.
MEETING = (
    "{country_a}{title_a}{leader_a}{month}月{day}日在{city}與{country_b}{title_b}{leader_b}舉行會談，雙方討論了貿易與安全問題。",
    "{leader_a}{month}月{day}日會見到訪的{country_b}{title_b}{leader_b}，兩人就區域局勢交換意見。",
    "{country_b}{title_b}{leader_b}{month}月{day}日抵達{city}，與{leader_a}舉行雙邊會晤。",
)
PLEDGE = (
    "{country_a}承諾在未來{years}年內對{country_b}投資{amount}億美元。",
    "{leader_a}表示，{country_a}將向{country_b}採購價值{amount}億美元的能源產品。",
    "{country_a}同意向{country_b}提供{amount}億美元援助。",
)
LATER = (
    "{leader_a}與{leader_b}日前舉行會談後，雙方表示將繼續保持溝通。",
    "分析人士指出，{leader_a}此次會談的成果仍有待觀察。",
)
CITIES = ("東京", "首爾", "北京", "華盛頓", "新加坡", "吉隆坡", "河內", "柏林", "巴黎", "倫敦", "新德里", "堪培拉")


def _leaders(kb) -> list[tuple[str, str, str]]:
    """Heads of state or government in office in 2025 with a Chinese alias: (alias, country alias, title)."""
    found = []
    for entity in kb.entities.values():
        if entity.type != "person":
            continue
        office = next((o for o in entity.offices if o.end is None and o.role in ("president", "prime_minister")), None)
        country = kb.entities.get(office.country) if office else None
        chinese = [a for a in entity.aliases if any("\u4e00" <= ch <= "\u9fff" for ch in a) and "·" not in a]
        country_names = [a for a in (country.aliases if country else ()) if any("\u4e00" <= ch <= "\u9fff" for ch in a)]
        if chinese and country_names:
            found.append((chinese[0], country_names[0], "總統" if office.role == "president" else "總理"))
    return sorted(found)


def corpus(size: int, seed: int = 7) -> list[Document]:
    """``size`` distinct short articles; the same ``size`` and ``seed`` give the same texts. Donald
Trump is one side of about a third of them, so his actor page is the heaviest one."""
    kb = load_knowledge_base()
    leaders = _leaders(kb)
    chance = random.Random(seed)
    documents = []
    busiest = next(leader for leader in leaders if leader[0] == "特朗普")
    for n in range(size):
        (leader_a, country_a, title_a), (leader_b, country_b, title_b) = chance.sample(leaders, 2)
        if chance.random() < 0.3 and busiest[1] != country_b:  # one leader in every few stories, as in the news
            leader_a, country_a, title_a = busiest
        published = dt.date(2019, 1, 1) + dt.timedelta(days=chance.randrange(7 * 365))
        day = published - dt.timedelta(days=chance.randrange(4))
        values = dict(
            leader_a=leader_a, country_a=country_a, title_a=title_a, leader_b=leader_b, country_b=country_b,
            title_b=title_b, month=day.month, day=day.day, city=chance.choice(CITIES), years=chance.randrange(2, 11),
            amount=chance.randrange(1, 600) * 10,
        )
        sentences = [chance.choice(MEETING), chance.choice(PLEDGE)] if chance.random() < 0.7 else [chance.choice(LATER)]
        text = f"第{n}號快訊\n" + "".join(s.format(**values) for s in sentences)
        documents.append(Document(id=f"{n:016x}", source=f"bench/{n}.txt", text=text, date=published,
                                  title=f"快訊 {n}", url=f"https://news{n % 7}.example/{n}"))
    return documents


# Documents per transaction when the bench builds a store. A user's ingest writes 50 at a time,
# and each batch re-merges the meetings and ledger groups it touches; the bench's corpus puts
# one leader in a third of its stories, so nearly every batch of 50 re-merged his whole group
# and 10,000 documents took 1,465 s (2026-12-07-web.txt). Through the same ingest code in
# batches of this size the views come out as a real ingest makes them (the merge is a
# function of the stored rows, not of the batching), in minutes.
BUILD_BATCH = 5000


def build(size: int, folder: Path, batch_size: int = BUILD_BATCH, jobs: int | None = None) -> tuple[Path, float]:
    """A store of ``corpus(size)``, stored by ``ingest_records`` (extraction included) in
    transactions of ``batch_size`` documents, extracted in ``jobs`` processes (None: every core)."""
    path = folder / f"store-{size}.db"
    engine = open_store(str(path))
    started = time.perf_counter()
    ingest_records(engine, corpus(size), jobs=jobs, batch_size=batch_size)
    engine.dispose()
    return path, time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(path: Path, port: int) -> subprocess.Popen:
    code = (
        "import uvicorn; from summitry.store import open_store; from summitry.web.app import create_app; "
        f"uvicorn.run(create_app(open_store({str(path)!r}, read_only=True)), host='127.0.0.1', port={port}, log_level='warning')"
    )
    command = [sys.executable, "-c", code]
    if sys.platform.startswith("linux"):
        command = ["taskset", "-c", "0", *command]
    server = subprocess.Popen(command, env={**os.environ})
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/ledger?limit=1", timeout=5).read()
            return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("the server did not start")


def _rss(pid: int) -> int:
    """Resident memory of the server and its children, in bytes."""
    total = 0
    for candidate in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{candidate}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _targets(base: str) -> dict[str, str]:
    """One URL of every page and API call, with the names of the busiest actors."""
    def get(path: str):
        import json

        return json.loads(urllib.request.urlopen(base + path, timeout=600).read())

    meetings = get("/api/meetings")
    meeting = meetings[0]["id"] if meetings else "none"
    documents = get("/api/documents")
    document = documents[0]["id"] if documents else "none"
    actor = "Q22686"
    return {
        "overview /": "/",
        "meetings": "/meetings",
        "meetings?actor": f"/meetings?actor={actor}",
        "meeting": f"/meetings/{meeting}",
        "ledger": "/ledger",
        "ledger?pledger": "/ledger?pledger=USA",
        "actors": "/actors",
        "actor page": f"/actors/{actor}",
        "document": f"/documents/{document}",
        "search": "/search?q=" + urllib.parse.quote("會談"),
        "api meetings": "/api/meetings",
        "api meetings?actor": f"/api/meetings?actor={actor}",
        "api ledger": "/api/ledger",
        "api actor": f"/api/actors/{actor}",
        "api documents": "/api/documents",
        "api document": f"/api/documents/{document}",
    }


def measure(base: str, clients: int, rounds: int) -> dict[str, tuple[float, float, int]]:
    """Every target ``rounds`` times per client, ``clients`` at once: (p50 s, p95 s, bytes)."""
    targets = _targets(base)
    results: dict[str, list[float]] = {name: [] for name in targets}
    weights: dict[str, int] = {}
    lock = threading.Lock()

    def client(_: int) -> None:
        for _round in range(rounds):
            for name, path in targets.items():
                started = time.perf_counter()
                body = urllib.request.urlopen(base + path, timeout=600).read()
                took = time.perf_counter() - started
                with lock:
                    results[name].append(took)
                    weights[name] = len(body)

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    return {
        name: (statistics.median(times), statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0], weights[name])
        for name, times in results.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--folder", type=Path, default=None, help="keep the stores here (reused when present)")
    parser.add_argument("--batch", type=int, default=BUILD_BATCH, help="documents per transaction when a store is built")
    parser.add_argument("--build-only", action="store_true", help="build the stores missing and measure nothing")
    options = parser.parse_args()
    folder = options.folder or Path(tempfile.mkdtemp(prefix="summitry-web-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    curve = {}
    for size in options.sizes:
        path = folder / f"store-{size}.db"
        built = None
        if not path.exists():
            path, built = build(size, folder, options.batch)
        print(f"# {size:,} documents" + (f" (built in {built:.0f} s, {options.batch} to a transaction)" if built else " (store reused)"), flush=True)
        if options.build_only:
            continue
        port = _free_port()
        server = _serve(path, port)
        try:
            figures = measure(f"http://127.0.0.1:{port}", options.clients, options.rounds)
            rss = _rss(server.pid)
        finally:
            server.terminate()
            server.wait(30)
        for name, (p50, p95, weight) in figures.items():
            print(f"{name:22} p50 {p50 * 1000:8.0f} ms  p95 {p95 * 1000:8.0f} ms  {weight / 1024:9.1f} KB", flush=True)
        print(f"{'server RSS':22} {rss / 2**20:.0f} MB", flush=True)
        curve[size] = (max(p95 for _, p95, _ in figures.values()), max(w for _, _, w in figures.values()), rss)
    if options.build_only:
        return
    print("# the curve: worst p95, heaviest page, server RSS")
    for size, (p95, weight, rss) in curve.items():
        print(f"{size:>8,} docs  worst p95 {p95 * 1000:8.0f} ms  heaviest {weight / 1024:9.1f} KB  RSS {rss / 2**20:6.0f} MB")


if __name__ == "__main__":
    main()
