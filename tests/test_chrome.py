"""Page chrome: found once in the text view; it reports no event and gives no title.

Every snippet is our own, written the way Taiwan, Hong Kong and mainland pages lay out their
chrome; each chrome case has a twin that is story text and must stay story text.
"""

from __future__ import annotations

import copy
from importlib import resources

import pytest
import yaml

from summitry import extract
from summitry.chrome import cues_from
from summitry.errors import InvalidDataFile
from summitry.ingest.header import title_of
from summitry.text import build_view

STORY = "美國總統川普29日在慶州與南韓總統李在明舉行會談。"


def _chrome_lines(text: str) -> list[str]:
    view = build_view(text)
    return [text[span.start : span.end] for span in view.chrome]


def _caption_lines(text: str) -> list[str]:
    view = build_view(text)
    return [text[span.start : span.end] for span in view.captions]


@pytest.mark.parametrize(
    "line",
    [
        "首頁 > 頭條 > 國際",
        "首页>要闻>国际 国际",
        "您所在的位置：首頁 > 新聞中心 > 正文",
        "記者王大同／台北報導",
        "國際中心／綜合報導",
        "中央社／ 東京5日綜合外電報導",
        "記者李小華在北京報道",
        "【KTSF 陳美玲報導】",
        "（责任编辑：张明）",
        "責任編輯：黃小芬",
        "林志明/核稿編輯",
        "2025-10-30 14:05",
        "2025/10/30 14:05(10/30 18:20 更新)",
        "更新時間：2025/10/30 14:05",
        "發布時間：2025/10/30 14:05 來源：新華社",
        "分享到：",
        "字級",
        "收藏",
        "[廣告] 請繼續往下閱讀...",
        "本網站使用 Cookie 以提供更好的瀏覽體驗，繼續瀏覽即表示您同意。",
        # a consent banner that names no cookie
        "本站採用相關技術改善您的閱讀體驗，請參閱本站隱私聲明，關閉此視窗即代表您同意上述條款。",
        "為提供更佳的瀏覽體驗，本站依法蒐集使用資訊，繼續使用代表您同意。",
        "請同意我們的隱私權規範",
        "版權所有，不得轉載。",
        "Copyright © 2025 Example News. All Rights Reserved.",
        "延伸閱讀",
        "（共同社/美聯社）",
        "（編輯：陳小明）1141030",
        "（譯者：王大同/核稿：李小華）1141030",
        "#川普 #習近平 #APEC",
        "►川普稱不會再加稅 專家：釋出善意",
        "相關字詞：川普 習近平",
        "【纠错】",
        # another story's headline on its head's line
        "相关新闻:美日贸协|日本同意购买波音飞机",
        "延伸閱讀：美韓關稅協議細節出爐",
    ],
)
def test_page_furniture_is_chrome(line: str) -> None:
    text = f"{line}\n{STORY}\n"
    assert _chrome_lines(text) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "南韓總統李在明30日在首爾會見日本首相高市早苗。",
        "美中貿易談判 進入最後階段",  # a headline of the story itself
        "外交部發言人表示，中方對此堅決反對。",
        "川普說，他將與習近平在釜山會面，並稱會談「會很好」。",
        "路透社報導，雙方將於下月簽署協議。",
        # twin of the consent banners: 同意 in the story is an agreement
        "南韓官員表示，韓方同意將對美投資分十年執行。",
    ],
)
def test_story_lines_are_not_chrome(line: str) -> None:
    text = f"{line}\n{STORY}\n"
    assert _chrome_lines(text) == [] and _caption_lines(text) == []


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("川普（左）與習近平在釜山握手。（圖／路透社）", "（圖／路透社）"),
        ("川普（左）與習近平在釜山握手。(圖/達志影像/美聯社)", "(圖/達志影像/美聯社)"),
        ("川普（左）與習近平在釜山握手。（法新社）", "（法新社）"),
        ("川普與習近平在釜山握手。圖/美聯社", "圖/美聯社"),
        ("10月30日，习近平在釜山同特朗普举行会晤。新华社记者 王小明 摄", "新华社记者 王小明 摄"),
        ("外交部發言人出席例會。(記者陳大文攝)", "(記者陳大文攝)"),
        ("川普抵達白宮。（中央社記者吳大同攝 114年10月30日）", "（中央社記者吳大同攝 114年10月30日）"),
        ("川普抵達白宮。中央社記者吳大同攝 114年10月30日", "中央社記者吳大同攝 114年10月30日"),
        ("川普在白宮簽署行政命令。（取自川普臉書）", "（取自川普臉書）"),
    ],
)
def test_a_line_ending_with_a_photo_credit_is_a_caption(caption: str, credit: str) -> None:
    text = f"{caption}\n{STORY}\n最後一段說明兩國經貿關係的發展，雙方同意繼續在多個領域加強溝通與協調。\n"
    assert _caption_lines(text) == [caption]
    assert _chrome_lines(text) == [credit]


