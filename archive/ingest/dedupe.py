"""Stage 7a: exact and near-duplicate detection.

Exact: sha256 of the normalised text with spaces and punctuation removed, so
a copy differing only in furniture, script or line breaks has the same hash.
Near: MinHash over 5-character shingles (32 permutations, numpy), split into
8 bands of 4 stored in the Fingerprint table; a report sharing a band is a
candidate, and it is the same report when at least NEAR_THRESHOLD of the 32
minimums agree (an estimate of the Jaccard similarity of the shingle sets).
"""

import hashlib
import re
import zlib

import numpy as np

SHINGLE = 5
PERMUTATIONS = 32
BANDS = 8
NEAR_THRESHOLD = 0.7
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20201231)
_A = _rng.integers(1, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_KEEP = re.compile(r"[\u3400-\u9fff0-9A-Za-z*]+")


def canonical(normalized_text: str) -> str:
    return "".join(_KEEP.findall(normalized_text))


def text_hash(normalized_text: str) -> str:
    return hashlib.sha256(canonical(normalized_text).encode("utf-8")).hexdigest()


def minhash(normalized_text: str) -> list[int]:
    s = canonical(normalized_text)
    if len(s) < SHINGLE:
        s = s.ljust(SHINGLE, "_")
    shingles = {s[i:i + SHINGLE] for i in range(len(s) - SHINGLE + 1)}
    h = np.fromiter((zlib.crc32(x.encode("utf-8")) for x in shingles), dtype=np.uint64, count=len(shingles))
    mixed = (_A[:, None] * h[None, :] + _B[:, None]) % _PRIME
    return [int(v) for v in mixed.min(axis=1)]


def bands(signature: list[int]) -> list[int]:
    """One signed 64-bit value per band (fits a BigIntegerField)."""
    size = len(signature) // BANDS
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(repr(signature[b * size:(b + 1) * size]).encode(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return out


def similarity(a: list[int], b: list[int]) -> float:
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)
