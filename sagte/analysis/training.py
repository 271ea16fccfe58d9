"""The training loop the adapter models share (`scripts/train_ner.py`,
`scripts/train_quotes.py`): AdamW with its own learning rate for the head, a 10%
linear warm-up then linear decay, gradients clipped at 1, batches of similar
length, progress printed; and saving what was trained in float16 with its config.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import torch
from torch import nn

from sagte.analysis.adapters import unpack_deltas

Example = tuple[Sequence[int], Any]  # piece ids and their labels
E = TypeVar("E", bound=Example)


def continue_from(model: nn.Module, path: str | None) -> None:
    """Load the trained tensors of a file `save` wrote (same config), if `path` is given."""
    if path:
        saved = torch.load(path, map_location="cpu", weights_only=True)
        model.load_state_dict(unpack_deltas(saved["state"], model.state_dict()), strict=False)


def train(
    model: nn.Module,
    examples: list[E],
    loss_of: Callable[[list[E]], torch.Tensor],
    *,
    steps: int,
    batch: int,
    lr: float,
    head_lr: float,
    group: int = 8,
    log_every: int = 20,
    smoothing: float = 0.95,
    bf16: bool = False,
    layer_decay: float = 1.0,
) -> float:
    """`steps` optimiser steps over `examples`, shuffled, then sorted by length within
    groups of `group` batches; `loss_of(batch)` gives the loss. With `bf16` the
    forward pass runs under bfloat16 autocast (weights and optimiser stay float32;
    about 1.5x faster on a CPU with native bfloat16). `layer_decay` < 1 gives each
    encoder layer `lr` times that factor per layer above it (`layer_groups`).
    Returns the start time."""
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(layer_groups(model, lr, head_lr, layer_decay), weight_decay=0.01)
    warmup = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (steps - s) / max(1, steps - warmup))
    )
    model.train()
    started, step, running = time.time(), 0, 0.0
    while step < steps:
        random.shuffle(examples)
        for k in range(0, len(examples), batch * group):
            chunk = sorted(examples[k : k + batch * group], key=lambda ex: len(ex[0]))
            for i in range(0, len(chunk), batch):
                if step >= steps:
                    break
                with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                    loss = loss_of(chunk[i : i + batch])
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(params, 1.0)
                opt.step()
                sched.step()
                step += 1
                value = loss.item()
                running = smoothing * running + (1 - smoothing) * value if step > 1 else value
                if step % log_every == 0:
                    rate = (time.time() - started) / step
                    print(
                        f"step {step}/{steps} loss {running:.3f} ({rate:.2f} s/step, "
                        f"eta {rate * (steps - step) / 60:.0f} min)",
                        flush=True,
                    )
    return started


_LAYER = re.compile(r"\.layers\.(\d+)\.")


def layer_groups(
    model: nn.Module, lr: float, head_lr: float, decay: float = 1.0
) -> list[dict[str, Any]]:
    """AdamW parameter groups: `head.*` at `head_lr`; the encoder's layer i of n at
    `lr * decay ** (n - 1 - i)` and what lies below the layers (embedding LayerNorm)
    at `lr * decay ** n` (layer-wise learning-rate decay; 1: one rate)."""
    trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    depth = {n: int(m.group(1)) for n, _ in trainable if (m := _LAYER.search(n))}
    layers = max(depth.values(), default=-1) + 1
    rates: dict[float, list[nn.Parameter]] = {}
    for name, param in trainable:
        if name.startswith("head."):
            rate = head_lr
        else:
            rate = lr * decay ** (layers - 1 - depth.get(name, -1))
        rates.setdefault(rate, []).append(param)
    return [{"params": group, "lr": rate} for rate, group in rates.items()]


def save(
    trained: dict[str, torch.Tensor], config: dict[str, Any], out: str, started: float, **meta: Any
) -> Path:
    """Write the trained tensors (float16) with the config and `meta`; print the size."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.to(torch.float16) if v.is_floating_point() else v for k, v in trained.items()}
    torch.save({"config": config, "state": state, **meta}, path)
    print(
        f"saved {path} ({path.stat().st_size / 1e6:.1f} MB) after "
        f"{(time.time() - started) / 60:.1f} min"
    )
    return path
