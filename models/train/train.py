"""Trains the small llama-architecture model in models/kjv-llama-f32.gguf on the King James Bible.

A developer step, never run by CI: see models/README.md for the command, the text and the figures. Deterministic on
one machine for a given seed and thread count (CPU, float32, fixed sampling order).

Input: the tokens file that models/train/Tokenize.java writes (llama.cpp's own tokenisation, one chapter per line,
BOS first). Output: an F32 GGUF with llama.cpp's llama-arch conventions and the llama-spm tokenizer copied from
llama.cpp's ggml-vocab-llama-spm.gguf, plus a JSON log of the losses.
"""
import argparse
import json
import math
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

import gguf


class Config:
    def __init__(self, vocab, dim=128, layers=4, heads=4, kv_heads=2, ff=384, ctx=256, eps=1e-5, rope_base=10000.0):
        self.vocab, self.dim, self.layers, self.heads, self.kv_heads = vocab, dim, layers, heads, kv_heads
        self.ff, self.ctx, self.eps, self.rope_base = ff, ctx, eps, rope_base
        self.head_dim = dim // heads


class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope_tables(cfg, positions):
    inv = cfg.rope_base ** (-torch.arange(0, cfg.head_dim, 2, dtype=torch.float64) / cfg.head_dim)
    angles = positions.to(torch.float64)[:, None] * inv[None, :]
    return angles.cos().float(), angles.sin().float()


def rope(x, cos, sin):
    # llama.cpp's LLAMA_ROPE_TYPE_NORM turns neighbouring pairs (2i, 2i+1). Training in that layout means the GGUF
    # stores Q and K as trained, with no permutation (convert_hf_to_gguf permutes HF's rotate-half weights into it).
    x0, x1 = x[..., 0::2], x[..., 1::2]
    return torch.stack((x0 * cos - x1 * sin, x0 * sin + x1 * cos), dim=-1).flatten(-2)


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        hd = cfg.head_dim
        self.attn_norm = RMSNorm(cfg.dim, cfg.eps)
        self.q = nn.Linear(cfg.dim, cfg.heads * hd, bias=False)
        self.k = nn.Linear(cfg.dim, cfg.kv_heads * hd, bias=False)
        self.v = nn.Linear(cfg.dim, cfg.kv_heads * hd, bias=False)
        self.o = nn.Linear(cfg.heads * hd, cfg.dim, bias=False)
        self.ffn_norm = RMSNorm(cfg.dim, cfg.eps)
        self.gate = nn.Linear(cfg.dim, cfg.ff, bias=False)
        self.up = nn.Linear(cfg.dim, cfg.ff, bias=False)
        self.down = nn.Linear(cfg.ff, cfg.dim, bias=False)

    def forward(self, x, cos, sin):
        b, t, _ = x.shape
        c = self.cfg
        h = self.attn_norm(x)
        q = self.q(h).view(b, t, c.heads, c.head_dim).transpose(1, 2)
        k = self.k(h).view(b, t, c.kv_heads, c.head_dim).transpose(1, 2)
        v = self.v(h).view(b, t, c.kv_heads, c.head_dim).transpose(1, 2)
        q, k = rope(q, cos, sin), rope(k, cos, sin)
        # llama.cpp gives query head i the KV head i // (heads / kv_heads)
        group = c.heads // c.kv_heads
        k, v = k.repeat_interleave(group, dim=1), v.repeat_interleave(group, dim=1)
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.o(a.transpose(1, 2).reshape(b, t, -1))
        h = self.ffn_norm(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class Llama(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.embed = nn.Embedding(cfg.vocab, cfg.dim)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.layers))
        self.norm = RMSNorm(cfg.dim, cfg.eps)
        for name, p in self.named_parameters():
            if p.dim() == 2:
                # GPT-2's scheme: residual-branch outputs shrink with depth so the stream's scale stays put
                std = 0.02 / math.sqrt(2 * cfg.layers) if name.endswith(("o.weight", "down.weight")) else 0.02
                nn.init.normal_(p, std=std)

    def forward(self, ids, head_rows=None):
        """Logits over the whole vocabulary, or over the rows head_rows of the (tied) head only."""
        cos, sin = rope_tables(self.cfg, torch.arange(ids.shape[1]))
        x = self.embed(ids)
        for block in self.blocks:
            x = block(x, cos, sin)
        # tied: no output.weight in the GGUF, so llama.cpp uses token_embd as the LM head
        head = self.embed.weight if head_rows is None else self.embed.weight[head_rows]
        return self.norm(x) @ head.T


