"""summitry: Chinese-language diplomacy news in, a verifiable record of actors, amounts and dates out."""

from summitry.pipeline import extract, extract_document

__all__ = ["extract", "extract_document"]
