"""Benchmark named entities and identity: throughput next to the statement extractor,
and merge precision/recall on the identity test set.

Prints
- speed on 2 cores, articles/s over `--articles` real articles of the quotation
  dataset (../shared/data/quotes-de-train), each stage timed in the same process:
  segmentation (the shared text layer: spaCy tokens, SoMaJo sentences), the
  rule-based statement extractor (`--fast`), the entity tagger (`sagte.analysis.ner`,
  when its weights are installed), in-article resolution with its names, and storing
  with cross-article resolution (`sagte.store.identity`);
- identity quality: merge precision, recall and F1 over tests/data/identity_pairs.json
  (a merge is the positive class), per category, in fast mode and with the tagger.

Usage:
    .venv/bin/python bench/entities.py [--articles 200] [--skip-pairs]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "quotes-de-train"
PAIRS = ROOT / "tests" / "data" / "identity_pairs.json"


def speed(data: Path, count: int) -> None:
    import torch

    from sagte.analysis.extract import extract_statements, ner_available, tag_names
    from sagte.analysis.quotes import extract_statements as by_rules
    from sagte.analysis.speakers import People
    from sagte.api import Database
    from sagte.eval.quotes import document_files
    from sagte.ingest import RawDocument
    from sagte.pipeline import process
    from sagte.store import identity
    from sagte.text import normalise, segment

    torch.set_num_threads(2)
    texts = [json.loads(p.read_text("utf-8"))["originalText"] for p in document_files(data)[:count]]
    words = sum(len(t.split()) for t in texts) / len(texts)
    timings: dict[str, float] = {}

    def timed(name: str, fn, items):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        out = [fn(x) for x in items]
        timings[name] = time.perf_counter() - started
        return out

    norm = [normalise(t) for t in texts]
    by_rules(segment(texts[0]))  # load the tokenizer and HanTa outside the timings
    docs = timed("segment", lambda n: segment(n.text, n.paragraphs), norm)
    timed("statements, rules (--fast)", lambda d: by_rules(d), docs)
    if ner_available():
        tag_names(docs[0])  # load the model outside the timing
        names = timed("entity tagger (NER)", tag_names, docs)

        def people(pair):  # type: ignore[no-untyped-def]
            p = People(pair[0], names=pair[1])
            p.find_names()
            return p

        timed("in-article resolution with NER names", people, list(zip(docs, names, strict=True)))
        timed(
            "statements + entities (--accurate)", lambda d: extract_statements(d, "accurate"), docs
        )
    # cross-article resolution: the time spent in Identities.resolve while storing
    spent = [0.0]
    original = identity.Identities.resolve

    def resolve(self, entity, article_id):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return original(self, entity, article_id)
        finally:
            spent[0] += time.perf_counter() - started

    identity.Identities.resolve = resolve  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp, Database(Path(tmp) / "b.db", mode="fast") as db:
        processed = [
            process(RawDocument(source=f"{i}.txt", raw=t, format="text"), "fast")
            for i, t in enumerate(texts)
        ]
        started = time.perf_counter()
        for record, analysis in processed:
            db.add(record, analysis)
        timings["store (everything)"] = time.perf_counter() - started
        timings["cross-article resolution"] = spent[0]
        entities = db.store.count("entities")
    identity.Identities.resolve = original  # type: ignore[method-assign]
    base = timings["statements, rules (--fast)"]
    print(f"{len(texts)} articles of the quotation dataset, {words:.0f} words on average")
    print(f"{'stage':<40} {'articles/s':>11} {'time vs rules':>14}")
    for name, seconds in timings.items():
        print(f"{name:<40} {len(texts) / seconds:11.1f} {seconds / base:13.2f}x")
    print(f"{entities} entities stored")


def pairs(modes: list[str]) -> None:
    from sagte.eval.identity import load_cases, run_case, score

    cases = load_cases(PAIRS)
    for mode in modes:
        results = []
        by_category: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
        failed = []
        with tempfile.TemporaryDirectory() as tmp:
            for i, case in enumerate(cases):
                same, _, _ = run_case(case, Path(tmp) / f"{i}.db", mode)  # type: ignore[arg-type]
                results.append((case["merge"], same))
                by_category[case["category"]].append((case["merge"], same))
                if same != case["merge"]:
                    failed.append(case["id"])
        s = score(results)
        print(
            f"\nidentity pairs, mode {mode}: {len(cases)} cases "
            f"({sum(c['merge'] for c in cases)} merge): precision {s['precision']:.3f} "
            f"recall {s['recall']:.3f} F1 {s['f1']:.3f} accuracy {s['accuracy']:.3f}"
        )
        for category, items in sorted(by_category.items()):
            ok = sum(g == p for g, p in items)
            print(f"  {category:<16} {ok}/{len(items)} right")
        if failed:
            print("  wrong: " + ", ".join(failed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--skip-pairs", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    if not args.skip_speed:
        speed(Path(args.data), args.articles)
    if not args.skip_pairs:
        from sagte.analysis.extract import ner_available

        pairs(["fast", "accurate"] if ner_available() else ["fast"])


if __name__ == "__main__":
    main()
