"""The shared training loop and file format of the adapter models."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch", reason="training needs torch==2.13.0")

from sagte.analysis.training import continue_from, save, train  # noqa: E402


class Toy(torch.nn.Module):
    """A body and a head, as the taggers name them (the head gets its own rate)."""

    def __init__(self) -> None:
        super().__init__()
        self.body = torch.nn.Embedding(10, 8)
        self.head = torch.nn.Linear(8, 2)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(ids))


def test_train_learns_saves_and_continues(tmp_path: Path) -> None:
    torch.manual_seed(0)
    # label: is the piece id even? Examples of different lengths, as the taggers' are.
    examples = [([i % 10 for i in range(k, k + 3 + k % 4)], None) for k in range(40)]
    model = Toy()

    def loss_of(part: list) -> torch.Tensor:
        ids = torch.tensor([i for seq, _ in part for i in seq])
        return torch.nn.functional.cross_entropy(model(ids), (ids % 2 == 0).long())

    before = loss_of(examples).item()
    started = train(model, examples, loss_of, steps=60, batch=4, lr=0.05, head_lr=0.05)
    after = loss_of(examples).item()
    assert after < before / 2
    out = save(dict(model.state_dict()), {"size": 8}, str(tmp_path / "m.pt"), started, seed=0)
    saved = torch.load(out, weights_only=True)
    assert saved["config"] == {"size": 8} and saved["seed"] == 0
    assert saved["state"]["head.weight"].dtype == torch.float16
    fresh = Toy()
    continue_from(fresh, str(out))
    assert torch.allclose(fresh.head.weight, model.head.weight.half().float())


def test_adapters_train_only_adapters_norms_and_head() -> None:
    """Training must leave the encoder's 96M word embeddings frozen: the saved file
    holds only what trained (adapters, layer norms), so anything else that moved would
    be lost, and a dense embedding gradient triples the step time."""
    from sagte.analysis.adapters import add_adapters, trained_state
    from sagte.analysis.encoder import E5Config, E5Encoder

    encoder = E5Encoder(E5Config(hidden=16, layers=2, heads=2, ffn=32, vocab=50))
    add_adapters(encoder, rank=2, alpha=4.0, train_norms=True)
    model = torch.nn.ModuleDict({"encoder": encoder, "head": torch.nn.Linear(16, 3)})
    trained = set(trained_state(model))
    assert not any(k.startswith(("encoder.word", "encoder.pos", "encoder.eln")) for k in trained)
    assert "encoder.layers.0.q.a" in trained and "encoder.layers.1.oln.weight" in trained
    assert "encoder.layers.0.q.base.weight" not in trained and "head.weight" in trained


def test_rank_zero_trains_the_layers_whole_but_not_the_embeddings() -> None:
    from sagte.analysis.adapters import LoRALinear, add_adapters, trained_state
    from sagte.analysis.encoder import E5Config, E5Encoder

    encoder = E5Encoder(E5Config(hidden=16, layers=2, heads=2, ffn=32, vocab=50))
    add_adapters(encoder, rank=0, alpha=0.0)
    trained = set(trained_state(encoder))
    assert not any(isinstance(m, LoRALinear) for m in encoder.modules())
    assert "layers.0.q.weight" in trained and "layers.1.fo.bias" in trained
    assert not any(k.startswith(("word", "pos", "eln")) for k in trained)


def test_packed_deltas_restore_a_fully_fine_tuned_encoder() -> None:
    """A rank-0 model ships its linear layers as 4-bit changes from the base encoder:
    a quarter of the float16 size, each value within half a level of what trained."""
    from sagte.analysis.adapters import (
        add_adapters,
        linear_weights,
        pack_deltas,
        trained_state,
        unpack_deltas,
    )
    from sagte.analysis.encoder import E5Config, E5Encoder

    torch.manual_seed(0)
    encoder = E5Encoder(E5Config(hidden=64, layers=2, heads=2, ffn=128, vocab=50))
    add_adapters(encoder, rank=0, alpha=0.0)
    base = linear_weights(encoder)
    with torch.no_grad():
        for weight in encoder.parameters():
            weight += 0.01 * torch.randn_like(weight)
    trained = trained_state(encoder)
    packed = pack_deltas(trained, base)

    assert (
        "layers.0.q.weight" not in packed
        and packed["layers.0.q.weight.delta4"].dtype == torch.uint8
    )
    assert packed["layers.0.fi.weight.delta4"].numel() == trained["layers.0.fi.weight"].numel() // 2
    assert torch.equal(packed["layers.1.oln.weight"], trained["layers.1.oln.weight"])

    restored = unpack_deltas(packed, base)
    assert set(restored) == set(trained)
    for name in base:
        step = (trained[name] - base[name]).abs().max() / 7
        assert (restored[name] - trained[name]).abs().max() <= step / 2 + 1e-6
        assert not torch.equal(restored[name], base[name])


def test_layer_decay_lowers_each_layers_rate_below_the_one_above() -> None:
    from sagte.analysis.adapters import add_adapters
    from sagte.analysis.encoder import E5Config, E5Encoder
    from sagte.analysis.training import layer_groups

    encoder = E5Encoder(E5Config(hidden=16, layers=3, heads=2, ffn=32, vocab=50))
    add_adapters(encoder, rank=0, alpha=0.0)
    model = torch.nn.ModuleDict({"encoder": encoder, "head": torch.nn.Linear(16, 3)})
    groups = layer_groups(model, lr=1e-4, head_lr=1e-3, decay=0.5)
    rate = {id(p): g["lr"] for g in groups for p in g["params"]}
    layers = encoder.layers
    assert rate[id(layers[2].q.weight)] == pytest.approx(1e-4)
    assert rate[id(layers[1].fo.bias)] == pytest.approx(5e-5)
    assert rate[id(layers[0].oln.weight)] == pytest.approx(2.5e-5)
    assert rate[id(model["head"].weight)] == pytest.approx(1e-3)
    # frozen word embeddings get no group; without decay, one rate for the body
    assert id(encoder.word.weight) not in rate
    flat = layer_groups(model, lr=1e-4, head_lr=1e-3)
    assert sorted(g["lr"] for g in flat) == [1e-4, 1e-3]
