"""The I/O around the pure scorers: read the gold or challenge files, extract each text, score.

Kept apart from events.py and challenge.py so those stay functions of data; this is the only
place that reads the cache folder or runs the pipeline.
"""

from __future__ import annotations

from pathlib import Path

from summitry.actors import load_knowledge_base
from summitry.evaluation.challenge import ChallengeReport, load_challenge, score_challenge, set_digest
from summitry.evaluation.events import EventsReport, score_article
from summitry.evaluation.gold import GoldFileError, cached_document, load_events_gold
from summitry.evaluation.names import NameResolver
from summitry.ingest import document_from_text
from summitry.pipeline import extract_document


def evaluate_events_gold(gold_path: str | Path, cache_dir: str | Path) -> EventsReport:
    """Every article of the gold file whose excerpt is cached, extracted and scored. An article
    with no cache file is listed as skipped, one whose file cannot be read as unreadable with the
    reason; neither stops the others."""
    gold = load_events_gold(gold_path)
    cache = Path(cache_dir)
    if not cache.is_dir():
        raise GoldFileError(cache, "is not a folder (the cache of excerpts, eval-cache/ID.txt; docs/evaluation/README.md refills it)")
    resolver = NameResolver(load_knowledge_base())
    scores, skipped, unreadable = [], [], []
    for article in gold.articles:
        path = cache / f"{article.id}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            skipped.append(article.id)
            continue
        except UnicodeDecodeError:
            unreadable.append((article.id, "not UTF-8"))
            continue
        except OSError as error:
            unreadable.append((article.id, error.strerror or str(error)))
            continue
        record = extract_document(cached_document(text, article, path))
        scores.append(score_article(article, record, resolver))
    return EventsReport(tuple(scores), tuple(skipped), tuple(unreadable))


def evaluate_challenge(folder: str | Path) -> ChallengeReport:
    """Every item of the challenge set extracted (its text, its publication date) and judged."""
    folder = Path(folder)
    files = load_challenge(folder)
    resolver = NameResolver(load_knowledge_base())
    records = {
        item.id: extract_document(document_from_text(item.text, source=f"challenge:{item.id}", default_date=item.date))
        for challenge in files
        for item in challenge.items
    }
    return score_challenge(files, records, resolver, set_digest(folder))
