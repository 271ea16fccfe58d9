"""Benchmark statement extraction on the German news quotation dataset.

Prints
- speed: articles/s and peak memory for extracting `--articles` articles of about
  `--words` words each (built in memory by cycling the dataset's paragraphs);
- quality: Message/Roles/Joint scores (`sagte.eval.quotes`) on the validation
  fold (fold 0 of a 5-fold split by a hash of `documentName`), on every document,
  and per fold.

for each operating point: `accurate` (the neural tagger; only its validation-fold
score is fair, and only for a tagger trained on folds 1-4, which the report checks;
also scored without the rules' additions)
and `fast` (the rules, trained on nothing, so every fold is unseen).

and, with `--workers N` (default 2), the throughput of N one-thread worker processes,
the set-up `sagte ingest --workers N` uses, next to the single process's.

Usage:
    .venv/bin/python bench/quotes.py [--mode accurate|fast|both] [--articles 1000] [--words 500]
                                     [--workers 2]

The data defaults to ../shared/data/quotes-de-train beside the repository.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sagte.analysis import Mode
from sagte.eval.quotes import saw_validation_fold

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "quotes-de-train"


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """The peak resident set size so far of this process (or, with RUSAGE_CHILDREN, of
    its largest finished child), in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _paragraphs(data: Path) -> list[str]:
    from sagte.eval.quotes import document_files

    out = []
    for path in document_files(data):
        text = json.loads(path.read_text("utf-8")).get("originalText", "")
        out += [p.strip() for p in text.split("\n\n") if p.strip()]
    return out


def synthetic_articles(paragraphs: list[str], count: int, words: int) -> Iterator[str]:
    """`count` articles of at least `words` words, made of consecutive paragraphs, cycling."""
    k = 0
    for _ in range(count):
        parts: list[str] = []
        n = 0
        while n < words:
            paragraph = paragraphs[k % len(paragraphs)]
            parts.append(paragraph)
            n += len(paragraph.split())
            k += 1
        yield "\n\n".join(parts)


