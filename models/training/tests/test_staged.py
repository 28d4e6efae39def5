"""The staged solver's pieces: which head solves which control, crops in the anchors' frame,
mirroring, and the exported graph."""
import numpy as np
import torch

from rigsolve_training.config import CONFIG_DIR, load_config
from rigsolve_training.controls import load_controls
from rigsolve_training.export import export_onnx, max_diff, parity_inputs, session_for
from rigsolve_training.staged import LEGACY_EXPERTS, StagedSolver, assign_controls, canonical_grid, expert_layout, sample_crop

ROWS = load_controls()
CONTROLS = [r["name"] for r in ROWS]
REGIONS = [r["region"] for r in ROWS]


def test_every_control_has_exactly_one_head_and_sides_stay_apart():
    layout = expert_layout(load_config(CONFIG_DIR / "staged.json")["model"]["staged"])
    heads = assign_controls(CONTROLS, REGIONS, layout)
    flat = sorted(i for idx in heads.values() for i in idx)
    assert flat == list(range(len(CONTROLS)))
    names = {k: [CONTROLS[i] for i in v] for k, v in heads.items()}
    assert "eyeBlink_L" in names["eye_L"] and "eyeLookUp_R" in names["eye_R"]
    for key, spec in layout.items():
        if spec["sided"]:
            assert all(n.endswith("_L") for n in names[f"{key}_L"]), key
            assert all(n.endswith("_R") for n in names[f"{key}_R"]), key
    # sided lip controls go to the mirrored lips expert, central ones to the mouth expert
    assert "mouthPucker_L" in names["lips_L"] and "mouthShrugLower" in names["mouth"]
    assert "jawOpen" in names["jaw"] and "chinRaise_R" in names["mouth"]
    assert "noseWrinkle_L" in names["nose_L"] and "cheekPuff_R" in names["corner_R"]
    # few outputs per head: the point of the split (one head of 57 drowned the lips)
    assert max(len(v) for v in heads.values()) <= 17


def test_legacy_layout_keeps_the_first_staged_models_heads():
    # checkpoints whose config predates model.staged.experts still load and evaluate
    staged = {"expert_widths": {k: [8] for k in LEGACY_EXPERTS}}
    names = {k: [CONTROLS[i] for i in v] for k, v in assign_controls(CONTROLS, REGIONS, expert_layout(staged)).items()}
    assert len(names["mouth"]) == 57 and "jawOpen" in names["mouth"]
    assert "noseWrinkle_L" in names["face"] and "neckSwallow" in names["face"]


def test_crop_is_taken_in_the_anchors_frame():
    # A plate whose pixel values are their own x and y coordinates: the crop then shows exactly
    # where it sampled. Anchors: eyes at x = ±0.4, y = −0.2; mouth at (0, 0.4).
    size = 64
    ys, xs = torch.meshgrid(torch.arange(size) + 0.5, torch.arange(size) + 0.5, indexing="ij")
    plate = torch.stack([xs, ys])[None].float() / size * 2 - 1   # normalised coordinates
    anchors = torch.tensor([[[0.4, -0.2], [-0.4, -0.2], [0.0, 0.4]]])
    # the canonical point (0.5, 0) is the left eye, (0, 1) the mouth
    grid = torch.tensor([[[0.5, 0.0], [0.0, 1.0], [-0.5, 0.0]]])     # [h=1, w=3, 2]
    out = sample_crop(plate, anchors, grid)[0, :, 0].T
    assert torch.allclose(out, anchors[0][[0, 2, 1]], atol=1e-5)
    # rotate the head 90° in the plate: the crop follows
    rot = torch.tensor([[[0.2, 0.4], [0.2, -0.4], [-0.4, 0.0]]])
    out = sample_crop(plate, rot, grid)[0, :, 0].T
    assert torch.allclose(out, rot[0][[0, 2, 1]], atol=1e-5)


def test_right_side_crops_are_the_mirror_of_the_left():
    box = ((0.14, 0.86, -0.3, 0.26))
    left, right = canonical_grid(box, (6, 8), False), canonical_grid(box, (6, 8), True)
    assert torch.allclose(right[..., 0], -left[..., 0]) and torch.allclose(right[..., 1], left[..., 1])
    # column 0 of the left crop is nearest the nose (a small); so is column 0 of the mirrored one
    assert left[0, 0, 0] < left[0, -1, 0] and abs(right[0, 0, 0]) < abs(right[0, -1, 0])


def test_tiny_staged_model_exports_with_parity():
    cfg = load_config(CONFIG_DIR / "staged-tiny.json")
    torch.manual_seed(0)
    model = StagedSolver(cfg["model"], CONTROLS, REGIONS).eval()
    model.deadzone.uniform_(0, 0.1)   # a calibrated model: the graph must carry its deadzone
    x = torch.zeros(2, 3, 64, 64).uniform_(-2, 2)
    with torch.no_grad():
        params, feats = model(x, x)
    assert params.shape == (2, len(CONTROLS)) and feats.shape == (2, model.feature_dim)
    assert float(params.min()) >= 0 and float(params.max()) <= 1
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "tiny.onnx"
        export_onnx(model, out)
        assert not model.training, "exporting must leave the model in eval mode"
        sess = session_for(out)
        assert [o.name for o in sess.get_outputs()] == ["params", "features", "anchors", "pose"]
        diff = max_diff(sess, model, parity_inputs(64))
        assert max(diff.values()) < 1e-4, diff
        rgb = np.zeros((1, 3, 64, 64), np.float32) + 0.3
        anchors = sess.run(["anchors"], {"rgb": rgb, "normal": rgb})[0]
        assert anchors.shape == (1, 3, 2)

