"""Claims: checkable propositions with their chains, and the sourcing summary."""
import pytest

import isnad
from isnad.pipeline import Pipeline

BASE = ["normalize", "language", "segment", "tokenize", "doc_kind", "attribution", "claims"]


@pytest.fixture(scope="module")
def nlp_plain():
    return Pipeline(BASE)


@pytest.fixture(scope="module")
def nlp_actors():
    from isnad.stages import REGISTRY
    if "actors" not in REGISTRY:
        pytest.skip("the actors stage is not in this checkout")
    return Pipeline(BASE[:5] + ["actors"] + BASE[5:])


@pytest.fixture(scope="module")
def ex(nlp_plain):
    return nlp_plain(isnad.example_text(), published="2022-01-27")


def kind(doc, sid):
    return next(s for s in doc.sources if s.id == sid).kind


def test_every_claim_has_a_chain(ex):
    assert len(ex.claims) >= 10
    for c in ex.claims:
        assert c.chain, c.text
        assert ex.text[c.start:c.end] == c.text
        assert c.checkworthiness is None        # filled by the checkworthiness stage
    isnad.validate(ex.to_json())


def test_attributed_claims_end_in_unnamed_sources(ex):
    attributed = [c for c in ex.claims if c.attribution]
    assert len(attributed) >= 9
    for c in attributed:
        assert kind(ex, c.chain[-1]) in ("anonymous", "insider", "local"), c.text
        assert c.extra["status"] in ("reported", "alleged")
        assert c.extra["chain_inherited"] is False


def test_uncued_sentences_inherit_the_document_chain(ex):
    lede = ex.claims[0]
    assert lede.text.startswith("نقلت القوات الأمريكية")
    assert lede.attribution is None and lede.extra["chain_inherited"] is True and lede.extra["reason"]
    assert lede.chain == [x["source"] for x in ex.meta["document_chain"]]
    last = ex.claims[-1]
    assert last.text.startswith("كان معتقلو") and last.extra["chain_inherited"]


def test_frames_are_not_claims(ex):
    for c in ex.claims:
        assert not c.text.startswith(("قالت المصادر", "ونقلت وكالة", "وأضافت", "المصدر"))
        assert "RT" not in c.text


def test_coordinated_clauses_are_split(ex):
    texts = [c.text for c in ex.claims]
    assert any(t.startswith("القوات الأمريكية استغلت") for t in texts)
    assert any(t.startswith("نقلت 750 من أفراد") for t in texts)      # ، ونقلت 750 …: its own claim
    both = [c for c in ex.claims if c.text.startswith(("القوات الأمريكية استغلت", "نقلت 750"))]
    assert len({c.attribution for c in both}) == 1


def test_allegation_claim(ex):
    c = [c for c in ex.claims if "بزعم" in c.text]
    assert c and c[0].extra["status"] == "alleged"
    assert c[0].extra["hedges"][0]["type"] == "allegation"
    assert kind(ex, c[0].chain[-1]) == "insider"


def test_sourcing_summary_without_actors(ex):
    s = ex.meta["sourcing"]
    assert s["claims"] == len(ex.claims)
    assert s["named"] == 0 and s["anonymous"] >= 9 and s["carrier_only"] == 2
    assert s["anonymous"] + s["named"] + s["document"] + s["unresolved"] + s["carrier_only"] == s["claims"]
    # without actor ownership the state-media count is unknown, and says why
    if s.get("state_media_originated") is None:
        assert "actor" in s["state_media_reason"]


def test_sourcing_summary_with_actors(nlp_actors):
    doc = nlp_actors(isnad.example_text())
    s = doc.meta["sourcing"]
    sp = next(x for x in doc.sources if "سبوتنيك" in x.name)
    if sp.actor is None:
        pytest.skip("Sputnik is not in the actor registry of this checkout")
    assert sp.extra.get("state_media_of") == "RU"
    assert s["state_media_originated"] == s["claims"]
    assert s["state_media"][0]["state_media_of"] == "RU"


def test_named_and_denied_claims(nlp_plain):
    doc = nlp_plain("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في جنيف. "
                    "ونفى المتحدث باسم الجيش أن تكون الطائرات قصفت السوق الشعبي.")
    a, b = doc.claims
    assert a.extra["status"] == "asserted" and kind(doc, a.chain[-1]) == "official"
    assert b.extra["status"] == "denied"
    assert doc.meta["sourcing"]["named"] == 2


def test_plain_article_without_carriers(nlp_plain):
    doc = nlp_plain("اندلعت اشتباكات عنيفة في ريف المدينة الشمالي وسقط عدد من القتلى.")
    assert doc.claims and all(c.chain == [] and c.extra["chain_inherited"] for c in doc.claims)
    assert "own statement" in doc.claims[0].extra["reason"]


@pytest.mark.parametrize("text", ["", "no arabic", "😀", "قال " * 500, "وقالت المصادر إن الجيش تقدم و" * 300])
def test_claims_bad_input(nlp_plain, text):
    doc = nlp_plain(text)
    isnad.validate(doc.to_json())
    assert "sourcing" in doc.meta
