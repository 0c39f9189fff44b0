"""Fitting the link model on replayed rows: columns picked by name, dense chosen when present."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.clustering.links import ALL_FEATURES, DENSE_FEATURES, DENSE_ONLY, FEATURES, LinkModel
from storyline.evaluation import train_story_links


def rows(path, dense: bool, names=ALL_FEATURES) -> None:
    rng = np.random.default_rng(3)
    y = (rng.random(400) < 0.3).astype(np.int8)
    x = rng.random((400, len(names))) * 0.2 + y[:, None] * 0.3
    if not dense:
        x[:, [names.index(n) for n in DENSE_ONLY if n in names]] = 0.0
    np.savez(
        path,
        x=x,
        y=y,
        group=np.arange(400) % 40,
        news=(np.arange(400) % 2).astype(np.int8),
        doc=np.arange(400),
        features=np.array(names),
    )


@pytest.mark.parametrize(
    ("dense", "args", "expect"),
    [
        (False, [], FEATURES),
        (True, [], DENSE_FEATURES),
        (True, ["--terms-only"], FEATURES),
        (False, ["--features", "cover,names"], ("cover", "names")),
    ],
)
def test_columns_by_name(tmp_path, capsys, dense, args, expect):
    rows(tmp_path / "r.npz", dense)
    train_story_links.main([str(tmp_path / "r.npz"), "--out", str(tmp_path / "m.npz"), *args])
    model = LinkModel.load(tmp_path / "m.npz", None)
    assert model.names == expect
    assert '"held_out_news"' in capsys.readouterr().out


def test_rows_without_a_feature_are_refused(tmp_path):
    rows(tmp_path / "old.npz", False, DENSE_FEATURES)  # a replay from before the overlap features
    with pytest.raises(SystemExit, match="lack features"):
        train_story_links.main([str(tmp_path / "old.npz"), "--features", "cover"])
