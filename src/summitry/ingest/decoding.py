"""Bytes -> text for the encodings Chinese news arrives in, and nothing else.

The text is returned exactly as decoded (only a byte-order mark is dropped), because every
offset downstream points into it.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache
from pathlib import Path

from summitry import cache as disk_cache
from summitry.ingest.errors import UnreadableDocument

UNDECODABLE = "not UTF-8, UTF-16, Big5 or GB18030"

# Big5 is tried before GB18030 and wins ties: HK and TW sources are often Big5, and
# GB2312-range bytes mostly decode as (wrong) Big5 too, so only the score can tell them apart.
# big5hkscs is Big5 plus the Hong Kong supplement, a superset for our purposes.
LEGACY_CHINESE_CODECS = ("big5hkscs", "gb18030")

BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of formats people drop into a news folder by mistake.
BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"RIFF", "RIFF media"),
)

UTF16_CODECS = ("utf-16-le", "utf-16-be")

# Share of non-ASCII characters that must be common Chinese characters or punctuation before
# a Big5, GB18030 or BOM-less UTF-16 reading is believed; the seeds run at about 0.8.
MIN_COMMON_SHARE = 0.25

# A stray form feed or SUB in a scraped article is tolerable; more control characters than
# this share means the bytes were never text.
MAX_CONTROL_SHARE = 0.01

TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def decode_document_bytes(raw: bytes, path: str) -> str:
    """Decode a whole file's bytes, or raise ``UnreadableDocument`` saying why it is not text."""
    if not raw:
        raise UnreadableDocument(path, "empty file")
    signature = binary_signature(raw)
    if signature:
        raise UnreadableDocument(path, f"binary content ({signature})")
    text = decode_text_bytes(raw)
    if text is None:
        reason = "binary content (NUL bytes)" if b"\x00" in raw else UNDECODABLE
        raise UnreadableDocument(path, reason)
    return checked_text(text, path)


def checked_text(text: str, path: str) -> str:
    """Refuse decoded text that carries nothing to extract or was never text at all."""
    if not text.strip():
        raise UnreadableDocument(path, "whitespace only")
    if control_share(text) > MAX_CONTROL_SHARE:
        raise UnreadableDocument(path, "binary content (control characters)")
    return text


def decode_text_bytes(raw: bytes) -> str | None:
    """The text ``raw`` encodes, BOM removed, or None when no supported encoding fits."""
    for mark, codec in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            text = strict_decode(raw[len(mark):], codec)
            return cut_short_utf8(raw[len(mark):]) if text is None and codec == "utf-8" else text
    if b"\x00" in raw:
        # NUL bytes in text mean UTF-16 without a BOM (the zero half of ASCII characters).
        return best_reading(raw, UTF16_CODECS)
    text = strict_decode(raw, "utf-8")
    if text is None:
        text = cut_short_utf8(raw)
    if text is not None:
        return text
    # UTF-16 is not guessed without NULs: short Big5/GB18030 texts would read as it too.
    return best_reading(raw, LEGACY_CHINESE_CODECS)


def best_reading(raw: bytes, codecs_in_order: tuple[str, ...]) -> str | None:
    """Of the strict decodes, the one that reads most like Chinese news; earlier wins ties."""
    best_text, best_score = None, 0
    for codec in codecs_in_order:
        text = strict_decode(raw, codec)
        if text is None or "\x00" in text or not reads_as_text(text):
            continue
        score = readable_count(text)
        if score > best_score:
            best_text, best_score = text, score
    return best_text


def reads_as_text(text: str) -> bool:
    """Wrong decodings that succeed anyway (Korean read as GB18030, UTF-16 read backwards)
    are mostly rare characters; real Chinese prose is about 80% common ones."""
    non_ascii = [ch for ch in text if not ch.isascii()]
    if not non_ascii:
        return True
    common = common_hanzi()
    return sum(1 for ch in non_ascii if ch in common) >= MIN_COMMON_SHARE * len(non_ascii)


def readable_count(text: str) -> int:
    """Characters a right decoding produces and a wrong one rarely does."""
    common = common_hanzi()
    return sum(1 for ch in text if ch in common or (ch.isascii() and ch.isprintable()))


def cut_short_utf8(raw: bytes) -> str | None:
    """UTF-8 whose last character was cut off (a download or a copy stopped mid-character):
    the text before that character, which every offset then points into. Only an incomplete
    final sequence is forgiven; a bad byte anywhere else still makes the bytes not UTF-8."""
    try:
        text = codecs.getincrementaldecoder("utf-8")("strict").decode(raw, final=False)
    except UnicodeDecodeError:
        return None
    return text or None


def strict_decode(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec, errors="strict")
    except UnicodeDecodeError:
        return None


def binary_signature(raw: bytes) -> str | None:
    """Name the file format when the bytes start like a known non-text format."""
    for magic, name in BINARY_SIGNATURES:
        if raw.startswith(magic):
            return name
    return None


def control_share(text: str) -> float:
    """Share of characters that are control, private-use or unassigned code points."""
    suspicious = sum(
        1
        for ch in text
        if ch not in TEXT_CONTROLS and unicodedata.category(ch) in ("Cc", "Co", "Cn")
    )
    return suspicious / len(text)


_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    """The characters of data/common_hanzi.yaml, loaded once per process, from the disk cache
    when neither the file nor the code that reads it changed (no YAML or pydantic to import,
    issue 13)."""
    code = [str(_HERE / "schemas.py"), str(_HERE.parent / "data.py")]
    key = disk_cache.stage_key(__file__, _HERE / "data", *code)
    return disk_cache.built("common-hanzi", key, _read_common_hanzi, frozenset)


def _read_common_hanzi() -> frozenset[str]:
    from summitry.data import load_data
    from summitry.ingest.schemas import CommonHanzi

    lists = load_data("ingest", "common_hanzi.yaml", CommonHanzi)
    return frozenset(ch for chars in lists.values() for ch in chars if not ch.isspace())
