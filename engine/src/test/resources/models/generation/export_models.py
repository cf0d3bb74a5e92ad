"""Exports the generation and shapes-on-demand test models: small transformers (random init from configs, no
downloads) with dynamic axes, by both PyTorch exporters, weights stripped.

    python3 export_models.py OUT_DIR [NAME ...]

NAME is a model of MODELS below (all when none is given). Every decoder is exported with a KV cache: the past
keys and values of each layer are graph inputs (past_key_values.N.key / .value, [batch, kv_heads, past, head_dim])
and the updated cache is an output (present.N.key / .value). See SOURCE.md for what each file is.
"""
import sys

import torch

# The torchvision wheel on the build machine is a CUDA build: importing it (transformers does) registers fake
# kernels for torchvision:: ops that fail on a CPU-only torch. Those ops are not used here.
_register_fake = torch.library.register_fake


def _register_fake_except_torchvision(op, *args, **kwargs):
    if isinstance(op, str) and op.startswith("torchvision::"):
        return lambda fn=None, *a, **k: fn if fn is not None else (lambda g: g)
    return _register_fake(op, *args, **kwargs)


torch.library.register_fake = _register_fake_except_torchvision

import onnx  # noqa: E402
import onnx.numpy_helper  # noqa: E402
import transformers  # noqa: E402
import transformers.masking_utils  # noqa: E402
from transformers.cache_utils import DynamicCache  # noqa: E402

# transformers checks position_ids for packed sequences with torch.diff, which the TorchScript exporter cannot
# express; for one unpacked sequence the check returns None in eager mode, so the graph is the same without it.
transformers.masking_utils.find_packed_sequence_indices = lambda position_ids: None

STRIP_ABOVE = 64          # initializers with more elements than this lose their values (int64 ones are kept)
KEEP_NODE_METADATA = ("namespace", "pkg.torch.onnx.name_scopes", "pkg.torch.onnx.class_hierarchy")


class Decoder(torch.nn.Module):
    """A causal LM called with keywords, its cache passed in and out as flat tensors."""

    def __init__(self, model, layers):
        super().__init__()
        self.model = model
        self.layers = layers

    def forward(self, input_ids, attention_mask, position_ids, *past):
        cache = DynamicCache(config=self.model.config)
        for i in range(self.layers):
            cache.update(past[2 * i], past[2 * i + 1], i)
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids,
                         past_key_values=cache, use_cache=True, return_dict=True)
        present = []
        for layer in out.past_key_values.layers[:self.layers]:
            present += [layer.keys, layer.values]
        return (out.logits, *present)


class Encoder(torch.nn.Module):
    """A BERT-style encoder called with keywords (the TorchScript exporter passes arguments positionally)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids,
                         return_dict=True)
        return out.last_hidden_state, out.pooler_output


class Vision(torch.nn.Module):
    """An image model called with keywords, returning its pooled output."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, pixel_values):
        out = self.model(pixel_values=pixel_values, return_dict=True)
        return out.last_hidden_state, out.pooler_output


def decoder_config(kind, layers, hidden, heads, kv_heads, inter, vocab):
    if kind == "llama":
        return transformers.LlamaConfig(vocab_size=vocab, hidden_size=hidden, intermediate_size=inter,
                                        num_hidden_layers=layers, num_attention_heads=heads,
                                        num_key_value_heads=kv_heads, max_position_embeddings=4096)
    if kind == "qwen2":
        return transformers.Qwen2Config(vocab_size=vocab, hidden_size=hidden, intermediate_size=inter,
                                        num_hidden_layers=layers, num_attention_heads=heads,
                                        num_key_value_heads=kv_heads, max_position_embeddings=4096)
    if kind == "gpt2":
        return transformers.GPT2Config(vocab_size=vocab, n_embd=hidden, n_layer=layers, n_head=heads,
                                       n_inner=inter, n_positions=4096)
    raise ValueError(kind)


