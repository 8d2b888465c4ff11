"""Stage 7a: exact and near-duplicate detection.

Exact: sha256 of the normalised text with spaces and punctuation removed, so
a copy differing only in furniture, script or line breaks has the same hash.
Near: MinHash over 5-character shingles (32 hash functions, numpy), split into
8 bands of 4 stored in the Fingerprint table; a report sharing a band is a
candidate, and it is the same report when at least NEAR_THRESHOLD of the 32
minimums agree (an estimate of the Jaccard similarity of the shingle sets).
Each hash function is splitmix64 of the shingle's CRC xor a seed: a full 64-bit
mix. (A first version used (a*h + b) mod p with small a, which barely reorders
the CRCs, so every function picked the same shingle and unrelated short news
items looked 75-80 % alike.)
"""

import hashlib
import re
import zlib

import numpy as np

from archive.text import HAN

SHINGLE = 5
PERMUTATIONS = 32
BANDS = 8
NEAR_THRESHOLD = 0.7
_SEEDS = np.random.default_rng(20201231).integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)
_M1, _M2, _GOLDEN = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB), np.uint64(0x9E3779B97F4A7C15)
SIGNATURE_VERSION = 2  # stored signatures of another version are recomputed (migration 0002)
_KEEP = re.compile(f"[{HAN}0-9A-Za-z*]+")


def canonical(normalized_text: str) -> str:
    return "".join(_KEEP.findall(normalized_text))


def text_hash(normalized_text: str) -> str:
    return hashlib.sha256(canonical(normalized_text).encode("utf-8")).hexdigest()


def minhash(normalized_text: str) -> list[int]:
    s = canonical(normalized_text)
    if len(s) < SHINGLE:
        s = s.ljust(SHINGLE, "_")
    shingles = {s[i : i + SHINGLE] for i in range(len(s) - SHINGLE + 1)}
    h = np.fromiter((zlib.crc32(x.encode("utf-8")) for x in shingles), dtype=np.uint64, count=len(shingles))
    with np.errstate(over="ignore"):  # splitmix64: multiplication wraps by design
        z = (h[None, :] ^ _SEEDS[:, None]) + _GOLDEN
        z = (z ^ (z >> np.uint64(30))) * _M1
        z = (z ^ (z >> np.uint64(27))) * _M2
        z = z ^ (z >> np.uint64(31))
    return [int(v) >> 1 for v in z.min(axis=1)]  # 63 bits: fits a signed column and JSON everywhere


def bands(signature: list[int]) -> list[int]:
    """One signed 64-bit value per band (fits a BigIntegerField)."""
    size = len(signature) // BANDS
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(repr(signature[b * size : (b + 1) * size]).encode(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return out


def similarity(a: list[int], b: list[int]) -> float:
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)
