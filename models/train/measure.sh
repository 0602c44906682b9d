#!/usr/bin/env bash
# llama.cpp (default settings) against the f64 reference engine on each small model x type and the four oracle
# prompts, 32 greedy steps: per model, the largest max |Δlogprob| over all steps and prompts, and how many prompts'
# greedy choices flip within the 32 steps. Run from the repository root after `make models`:
#   models/train/measure.sh [MODEL...]   (default: every models/{gpt2,llama,qwen2,kjv-llama}-{f32,f16,q8_0}.gguf)
set -euo pipefail
out=target/measure
mkdir -p "$out"
mapfile -t prompts < <(python3 -c 'import json,glob
for f in sorted(glob.glob("oracle/generated/llama-f32/*.json")): print(json.load(open(f))["prompt"])')
models=("$@")
if [ ${#models[@]} -eq 0 ]; then
  for m in gpt2 llama qwen2 kjv-llama; do for t in f32 f16 q8_0; do models+=("models/$m-$t.gguf"); done; done
fi
echo "| model | max \|Δlogprob\| | prompts flipped within 32 steps |"
echo "|---|---|---|"
for model in "${models[@]}"; do
  name=$(basename "$model" .gguf)
  for i in "${!prompts[@]}"; do
    status=0
    bin/divergence-locate "$model" "${prompts[$i]}" --steps 32 --no-stop --json > "$out/$name-$i.json" || status=$?
    [ "$status" -le 1 ] || { echo "divergence-locate failed on $model" >&2; exit "$status"; }
  done
  python3 - "$out" "$name" "${#prompts[@]}" <<'PY'
import json, sys
out, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
runs = [json.load(open(f"{out}/{name}-{i}.json")) for i in range(n)]
worst = max(s["maxAbsDelta"] for r in runs for s in r["steps"])
flips = [r["summary"]["divergence"]["step"] for r in runs if r["summary"]["divergence"]]
print(f"| {name} | {worst:.2g} | {len(flips)}/{n}" + (f" (steps {', '.join(map(str, sorted(flips)))})" if flips else "") + " |")
PY
done
