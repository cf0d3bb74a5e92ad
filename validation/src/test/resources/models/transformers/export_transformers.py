#!/usr/bin/env python3
"""Exports the transformer test models of hawkeye with both PyTorch exporters, weights stripped.

Every model is built from a config with random initialisation (nothing is downloaded), put in eval() mode, and
exported twice with torch.onnx.export's defaults: the dynamo exporter (dynamo=True) and the TorchScript exporter
(dynamo=False). Then every initializer of more than 64 elements that is not int64 loses its payload (name, dims
and type stay), and the per-node stack traces the dynamo exporter writes are dropped (the module path it writes,
pkg.torch.onnx.name_scopes, stays, and so does the provenance it writes on value_info).

    python3 export_transformers.py --size tiny --out DIR            # 2 layers, hidden 64 (test resources)
    python3 export_transformers.py --size full --out DIR            # the published configurations
    python3 export_transformers.py --size tiny --models llama --exporters dynamo --out DIR
    python3 export_transformers.py --size tiny --models bert --exporters torchscript --opset 17 --out DIR

Models can be added to MODELS (a function returning the module and its example inputs by name); another export
(a decoder with a KV cache, say) can reuse build(), export() and strip() from its own script.

torchvision's wheel here is a CUDA build: importing it on CPU fails while it registers fake kernels for its
torchvision:: ops, which timm imports. Those registrations are made no-ops before the import.
"""
import argparse
import os
import sys
import tempfile

import torch

_register_fake = torch.library.register_fake


def _register_fake_except_torchvision(op, *args, **kwargs):
    if isinstance(op, str) and op.startswith("torchvision::"):
        return lambda fn: fn
    return _register_fake(op, *args, **kwargs)


torch.library.register_fake = _register_fake_except_torchvision

import onnx  # noqa: E402
import onnx.external_data_helper  # noqa: E402
import timm  # noqa: E402
import transformers  # noqa: E402

STRIP_ABOVE = 64
# what the dynamo exporter writes on each node besides its module path (pkg.torch.onnx.name_scopes), dropped for size
DROPPED_NODE_METADATA = ("pkg.torch.onnx.stack_trace", "pkg.torch.onnx.fx_node", "pkg.torch.onnx.class_hierarchy",
                         "namespace")


def text_inputs(seq, vocab, names):
    """Token ids drawn at random, an all-ones attention mask, positions 0..seq-1, segment ids 0."""
    g = torch.Generator().manual_seed(1)
    all_inputs = {
        "input_ids": torch.randint(0, vocab, (1, seq), generator=g),
        "attention_mask": torch.ones(1, seq, dtype=torch.long),
        "token_type_ids": torch.zeros(1, seq, dtype=torch.long),
        "position_ids": torch.arange(seq).unsqueeze(0),
    }
    return {n: all_inputs[n] for n in names}


def image_input(size):
    return {"pixel_values": torch.randn(1, 3, size, size, generator=torch.Generator().manual_seed(1))}


def llama(size):
    c = dict(vocab_size=128, hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
             num_key_value_heads=2, max_position_embeddings=64) if size == "tiny" else dict(
        # SmolLM2-135M's configuration (LlamaForCausalLM: GQA 9 heads over 3, RoPE, RMSNorm, SiLU gate, tied
        # embeddings); TinyLlama-1.1B's fits the dynamo exporter but not the TorchScript exporter's memory (13 GB)
        vocab_size=49152, hidden_size=576, intermediate_size=1536, num_hidden_layers=30, num_attention_heads=9,
        num_key_value_heads=3, max_position_embeddings=8192, rms_norm_eps=1e-5, rope_theta=100000.0,
        tie_word_embeddings=True)
    cfg = transformers.LlamaConfig(use_cache=False, **c)
    seq = 8 if size == "tiny" else 128
    return (transformers.LlamaForCausalLM(cfg), text_inputs(seq, cfg.vocab_size,
                                                            ["input_ids", "attention_mask", "position_ids"]),
            ["logits"])


