"""The one table of quotation marks: each stage's set is what that stage needs."""

from storyline import marks
from storyline.analysis.quotemarks import find_quote_spans
from storyline.ingest.segment import segment


def test_doubled_apostrophe_is_a_mark_in_running_text_and_tokens_only():
    assert marks.QUOTE_MARK.findall("''A,'' he said. \u201cB\u201d \u00abC\u00bb \"D\"") == [
        "''",
        "''",
        "\u201c",
        "\u201d",
        "\u00ab",
        "\u00bb",
        '"',
        '"',
    ]
    assert not marks.DOUBLE_MARK.search("it''s")  # the ingest reads single characters only
    assert "''" in marks.OPEN_QUOTES and "''" in marks.CLOSE_QUOTES
    assert set(marks.TRANSCRIPT_MARKS) == {'"', "\u201c", "\u201d"}  # no guillemets


def test_consumers_read_the_same_marks():
    text = "''We will win,'' he said. \u00abWe will not,\u00bb she said."
    spans = [text[g[0].start : g[-1].end] for g in find_quote_spans(text)]
    assert spans == ["''We will win,''", "\u00abWe will not,\u00bb"]
    # the ingest keeps a pause inside a quotation that closes later on the line
    text = "\u00abWe are ... We will go on,\u00bb Yu said."
    assert len(segment(text)[1]) == 1


def test_every_leaf_table_the_analysis_reads_is_in_its_cache_key():
    """A change to marks.py (or any storyline-level table an analysis module imports)
    changes what the analysis finds, so it must change the cache version."""
    import re
    from pathlib import Path

    from storyline.analysis.registry import LEAF_TABLES

    root = Path(__file__).resolve().parent.parent / "storyline"
    read = {
        f"{m}.py"
        for path in (root / "analysis").glob("*.py")
        for m in re.findall(r"^from \.\.(\w+) import", path.read_text(), re.M)
        if (root / f"{m}.py").is_file()
    }
    assert read - {"model.py", "errors.py", "config.py"} <= set(LEAF_TABLES)
    assert {"marks.py", "datetokens.py", "words.py"} <= read
