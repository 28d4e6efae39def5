"""Export a trained checkpoint to ONNX (opset 17, legacy exporter, dynamic batch), check it
against PyTorch with onnxruntime, and write the manifest JSON beside it.

    python3 models/training/export.py --checkpoint RUN/checkpoint-best.pt --out models/solver.onnx \\
        [--eval RUN/eval.json] [--quantize]

Contract: inputs `rgb`, `normal` float32 [N,3,S,S] (preprocess.py), outputs `params` [N,C] in
0..1 and `features` [N,F]. An absent modality is fed as an all-zero tensor. The manifest is
`<out stem>.manifest.json`; with --quantize also `<stem>.int8.onnx` + its own manifest.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import warnings
from pathlib import Path

import numpy as np
import torch

from .preprocess import ABSENT_VALUE, FORMULA, NORMALISATION, preprocess
from .train import model_from_checkpoint

MANIFEST_FORMAT = "rigsolve-model/1"
PARITY_TOL = 1e-4


def manifest_path(onnx_path: Path) -> Path:
    return onnx_path.with_name(onnx_path.stem + ".manifest.json")


def parity_inputs(size: int, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """Batches of realistic inputs (preprocessed random uint8 images) covering batch sizes
    other than the traced one and the absent-modality sentinel."""
    rng = np.random.default_rng(seed)
    img = lambda n: rng.integers(0, 256, (n, size, size, 3), dtype=np.uint8)  # noqa: E731
    rgb3, nrm3 = preprocess(img(3), "rgb"), preprocess(img(3), "normal")
    nrm_mixed = nrm3.copy()
    nrm_mixed[1] = ABSENT_VALUE  # one sample without a normal map
    rgb_mixed = rgb3.copy()
    rgb_mixed[2] = ABSENT_VALUE
    return [(rgb3, nrm3), (rgb3, nrm_mixed), (rgb_mixed, nrm3),
            (preprocess(img(1), "rgb"), np.zeros((1, 3, size, size), np.float32))]


def max_diff(session, model, batches) -> dict:
    worst = {"params": 0.0, "features": 0.0}
    for rgb, nrm in batches:
        onnx_out = session.run(["params", "features"], {"rgb": rgb, "normal": nrm})
        with torch.no_grad():
            ref = model(torch.from_numpy(rgb), torch.from_numpy(nrm))[:2]
        for k, o, r in zip(("params", "features"), onnx_out, ref):
            if o.shape != tuple(r.shape):
                raise AssertionError(f"{k}: onnx shape {o.shape}, torch {tuple(r.shape)}")
            worst[k] = max(worst[k], float(np.abs(o - r.numpy()).max()))
    return worst


def session_for(path: Path, threads: int = 2):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


class _StagedGraph(torch.nn.Module):
    """The staged solver's shipped outputs: params, features, and its pose stage's anchors and
    head pose (for the head-motion view; the app reads params and features)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, rgb, normal):
        return self.model.forward_export(rgb, normal)


def is_staged(model) -> bool:
    return hasattr(model, "forward_export")


def output_names(model) -> list:
    return ["params", "features", "anchors", "pose"] if is_staged(model) else ["params", "features"]


def export_onnx(model: torch.nn.Module, out: Path):
    s = model.input_size
    dummy = (torch.zeros(2, 3, s, s).uniform_(-2, 2), torch.zeros(2, 3, s, s).uniform_(-1, 1))
    batch = {0: "N"}
    names = output_names(model)
    # eval() on the wrapper too: the exporter restores the mode of the module it was given,
    # recursively, and a fresh wrapper is in training mode (BatchNorm would then use batch stats)
    graph = _StagedGraph(model).eval() if is_staged(model) else model
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the legacy exporter's deprecation notice
        torch.onnx.export(graph, dummy, str(out), dynamo=False, opset_version=17,
                          input_names=["rgb", "normal"], output_names=names,
                          dynamic_axes={"rgb": batch, "normal": batch, **{k: batch for k in names}},
                          do_constant_folding=True)
    import onnx
    onnx.checker.check_model(onnx.load(str(out)))