def qwen2(size):
    c = dict(vocab_size=128, hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
             num_key_value_heads=2, max_position_embeddings=64, tie_word_embeddings=True) if size == "tiny" else dict(
        # Qwen2-0.5B's configuration
        vocab_size=151936, hidden_size=896, intermediate_size=4864, num_hidden_layers=24, num_attention_heads=14,
        num_key_value_heads=2, max_position_embeddings=32768, rms_norm_eps=1e-6, rope_theta=1000000.0,
        tie_word_embeddings=True)
    cfg = transformers.Qwen2Config(use_cache=False, **c)
    seq = 8 if size == "tiny" else 128
    return (transformers.Qwen2ForCausalLM(cfg), text_inputs(seq, cfg.vocab_size,
                                                            ["input_ids", "attention_mask", "position_ids"]),
            ["logits"])


def gpt2(size):
    c = dict(vocab_size=128, n_positions=64, n_embd=64, n_layer=2, n_head=4) if size == "tiny" else {}
    cfg = transformers.GPT2Config(use_cache=False, **c)
    seq = 8 if size == "tiny" else 128
    return (transformers.GPT2LMHeadModel(cfg), text_inputs(seq, cfg.vocab_size,
                                                           ["input_ids", "attention_mask", "position_ids"]),
            ["logits"])


def bert(size):
    c = dict(vocab_size=128, hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128,
             max_position_embeddings=64) if size == "tiny" else {}
    cfg = transformers.BertConfig(**c)
    seq = 8 if size == "tiny" else 128
    return (transformers.BertModel(cfg), text_inputs(seq, cfg.vocab_size,
                                                     ["input_ids", "attention_mask", "token_type_ids"]),
            ["last_hidden_state", "pooler_output"])


def vit(size):
    if size == "tiny":
        m = timm.create_model("vit_tiny_patch16_224", pretrained=False, img_size=32, patch_size=8, embed_dim=64,
                              depth=2, num_heads=4, num_classes=10)
        return m, image_input(32), ["logits"]
    return timm.create_model("vit_base_patch16_224", pretrained=False), image_input(224), ["logits"]


def swin(size):
    if size == "tiny":
        m = timm.create_model("swin_tiny_patch4_window7_224", pretrained=False, img_size=32, patch_size=2,
                              window_size=4, embed_dim=32, depths=(2, 2), num_heads=(2, 4), num_classes=10)
        return m, image_input(32), ["logits"]
    return timm.create_model("swin_tiny_patch4_window7_224", pretrained=False), image_input(224), ["logits"]


def convnext(size):
    if size == "tiny":
        m = timm.create_model("convnext_tiny", pretrained=False, depths=(1, 1, 1, 1), dims=(16, 32, 48, 64),
                              num_classes=10)
        return m, image_input(32), ["logits"]
    return timm.create_model("convnext_tiny", pretrained=False), image_input(224), ["logits"]


# what --size full builds, as the file names say it
FULL_NAMES = {"llama": "smollm2_135m", "qwen2": "qwen2_0.5b", "gpt2": "gpt2", "bert": "bert_base", "vit": "vit_b16",
              "swin": "swin_t", "convnext": "convnext_t"}
MODELS = {"llama": llama, "qwen2": qwen2, "gpt2": gpt2, "bert": bert, "vit": vit, "swin": swin,
          "convnext": convnext}
EXPORTERS = {"dynamo": True, "torchscript": False}


def build(name, size):
    """The model in eval() mode, its example inputs by name, and its output names."""
    torch.manual_seed(0)
    model, inputs, outputs = MODELS[name](size)
    model.eval()
    with torch.no_grad():
        # Bit-identical initial values (LayerNorm ones, zero biases) would be de-duplicated by the exporters into
        # Identity nodes a trained model does not have; tiny noise keeps every parameter distinct.
        for p in model.parameters():
            p.add_(torch.rand_like(p) * 1e-3)
    return model, inputs, outputs