def decoder_model(cfg, weightless):
    """The causal LM; weightless: each parameter is a zero-stride view of one number (no memory, no random init).
    The numbers differ, since the TorchScript exporter merges parameters of equal values into one."""
    cls = {"llama": transformers.LlamaForCausalLM, "qwen2": transformers.Qwen2ForCausalLM,
           "gpt2": transformers.GPT2LMHeadModel}[cfg.model_type]
    if not weightless:
        torch.manual_seed(0)
        return cls(cfg).eval()
    with torch.device("meta"):
        model = cls(cfg)
    count = 0
    for module in model.modules():
        for name, p in list(module.named_parameters(recurse=False)):
            count += 1
            one = torch.full((), count * 1e-6, dtype=p.dtype)
            setattr(module, name, torch.nn.Parameter(one.expand(p.shape), requires_grad=False))
        for name, b in list(module.named_buffers(recurse=False)):
            module.register_buffer(name, torch.zeros(b.shape, dtype=b.dtype), persistent=False)
    # the rotary frequencies are a computed buffer: rebuild them on the CPU
    for module in model.modules():
        if type(module).__name__.endswith("RotaryEmbedding"):
            fresh = type(module)(config=cfg)
            module.register_buffer("inv_freq", fresh.inv_freq, persistent=False)
            module.original_inv_freq = fresh.original_inv_freq
    return model.eval()


def decoder_example(cfg, batch=2, seq=3, past=5):
    layers = cfg.num_hidden_layers
    heads = cfg.num_attention_heads
    kv_heads = getattr(cfg, "num_key_value_heads", None) or heads
    head_dim = cfg.hidden_size // heads
    ids = torch.randint(0, cfg.vocab_size, (batch, seq))
    mask = torch.ones(batch, past + seq, dtype=torch.long)
    pos = torch.arange(past, past + seq).unsqueeze(0).expand(batch, seq).contiguous()
    cache = []
    for _ in range(layers):
        cache += [torch.randn(batch, kv_heads, past, head_dim), torch.randn(batch, kv_heads, past, head_dim)]
    in_names = ["input_ids", "attention_mask", "position_ids"] + [
        f"past_key_values.{i}.{kv}" for i in range(layers) for kv in ("key", "value")]
    out_names = ["logits"] + [f"present.{i}.{kv}" for i in range(layers) for kv in ("key", "value")]
    return (ids, mask, pos, *cache), in_names, out_names


def export(module, args, path, in_names, out_names, axes, dynamo):
    """Exports with dynamic axes: TorchScript takes them as dynamic_axes, dynamo as torch.export Dims."""
    with torch.no_grad():
        if not dynamo:
            torch.onnx.export(module, args, path, input_names=in_names, output_names=out_names,
                              dynamic_axes=axes, opset_version=17, dynamo=False, do_constant_folding=False,
                              export_params=not WEIGHTLESS[0])
            return
        dims = {}

        def dim(name):
            if name not in dims:
                dims[name] = torch.export.Dim(name, min=1 if name == "batch" else 0, max=8192)
            return dims[name]

        shapes = []
        for name in in_names:
            shapes.append({axis: dim(d) for axis, d in axes.get(name, {}).items()})
        # varargs (the cache) form one tuple, as torch.export sees the forward's arguments
        fixed = 3 if len(in_names) > 3 and in_names[3].startswith("past_key_values") else len(in_names)
        ds = tuple(shapes[:fixed]) + ((tuple(shapes[fixed:]),) if fixed < len(in_names) else ())
        program = torch.onnx.export(module, args, None, input_names=in_names, output_names=out_names,
                                    dynamic_shapes=ds, opset_version=18, dynamo=True)
        if not WEIGHTLESS[0]:
            program.save(path)
            return
        # weightless: save without initializer data, then put back each initializer's header, and the values
        # of the small ones (shape operands the exporter's optimizer folded)
        program.save(path, include_initializers=False)
        m = onnx.load(path)
        for name, value in program.model.graph.initializers.items():
            numel = 1
            for d in value.shape.dims:
                numel *= int(d)
            dtype = int(value.dtype)
            if numel <= STRIP_ABOVE or dtype == onnx.TensorProto.INT64:
                m.graph.initializer.append(onnx.numpy_helper.from_array(value.const_value.numpy(), name))
            else:
                m.graph.initializer.append(onnx.TensorProto(name=name, data_type=dtype,
                                                            dims=[int(d) for d in value.shape.dims]))
        onnx.save(m, path)


WEIGHTLESS = [False]