def read_tokens(path):
    with open(path) as f:
        return [np.array(line.split(), dtype=np.int64) for line in f if line.strip()]


def batches(stream, cfg, batch, rng):
    """Windows of ctx tokens at random offsets, each with BOS in front as a prompt has it."""
    bos = 1
    starts = rng.integers(0, len(stream) - cfg.ctx, size=batch)
    x = np.stack([np.concatenate(([bos], stream[s:s + cfg.ctx - 1])) for s in starts])
    y = np.stack([stream[s:s + cfg.ctx] for s in starts])
    return torch.from_numpy(x), torch.from_numpy(y)


@torch.no_grad()
def evaluate(model, stream, cfg, windows=8):
    """Held-out loss over the full vocabulary, as llama.cpp's logits see the model."""
    model.eval()
    losses = []
    for i in range(windows):
        s = i * (len(stream) - cfg.ctx) // windows
        x = torch.from_numpy(np.concatenate(([1], stream[s:s + cfg.ctx - 1])))[None]
        y = torch.from_numpy(stream[s:s + cfg.ctx])[None]
        losses.append(F.cross_entropy(model(x).view(-1, cfg.vocab), y.view(-1)).item())
    model.train()
    return float(np.mean(losses))


@torch.no_grad()
def greedy(model, prompt_ids, steps):
    ids = list(prompt_ids)
    for _ in range(steps):
        ids.append(int(model(torch.tensor([ids]))[0, -1].argmax()))
    return ids[len(prompt_ids):]


