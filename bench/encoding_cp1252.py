"""How often cp1252-encoded news text decodes right: real articles with curly quotes.

Takes each Multi-News article that contains typographic punctuation
(’ “ ” – —) and encodes into cp1252, runs `decode` and counts exact round trips.

    python bench/encoding_cp1252.py ../shared/eval/multinews/dev.jsonl --json out.json
    python bench/encoding_cp1252.py ../shared/eval/multinews/plus_val_truncated.jsonl.gz --limit 2000
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys

from storyline.ingest.encoding import decode

_TYPOGRAPHIC = re.compile("[\u2018\u2019\u201c\u201d\u2013\u2014]")


def passages(path: str, limit: int = 0) -> list[str]:
    """Articles with typographic punctuation that cp1252 can encode: dev.jsonl or plus_val*.gz."""
    out: list[str] = []
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if limit and len(out) >= limit:
                break
            record = json.loads(line)
            parts = record.get("documents") or re.split(
                r"Passage \d+:\n", record.get("context", "")
            )
            for part in parts:
                text = part.replace(" NEWLINE_CHAR ", "\n").strip()
                if _TYPOGRAPHIC.search(text):
                    try:
                        text.encode("cp1252")
                    except UnicodeEncodeError:
                        continue
                    out.append(text)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data")
    parser.add_argument("--json")
    parser.add_argument("--chars", type=int, default=0, help="cut each passage to N chars (0=all)")
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles (0=all)")
    args = parser.parse_args()
    texts = passages(args.data, args.limit)
    if args.chars:
        texts = [t[: args.chars] for t in texts]
    wrong = [t for t in texts if decode(t.encode("cp1252"), "bench") != t]
    result = {"passages": len(texts), "decoded_wrong": len(wrong), "chars": args.chars}
    print(json.dumps(result))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