def test_the_story_credit_after_its_last_paragraph_is_no_caption() -> None:
    last = "中方則對美方產品加徵關稅作為報復，雙方仍在談判桌上尋求解方，市場則持續觀望。(中央社)"
    text = f"{STORY}\n{last}\n"
    assert _caption_lines(text) == []
    assert _chrome_lines(text) == ["(中央社)"]


@pytest.mark.parametrize("mark", ["▲", "▼", "圖為"])
def test_caption_marks_open_captions(mark: str) -> None:
    caption = f"{mark}日本首相高市早苗與習近平會面。"
    assert _caption_lines(f"{caption}\n{STORY}\n") == [caption]


def test_related_stories_and_trailing_sidebar_headlines_are_chrome() -> None:
    related = ["鄭麗文拋赴陸會晤習近平 學者：要強調中華民國", "川普稱不會加稅？ 專家：想展現溝通誠意"]
    text = f"{STORY}\n\n延伸閱讀\n\n" + "\n\n".join(related) + "\n"
    assert _chrome_lines(text) == ["延伸閱讀", *related]
    sidebar = ["股市急震盪 法人狂掃這類股", "颱風外圍環流發威 北部防大雨", "男星宣布婚訊 粉絲祝福"]
    text = f"{STORY}\n" + "\n".join(sidebar) + "\n"
    assert _chrome_lines(text) == sidebar
    # two short lines at the end are not enough to be a sidebar: they may close the story
    assert _chrome_lines(f"{STORY}\n" + "\n".join(sidebar[:2]) + "\n") == []


def test_a_ticker_line_after_a_breaking_news_label_is_another_story() -> None:
    text = "快訊\n\n今晨沿海巨浪告警 已觀測到7米浪高\n\n川普：預期與習近平達成協議\n\n" + STORY
    assert _chrome_lines(text) == ["快訊", "今晨沿海巨浪告警 已觀測到7米浪高"]


def test_a_caption_printed_twice_is_a_caption_then_a_copy() -> None:
    caption = "布林肯與秦剛在北京握手。"
    text = f"{caption}\n{caption}\n{STORY}\n"
    view = build_view(text)
    assert [text[s.start : s.end] for s in view.captions] == [caption]
    assert [(s.start, s.end) for s in view.chrome] == [(len(caption) + 1, 2 * len(caption) + 1)]


# -- the events stage reads the chrome -------------------------------------------------------


def _meetings(text: str) -> list[tuple[int, frozenset[str]]]:
    record = extract(text)
    names = {e.id: e.name for e in record.entities}
    return [
        (event.evidence.start, frozenset(names.get(i, i) for i in (*event.source, *event.target)))
        for event in record.events
        if event.type == "CONSULT"
    ]


@pytest.mark.parametrize(
    "page",
    [
        "date 2025-10-30\n川普（左）與李在明在慶州握手。（圖／美聯社）\n美國總統川普29日在慶州與南韓總統李在明舉行會談，雙方討論關稅。\n",
        "date 2025-10-30\n川普與李在明在慶州握手。\n川普與李在明在慶州握手。\n美國總統川普29日在慶州與南韓總統李在明舉行會談，雙方討論關稅。\n",
    ],
)
def test_a_caption_repeating_the_story_adds_no_second_event(page: str) -> None:
    meetings = _meetings(page)
    assert len(meetings) == 1
    assert meetings[0][1] == {"Donald Trump", "Lee Jae-myung"}
    assert page[meetings[0][0] :].startswith("美國總統川普29日")


