"""The learned cue finder (analysis/cue_model.py): candidates, the model's decision, storage.

Every sentence here is written for the test; none comes from a corpus.
"""

from __future__ import annotations

import math

import numpy as np

from storyline.analysis import cue_model
from storyline.analysis.attribution import extract_attributions
from storyline.analysis.cue_model import (
    SHIPPED,
    LinearModel,
    candidates,
    features,
    nest_features,
    noun_candidates,
    noun_features,
    read_models,
    save_models,
    shipped_models,
)
from storyline.analysis.quotes import QuoteExtractor
from storyline.evaluation.polnear import parse
from storyline.model import Analysis, Document

SWIPE = "Senator Ann Roe took a swipe at the governor's budget plan on Monday."


def _cues(text: str, atts) -> list[str]:
    return [text[a.cue.start : a.cue.end] for a in atts]


def test_models_round_trip_as_plain_arrays(tmp_path):
    model = LinearModel({"lemma=take": 1.5, "dep=ROOT": -0.25}, -2.0, 0.4)
    path = tmp_path / "m.npz"
    save_models(path, {"cue": model})
    with np.load(path, allow_pickle=False) as data:  # no object arrays: no pickle
        assert data["cue_names"].dtype.kind == "U"
    back = read_models(path)["cue"]
    assert back.weights == model.weights
    assert math.isclose(back.bias, -2.0) and math.isclose(back.threshold, 0.4, rel_tol=1e-6)


def test_candidates_are_verbs_outside_the_cue_lists_with_a_content(nlp):
    text = SWIPE + " She said the plan was wrong."
    doc = nlp(text)
    found = extract_attributions(text, doc, learned=False)
    assert "said" in _cues(text, found)
    lemmas = [tok.lemma_ for tok, _, _ in candidates(text, doc, found)]
    assert "take" in lemmas
    assert "say" not in lemmas  # a listed cue is the hand-written finders' job
    tok, sent, att = next(c for c in candidates(text, doc, found) if c[0].lemma_ == "take")
    assert text[att.source.start : att.source.end] == "Senator Ann Roe"
    feats = features(text, tok, sent, att, [], found)
    assert "lemma=take" in feats and "obj=swipe" in feats


def test_the_model_decides_which_candidates_are_cues(nlp):
    doc = nlp(SWIPE)
    takes = {"cue": LinearModel({"lemma+obj=take+swipe": 5.0}, -3.0, 0.0)}
    found = extract_attributions(SWIPE, doc, models=takes)
    (att,) = [a for a in found if SWIPE[a.cue.start : a.cue.end] == "took"]
    assert att.broad  # kept for evaluation, not shown as indirect speech
    assert "took" not in _cues(SWIPE, extract_attributions(SWIPE, doc, models={}))
    assert "took" not in _cues(SWIPE, extract_attributions(SWIPE, doc, learned=False))
    rejects = {"cue": LinearModel({"lemma+obj=take+swipe": 5.0}, -6.0, 0.0)}
    assert "took" not in _cues(SWIPE, extract_attributions(SWIPE, doc, models=rejects))


def test_a_learned_cue_is_not_shown_as_indirect_speech(nlp, monkeypatch):
    takes = {"cue": LinearModel({"lemma+obj=take+swipe": 5.0}, -3.0, 0.0)}
    monkeypatch.setattr(cue_model, "shipped_models", lambda: takes)
    assert "took" in _cues(SWIPE, extract_attributions(SWIPE, nlp(SWIPE)))
    doc = Document(id="d1", source="test", text=SWIPE, turns=[])
    assert QuoteExtractor()(Analysis(document=doc, nlp=nlp(SWIPE))).quotes == []


def test_the_shipped_model_is_a_trained_cue_model():
    assert SHIPPED.exists()
    model = shipped_models()["cue"]
    assert len(model.weights) > 500  # features seen at least 3 times in PolNeAR train
    assert math.isfinite(model.bias) and math.isfinite(model.threshold)


def test_a_sourceless_learned_cue_leaves_a_colon_introduced_quote_to_its_speaker(nlp):
    text = (
        "Acme Corp released the following statement:\n\n"
        "\u201cWe are leaving the market because the rules changed.\u201d"
    )
    everything = {"cue": LinearModel({}, 10.0, 0.0)}  # takes every candidate
    doc = parse(nlp, text)  # the pipeline's sentences: the colon ends one
    assert "following" in [c[0].lower_ for c in candidates(text, doc, [])]
    quote = [a for a in extract_attributions(text, doc, models=everything) if a.direct]
    assert [
        (text[a.cue.start : a.cue.end], text[a.source.start : a.source.end]) for a in quote
    ] == [("released", "Acme Corp")]


