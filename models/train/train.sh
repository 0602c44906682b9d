#!/usr/bin/env bash
# Retrains models/kjv-llama-f32.gguf from scratch (a developer step; CI never runs it). From the repository root:
#   python3 -m venv /tmp/venv-train && /tmp/venv-train/bin/pip install -r models/train/requirements.txt
#   PYTHON=/tmp/venv-train/bin/python models/train/train.sh
# Needs Debian's apt (for the text), the project's build and its generated llama model (for llama.cpp's tokenizer).
set -euo pipefail
PYTHON=${PYTHON:-python3}
work=target/kjv-train
mkdir -p "$work"
models/train/fetch_text.sh "$work/text"
"$PYTHON" models/train/chapters.py "$work/text/kjv.txt" "$work/chapters.txt"
printf '%s\n' "The capital of France is" "Hello, my name is" "What is 2+2? Answer:" "def fibonacci(n):" \
  > "$work/prompts.txt"
make models
tokenize() {
  "$(bin/find-jdk)/bin/java" --enable-native-access=ALL-UNNAMED -cp 'target/logit-parity.jar:target/lib/*' \
    models/train/Tokenize.java models/llama-f32.gguf "$1" "$2"
}
tokenize "$work/chapters.txt" "$work/tokens.txt"
tokenize "$work/prompts.txt" "$work/prompt-tokens.txt"
"$PYTHON" models/train/train.py --tokens "$work/tokens.txt" --prompts "$work/prompt-tokens.txt" \
  --out models/kjv-llama-f32.gguf --log "$work/log.json" "$@"
make models   # the F16 and Q8_0 twins of the new original
