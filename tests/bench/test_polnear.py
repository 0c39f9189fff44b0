"""The PolNeAR bench: gold read from brat events, its three scores, PolNeAR's span conventions."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SPEC = importlib.util.spec_from_file_location(
    "bench_polnear", Path(__file__).resolve().parents[2] / "bench" / "polnear.py"
)
pn = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(pn)

# "He said A and claimed B": one Source for two cues, the second content in two parts.
TEXT = "He said the vote was fair and claimed, loudly, that the count was right."
ANN = """T1\tSource 0 2\tHe
T2\tCue 3 7\tsaid
T3\tContent 8 26\tthe vote was fair
T4\tCue 31 38\tclaimed
T5\tContent 48 72;40 46\tthe count was right
T6\tDiscuss 0 2\tHe
T7\tAttribution 3 7\tsaid
T8\tAttribution 31 38\tclaimed
E1\tAttribution:T7 Source:T1 Cue:T2 Content:T3
E2\tAttribution:T8 Source:T1 Cue:T4 Content:T5
"""


def test_read_ann_gold_is_per_event_with_shared_source(tmp_path):
    path = tmp_path / "x_a.ann"
    path.write_text(ANN, encoding="utf-8")
    gold = pn.read_ann(path)
    assert len(gold) == 2  # the Discuss span is no attribution
    assert gold[0]["Source"] == gold[1]["Source"] == [(0, 2)]  # shared: gold once per event
    assert gold[1]["Content"] == [(48, 72), (40, 46)]
    assert pn.merged(gold[1], "Content") == [(40, 72)]


def test_read_ann_implicit_source_has_no_source(tmp_path):
    path = tmp_path / "x_a.ann"
    path.write_text(
        "T1\tCue 3 7\tsaid\nT2\tContent 8 26\tx\nE1\tAttribution:T1 Cue:T1 Content:T2\n"
    )
    (att,) = pn.read_ann(path)
    assert att["Source"] == [] and pn.merged(att, "Source") == []


def test_token_overlap_counts_tokens_and_caps_nested_gold(nlp):
    doc = nlp(TEXT)
    # predicted content covers both gold contents: its overlap may not exceed its own length
    pred = [{"Content": [(8, 72)]}]
    gold = [{"Content": [(8, 26)]}, {"Content": [(8, 72)]}]
    p_hit, p_len, g_hit, g_len = pn.token_overlap(doc, pred, gold, "Content")
    assert p_hit == p_len
    assert g_hit == g_len
    # a half-right prediction scores half the gold tokens
    p_hit, p_len, g_hit, g_len = pn.token_overlap(
        doc, [{"Content": [(8, 16)]}], [{"Content": [(8, 26)]}], "Content"
    )
    assert (p_hit, p_len, g_hit, g_len) == (2, 2, 2, 4)


def test_cue_span_takes_adverb_particle_and_colon(nlp):
    text = "She also pointed out: taxes will rise."
    doc = nlp(text)
    s = text.index("pointed")
    assert text[slice(*pn.cue_span(doc, s, s + len("pointed")))] == "also pointed out:"
    plain = "He said taxes will rise."
    doc = nlp(plain)
    assert pn.cue_span(doc, 3, 7) == (3, 7)


def test_source_span_takes_an_appositive_closing_comma():
    text = "Ann Lee, a farmer, said rain helps. Ann Lee, 40 said so."
    assert pn.source_span(text, 0, 17) == (0, 18)
    assert pn.source_span(text, 0, 7) == (0, 7)  # "Ann Lee" alone: no appositive


def test_token_losses_name_where_tokens_are_lost(nlp):
    """Each lost token lands in one kind: a missed attribution, a span short or long at
    an end, a spurious attribution, a source where gold has none."""
    from storyline.evaluation.polnear import token_losses

    text = "Ann Lee, a farmer, said rain helps crops. Bo Roe said it snowed. Cy Ma knew."
    doc = nlp(text)

    def at(word, end=None):
        s = text.index(word)
        return [(s, s + len(end or word))] if word else []

    gold = [
        {"Source": at("Ann Lee, a farmer"), "Cue": at("said"), "Content": at("rain helps")},
        {"Source": at("Bo Roe"), "Cue": at("said it", "said"), "Content": at("it snowed")},
        {"Source": [], "Cue": at("knew"), "Content": at("Cy Ma")},
    ]
    pred = [
        {"Source": at("Ann Lee"), "Cue": at("said"), "Content": at("rain helps crops")},
        {"Source": at("Cy Ma"), "Cue": at("knew"), "Content": at("Cy Ma")},
    ]
    assert token_losses(doc, pred, gold, "Source") == {
        "recall: short at end": 3,  # ", a farmer"
        "recall: missed attribution": 2,  # "Bo Roe"
        "precision: gold has no source": 2,  # "Cy Ma"
    }
    assert token_losses(doc, pred, gold, "Content") == {
        "recall: missed attribution": 2,  # "it snowed"
        "precision: long at end": 1,  # "crops"
    }


def test_attribution_quality_floor_on_a_dev_slice(shared_dir, nlp):
    """A small slice of PolNeAR dev (5 annotation files, ~3 s): a drop in attribution
    quality fails here before the full bench is run. Floors sit about 0.03 under the
    scores measured when they were set (token F1 Source 0.879, Content 0.696 in the fifth
    pass, with or without the learned cue model; 0.874 / 0.678 before issue 10's third
    pass)."""
    result = pn.evaluate(shared_dir / "eval" / "polnear" / "dev", limit=5)
    scores = result["scores"]
    assert scores["Source"]["token"]["f1"] >= 0.85
    assert scores["Content"]["token"]["f1"] >= 0.67


def test_the_learned_cue_model_adds_attributions_on_a_dev_slice(shared_dir, nlp):
    """The shipped cue model finds attributions the word lists miss: on the first 12 dev
    annotation files token F1 is Source 0.813 / Content 0.825 with it and 0.793 / 0.820
    without (fifth pass)."""
    split = shared_dir / "eval" / "polnear" / "dev"
    rules = pn.evaluate(split, limit=12, learned=False)["scores"]
    learned = pn.evaluate(split, limit=12)["scores"]
    assert learned["Source"]["token"]["f1"] >= rules["Source"]["token"]["f1"] + 0.01
    assert learned["Content"]["token"]["f1"] >= rules["Content"]["token"]["f1"]


def test_cue_stats_counts_verbs_outside_the_cue_lists(nlp):
    text = "The board unveiled a plan. The board unveiled a logo. He said it was fine."
    doc = nlp(text)
    s = text.index("unveiled")
    gold = [{"Source": [], "Cue": [(s, s + len("unveiled"))], "Content": []}]
    stats: dict = {}
    pn.cue_stats(doc, gold, stats)
    assert stats["unveil"] == (2, 1)  # two uses with subject and object, one gold cue
    assert "say" not in stats  # already a cue verb


def test_bench_parse_presets_paragraph_sentences(nlp):
    text = "Prices rose sharply last year\n\nThe council met on Monday."
    doc = pn.parse(nlp, text)
    assert [s.text.strip() for s in doc.sents][-1] == "The council met on Monday."


def test_offset_skips_annotation_files(shared_dir):
    split = shared_dir / "eval" / "polnear" / "dev"
    first = pn.evaluate(split, limit=2)
    second = pn.evaluate(split, limit=1, offset=1)
    assert first["annotation_files"] == 2 and second["annotation_files"] == 1
    assert second["scores"]["Cue"]["gold"] < first["scores"]["Cue"]["gold"]
