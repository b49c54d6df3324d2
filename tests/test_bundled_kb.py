"""The bundled knowledge base: valid, every spelling the articles use finds its actor,
and (where the article texts are at hand) every quote is proven against them."""

from __future__ import annotations

import json

import pytest
from conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"

SPELLINGS = {
    "moon-jae-in": ["Moon Jae-in", "Moon Jae In", "President Moon Jae In", "Mr. Moon"],
    "kim-jong-un": ["Kim Jong-un", "Kim Jong Un", "Chairman Kim Jong Un", "North Korea’s leader"],
    "cheon-seong-whun": ["Cheon Seong-whun", "Cheon Seong Whun", "Mr. Cheon"],
    "moon-chung-in": ["Moon Chung In", "moon chung-in"],
    "cho-yoon-je": ["Cho Yoon Je"],
    "park-geun-hye": ["Park Geun Hye"],
    "kim-il-sung": ["Kim Il-Sung"],
    "vincent-brooks": ["Gen. Vincent K. Brooks", "Brooks"],
    "us": ["Washington", "U.S.", "the Trump administration", "America"],
    "dprk": ["Pyongyang", "North Korea", "the North Korean government"],
    "rok": ["Seoul", "South Korea", "the Moon Jae In administration"],
    "china": ["Beijing", "China"],
    "unc": ["UN Command", "the United Nations Command"],
}


@pytest.mark.parametrize("actor_id", sorted(SPELLINGS))
def test_every_spelling_finds_its_actor(kpos, actor_id):
    for spelling in SPELLINGS[actor_id]:
        result = kpos("actor", spelling, "-f", "json", data=None)
        assert result.exit_code == 0, (spelling, result.output)
        assert json.loads(result.stdout)["id"] == actor_id, spelling


def test_bundled_kb_validates(kpos):
    result = kpos("validate", data=None)
    assert result.exit_code == 0, result.output


def test_the_five_parties_and_their_codes(kpos):
    actors = {a["id"]: a for a in json.loads(kpos("actors", "-f", "json", data=None).stdout)}
    codes = {i: (actors[i].get("codes") or {}).get("cameo") for i in ("us", "dprk", "rok", "china")}
    assert codes == {"us": "USA", "dprk": "PRK", "rok": "KOR", "china": "CHN"}
    assert actors["unc"]["kind"] == "organization"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the article texts are not beside the repository")
def test_every_quote_is_in_its_article(kpos):
    result = kpos("verify", "--texts", str(SEEDS), "-f", "json", data=None)
    records = json.loads(result.stdout)
    assert result.exit_code == 0, [r for r in records if r["status"] != "ok"]
    assert len(records) >= 40
