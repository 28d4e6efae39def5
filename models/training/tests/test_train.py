import json

import numpy as np
import pytest
import torch

from rigsolve_training.config import CONFIG_DIR, load_config
from rigsolve_training.train import BatchOrder, load_checkpoint, lr_at, train

# a few steps of the tiny model: enough to tell identical runs from different ones
SHORT = ["train.steps=6", "train.log_every=2", "train.checkpoint_every=100", "train.val_every=3",
         "train.val_samples=32", "train.batch_size=8", "loss.mesh_vertices=64"]


def weights(path):
    return load_checkpoint(path)["model"]


def same_weights(a, b):
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def curve(path):
    drop = {"samples_per_s", "elapsed_s"}   # wall-clock figures legitimately differ
    return [{k: v for k, v in json.loads(ln).items() if k not in drop}
            for ln in path.read_text().splitlines()]


def test_same_seed_same_weights_other_seed_other_weights(fake_data, tmp_path):
    data, val, _ = fake_data
    cfg = load_config(CONFIG_DIR / "tiny.json", SHORT)
    train(cfg, data, tmp_path / "a", val, quiet=True)
    train(cfg, data, tmp_path / "b", val, quiet=True)
    assert same_weights(weights(tmp_path / "a/checkpoint-last.pt"), weights(tmp_path / "b/checkpoint-last.pt"))
    assert curve(tmp_path / "a/train-log.jsonl") == curve(tmp_path / "b/train-log.jsonl")
    other = load_config(CONFIG_DIR / "tiny.json", SHORT + ["seed=7"])
    train(other, data, tmp_path / "c", quiet=True)
    assert not same_weights(weights(tmp_path / "a/checkpoint-last.pt"), weights(tmp_path / "c/checkpoint-last.pt"))


def test_resume_matches_uninterrupted_training(fake_data, tmp_path):
    data, val, _ = fake_data
    cfg = load_config(CONFIG_DIR / "tiny.json", SHORT)
    train(cfg, data, tmp_path / "full", val, quiet=True)
    first = train(cfg, data, tmp_path / "split", val, stop_after=3, quiet=True)
    assert first["step"] == 3 and load_checkpoint(tmp_path / "split/checkpoint-last.pt")["step"] == 3
    with pytest.raises(FileExistsError):
        train(cfg, data, tmp_path / "split", val, quiet=True)          # no silent overwrite
    train(cfg, data, tmp_path / "split", val, resume=True, quiet=True)
    assert same_weights(weights(tmp_path / "full/checkpoint-last.pt"), weights(tmp_path / "split/checkpoint-last.pt"))
    assert curve(tmp_path / "full/train-log.jsonl") == curve(tmp_path / "split/train-log.jsonl")
    changed = load_config(CONFIG_DIR / "tiny.json", SHORT + ["loss.mesh=0.5"])
    with pytest.raises(ValueError, match="loss.mesh"):
        train(changed, data, tmp_path / "split", val, resume=True, quiet=True)


def test_training_log_is_a_curve(fake_data, tmp_path):
    data, val, _ = fake_data
    train(load_config(CONFIG_DIR / "tiny.json", SHORT), data, tmp_path / "r", val, quiet=True)
    rows = [json.loads(ln) for ln in (tmp_path / "r/train-log.jsonl").read_text().splitlines()]
    steps = [r["step"] for r in rows if "loss" in r]
    assert steps == [2, 4, 6]
    assert [r["step"] for r in rows if "val_loss" in r] == [3, 6]
    assert all(np.isfinite(r["loss"]) and r["samples_per_s"] > 0 for r in rows if "loss" in r)
    assert json.loads((tmp_path / "r/config.json").read_text())["train"]["steps"] == 6


def test_batch_order_visits_every_sample_once_per_epoch():
    order = BatchOrder(10, 4, seed=3)
    seen = np.concatenate([order.indices(s)[0] for s in range(5)])        # 20 draws = 2 epochs
    assert sorted(seen[:10]) == list(range(10)) and sorted(seen[10:]) == list(range(10))
    assert not np.array_equal(seen[:10], seen[10:])
    assert np.array_equal(BatchOrder(10, 4, seed=3).indices(3)[0], order.indices(3)[0])


def test_lr_schedule_warms_up_then_decays():
    tc = {"lr": 1e-3, "warmup_steps": 10, "steps": 110, "min_lr_ratio": 0.1}
    assert lr_at(0, tc) == pytest.approx(1e-4)
    assert lr_at(9, tc) == pytest.approx(1e-3)
    assert lr_at(60, tc) == pytest.approx(1e-3 * (0.1 + 0.9 * 0.5))
    assert lr_at(110, tc) == pytest.approx(1e-4)


def test_config_rejects_unknown_keys():
    with pytest.raises(KeyError):
        load_config(CONFIG_DIR / "tiny.json", ["train.stepz=3"])
    cfg = load_config(CONFIG_DIR / "tiny.json", ["loss.region_weights.lips=1.5"])
    assert cfg["loss"]["region_weights"] == {"gaze": 4.0, "eyelid": 2.0, "lips": 1.5}


def test_init_from_skips_the_named_parts(fake_data, tmp_path):
    from rigsolve_training.model import build_model
    from rigsolve_training.train import init_from
    data, val, _ = fake_data
    cfg = load_config(CONFIG_DIR / "tiny.json", SHORT)
    train(cfg, data, tmp_path / "a", val, quiet=True)
    theirs = weights(tmp_path / "a" / "checkpoint-last.pt")
    torch.manual_seed(5)
    model = build_model(cfg, len(load_checkpoint(tmp_path / "a" / "checkpoint-last.pt")["data"]["controls"]))
    fresh_head = model.state_dict()["head.0.weight"].clone()
    loaded, fresh = init_from(model, tmp_path / "a" / "checkpoint-last.pt", ["head."])
    mine = model.state_dict()
    assert fresh and all(k.startswith("head.") for k in fresh)
    assert torch.equal(mine["head.0.weight"], fresh_head) and not torch.equal(mine["head.0.weight"], theirs["head.0.weight"])
    assert all(torch.equal(mine[k], theirs[k]) for k in loaded)


def test_clip_apart_puts_the_named_parts_in_their_own_group():
    from rigsolve_training.train import grad_clip_groups
    model = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.Linear(2, 2))
    groups = grad_clip_groups(model, ["0."])
    assert [len(g) for g in groups] == [2, 2]
    assert groups[0][0] is model[0].weight
    assert len(grad_clip_groups(model, [])) == 1