def write_gguf(model, cfg, vocab_gguf, out, description):
    w = gguf.GGUFWriter(out, "llama")
    w.add_name("kjv-llama")
    w.add_description(description)
    w.add_file_type(gguf.LlamaFileType.ALL_F32)
    w.add_context_length(cfg.ctx)
    w.add_embedding_length(cfg.dim)
    w.add_block_count(cfg.layers)
    w.add_feed_forward_length(cfg.ff)
    w.add_head_count(cfg.heads)
    w.add_head_count_kv(cfg.kv_heads)
    w.add_layer_norm_rms_eps(cfg.eps)
    w.add_rope_freq_base(cfg.rope_base)
    w.add_rope_dimension_count(cfg.head_dim)
    w.add_vocab_size(cfg.vocab)
    reader = gguf.GGUFReader(vocab_gguf)
    for field in reader.fields.values():
        if field.name.startswith("tokenizer."):
            vtype = field.types[0]
            sub = field.types[-1] if vtype == gguf.GGUFValueType.ARRAY else None
            w.add_key_value(field.name, field.contents(), vtype, sub_type=sub)

    def tensor(name, t):
        w.add_tensor(name, t.detach().float().numpy().astype(np.float32))

    tensor("token_embd.weight", model.embed.weight)
    for i, b in enumerate(model.blocks):
        p = f"blk.{i}."
        tensor(p + "attn_norm.weight", b.attn_norm.weight)
        tensor(p + "attn_q.weight", b.q.weight)
        tensor(p + "attn_k.weight", b.k.weight)
        tensor(p + "attn_v.weight", b.v.weight)
        tensor(p + "attn_output.weight", b.o.weight)
        tensor(p + "ffn_norm.weight", b.ffn_norm.weight)
        tensor(p + "ffn_gate.weight", b.gate.weight)
        tensor(p + "ffn_up.weight", b.up.weight)
        tensor(p + "ffn_down.weight", b.down.weight)
    tensor("output_norm.weight", model.norm.weight)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tokens", required=True, help="Tokenize.java's output for the chapters")
    ap.add_argument("--prompts", help="Tokenize.java's output for prompts: their greedy continuations are printed")
    ap.add_argument("--vocab-gguf", default="native/llama.cpp/models/ggml-vocab-llama-spm.gguf")
    ap.add_argument("--out", default="models/kjv-llama-f32.gguf")
    ap.add_argument("--log", default="target/kjv-train/log.json")
    ap.add_argument("--steps", type=int, default=260)
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--ctx", type=int, default=128, help="training window, recorded as the context length")
    ap.add_argument("--lr", type=float, default=4e-3)
    ap.add_argument("--negatives", type=int, default=2048, help="never-seen pieces sampled into each step's softmax")
    ap.add_argument("--seed", type=int, default=1611)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--eval-every", type=int, default=50)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    rng = np.random.default_rng(args.seed)

    cfg = Config(vocab=len(gguf.GGUFReader(args.vocab_gguf).fields["tokenizer.ggml.tokens"].data), ctx=args.ctx)
    chapters = read_tokens(args.tokens)
    held_out = chapters[::20]  # every 20th chapter: a validation set spread over the whole book
    train = np.concatenate([c[1:] for i, c in enumerate(chapters) if i % 20 != 0])
    valid = np.concatenate([c[1:] for c in held_out])
    # The training softmax spans the pieces the text uses (about 6,700 of 32,000) plus a fresh random sample of the
    # others each step: the LM head is most of the arithmetic, and 2 shared cores allow minutes. The sample pushes the
    # never-seen pieces down (without it nothing anchors the used pieces' logits above them, and they keep about 2
    # nats of the full-vocabulary loss), so llama.cpp's full-vocabulary logits end in a low tail, as a real model's do.
    used = torch.from_numpy(np.unique(train))
    unused = torch.from_numpy(np.setdiff1d(np.arange(cfg.vocab), used.numpy()))
    remap = torch.full((cfg.vocab,), -1, dtype=torch.long)
    remap[used] = torch.arange(len(used))
    sampler = torch.Generator().manual_seed(args.seed)
    model = Llama(cfg)
    params = sum(p.numel() for p in model.parameters())
    print(f"{params:,} parameters; {len(train):,} training tokens ({len(used):,} distinct), {len(valid):,} held out",
          flush=True)

    decay = [p for p in model.parameters() if p.dim() == 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.95))
    warmup = max(1, args.steps // 20)

    def lr_at(step):
        if step < warmup:
            return args.lr * (step + 1) / warmup
        progress = (step - warmup) / max(1, args.steps - warmup)
        return args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))

    log = {"seed": args.seed, "steps": args.steps, "batch": args.batch, "ctx": cfg.ctx, "lr": args.lr,
           "parameters": params, "train_tokens": int(len(train)), "distinct_tokens": int(len(used)),
           "negatives": args.negatives, "valid_tokens": int(len(valid)), "curve": []}
    start = time.time()
    smoothed = None
    for step in range(args.steps):
        for g in opt.param_groups:
            g["lr"] = lr_at(step)
        x, y = batches(train, cfg, args.batch, rng)
        negatives = unused[torch.randperm(len(unused), generator=sampler)[:args.negatives]]
        rows = torch.cat((used, negatives))
        loss = F.cross_entropy(model(x, rows).view(-1, len(rows)), remap[y].view(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        smoothed = loss.item() if smoothed is None else 0.95 * smoothed + 0.05 * loss.item()
        if (step + 1) % args.eval_every == 0 or step + 1 == args.steps:
            val = evaluate(model, valid, cfg)
            point = {"step": step + 1, "train_loss": round(smoothed, 4), "valid_loss": round(val, 4),
                     "seconds": round(time.time() - start, 1)}
            log["curve"].append(point)
            print(json.dumps(point), flush=True)

    description = (f"logit-parity trained test model: llama, {params:,} parameters, King James Bible "
                   f"(Debian bible-kjv-text 4.38), {args.steps} steps x {args.batch} x {cfg.ctx} tokens, "
                   f"seed {args.seed}; valid loss {log['curve'][-1]['valid_loss']}")
    write_gguf(model, cfg, args.vocab_gguf, args.out, description)
    if args.prompts:
        log["greedy"] = [greedy(model, ids, 32) for ids in read_tokens(args.prompts)]
        print("greedy:", json.dumps(log["greedy"]), flush=True)
    with open(args.log, "w") as f:
        json.dump(log, f, indent=1)
    print(f"wrote {args.out} in {time.time() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