def speed(articles: list[str], traced: int, mode: Mode) -> dict[str, Any]:
    """Throughput and memory of `sagte.api.analyse_text` on `articles`."""
    from functools import partial

    from sagte import api

    analyse_text = partial(api.analyse_text, mode=mode)

    gc.collect()
    started = time.perf_counter()
    analyse_text(articles[0])  # loads the tokeniser and the lexicons
    warmup = time.perf_counter() - started
    rss_before = _peak_rss_mb()
    statements = 0
    times = []
    started = time.perf_counter()
    for text in articles:
        t0 = time.perf_counter()
        statements += len(analyse_text(text).statements)
        times.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    rss_after = _peak_rss_mb()
    tracemalloc.start()
    for text in articles[:traced]:
        analyse_text(text)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    total_words = sum(len(a.split()) for a in articles)
    times.sort()
    return {
        "articles": len(articles),
        "mean_words": round(total_words / len(articles)),
        "seconds": round(elapsed, 2),
        "articles_per_s": round(len(articles) / elapsed, 1),
        "words_per_s": round(total_words / elapsed),
        "ms_p50": round(1000 * times[len(times) // 2], 1),
        "ms_p95": round(1000 * times[int(len(times) * 0.95)], 1),
        "statements": statements,
        "warmup_s": round(warmup, 2),
        "peak_rss_mb_before": round(rss_before, 1),
        "peak_rss_mb": round(rss_after, 1),
        "traced_articles": min(traced, len(articles)),
        "tracemalloc_peak_mb": round(heap_peak / 2**20, 1),
    }


def _statements_in(text: str, mode: Mode) -> int:
    from sagte import api

    return len(api.analyse_text(text, mode=mode).statements)


def parallel_speed(
    articles: list[str], mode: Mode, workers: int, baseline: float | None
) -> dict[str, Any]:
    """Throughput of `workers` processes of one thread each, set up as `sagte ingest
    --workers` sets up its pool (`sagte.pipeline.warm_up`), on `articles`."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    from sagte.pipeline import warm_up

    run = partial(_statements_in, mode=mode)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=warm_up, initargs=(mode,)
    ) as pool:
        list(pool.map(run, articles[: 2 * workers]))  # every worker started and warm
        started = time.perf_counter()
        statements = sum(pool.map(run, articles, chunksize=2))
        elapsed = time.perf_counter() - started
    rate = len(articles) / elapsed
    return {
        "workers": workers,
        "articles": len(articles),
        "seconds": round(elapsed, 2),
        "articles_per_s": round(rate, 2),
        "statements": statements,
        "vs_one_process": round(rate / baseline, 2) if baseline else None,
        "worker_peak_rss_mb": round(_peak_rss_mb(resource.RUSAGE_CHILDREN), 1),
    }


def quality(data: Path, mode: Mode, validation_only: bool = False) -> dict[str, Any]:
    """Scores on the validation fold, on every document and per fold."""
    from sagte.eval.quotes import (
        FOLDS,
        VALIDATION_FOLD,
        fold_of,
        load_documents,
        predict_document,
        score_documents,
    )

    started = time.perf_counter()
    fold = VALIDATION_FOLD if validation_only else None
    done = [(doc, predict_document(doc, mode)) for _, doc in load_documents(data, fold)]
    elapsed = time.perf_counter() - started
    folds: dict[int, list[tuple[dict[str, Any], dict[str, Any]]]] = {k: [] for k in range(FOLDS)}
    for gold, pred in done:
        folds[fold_of(str(gold.get("documentName", "")))].append((gold, pred))
    per_fold = {k: score_documents(v) for k, v in folds.items() if v}
    joint = [s["joint"]["f1"] or 0.0 for s in per_fold.values()]
    message = [s["message"]["f1"] or 0.0 for s in per_fold.values()]
    return {
        "seconds": round(elapsed, 2),
        "validation": per_fold[VALIDATION_FOLD],
        "all": score_documents(done),
        "folds": {
            k: {
                "documents": s["documents"],
                "message_f1": s["message"]["f1"],
                "roles_f1": s["roles"]["f1"],
                "joint_f1": s["joint"]["f1"],
            }
            for k, s in per_fold.items()
        },
        "fold_mean": {
            "message_f1": round(statistics.mean(message), 4),
            "joint_f1": round(statistics.mean(joint), 4),
            "joint_f1_sd": round(statistics.stdev(joint), 4) if len(joint) > 1 else 0.0,
        },
    }


def _line(label: str, scores: dict[str, Any]) -> str:
    def pct(v: float | None) -> str:
        return "  -  " if v is None else f"{100 * v:5.1f}"

    cells = "  ".join(
        f"{key} P {pct(scores[key]['precision'])} R {pct(scores[key]['recall'])} "
        f"F1 {pct(scores[key]['f1'])}"
        for key in ("message", "roles", "joint")
    )
    return f"{label:<22} ({scores['documents']:>3} docs)  {cells}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dataset directory")
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles to time")
    parser.add_argument("--words", type=int, default=500, help="words per synthetic article")
    parser.add_argument(
        "--traced",
        type=int,
        default=100,
        help="articles re-run under tracemalloc for the heap peak",
    )
    parser.add_argument("--mode", choices=("accurate", "fast", "both"), default="both")
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="also time this many one-thread worker processes, as `sagte ingest --workers` "
        "runs them (1: only the single process)",
    )
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"no dataset at {args.data} (use --data DIR)")
    modes: list[Mode] = ["accurate", "fast"] if args.mode == "both" else [args.mode]
    for mode in modes:
        result = run_mode(args, mode)
        if args.json:
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            report(result)
    return 0


def run_mode(args: argparse.Namespace, mode: Mode) -> dict[str, Any]:
    result: dict[str, Any] = {"data": str(args.data), "mode": mode}
    # speed first, so that the peak RSS is not the dataset's parsed JSON
    if not args.skip_speed:
        articles = list(synthetic_articles(_paragraphs(args.data), args.articles, args.words))
        result["speed"] = speed(articles, args.traced, mode)
        if args.workers > 1:
            rate = result["speed"]["articles_per_s"]
            result["parallel"] = parallel_speed(articles, mode, args.workers, rate)
    if not args.skip_quality:
        result["quality"] = quality(args.data, mode, validation_only=mode == "accurate")
        if mode == "accurate":
            from sagte.analysis import extract
            from sagte.analysis.tagger import trained_on

            result["tagger_trained_on"] = trained_on()

            extract.COMBINE_RULES = False  # the tagger alone
            try:
                result["quality_tagger_only"] = quality(args.data, mode, validation_only=True)
            finally:
                extract.COMBINE_RULES = True
    return result


def report(result: dict[str, Any]) -> None:
    print(f"== mode: {result['mode']}")
    if "speed" in result:
        s = result["speed"]
        print(
            f"speed: {s['articles']} articles of ~{s['mean_words']} words in {s['seconds']} s: "
            f"{s['articles_per_s']} articles/s, {s['words_per_s']} words/s "
            f"(p50 {s['ms_p50']} ms, p95 {s['ms_p95']} ms; warm-up {s['warmup_s']} s; "
            f"{s['statements']} statements)"
        )
        print(
            f"memory: peak RSS {s['peak_rss_mb']} MB (after warm-up {s['peak_rss_mb_before']} MB); "
            f"Python heap peak {s['tracemalloc_peak_mb']} MB over {s['traced_articles']} articles "
            "(tracemalloc)"
        )
    if "parallel" in result:
        p = result["parallel"]
        print(
            f"parallel: {p['workers']} worker processes of one thread: {p['articles']} articles "
            f"in {p['seconds']} s: {p['articles_per_s']} articles/s "
            f"({p['vs_one_process']}x the single process; worker peak RSS "
            f"{p['worker_peak_rss_mb']} MB; {p['statements']} statements)"
        )
    if "quality_tagger_only" in result:
        print(_line("validation, tagger only", result["quality_tagger_only"]["validation"]))
    if "quality" in result:
        q = result["quality"]
        print(f"quality ({q['seconds']} s to predict):")
        seen = result.get("tagger_trained_on")
        if seen and saw_validation_fold(seen):
            print(
                f"  (the tagger was trained on {seen}: the validation fold is not held out; "
                "SAGTE_TAGGER=FILE trained on folds 1-4 validates)"
            )
        print(_line("validation (fold 0)", q["validation"]))
        if len(q["folds"]) > 1:
            print(_line("all documents", q["all"]))
            for k, f in q["folds"].items():
                print(
                    f"  fold {k}: {f['documents']:>3} docs  message F1 {100 * (f['message_f1'] or 0):5.1f}"
                    f"  roles F1 {100 * (f['roles_f1'] or 0):5.1f}  joint F1 {100 * (f['joint_f1'] or 0):5.1f}"
                )
            m = q["fold_mean"]
            print(
                f"  mean over folds: message F1 {100 * m['message_f1']:.1f}, joint F1 "
                f"{100 * m['joint_f1']:.1f} ± {100 * m['joint_f1_sd']:.1f}"
            )
        a = q["all"]
        print(
            f"  type agreement {a['type_agreement']}, medium agreement {a['medium_agreement']} "
            f"over {a['pairs']} pairs"
        )


if __name__ == "__main__":
    sys.exit(main())
