"""Clustering quality: pairwise and BCubed precision, recall and F1.

Both compare a predicted clustering with a gold one over the same items.
*Pairwise* counts pairs of items put together (precision: share of predicted
pairs that are gold pairs). *BCubed* (Bagga and Baldwin, 1998; Amigó et al.,
2009) averages per item: precision is the share of the item's predicted cluster
that shares its gold cluster, recall the share of its gold cluster that shares
its predicted cluster. Singletons count in BCubed and not in pairwise scores.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping

__all__ = ["bcubed", "pairwise", "prf"]


def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    """Precision, recall and F1 from true positives and the two totals (empty → 1.0)."""
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _check(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> None:
    if set(gold) != set(pred):
        missing = len(set(gold) ^ set(pred))
        raise ValueError(
            f"gold and predicted clusterings must label the same items ({missing} differ)"
        )


def pairwise(
    gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
) -> dict[str, float]:
    """Pairwise precision, recall and F1 of `pred` against `gold` (item → cluster label).

    >>> pairwise({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "x"})["recall"]
    1.0
    """
    _check(gold, pred)
    both = Counter((gold[i], pred[i]) for i in gold)

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    return prf(pairs(both), pairs(Counter(pred.values())), pairs(Counter(gold.values())))


def bcubed(
    gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
) -> dict[str, float]:
    """BCubed precision, recall and F1 of `pred` against `gold` (item → cluster label).

    >>> bcubed({1: "a", 2: "b"}, {1: "x", 2: "y"})["f1"]
    1.0
    """
    _check(gold, pred)
    if not gold:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    both = Counter((gold[i], pred[i]) for i in gold)
    g_size = Counter(gold.values())
    p_size = Counter(pred.values())
    p = sum(both[(gold[i], pred[i])] / p_size[pred[i]] for i in gold) / len(gold)
    r = sum(both[(gold[i], pred[i])] / g_size[gold[i]] for i in gold) / len(gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}
