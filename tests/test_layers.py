"""Data flows one way: a layer never imports from a layer after it."""

from __future__ import annotations

import ast
from pathlib import Path

import sagte

PACKAGE = Path(sagte.__file__).parent
# Lower number = earlier layer. Modules not listed are interfaces (cli, api, pipeline,
# eval, which runs the product end to end).
LAYERS = {
    "errors": -1,
    "ingest": 0,
    "text": 1,
    "analysis": 2,
    "identity": 3,
    "stories": 4,
    "store": 5,
}
INTERFACES = 7


def layer_of(module: str) -> int:
    parts = module.split(".")
    if parts[0] != "sagte" or len(parts) == 1:
        return INTERFACES
    return LAYERS.get(parts[1], INTERFACES)


def test_layers_import_only_earlier_layers() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        module = "sagte." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        own = layer_of(module)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                if name.startswith("sagte") and layer_of(name) > own:
                    offenders.append(f"{module} imports {name}")
    assert not offenders, offenders
