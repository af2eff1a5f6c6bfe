"""The ONNX export (training only, needs torch): the int8 graph that ships must say what the fp32 encoder says.

Weights are quantised per output channel: with one scale per matrix (per tensor) all-MiniLM-L6-v2's int8
embeddings were as far as cosine 0.87 from its own fp32 embeddings on real tweets (mean 0.954); per channel,
0.97 at worst (mean 0.991), at the same speed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import numpy_helper
from training.finetune import base_encoder, base_model_dir, export_onnx

from steward.models.encoder import Encoder, load_tokenizer, padded_ids
from tests.models.comments import SAMPLE_COMMENTS

TEXTS = SAMPLE_COMMENTS


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, np.ndarray]:
    import torch  # training-time code: the dev install has torch (imported here, not when tests are collected)

    folder = tmp_path_factory.mktemp("export")
    module = base_encoder()
    export_onnx(module, folder / "model.onnx")
    (folder / "tokenizer.json").write_bytes((base_model_dir() / "tokenizer.json").read_bytes())
    tokenizer = load_tokenizer(folder / "tokenizer.json")  # as Encoder sets it
    rows = []
    with torch.no_grad():
        for text in TEXTS:  # one at a time, as the runtime embeds them
            ids, mask = padded_ids(tokenizer, [text])
            rows.append(module(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()[0])
    return folder, np.array(rows)


def test_the_int8_graph_agrees_with_the_fp32_encoder(exported: tuple[Path, np.ndarray]) -> None:
    folder, fp32 = exported
    int8 = Encoder(folder, threads=1).embed(TEXTS)
    cosine = (int8 * fp32).sum(axis=1) / np.linalg.norm(int8, axis=1) / np.linalg.norm(fp32, axis=1)
    assert cosine.min() >= 0.97, dict(zip(TEXTS, cosine.round(3), strict=True))
    assert cosine.mean() >= 0.985


def test_weights_are_quantised_per_output_channel(exported: tuple[Path, np.ndarray]) -> None:
    folder, _ = exported
    graph = onnx.load(str(folder / "model.onnx")).graph
    weights = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    matmuls = [n for n in graph.node if n.op_type == "MatMulInteger"]
    assert len(matmuls) >= 36  # six layers: Q, K, V, output, and the two feed-forward matrices
    for node in matmuls:
        weight, scale = node.input[1], node.input[1].replace("_quantized", "_scale")
        assert weights[weight].dtype == np.int8
        assert weights[scale].shape == (weights[weight].shape[1],), node.name  # one scale per output column


def test_weights_fit_in_seven_bits_so_no_cpu_saturates(exported: tuple[Path, np.ndarray]) -> None:
    folder, _ = exported
    graph = onnx.load(str(folder / "model.onnx")).graph
    weights = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    for node in (n for n in graph.node if n.op_type == "MatMulInteger"):
        weight = weights[node.input[1]]
        assert int(weight.min()) >= -64 and int(weight.max()) <= 64, node.name  # 2 x 255 x 64 <= 32,767
