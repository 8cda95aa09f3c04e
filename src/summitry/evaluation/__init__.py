"""Evaluation as code: events gold of unseen articles (docs/evaluation/GOLD.md) and the
challenge set of our own sentences (tests/challenge), scored by pure functions over records."""
