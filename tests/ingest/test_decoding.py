"""Every encoding Chinese news arrives in decodes to the same text; anything else is rejected."""

from __future__ import annotations

import codecs

import pytest

from summitry.ingest import Rejection, UnreadableDocument, read_documents
from summitry.ingest.decoding import decode_document_bytes
from summitry.model import Document

TRADITIONAL = "美國總統與中國國家主席在釜山會晤，雙方同意暫停加徵關稅一年。\n雙方代表團在會後各自發表說明。\n"
SIMPLIFIED = "美国总统与中国国家主席在釜山会晤，双方同意暂停加征关税一年。\n双方代表团在会后各自发表说明。\n"
# 佢哋 needs the Hong Kong supplement (HKSCS); plain Big5 cannot encode it.
CANTONESE = "特首表示，佢哋會繼續同中央溝通，下週再談。\n"
WITH_ASCII = "date 2025-10-30 川普（Donald Trump）與習近平在APEC期間會面約100分鐘。\n"

ENCODED = [
    ("utf-8", TRADITIONAL, TRADITIONAL.encode("utf-8")),
    ("utf-8 with BOM", TRADITIONAL, codecs.BOM_UTF8 + TRADITIONAL.encode("utf-8")),
    ("utf-16-le with BOM", TRADITIONAL, codecs.BOM_UTF16_LE + TRADITIONAL.encode("utf-16-le")),
    ("utf-16-be with BOM", TRADITIONAL, codecs.BOM_UTF16_BE + TRADITIONAL.encode("utf-16-be")),
    ("utf-16-le without BOM", WITH_ASCII, WITH_ASCII.encode("utf-16-le")),
    ("utf-16-be without BOM", WITH_ASCII, WITH_ASCII.encode("utf-16-be")),
    ("big5", TRADITIONAL, TRADITIONAL.encode("big5")),
    ("big5 with ASCII", WITH_ASCII, WITH_ASCII.encode("big5")),
    ("big5-hkscs", CANTONESE, CANTONESE.encode("big5hkscs")),
    ("gb18030 traditional", TRADITIONAL, TRADITIONAL.encode("gb18030")),
    ("gb18030 simplified", SIMPLIFIED, SIMPLIFIED.encode("gb18030")),
    ("gbk simplified", SIMPLIFIED, SIMPLIFIED.encode("gbk")),
    ("utf-8 simplified", SIMPLIFIED, SIMPLIFIED.encode("utf-8")),
]


@pytest.mark.parametrize("label, text, raw", ENCODED, ids=[case[0] for case in ENCODED])
def test_each_encoding_decodes_to_the_text_that_was_written(write_file, label, text, raw):
    [document] = read_documents([write_file("article.txt", raw)])
    assert isinstance(document, Document)
    assert document.text == text


@pytest.mark.parametrize(
    "text, encoding, wrong_codec",
    [
        # GB2312-range bytes also decode as Big5; the common-character score must win.
        (SIMPLIFIED, "gb18030", "big5hkscs"),
        # Big5 bytes also decode as GB18030; Big5 must still be chosen.
        (TRADITIONAL, "big5", "gb18030"),
        (CANTONESE, "big5hkscs", "gb18030"),
    ],
)
def test_big5_and_gb18030_are_told_apart_when_both_decode(text, encoding, wrong_codec):
    raw = text.encode(encoding)
    assert raw.decode(wrong_codec) != text  # the wrong reading exists: the choice is real
    assert decode_document_bytes(raw, "article.txt") == text


@pytest.mark.parametrize(
    "raw",
    [
        codecs.BOM_UTF8 + WITH_ASCII.encode("utf-8"),
        codecs.BOM_UTF16_LE + WITH_ASCII.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + WITH_ASCII.encode("utf-16-be"),
    ],
)
def test_bom_is_stripped_so_the_header_and_the_id_see_the_bare_text(write_file, raw):
    [with_bom] = read_documents([write_file("bom.txt", raw)])
    assert not with_bom.text.startswith("\ufeff")
    assert with_bom.text == WITH_ASCII
    assert str(with_bom.date) == "2025-10-30"


def test_line_breaks_and_spacing_are_kept_exactly(write_file):
    text = "　　兩國元首會談。\r\n\r\n  雙方同意  擴大合作。\r\n"
    [document] = read_documents([write_file("crlf.txt", text.encode("big5"))])
    assert document.text == text


PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"

REJECTED = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \r\n\t\n\xe3\x80\x80\n", "whitespace only"),
    ("logo.png", PNG_HEADER + bytes(200), "binary content (PNG image)"),
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary content (PDF document)"),
    ("blob.bin", bytes(range(256)) * 8, "binary content"),
    ("nul.txt", "兩國元首會談。\x00\x00".encode("utf-8"), "binary content"),
    ("controls.txt", b"meeting\x01\x02\x03\x04\x05 notes", "binary content (control characters)"),
    ("french.txt", "Les deux présidents se sont rencontrés à Séoul.\n".encode("latin-1"),
     "not UTF-8, UTF-16, Big5 or GB18030"),
    ("korean.txt", "두 정상은 부산에서 회담을 가졌다.\n".encode("euc-kr"),
     "not UTF-8, UTF-16, Big5 or GB18030"),
    ("japanese.txt", "両首脳は釜山で会談した。\n".encode("shift_jis"),
     "not UTF-8, UTF-16, Big5 or GB18030"),
]


@pytest.mark.parametrize("name, raw, reason", REJECTED, ids=[case[0] for case in REJECTED])
def test_rejections_name_the_file_and_the_reason(write_file, name, raw, reason):
    path = write_file(name, raw)
    [rejection] = read_documents([path])
    assert isinstance(rejection, Rejection)
    assert rejection.path == path
    assert rejection.reason.startswith(reason)


@pytest.mark.parametrize("name, raw, reason", REJECTED[:3], ids=[case[0] for case in REJECTED[:3]])
def test_the_decoder_raises_unreadable_document_with_path_and_reason(name, raw, reason):
    with pytest.raises(UnreadableDocument) as raised:
        decode_document_bytes(raw, name)
    assert (raised.value.path, raised.value.reason) == (name, reason)
    assert raised.value.as_rejection() == Rejection(name, reason)


def test_a_rejected_file_does_not_stop_the_batch(write_file):
    bad = write_file("a_bad.png", PNG_HEADER)
    good = write_file("b_good.txt", TRADITIONAL.encode("big5"))
    outcomes = list(read_documents([bad, good]))
    assert [type(outcome) for outcome in outcomes] == [Rejection, Document]
    assert outcomes[1].source == good
