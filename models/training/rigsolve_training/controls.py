"""The default rig's control set, read from the repository's resources/rigs/controls.tsv (the
copy of the design card the TypeScript side also generates its table from)."""
from __future__ import annotations

import csv
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
CONTROLS_TSV = REPO_ROOT / "resources" / "rigs" / "controls.tsv"


def load_controls(path: Path = CONTROLS_TSV) -> list[dict]:
    """Rows of controls.tsv as dicts (index, name, facs, region, side), in index order."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for i, row in enumerate(rows):
        if int(row["index"]) != i:
            raise ValueError(f"{path}: row {i} has index {row['index']}")
        row["index"] = i
    return rows


def region_order(regions: list[str]) -> list[str]:
    """Distinct regions in first-appearance order (the UI's grouping order)."""
    return list(dict.fromkeys(regions))