def test_a_caption_alone_in_telling_a_meeting_keeps_its_event() -> None:
    page = "date 2018-01-09\n习近平在钓鱼台国宾馆会见马克龙。新华社记者 王小明 摄\n法国总统马克龙8日抵达西安，开始访华行程。\n"
    assert [parties for _, parties in _meetings(page) if "Xi Jinping" in parties] == [{"Xi Jinping", "Emmanuel Macron"}]


@pytest.mark.parametrize(
    ("chrome", "story"),
    [
        ("延伸閱讀\n\n習近平與普亭會晤 談烏克蘭局勢", "習近平5日在莫斯科與普亭會晤，談烏克蘭局勢。"),
        ("相关新闻：\n习近平会见普京 双方谈乌克兰局势", "习近平5日在莫斯科会见普京，双方谈乌克兰局势。"),
    ],
)
def test_related_headlines_make_no_event_and_the_same_words_in_the_story_do(chrome: str, story: str) -> None:
    body = "美國總統川普29日在慶州表示，南韓將投資3500億美元。"
    assert not any("Vladimir Putin" in parties for _, parties in _meetings(f"date 2025-10-30\n{body}\n{chrome}\n"))
    assert any("Vladimir Putin" in parties for _, parties in _meetings(f"date 2025-10-30\n{body}\n{story}\n"))


# -- the title -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("首頁 > 國際\n川李會登場 美韓敲定投資\n" + STORY, "川李會登場 美韓敲定投資"),
        ("首页 > 外交动态 > 发言人表态\n\n2025年10月30日外交部发言人主持例行记者会\n\n2025-10-30 20:08\n正文。", "2025年10月30日外交部发言人主持例行记者会"),
        ("記者王大同／台北報導\n" + STORY, None),
        ("川普與李在明握手（圖／美聯社）\n" + STORY, None),
        ("分享到：\n字級\n川李會登場 美韓敲定投資\n" + STORY, "川李會登場 美韓敲定投資"),
        ("川李會登場 美韓敲定投資\n" + STORY, "川李會登場 美韓敲定投資"),
        # a repeated date header, a breaking-news label and its ticker above the headline
        (" date 2025-10-22 快訊\n\n今晨沿海巨浪告警 已觀測到7米浪高\n\n川普：預期與習近平達成協議\n\n" + STORY, "川普：預期與習近平達成協議"),
        ("鉅亨網編譯王小明 綜合報導 2025-10-30 05:00\n" + STORY, None),
    ],
)
def test_the_title_is_never_chrome(page: str, title: str | None) -> None:
    assert title_of(page) == title


# -- the data file -------------------------------------------------------------------------


def _raw() -> dict:
    return yaml.safe_load(resources.files("summitry").joinpath("data", "chrome.yaml").read_text(encoding="utf-8"))


def test_the_data_file_loads() -> None:
    cues = cues_from(_raw())
    assert "延伸阅读" in cues.related_heads  # written Traditional, folded to Simplified when loaded


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw.update(line_start=["x"]), "line_start: Extra inputs are not permitted"),
        (lambda raw: raw["breadcrumb"].update(separator=[">"]), "breadcrumb.separator: Extra inputs are not permitted"),
        (lambda raw: raw["line_patterns"].append("（圖"), "line_patterns: '（圖' is not written as folded text"),
        (lambda raw: raw["line_patterns"].append("(unclosed"), "line_patterns: '[(]unclosed' does not compile"),
        (lambda raw: raw.update(lines=[]), "lines: List should have at least 1 item"),
        (lambda raw: raw["lines"].append("  "), "lines.[0-9]+: String should have at least 1 character"),
        (lambda raw: raw.update(repeat_min_length=0), "repeat_min_length: Input should be greater than 0"),
        (lambda raw: raw.pop("ticker_heads"), "ticker_heads: Field required"),
    ],
)
def test_a_broken_data_file_is_refused_with_its_reason(change, message: str) -> None:
    raw = copy.deepcopy(_raw())
    change(raw)
    with pytest.raises(InvalidDataFile, match=f"^data/chrome.yaml: {message}"):
        cues_from(raw)
