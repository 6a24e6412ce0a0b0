"""The sha256 of what newsparse makes of every benchmark document, to check that a refactor changes no
output: ``python scripts/output_hashes.py OUT.json`` writes, per document, the hash of its Article's
JSON and of its mentions' JSON (the pages of ``../shared/benchmarks``: article-extraction, news-events,
news-metadata; and the seeds). Compare two runs (the code before, through a ``git worktree`` on
``PYTHONPATH``, and after) with ``python scripts/output_hashes.py --compare OLD.json NEW.json``."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
CORPORA = ("article-extraction/html", "news-events/pages", "news-metadata")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hashes() -> dict[str, dict[str, str]]:
    """Each document's hashes: ``article`` (its Article's JSON, or the error it raised) and
    ``mentions`` (its mentions' JSON lines)."""
    import newsparse
    from newsparse.convert import to_json
    from newsparse.plugins.builtin.mentions import default_extractor

    extractor = default_extractor()
    paths = [p for corpus in CORPORA for p in sorted((SHARED / corpus).glob("*.html.gz"))]
    documents: list[tuple[str, bytes | Path]] = [(p.name, gzip.decompress(p.read_bytes())) for p in paths]
    documents += [(p.name, p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out: dict[str, dict[str, str]] = {}
    for name, document in documents:
        try:
            article = newsparse.parse(document)
        except Exception as error:  # a document without an article: its error is its output
            out[name] = {"article": f"{type(error).__name__}: {error}", "mentions": ""}
            continue
        mentions = "\n".join(to_json(m) for m in extractor.extract(article))
        out[name] = {"article": _digest(to_json(article)), "mentions": _digest(mentions)}
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", nargs="?", type=Path, help="where to write this run's hashes")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = parser.parse_args(argv)
    if args.compare:
        old, new = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        changed = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
        for name in changed:
            print(name, old.get(name), new.get(name))
        print(f"{len(changed)} of {len(old.keys() | new.keys())} documents differ")
        return 1 if changed else 0
    if args.out is None:
        parser.error("give OUT.json, or --compare OLD NEW")
    result = hashes()
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(result)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