def positional(model, names):
    """The model, its class given a forward() that takes the inputs positionally: the TorchScript exporter passes
    every argument positionally, which a Hugging Face forward() does not accept. Changing the instance's class,
    rather than wrapping it in another module, keeps the module paths in node names those of the model itself."""
    base = type(model)

    def forward(self, *args):
        out = base.forward(self, **dict(zip(names, args)), return_dict=False)
        return out if isinstance(out, tuple) else (out,)

    model.__class__ = type(base.__name__, (base,), {"forward": forward})
    return model


def export(model, inputs, outputs, path, dynamo, opset=None):
    """torch.onnx.export with its defaults, but for the exporter, the names of inputs and outputs and, when given,
    the opset (17 has no Gelu op: exporters write GELU as Erf or Tanh ops)."""
    names = list(inputs)
    hugging_face = isinstance(model, transformers.PreTrainedModel)
    if dynamo:
        args, kwargs = ((), dict(inputs)) if hugging_face else (tuple(inputs.values()), None)
        torch.onnx.export(model, args, path, kwargs=kwargs, input_names=names, output_names=outputs, dynamo=True,
                          opset_version=opset)
    else:
        target = positional(model, names) if hugging_face else model
        torch.onnx.export(target, tuple(inputs.values()), path, input_names=names, output_names=outputs,
                          dynamo=False, opset_version=opset)


def strip(src, dst, note):
    """Drops the payload of every initializer and Constant of more than 64 elements that is not int64, and the
    dynamo exporter's node metadata but the module path; writes one self-contained file."""
    m = onnx.load(src, load_external_data=False)
    tensors = list(m.graph.initializer)
    # Constant nodes' large float payloads go too (Swin's shifted-window masks); their header stays
    tensors += [a.t for n in m.graph.node if n.op_type == "Constant" for a in n.attribute if a.name == "value"]
    for t in tensors:
        n = 1
        for d in t.dims:
            n *= d
        if n > STRIP_ABOVE and t.data_type != onnx.TensorProto.INT64:
            for field in ("raw_data", "float_data", "int32_data", "int64_data", "double_data", "uint64_data",
                          "string_data"):
                t.ClearField(field)
        elif t.data_location == onnx.TensorProto.EXTERNAL:
            # a value kept: read it from the exporter's .data file (the large ones never are)
            onnx.external_data_helper.load_external_data_for_tensor(t, os.path.dirname(src))
        t.ClearField("external_data")
        t.data_location = onnx.TensorProto.DEFAULT
    for node in m.graph.node:
        keep = [p for p in node.metadata_props if p.key not in DROPPED_NODE_METADATA]
        del node.metadata_props[:]
        node.metadata_props.extend(keep)
    for key, value in (("hawkeye.weights_stripped", f"initializers and Constants of more than {STRIP_ABOVE} elements "
                                                    "that are not int64 have no payload"), ("hawkeye.source", note)):
        kept = [p for p in m.metadata_props if p.key != key]
        del m.metadata_props[:]
        m.metadata_props.extend(kept)
        p = m.metadata_props.add()
        p.key, p.value = key, value
    onnx.save(m, dst)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", choices=["tiny", "full"], required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--exporters", default=",".join(EXPORTERS))
    ap.add_argument("--opset", type=int, help="the exporter's default when not given; named in the file name")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    versions = (f"torch {torch.__version__}, transformers {transformers.__version__}, timm {timm.__version__}, "
                f"onnx {onnx.__version__}")
    for name in a.models.split(","):
        for exporter in a.exporters.split(","):
            model, inputs, outputs = build(name, a.size)
            suffix = "" if a.opset is None else f"_opset{a.opset}"
            stem = f"{name}_tiny" if a.size == "tiny" else FULL_NAMES[name]
            dst = os.path.join(a.out, f"{stem}_{exporter}{suffix}.onnx")
            with tempfile.TemporaryDirectory() as tmp:
                raw = os.path.join(tmp, "model.onnx")
                export(model, inputs, outputs, raw, EXPORTERS[exporter], a.opset)
                opset = "" if a.opset is None else f" --opset {a.opset}"
                strip(raw, dst, f"export_transformers.py --size {a.size} --models {name} --exporters {exporter}"
                                f"{opset}; {versions}")
            print(f"{dst}: {os.path.getsize(dst)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