def strip(path, source):
    """Clears the values of large initializers (and gives weight inputs of a weightless export back their
    initializer headers), drops the bulky per-node stack traces, and records where the file came from."""
    m = onnx.load(path, load_external_data=False)
    inputs_used = {i.name for i in m.graph.input}
    kept_inputs = []
    for vi in m.graph.input:
        # a weightless TorchScript export lists the parameters as graph inputs: turn them into data-less initializers
        if vi.name.startswith(("model.", "transformer.", "lm_head.", "bert.", "embeddings.", "encoder.")) \
                and not vi.name.startswith(("past_key_values",)):
            t = onnx.TensorProto(name=vi.name, data_type=vi.type.tensor_type.elem_type,
                                 dims=[d.dim_value for d in vi.type.tensor_type.shape.dim])
            m.graph.initializer.append(t)
        else:
            kept_inputs.append(vi)
    del m.graph.input[:]
    m.graph.input.extend(kept_inputs)
    for t in m.graph.initializer:
        n = 1
        for d in t.dims:
            n *= d
        if n > STRIP_ABOVE and t.data_type != onnx.TensorProto.INT64:
            t.ClearField("raw_data")
            for field in ("float_data", "int32_data", "int64_data", "double_data", "uint64_data", "string_data"):
                t.ClearField(field)
            t.data_location = onnx.TensorProto.DEFAULT
            del t.external_data[:]
    for node in m.graph.node:
        kept = [p for p in node.metadata_props if p.key in KEEP_NODE_METADATA]
        del node.metadata_props[:]
        node.metadata_props.extend(kept)
    del m.metadata_props[:]
    for k, v in (("hawkeye.weights_stripped", f"initializers over {STRIP_ABOVE} elements, except int64, have no values"),
                 ("hawkeye.source", source)):
        m.metadata_props.add(key=k, value=v)
    onnx.save(m, path)
    del inputs_used


DECODER_AXES = {"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "total_sequence"},
                "position_ids": {0: "batch", 1: "sequence"}}


def export_decoder(out, name, kind, layers, hidden, heads, kv_heads, inter, vocab, weightless=False,
                   exporters=("ts", "dynamo")):
    cfg = decoder_config(kind, layers, hidden, heads, kv_heads, inter, vocab)
    model = Decoder(decoder_model(cfg, weightless), layers).eval()
    args, in_names, out_names = decoder_example(cfg)
    axes = dict(DECODER_AXES)
    for n in in_names[3:]:
        axes[n] = {0: "batch", 2: "past_sequence"}
    for n in out_names:
        axes[n] = {0: "batch", 1: "sequence"} if n == "logits" else {0: "batch", 2: "total_sequence"}
    WEIGHTLESS[0] = weightless
    for exporter in exporters:
        path = f"{out}/{name}_{exporter}.onnx"
        export(model, args, path, in_names, out_names, axes, exporter == "dynamo")
        strip(path, f"{type(model.model).__name__}({type(cfg).__name__}(layers={layers}, hidden={hidden}, "
                    f"heads={heads}, kv_heads={kv_heads}, intermediate={inter}, vocab={vocab})) with a KV cache, "
                    f"{'dynamo' if exporter == 'dynamo' else 'TorchScript'} exporter, transformers "
                    f"{transformers.__version__}, torch {torch.__version__}")
        print("wrote", path)


def export_encoder(out, name, static=False, base=False, exporters=("ts", "dynamo")):
    cfg = transformers.BertConfig() if base else transformers.BertConfig(
        vocab_size=256, hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128,
        max_position_embeddings=1024)
    torch.manual_seed(0)
    model = Encoder(transformers.BertModel(cfg).eval()).eval()
    args = (torch.randint(0, 256, (2, 7)), torch.ones(2, 7, dtype=torch.long), torch.zeros(2, 7, dtype=torch.long))
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "sequence"} for n in names}
    axes["last_hidden_state"] = {0: "batch", 1: "sequence"}
    axes["pooler_output"] = {0: "batch"}
    WEIGHTLESS[0] = False
    if static:
        # no dynamic axes, batch 1: the TorchScript exporter bakes the traced sizes into Constant nodes
        path = f"{out}/{name}.onnx"
        args = tuple(a[:1] for a in args)
        with torch.no_grad():
            torch.onnx.export(model, args, path, input_names=names, output_names=["last_hidden_state",
                              "pooler_output"], opset_version=17, dynamo=False, do_constant_folding=False)
        strip(path, "BertModel(BertConfig(layers=2, hidden=64, heads=4, intermediate=128, vocab=256)), TorchScript "
                    "exporter, static shapes 1x7")
        print("wrote", path)
        return
    sizes = "defaults: layers=12, hidden=768, heads=12, intermediate=3072, vocab=30522" if base \
        else "layers=2, hidden=64, heads=4, intermediate=128, vocab=256"
    for exporter in exporters:
        path = f"{out}/{name}_{exporter}.onnx"
        export(model, args, path, names, ["last_hidden_state", "pooler_output"], axes, exporter == "dynamo")
        strip(path, f"BertModel(BertConfig({sizes})), {'dynamo' if exporter == 'dynamo' else 'TorchScript'} "
                    f"exporter")
        print("wrote", path)