def bench(path: Path, size: int, threads: int = 2, seconds: float = 2.0) -> dict:
    """onnxruntime (Python) speed on this machine: batch-1 latency and batch-16 throughput."""
    import time
    sess = session_for(path, threads)
    out = {"runtime": "onnxruntime-python CPU", "threads": threads}
    for n, key in ((1, "batch1_ms"), (16, "batch16_frames_per_s")):
        x = {"rgb": np.zeros((n, 3, size, size), np.float32) + 0.1, "normal": np.zeros((n, 3, size, size), np.float32) + 0.2}
        sess.run(None, x)                                    # warm-up
        runs, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            sess.run(None, x)
            runs += 1
        dt = (time.perf_counter() - t0) / runs
        out[key] = round(dt * 1000, 2) if n == 1 else round(n / dt, 1)
    return out


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_manifest(onnx_path: Path, model, ck: dict, evaluation, parity: dict, quantisation,
                   speed=None) -> dict:
    import onnx
    import onnxruntime
    s, data = model.input_size, ck["data"]
    cfg = ck["config"]
    digest = sha256_file(onnx_path)
    io = {"dtype": "float32", "layout": "NCHW", "rows": "top-to-bottom", "shape": ["N", 3, s, s]}
    return {
        "format": MANIFEST_FORMAT,
        "id": f"{cfg['name']}-{digest[:12]}",
        "file": onnx_path.name,
        "sha256": digest,
        "inputSize": s,
        "inputs": {
            "rgb": {**io, "channels": "R,G,B (sRGB-encoded 8-bit values as decoded)"},
            "normal": {**io, "channels": "normal X,Y,Z encoded as R,G,B"},
        },
        "outputs": {
            "params": {"dtype": "float32", "shape": ["N", len(data["controls"])], "range": [0, 1]},
            "features": {"dtype": "float32", "shape": ["N", model.feature_dim]},
        },
        "normalisation": NORMALISATION,
        "scale": FORMULA,
        "normalConvention": "opengl-camera rgb=(n+1)/2",
        "absentNormal": {"feed": "zeros", "value": ABSENT_VALUE,
                         "how": "feed an all-zero float32 [N,3,S,S] tensor as `normal` (per sample: "
                                "a sample whose whole normal input is 0 counts as absent); the model "
                                "then uses its learned 'absent' feature. Trained with modality dropout "
                                f"p={cfg['modality_dropout']['normal']}."},
        "absentRgb": {"feed": "zeros", "value": ABSENT_VALUE,
                      "how": f"same rule for `rgb` (trained with p={cfg['modality_dropout']['rgb']})"},
        "controls": data["controls"],
        "regions": data["regions"],
        "rigHash": data["rigHash"],
        "trainingData": {k: data[k] for k in ("format", "count", "size", "seed", "rigHash", "hasNormal")}
                        | {"dir": Path(data["dir"]).name},
        "training": {"steps": ck["step"], "elapsedSeconds": round(ck["elapsed_s"], 1)},
        "config": cfg,
        "evaluation": evaluation,
        **({"calibration": ck["calibration"]} if "calibration" in ck else {}),
        "featureSize": model.feature_dim,
        **({"stages": staged_description(model)} if is_staged(model) else {}),
        "opset": 17,
        "parity": {"tolerance": PARITY_TOL, "maxAbsDiff": parity},
        "quantisation": quantisation,
        "speed": speed,
        "toolVersions": {"torch": torch.__version__, "onnx": onnx.__version__,
                         "onnxruntime": onnxruntime.__version__},
    }


