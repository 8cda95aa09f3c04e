"""The headline silver standard: which headlines promise a meeting, and how a story keeps it.

Stories are our own, written in the register of mainland evening-news readouts.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from summitry.cli import main
from summitry.evaluate_headlines import credit_spans, headline_leader, promises, score_headlines
from summitry.ingest import document_from_text
from summitry.pipeline import extract_document
from summitry.text import fold

DAY = dt.date(2024, 5, 6)


def _record(title: str, body: str, date: dt.date = DAY):
    return extract_document(document_from_text(f"{title}\n{body}", "<test>", date, title=title))


@pytest.mark.parametrize(
    ("title", "leader"),
    [
        ("习近平会见法国总统", "Q15031"),
        ("李强同泰国总理举行会谈", "person:li-qiang"),
        ("王毅同美国国务卿通电话", "person:wang-yi"),
        ("赵乐际会见越南国会主席", "person:zhao-leji"),
        ("习近平致电祝贺新任总统就职", None),  # a message, not a meeting
        ("李强主持召开国务院常务会议", None),
        ("法国总统会见记者", None),
        ("多国人士期待习近平主席出席金砖国家领导人会晤", None),  # a third-party story
        ("习近平将赴俄罗斯出席金砖国家领导人会晤", None),  # a plan
        ("李克强分别同奥地利总理、斯里兰卡总理通电话", "person:li-keqiang"),
    ],
)
def test_headline_leader(title, leader):
    assert headline_leader(title) == leader


def test_each_country_of_a_headline_is_one_promised_meeting():
    record = _record("习近平会见法国总统和德国总理", "国家主席习近平6日在北京分别会见法国总统马克龙和德国总理朔尔茨。")
    assert [p.counterpart for p in promises(record)] == ["FRA", "DEU"]


def test_a_headline_officials_organisation_is_the_side_not_their_country():
    record = _record("习近平会见联合国秘书长", "国家主席习近平6日在北京会见联合国秘书长古特雷斯。")
    assert [p.counterpart for p in promises(record)] == ["Q1065"]


@pytest.mark.parametrize(
    ("title", "body", "counterparts"),
    [
        # a foreign party or parliament speaks for its country: one promise, a person of that country
        ("蔡奇会见越南共产党代表团", "中央书记处书记蔡奇6日在北京会见由越共中央书记处书记黎明海率领的代表团。", ["VNM"]),
        ("赵乐际会见韩国国会议长", "全国人大常委会委员长赵乐际6日在北京会见韩国国会议长禹元植。", ["KOR"]),
        ("蔡奇同越共中央政治局委员会谈", "中央书记处书记蔡奇6日在北京同越共中央政治局委员黎明海举行会谈。", ["VNM"]),
    ],
)
def test_a_foreign_partys_headline_promises_its_country(title, body, counterparts):
    assert [p.counterpart for p in promises(_record(title, body))] == counterparts


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("国家主席习近平6日在北京会见法国总统马克龙。", None),
        ("国家主席习近平4日在北京会见法国总统马克龙。", "date_wrong"),
        ("今天北京天气晴朗，气温适宜。", "no_event"),
    ],
)
def test_a_story_keeps_or_breaks_its_headline_promise(body, error):
    scores = score_headlines([_record("习近平会见法国总统", body)])
    assert [o.error for o in scores.outcomes] == [error]


@pytest.mark.parametrize(
    ("title", "body", "error"),
    [
        # person, else country: a delegation whose story names no one is met as its country
        ("韩正会见美国工商界代表团", "国家副主席韩正6日在北京会见美国工商界代表团。", None),
        # a person of the country is named: the country alone does not keep the promise
        ("李强会见澳大利亚工商界代表团", "国务院总理李强6日在京会见澳大利亚工商界代表团，澳大利亚前总理陆克文参加会见。", "counterpart_country_only"),
    ],
)
def test_the_country_keeps_the_promise_only_when_no_person_is_named(title, body, error):
    assert [o.error for o in score_headlines([_record(title, body)]).outcomes] == [error]


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("央视网消息（新闻联播）：6日，", "央视网消息"),
        ("央视网消息（新闻联播）：6日，", "（新闻联播）"),
        ("新华社北京5月6日电 国家主席", "新华社北京5月6日电"),
        ("中央社台北6日專電 總統", "中央社台北6日專電"),
    ],
)
def test_credit_spans_find_credits_and_datelines(text, credit):
    spans = [text[start:end] for start, end in credit_spans(fold(text))]
    assert credit in spans


def test_credit_spans_leave_the_story_alone():
    assert credit_spans(fold("国家主席习近平6日在北京会见法国总统马克龙。")) == []


def test_cli_eval_headlines(tmp_path):
    corpus = tmp_path / "news.jsonl"
    story = {"title": "习近平会见法国总统", "date": DAY.isoformat(),
             "text": "习近平会见法国总统\n国家主席习近平6日在北京会见法国总统马克龙。"}
    corpus.write_text(json.dumps(story, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--headlines", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["promises"], scores["hits"], scores["credit_parties"]) == (1, 1, 0)


def test_cli_eval_headlines_reads_a_store(tmp_path):
    corpus = tmp_path / "news.jsonl"
    story = {"title": "习近平会见法国总统", "date": DAY.isoformat(),
             "text": "习近平会见法国总统\n国家主席习近平6日在北京会见法国总统马克龙。"}
    corpus.write_text(json.dumps(story, ensure_ascii=False) + "\n", encoding="utf-8")
    store = str(tmp_path / "news.db")
    assert CliRunner().invoke(main, ["ingest", str(corpus), "--db", store, "--jobs", "1"]).exit_code == 0
    result = CliRunner().invoke(main, ["eval", "--headlines", str(corpus), "--store", store, "--json"])
    assert result.exit_code == 0, result.output
    assert (json.loads(result.output)["promises"], json.loads(result.output)["hits"]) == (1, 1)
