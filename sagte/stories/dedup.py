"""Near-duplicate articles: MinHash fingerprints of word shingles and LSH band keys.

Syndicated copies (one dpa text on dozens of sites) differ by a headline, a
shortened lead, an added or dropped paragraph. Their sets of 3-word shingles
overlap heavily; MinHash (datasketch) estimates that overlap (Jaccard) from 128
numbers, and banding the numbers (42 bands of 3) turns "which stored article is
similar?" into exact look-ups of 42 keys, so finding a copy costs the same in an
archive of 1,000 or 1,000,000 articles.

Calibration (bench/stories.py, near-duplicate figures): with 42 bands of 3 rows a
pair with Jaccard 0.45 becomes a candidate with probability 0.98, one with 0.2
(same story, different text) with 0.29 and one with 0.05 with 0.005. Candidates
are then checked on the estimated Jaccard and containment (`is_copy`): a copy
that keeps at least half of a text, or a text that is at least 80 % inside a
longer one (a teaser of the agency's first paragraphs), is a copy. Don't tune the
band shape and the thresholds separately.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

__all__ = [
    "BANDS",
    "Fingerprint",
    "band_keys",
    "fingerprint",
    "is_copy",
    "paragraph_hashes",
]

NUM_PERM = 128
SEED = 1
SHINGLE = 3  # words per shingle
BANDS = 42
ROWS = 3
COPY_JACCARD = 0.45  # copies keeping about two thirds of a text and adding a little
COPY_CONTAINMENT = 0.8  # a shorter text 80 % inside a longer one ...
COPY_MIN_JACCARD = 0.25  # ... that is still a quarter of the union (a teaser, not a quote)
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A MinHash of an article's word shingles, with the parameters that made it.

    >>> a = fingerprint("Der Sturm hat in Hamburg Bäume entwurzelt und Dächer abgedeckt.")
    >>> a.jaccard(a)
    1.0
    """

    hashvalues: bytes  # NUM_PERM little-endian uint32 values
    shingles: int  # size of the shingle set (for containment)
    num_perm: int = NUM_PERM
    seed: int = SEED
    shingle_words: int = SHINGLE

    @property
    def params(self) -> tuple[int, int, int]:
        return (self.num_perm, self.seed, self.shingle_words)

    def values(self) -> np.ndarray:
        return np.frombuffer(self.hashvalues, dtype="<u4")

    def jaccard(self, other: Fingerprint) -> float:
        """Estimated Jaccard similarity of the two shingle sets.

        Raises:
            ValueError: the fingerprints were built with different parameters.
        """
        if other.params != self.params:
            raise ValueError(
                f"cannot compare fingerprints built with (num_perm, seed, shingle) "
                f"{self.params} and {other.params}: rebuild one of them"
            )
        if not self.shingles or not other.shingles:
            return 0.0
        return float(np.count_nonzero(self.values() == other.values())) / self.num_perm

    def containment(self, other: Fingerprint) -> float:
        """Estimated share of the smaller shingle set that lies in the larger one."""
        j = self.jaccard(other)
        small, large = sorted((self.shingles, other.shingles))
        if not small:
            return 0.0
        # |A∩B| = J/(1+J) * (|A|+|B|) for sets A and B with Jaccard J.
        return min(1.0, j / (1.0 + j) * (small + large) / small)


def _shingles(text: str, k: int = SHINGLE) -> list[bytes]:
    words = [w.casefold() for w in _TOKEN.findall(text)]
    if len(words) < k:
        return [" ".join(words).encode("utf-8")] if words else []
    return list({" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)})


def fingerprint(text: str) -> Fingerprint:
    """The MinHash fingerprint of a normalised text."""
    from datasketch import MinHash

    shingles = _shingles(text)
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    if shingles:
        mh.update_batch(shingles)
    values = np.asarray(mh.hashvalues, dtype="<u4")
    return Fingerprint(values.tobytes(), len(shingles))


def band_keys(fp: Fingerprint) -> list[int]:
    """One signed 64-bit key per LSH band (SQLite INTEGER-sized)."""
    if fp.params != (NUM_PERM, SEED, SHINGLE):
        raise ValueError(f"band keys need the default fingerprint parameters, got {fp.params}")
    raw = fp.hashvalues
    keys = []
    for band in range(BANDS):
        chunk = raw[band * ROWS * 4 : (band + 1) * ROWS * 4]
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def is_copy(a: Fingerprint, b: Fingerprint) -> tuple[bool, float]:
    """Whether two fingerprints belong to copies of one text, and their similarity.

    Returns:
        ``(copy, score)`` where score is the estimated Jaccard similarity.
    """
    if not a.shingles or not b.shingles:
        return False, 0.0
    j = a.jaccard(b)
    if j >= COPY_JACCARD:
        return True, j
    return (j >= COPY_MIN_JACCARD and a.containment(b) >= COPY_CONTAINMENT), j


def best_copy(
    fp: Fingerprint, candidates: list[tuple[str, bytes, int]]
) -> tuple[str | None, float]:
    """The candidate `fp` is a copy of with the highest similarity (ties: smallest id).

    `candidates` are (id, MinHash bytes, shingle count) of default-parameter
    fingerprints. Decides as `is_copy` does for each, in one vectorised pass: a
    widely syndicated text has hundreds of stored copies to compare with.
    """
    if not candidates or not fp.shingles:
        return None, 0.0
    values = np.frombuffer(b"".join(c[1] for c in candidates), dtype="<u4")
    values = values.reshape(len(candidates), NUM_PERM)
    sims = np.count_nonzero(values == fp.values(), axis=1) / NUM_PERM
    sizes = np.array([c[2] for c in candidates], dtype=np.float64)
    small = np.minimum(sizes, fp.shingles)
    large = np.maximum(sizes, fp.shingles)
    with np.errstate(divide="ignore", invalid="ignore"):
        containment = np.minimum(1.0, sims / (1.0 + sims) * (small + large) / small)
    ok = (sizes > 0) & (
        (sims >= COPY_JACCARD) | ((sims >= COPY_MIN_JACCARD) & (containment >= COPY_CONTAINMENT))
    )
    if not ok.any():
        return None, 0.0
    top = sims[ok].max()
    best = min(c[0] for c, hit, sim in zip(candidates, ok, sims, strict=True) if hit and sim == top)
    return best, float(top)


def paragraph_hashes(text: str, paragraphs: list[tuple[int, int]]) -> list[str]:
    """A content hash per paragraph (white space and case kept: reuse needs identity)."""
    return [
        hashlib.sha256(text[s:e].strip().encode("utf-8")).hexdigest()[:16] for s, e in paragraphs
    ]