def staged_description(model) -> dict:
    """What the manifest says of the staged graph: its stages, crops and extra outputs."""
    from .staged import ANCHORS, POSE_SCALE_DEG
    return {
        "pose": {"input": f"rgb average-pooled {model.locator_pool}x", "anchors": list(ANCHORS),
                 "outputs": {"anchors": "float32 [N, 3, 2]: x, y in input pixels (pixel i spans [i, i+1))",
                             "pose": "float32 [N, 3]: head yaw, pitch, roll in degrees"},
                 "scaleDeg": POSE_SCALE_DEG},
        "frame": "e = (eyeLeft + eyeRight)/2, ax = eyeLeft - eyeRight, ay = mouth - e; "
                 "canonical (a, b) -> e + a*ax + b*ay",
        "crops": {k: {"box": list(box), "size": list(size), "mirroredRight": k in model.sided}
                  for k, (box, size) in model.crops.items()},
        "experts": {k: list(v["regions"]) for k, v in model.layout.items()},
        "heads": {k: len(v) for k, v in model.assign.items()},
        "face": "dual Hiera (rgb, normal) on the face crop",
    }


def export(checkpoint, out, evaluation_json=None, quantize: bool = False, quiet: bool = False,
           measure_speed: bool = False) -> dict:
    torch.set_num_threads(2)
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    model, ck = model_from_checkpoint(checkpoint)
    if list(model.branches) != ["rgb", "normal"]:
        raise ValueError("only the dual-branch model is shipped; single-branch ablation models "
                         "are evaluated from their checkpoints")
    evaluation = json.loads(Path(evaluation_json).read_text()) if evaluation_json else None
    export_onnx(model, out)
    batches = parity_inputs(model.input_size)
    parity = max_diff(session_for(out), model, batches)
    if max(parity.values()) > PARITY_TOL:
        raise AssertionError(f"ONNX and PyTorch differ by {parity} (> {PARITY_TOL})")
    say(f"[export] {out}: parity vs torch {parity}")
    result = {"onnx": str(out), "manifest": str(manifest_path(out)), "parity": parity}
    speed = bench(out, model.input_size) if measure_speed else None
    if speed:
        say(f"[export] speed {speed}")
    manifest = build_manifest(out, model, ck, evaluation, parity, None, speed)
    manifest_path(out).write_text(json.dumps(manifest, indent=1) + "\n")
    if quantize:
        import tempfile

        from onnxruntime.quantization import QuantType, quantize_dynamic
        from onnxruntime.quantization.shape_inference import quant_pre_process
        q = out.with_name(out.stem + ".int8.onnx")
        with tempfile.TemporaryDirectory() as tmp:
            pre = Path(tmp) / "pre.onnx"
            quant_pre_process(str(out), str(pre))  # shape inference + fusions, as onnxruntime advises
            quantize_dynamic(str(pre), str(q), weight_type=QuantType.QInt8)
        qdiff = max_diff(session_for(q), model, batches)
        quant = {"type": "onnxruntime dynamic int8 (QInt8 weights)", "source": out.name,
                 "maxAbsDiffVsTorch": qdiff}
        say(f"[export] {q}: int8 error vs torch {qdiff}")
        qspeed = bench(q, model.input_size) if measure_speed else None
        if qspeed:
            say(f"[export] int8 speed {qspeed}")
        qm = build_manifest(q, model, ck, evaluation, qdiff, quant, qspeed)
        qm["parity"]["note"] = "quantised: the difference is quantisation error, not checked against the tolerance"
        manifest_path(q).write_text(json.dumps(qm, indent=1) + "\n")
        result.update(int8=str(q), int8_manifest=str(manifest_path(q)), int8_diff=qdiff)
    say(f"[export] manifest {manifest_path(out)} (id {manifest['id']})")
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--out", required=True, help="path of the .onnx to write")
    ap.add_argument("--eval", help="eval.json from evaluate.py, embedded as the manifest's 'evaluation'")
    ap.add_argument("--quantize", action="store_true", help="also write a dynamic-int8 model")
    ap.add_argument("--bench", action="store_true",
                    help="measure onnxruntime batch-1 latency / batch-16 throughput into the manifest")
    a = ap.parse_args(argv)
    export(a.checkpoint, a.out, a.eval, a.quantize, measure_speed=a.bench)


if __name__ == "__main__":
    sys.exit(main())