NESTED = "Ann Roe told the paper on Monday that Bob Lee said the plan was wrong."


def test_a_nested_attribution_is_dropped_unless_the_nesting_model_keeps_it(nlp):
    doc = nlp(NESTED)
    no_cues = {"cue": LinearModel({}, -10.0, 0.0)}
    both = extract_attributions(NESTED, doc, models=no_cues)  # nested=True keeps both
    assert {"told", "said"} <= set(_cues(NESTED, both))
    outer_only = extract_attributions(NESTED, doc, nested=False, models=no_cues)
    assert "said" not in _cues(NESTED, outer_only)  # the rule before the nesting model
    keeps_say = {**no_cues, "nest": LinearModel({"inner=say": 5.0}, -3.0, 0.0)}
    kept = extract_attributions(NESTED, doc, nested=False, models=keeps_say)
    assert {"told", "said"} <= set(_cues(NESTED, kept))
    drops_say = {**no_cues, "nest": LinearModel({"inner=say": -5.0}, 3.0, 0.0)}
    assert "said" not in _cues(
        NESTED, extract_attributions(NESTED, doc, nested=False, models=drops_say)
    )
    # the hand-written finders alone (`learned=False`) use no nesting model either
    alone = extract_attributions(NESTED, doc, nested=False, models=keeps_say, learned=False)
    assert "said" not in _cues(NESTED, alone)


def test_nest_features_describe_the_pair(nlp):
    doc = nlp(NESTED)
    found = extract_attributions(NESTED, doc, models={})
    outer = next(a for a in found if a.cue_lemma == "tell")
    inner = next(a for a in found if a.cue_lemma == "say")
    feats = nest_features(NESTED, inner, outer, [])
    assert {"inner=say", "outer=tell", "pair=tell>say", "same_sentence=True"} <= set(feats)
    assert "inner_first=False" in feats and "quoted=False" in feats


def test_the_shipped_models_include_a_nesting_model():
    model = shipped_models()["nest"]
    assert any(f.startswith("inner=") for f in model.weights)
    assert math.isfinite(model.bias) and math.isfinite(model.threshold)


RAP = "Governor Ann Roe harbored doubts about the new tax plan. The price of oil rose."


def test_noun_candidates_carry_a_content_and_a_source(nlp):
    doc = nlp(RAP)
    found = extract_attributions(RAP, doc, learned=False)
    cands = {tok.lemma_: att for tok, _, att in noun_candidates(RAP, doc, found)}
    doubt = cands["doubt"]  # the object of a verb: its subject speaks, the cue runs to the noun
    assert RAP[doubt.cue.start : doubt.cue.end] == "harbored doubts"
    assert RAP[doubt.source.start : doubt.source.end] == "Governor Ann Roe"
    assert [RAP[c.start : c.end] for c in doubt.content] == ["the new tax plan"]
    price = cands["price"]  # a candidate too: the model, not the builder, says no
    assert price.source is None
    tok, sent, att = next(c for c in noun_candidates(RAP, doc, found) if c[0].lemma_ == "doubt")
    feats = noun_features(RAP, tok, sent, att, [], found)
    assert {"n:lemma=doubt", "n:src=verb", "n:comp=prep:about"} <= set(feats)


def test_the_noun_model_decides_which_nouns_are_cues(nlp):
    doc = nlp(RAP)
    none = {"cue": LinearModel({}, -10.0, 0.0)}
    takes = {**none, "noun": LinearModel({"n:lemma=doubt": 5.0}, -3.0, 0.0)}
    cues = _cues(RAP, extract_attributions(RAP, doc, models=takes))
    assert "harbored doubts" in cues and "price" not in cues
    assert "harbored doubts" not in _cues(RAP, extract_attributions(RAP, doc, models=none))
    (att,) = [a for a in extract_attributions(RAP, doc, models=takes) if a.cue_lemma == "doubt"]
    assert att.broad  # kept for evaluation and direct quotes, never shown as indirect speech


def test_the_shipped_noun_model_takes_a_noun_cue_and_leaves_a_plain_noun(nlp):
    model = shipped_models()["noun"]
    assert len(model.weights) > 500  # features seen at least 3 times in PolNeAR train
    text = "Roe expressed her hope that the talks would succeed. The price of oil rose."
    doc = nlp(text)
    found = extract_attributions(text, doc, learned=False)
    quoted: list[tuple[int, int]] = []
    decided = {
        tok.lemma_: model.takes(noun_features(text, tok, sent, att, quoted, found))
        for tok, sent, att in noun_candidates(text, doc, found)
    }
    assert decided == {"hope": True, "price": False}