def export_vision(out, name):
    if name == "vit":
        cfg = transformers.ViTConfig(image_size=32, patch_size=8, hidden_size=64, num_hidden_layers=2,
                                     num_attention_heads=4, intermediate_size=128)
        model, size = transformers.ViTModel(cfg), 32
    elif name == "swin":
        cfg = transformers.SwinConfig(image_size=64, patch_size=4, embed_dim=32, depths=[2, 2], num_heads=[2, 4],
                                      window_size=4)
        model, size = transformers.SwinModel(cfg), 64
    elif name == "convnext":
        cfg = transformers.ConvNextConfig(hidden_sizes=[16, 32], depths=[1, 1], num_stages=2, image_size=32)
        model, size = transformers.ConvNextModel(cfg), 32
    elif name == "resnet":
        cfg = transformers.ResNetConfig(embedding_size=16, hidden_sizes=[16, 32], depths=[1, 1],
                                        layer_type="basic")
        model, size = transformers.ResNetModel(cfg), 32
    else:
        raise ValueError(name)
    torch.manual_seed(0)
    wrapped = Vision(model.eval()).eval()
    args = (torch.randn(2, 3, size, size),)
    spatial = name in ("convnext", "resnet")  # fully convolutional up to the pooling: the image size may change
    axes = {"pixel_values": {0: "batch", 2: "height", 3: "width"} if spatial else {0: "batch"},
            "last_hidden_state": {0: "batch"}, "pooler_output": {0: "batch"}}
    WEIGHTLESS[0] = False
    for exporter in ("ts", "dynamo"):
        path = f"{out}/{name}_{exporter}.onnx"
        export(wrapped, args, path, ["pixel_values"], ["last_hidden_state", "pooler_output"], axes,
               exporter == "dynamo")
        strip(path, f"{type(model).__name__}({type(cfg).__name__}), "
                    f"{'dynamo' if exporter == 'dynamo' else 'TorchScript'} exporter")
        print("wrote", path)


MODELS = {
    "tiny_llama_kv": lambda out: export_decoder(out, "tiny_llama_kv", "llama", 2, 64, 4, 2, 128, 256),
    "qwen2_kv": lambda out: export_decoder(out, "qwen2_kv", "qwen2", 2, 64, 4, 2, 128, 256),
    "gpt2_kv": lambda out: export_decoder(out, "gpt2_kv", "gpt2", 2, 64, 4, 4, 256, 256),
    "bert": lambda out: export_encoder(out, "bert"),
    "bert_static": lambda out: export_encoder(out, "bert_static_ts", static=True),
    "bert_base": lambda out: export_encoder(out, "bert_base", base=True, exporters=("ts",)),
    "vit": lambda out: export_vision(out, "vit"),
    "swin": lambda out: export_vision(out, "swin"),
    "convnext": lambda out: export_vision(out, "convnext"),
    "resnet": lambda out: export_vision(out, "resnet"),
    # TinyLlama-1.1B's shape: 22 layers, hidden 2048, GQA 32/4 heads, FFN 5632, vocab 32000; no weights at all
    "tinyllama_kv": lambda out: export_decoder(out, "tinyllama_kv", "llama", 22, 2048, 32, 4, 5632, 32000,
                                               weightless=True),
}

if __name__ == "__main__":
    out_dir = sys.argv[1]
    for model_name in sys.argv[2:] or list(MODELS):
        MODELS[model_name](out_dir)
