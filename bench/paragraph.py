"""Is extraction linear in paragraph length? CPU cost per character of one long paragraph with
no line break, as a ratio to a short paragraph's, and of one text cut into documents of
different sizes, as ratios to the whole. Run on demand, never by the tests:

    .venv/bin/python bench/paragraph.py                  # 200k paragraph; 1x300k, 3x100k, 30x10k
    .venv/bin/python bench/paragraph.py --long 50000 --whole 60000   # a quick run
    .venv/bin/python bench/paragraph.py --one-sentence   # commas for full stops: one long sentence

The text is the repository's own test sentences (tests/data/style_sentences.yaml) run
together. Every figure is CPU time of this process (time.process_time), measured in the same
run as its baseline, so a busy machine changes the seconds but not the ratios much. Targets:
the long paragraph's cost per character at most 2x the short one's; each cut of the text
within 10% of the whole's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import yaml

from summitry import extract

STYLE_SENTENCES = Path(__file__).resolve().parents[1] / "tests" / "data" / "style_sentences.yaml"
DATE = dt.date(2025, 10, 30)
LONG_TARGET = 2.0
CUT_TOLERANCE = 0.10


def paragraph(length: int, one_sentence: bool) -> str:
    """``length`` characters of the test sentences one after another, no line break."""
    sentences = [item["text"].replace("\n", "") for item in yaml.safe_load(STYLE_SENTENCES.read_text(encoding="utf-8"))]
    if one_sentence:
        sentences = [sentence.replace("。", "，") for sentence in sentences]
    pieces, total, index = [], 0, 0
    while total < length:
        pieces.append(sentences[index % len(sentences)])
        total += len(pieces[-1])
        index += 1
    return "".join(pieces)[:length]


def cpu_seconds(texts: list[str], repeat: int = 1) -> float:
    """CPU time to extract every text, the least of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            extract(text, DATE)
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", type=int, default=2_000, help="characters of the baseline paragraph")
    parser.add_argument("--long", type=int, default=200_000, help="characters of the long paragraph")
    parser.add_argument("--whole", type=int, default=300_000, help="characters of the text cut 1, 3 and 30 ways")
    parser.add_argument("--one-sentence", action="store_true", help="commas for full stops: every paragraph one sentence")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each cut, the least CPU time kept (a shared machine is noisy)")
    options = parser.parse_args()

    extract("美國總統川普29日在慶州會見中國國家主席習近平。", DATE)  # the knowledge base is no paragraph's cost
    short = paragraph(options.short, options.one_sentence)
    short_cost = cpu_seconds([short], repeat=5) / len(short)
    long_text = paragraph(options.long, options.one_sentence)
    long_cost = cpu_seconds([long_text]) / len(long_text)
    ratio = long_cost / short_cost
    print(f"short paragraph  {len(short):>8,} chars  {short_cost * 1e6:8.1f} µs/char")
    print(f"long paragraph   {len(long_text):>8,} chars  {long_cost * 1e6:8.1f} µs/char  "
          f"ratio {ratio:.2f} (target ≤ {LONG_TARGET:g}) {'ok' if ratio <= LONG_TARGET else 'MISSED'}")

    whole = paragraph(options.whole, options.one_sentence)
    whole_cost = None
    for parts in (1, 3, 30):
        size = len(whole) // parts
        cost = cpu_seconds([whole[i * size : (i + 1) * size] for i in range(parts)], repeat=options.repeat)
        whole_cost = whole_cost or cost
        deviation = cost / whole_cost - 1
        verdict = "" if parts == 1 else f"  {deviation:+.1%} of 1×{len(whole):,} (target within ±{CUT_TOLERANCE:.0%}) " + (
            "ok" if abs(deviation) <= CUT_TOLERANCE else "MISSED"
        )
        print(f"{parts:>2} × {size:>8,} chars  {cost:7.2f} s CPU  {cost / len(whole) * 1e6:8.1f} µs/char{verdict}")


if __name__ == "__main__":
    main()
