"""HTML pages: main text, title and date through trafilatura, offline."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.ingest import Rejection, read_documents
from summitry.model import Document

PARAGRAPHS = [
    "兩國元首在釜山舉行了約一百分鐘的會談，雙方同意暫停部分加徵的關稅，為期一年。",
    "據在場記者描述，會談氣氛總體平和，雙方代表團在會後各自發表了說明，但措辭並不完全一致。",
    "分析人士認為，這次安排能否落實，仍取決於接下來幾個月的採購與出口管制談判。",
]


def page(charset: str = "utf-8", date_meta: bool = True, paragraphs: list[str] = PARAGRAPHS) -> str:
    published = (
        '<meta property="article:published_time" content="2025-10-30T09:15:00+08:00">'
        if date_meta
        else ""
    )
    body = "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="zh-Hant"><head><meta charset="{charset}">
<title>釜山會晤後的關稅安排 | 測試新聞網</title>{published}
<meta property="og:url" content="https://news.example.org/a/123">
</head><body>
<nav><a href="/">首頁</a> <a href="/world">國際新聞</a> <a href="/login">登入會員</a></nav>
<article><h1>釜山會晤後的關稅安排</h1>
{body}</article>
<footer>版權所有 測試新聞網 2019</footer>
</body></html>"""


def test_main_text_title_date_and_url(write_file):
    [document] = read_documents([write_file("story.html", page())])
    assert isinstance(document, Document)
    for paragraph in PARAGRAPHS:
        assert paragraph in document.text
    assert "登入會員" not in document.text
    assert "版權所有" not in document.text
    assert document.title == "釜山會晤後的關稅安排"
    assert document.date == dt.date(2025, 10, 30)
    assert document.url == "https://news.example.org/a/123"


def test_a_footer_year_is_not_taken_for_the_publication_date(write_file):
    path = write_file("story.htm", page(date_meta=False))
    [document] = read_documents([path], default_date=dt.date(2025, 11, 1))
    assert document.date == dt.date(2025, 11, 1)


@pytest.mark.parametrize(
    "charset, encoding, paragraphs",
    [
        ("big5", "big5", PARAGRAPHS),
        # 鎔 is GBK, not GB2312: pages labelled gb2312 routinely use GBK characters.
        ("gb2312", "gbk", ["總理朱鎔基當年曾訪問華盛頓，並與美方討論入世條件。", *PARAGRAPHS[1:]]),
    ],
)
def test_declared_legacy_charsets_decode(write_file, charset, encoding, paragraphs):
    path = write_file("story.html", page(charset, paragraphs=paragraphs).encode(encoding))
    [document] = read_documents([path])
    assert paragraphs[0] in document.text


def test_html_without_an_html_name_is_sniffed(write_file):
    [document] = read_documents([write_file("saved_page.txt", page())])
    assert PARAGRAPHS[0] in document.text
    assert "<p>" not in document.text


def test_a_page_with_no_main_text_is_rejected(write_file):
    path = write_file("empty.html", "<!DOCTYPE html><html><head><title>空白</title></head><body></body></html>")
    [rejection] = read_documents([path])
    assert rejection == Rejection(path, "no main text found in HTML")


@pytest.mark.parametrize("depth", [300, 1500, 5000])
def test_a_page_nested_past_the_parsers_depth_limit_is_read(write_file, depth):
    nested = "<div>" * depth + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS) + "</div>" * depth
    html = page().replace("<article>", "<article>" + nested)
    [document] = read_documents([write_file("deep.html", html)])
    assert isinstance(document, Document)
    assert all(paragraph in document.text for paragraph in PARAGRAPHS)
    assert document.title and "釜山" in document.title


def test_a_deep_page_of_scripts_only_is_still_rejected(write_file):
    html = "<!DOCTYPE html><html><body>" + "<div>" * 3000 + "<script>var a = 1;</script>" + "</div>" * 3000 + "</body></html>"
    path = write_file("deep.html", html)
    assert list(read_documents([path])) == [Rejection(path, "no main text found in HTML")]
