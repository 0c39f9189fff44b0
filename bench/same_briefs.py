"""Proof that a refactor changed no output: every gold corpus's brief and entity mentions,
dumped before and after, compared.

`dump DIR` writes, for each gold file (bench/gold/*.json, read as bench/precision.py
reads it), the entity mentions of every analysis and the full brief JSON, uncapped,
to DIR/<gold>.json; `compare BEFORE AFTER` says which differ. The repository root
is written as ROOT, so two checkouts compare equal.

Usage:
  python bench/same_briefs.py dump /tmp/before [GOLD.json ...]
  (change the code)
  python bench/same_briefs.py dump /tmp/after [GOLD.json ...]
  python bench/same_briefs.py compare /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from precision import GOLD_DIR, ROOT, gold_documents

from storyline.api import analyze
from storyline.briefing.build import build_brief
from storyline.briefing.caps import UNLIMITED
from storyline.renderers.json import brief_to_json_dict

GENERATED = "generated"  # the brief's build time: the one field allowed to differ


def dump(out: Path, paths: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        docs, _missing = gold_documents(json.loads(path.read_text("utf-8")))
        analyses = analyze(list(docs.values()))
        brief = brief_to_json_dict(build_brief(analyses, limits=UNLIMITED))
        brief.pop(GENERATED, None)
        data = {"entities": [[repr(m) for m in a.entities] for a in analyses], "brief": brief}
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False, default=str)
        (out / f"{path.stem}.json").write_text(text.replace(f"{ROOT}/", "ROOT/"), "utf-8")
        print(path.stem, flush=True)


def compare(before: Path, after: Path) -> int:
    names = sorted(p.name for p in before.glob("*.json"))
    differ = [n for n in names if not (after / n).exists() or _read(before / n) != _read(after / n)]
    mentions = items = 0
    for name in set(names) - set(differ):
        data = json.loads(_read(before / name))
        mentions += sum(len(m) for m in data["entities"])
        items += sum(len(v) for v in data["brief"].values() if isinstance(v, list))
    for name in differ:
        print(f"differs: {name}")
    print(
        f"{len(names)} gold corpora: {len(names) - len(differ)} identical, {len(differ)} differ; "
        f"{mentions} entity mentions and {items} brief list items in the identical ones"
    )
    return 1 if differ else 0


def _read(path: Path) -> str:
    return path.read_text("utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write every gold corpus's mentions and brief to DIR")
    d.add_argument("dir", type=Path)
    d.add_argument("gold", nargs="*", type=Path, help="gold files (default: all)")
    c = sub.add_parser("compare", help="say which dumps differ")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    if args.command == "dump":
        dump(args.dir, args.gold or sorted(GOLD_DIR.glob("*.json")))
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
