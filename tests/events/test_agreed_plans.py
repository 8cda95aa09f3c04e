"""What is agreed, decided or intended is still to come (planned); 同意 before an act the
sentence reports is that plan, no agreement of its own (GOLD.md: 同意 + verb is planned). 應X邀請 (at X's invitation) plans nothing: the visit's date decides. Our own
sentences, in the TW/HK and mainland styles we meet; the news day is 2025-10-30."""

from __future__ import annotations

import pytest

from tests.events.support import facts


def statuses(text: str, kind: str) -> list[tuple[str, str | None]]:
    return sorted((f.status, f.date) for f in facts(text) if kind in (f.type, f"{f.type}/{f.mode}"))


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # the agreed act is planned, and 同意 makes no AGREE beside it
        ("中國與日本同意加強在能源領域的合作。", "COOPERATE", [("planned", None)]),
        ("中國與日本同意加強在能源領域的合作。", "AGREE", []),
        ("習近平與馬克龍同意深化經貿合作，並擴大人文交流。", "COOPERATE", [("planned", None)]),
        ("中國和俄羅斯決定擴大軍事交流。", "COOPERATE", [("planned", None)]),
        ("日本打算向菲律賓出售巡邏艦。", "AID", [("planned", None)]),
        ("日本有意深化與印度的科技合作。", "COOPERATE", [("planned", None)]),
        ("美國與日本決定明年舉行峰會。", "CONSULT/meeting", [("planned", "2026")]),
        # 同意 reaches only its own clause: the memorandum was signed
        ("岸田文雄與尹錫悅同意簡化入境手續，並簽署諒解備忘錄。", "AGREE/sign", [("reported", None)]),
        # ... nor an act the agreement performs, nor one said to be done
        ("普京同意與烏克蘭停火。", "AGREE/ceasefire", [("reported", None)]),
        ("美日兩國一致同意將同盟關係提升至新的高度。", "COOPERATE/diplomatic", [("reported", None)]),
        # 共同意識 holds no 同意 (the request is Maduro's own act of speech: reported)
        ("馬杜洛稱兩國有共同意識形態，並向俄國索要軍備。", "REQUEST", [("reported", None)]),
    ],
)
def test_an_agreed_act_is_planned(text: str, kind: str, expected: list[tuple[str, str | None]]) -> None:
    assert statuses(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # 應…邀請: the invitation was made; the visit's own date says done or to come
        ("應美國總統拜登邀請，印度總理莫迪20日至23日對美國進行國事訪問。", "CONSULT/visit", [("reported", "2025-10-20")]),
        ("应国家主席习近平邀请，法国总统马克龙于10月27日抵达北京，开始对中国进行国事访问。", "CONSULT/visit", [("reported", "2025-10-27")]),
        ("應日本首相邀請，南韓總統李在明將於11月5日訪問東京。", "CONSULT/visit", [("planned", "2025-11-05")]),
        ("應國家主席習近平邀請，法國總統馬克龍12月3日至5日對中國進行國事訪問。", "CONSULT/visit", [("planned", "2025-12-03")]),
        # ... and the invitation it names, made before, is no event of its own
        ("應美國總統拜登邀請，印度總理莫迪20日至23日對美國進行國事訪問。", "REQUEST", []),
        # an invitation to come is still a plan
        ("川普邀請習近平明年訪問美國。", "CONSULT/visit", [("planned", "2026")]),
    ],
)
def test_at_the_invitation_of_the_date_decides(text: str, kind: str, expected: list[tuple[str, str | None]]) -> None:
    assert statuses(text, kind) == expected
