"""The text view: folding keeps offsets, sentences respect Chinese punctuation and quotes."""

from __future__ import annotations

import pytest

import summitry.text as text_module
from summitry.text import build_view, detect_script, fold, split_sentences


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("美國總統川普與南韓總統李在明會晤", "美国总统川普与南韩总统李在明会晤"),
        ("L3哈裏斯科技公司", "L3哈里斯科技公司"),
        ("ＡＰＥＣ峰會於１０月舉行", "APEC峰会于10月举行"),
        ("關稅從57％降至47％", "关税从57%降至47%"),
        ("习近平同特朗普举行会晤", "习近平同特朗普举行会晤"),
    ],
)
def test_fold_gives_simplified_half_width(original: str, folded: str) -> None:
    assert fold(original) == folded


def test_fold_keeps_every_seed_aligned(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        assert len(fold(text)) == len(text), name


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("川普抵達首爾。李在明到機場迎接！", ["川普抵達首爾。", "李在明到機場迎接！"]),
        ("他說：「我會見他。我就在韓國。」隨後登機。", ["他說：「我會見他。我就在韓國。」", "隨後登機。"]),
        ("特朗普稱“會談非常成功。”\n普京沒有回答", ["特朗普稱“會談非常成功。”", "普京沒有回答"]),
        ("第一段沒有句號\n\n  第二段；第三句", ["第一段沒有句號", "第二段；", "第三句"]),
        ("引號「沒有閉合\n下一段。", ["引號「沒有閉合", "下一段。"]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("text", "script"),
    [("美國與日本一致同意將同盟提升", "Hant"), ("美国与日本一致同意将同盟提升", "Hans"), ("Trump met Xi", "Zyyy")],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_view_of_a_seed_covers_its_sentences(seed_texts: dict[str, str]) -> None:
    text = seed_texts["004_beeb15f370cd4d0e.txt"]
    view = build_view(text)
    assert view.script == "Hant"
    assert len(view.sentences) > 40
    assert all(text[s.start : s.end].strip() == text[s.start : s.end] for s in view.sentences)


def test_spaces_and_chunk_breaks_are_their_own_simplified_form() -> None:
    """fold sends only the chunks between these through OpenCC."""
    breaks = [chr(code_point) for code_point in range(0x3001) if chr(code_point).isspace()] + list(text_module.CHUNK_BREAKS)
    converter = text_module._converter()
    assert [char for char in breaks if converter.convert(char) != char] == []


def test_chunks_converted_together_are_converted_as_alone(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        chunks = text_module._CHUNK.split(text)[1::2]
        assert text_module._convert_together(chunks) == [text_module._convert_chunk(chunk) for chunk in chunks], name


def test_characters_left_out_of_width_folding_keep_their_width() -> None:
    kept = [chr(code_point) for code_point in range(0x10000) if not text_module._MAY_CHANGE_WIDTH.match(chr(code_point))]
    assert len(kept) > 20_000  # ASCII and the CJK ideographs at least
    assert [char for char in kept if text_module._fold_width(char) != char] == []
