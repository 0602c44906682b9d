"""Cross-check (not CI): Hugging Face transformers loads the trained GGUF and decodes the prompts greedily.

Prints, per prompt, whether transformers' 32 greedy tokens equal llama.cpp's (F32 KV cache, flash attention off;
LlamaGreedy.java's output) and whether transformers' own GGUF tokenizer gives llama.cpp's prompt ids.
Usage: python hf_check.py MODEL.gguf PROMPTS.txt PROMPT_TOKENS.txt LLAMA_GREEDY.txt
"""
import os
import sys

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer


def ids(path):
    with open(path) as f:
        return [[int(t) for t in line.split()] for line in f if line.strip()]


def main():
    gguf_path, prompts_path, prompt_ids_path, llama_path = sys.argv[1:5]
    folder, name = os.path.split(os.path.abspath(gguf_path))
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32).eval()
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
    with open(prompts_path) as f:
        prompts = [line.rstrip("\n") for line in f if line.strip()]
    same = 0
    for prompt, prompt_ids, llama in zip(prompts, ids(prompt_ids_path), ids(llama_path)):
        with torch.no_grad():
            out = model.generate(torch.tensor([prompt_ids]), max_new_tokens=len(llama), do_sample=False,
                                 min_new_tokens=len(llama))
        hf = out[0, len(prompt_ids):].tolist()
        same += hf == llama
        hf_prompt = tokenizer(prompt)["input_ids"]
        first = next((i for i, (a, b) in enumerate(zip(hf, llama)) if a != b), None)
        print(f"{prompt!r}: greedy {'same' if hf == llama else f'differs from step {first}'} "
              f"({len(llama)} tokens); HF tokenizer {'same' if hf_prompt == prompt_ids else hf_prompt} prompt ids")
        print("   ", repr(tokenizer.decode(hf)))
    print(f"{same}/{len(prompts)} prompts: transformers' greedy tokens equal llama.cpp's")


if __name__ == "__main__":
    main()
