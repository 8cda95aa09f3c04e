"""summitry: Chinese-language diplomacy news in, a verifiable record of actors, amounts and dates out.

``extract``, ``extract_document``, ``load`` and ``Pipeline`` are imported from the pipeline on
first use (PEP 562): every ``summitry.*`` import runs this file first, and the pipeline's
dictionaries and automata are no business of ``summitry --help`` or of a command that reads a
store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summitry import _build

# Before any compiled submodule can be imported: a stale one runs from its source (_build.py).
_build.install()

if TYPE_CHECKING:
    from summitry.pipeline import Pipeline, extract, extract_document, load

__all__ = ["Pipeline", "extract", "extract_document", "load"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from summitry import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
