#!/usr/bin/env bash
# Records the real apr's output on the generated F32 models x the four oracle prompts, with and without
# --logprobs 20, as the fixtures AprFixtureReplayTest replays. Run from the repository root:
#   src/test/resources/apr-0.72.3/record.sh [APR]      (APR defaults to ../shared/peers/apr-0.72.3/apr)
# Writes <model>/<prompt>.{json,stderr,exit} and <model>/<prompt>.logprobs.{json,stderr,exit} next to this script.
set -euo pipefail
apr=${1:-../shared/peers/apr-0.72.3/apr}
here=$(dirname "$0")
"$apr" --version > "$here/apr-version.txt"
sha256sum models/gpt2-f32.gguf models/llama-f32.gguf models/qwen2-f32.gguf > "$here/models.sha256"
for model in gpt2-f32 llama-f32 qwen2-f32; do
  mkdir -p "$here/$model"
  for case in oracle/generated/$model/*.json; do
    name=$(basename "$case" .json)
    prompt=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["prompt"], end="")' "$case")
    out="$here/$model/$name"
    set +e
    "$apr" run "models/$model.gguf" --prompt "$prompt" --json --max-tokens 32 > "$out.json" 2> "$out.stderr"
    echo $? > "$out.exit"
    "$apr" run "models/$model.gguf" --prompt "$prompt" --json --max-tokens 32 --logprobs 20 \
      > "$out.logprobs.json" 2> "$out.logprobs.stderr"
    echo $? > "$out.logprobs.exit"
    set -e
  done
done
