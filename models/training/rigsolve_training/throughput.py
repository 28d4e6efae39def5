"""PyTorch CPU inference throughput of a shipped model, for `npm run bench -- model`.

    python3 -m rigsolve_training.throughput --manifest models/rigsolve-default.manifest.json \\
        [--checkpoint RUN/checkpoint-best.pt] --threads 2 --batches 1,16 --seconds 3

Builds the network from the manifest's training config (the architecture the ONNX file was
exported from) and loads the checkpoint's weights when given; throughput does not depend on
the weights' values (no data-dependent control flow), so without a checkpoint the figure is
still that model's. Prints one JSON object: {"batch1": frames/s, "batch16": frames/s, ...}.
"""
from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np
import torch

from .model import build_model


def measure(model: torch.nn.Module, size: int, batch: int, seconds: float) -> float:
    rng = np.random.default_rng(batch)
    rgb = torch.from_numpy(rng.uniform(-2, 2, (batch, 3, size, size)).astype(np.float32))
    nrm = torch.from_numpy(rng.uniform(-1, 1, (batch, 3, size, size)).astype(np.float32))
    with torch.inference_mode():
        for _ in range(2):
            model(rgb, nrm)                       # warm-up (allocator, kernels)
        runs, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < seconds or runs < 3:
            model(rgb, nrm)
            runs += 1
        dt = time.perf_counter() - t0
    return runs * batch / dt


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--checkpoint")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batches", default="1,16")
    ap.add_argument("--seconds", type=float, default=3.0)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    with open(a.manifest) as f:
        m = json.load(f)
    model = build_model(m["config"], len(m["controls"]), m["controls"], m["regions"])
    if a.checkpoint:
        from .train import load_checkpoint
        model.load_state_dict(load_checkpoint(a.checkpoint)["model"])
    model.eval()
    out = {"runtime": f"pytorch {torch.__version__} CPU", "threads": torch.get_num_threads(),
           "weights": "checkpoint" if a.checkpoint else "architecture from the manifest's config"}
    for b in (int(x) for x in a.batches.split(",")):
        out[f"batch{b}"] = measure(model, int(m["inputSize"]), b, a.seconds)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
