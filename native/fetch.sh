#!/usr/bin/env bash
# Fetches the pinned libllama (prebuilt, from npm) and the matching llama.cpp source (headers, vocab GGUFs),
# and checks every file against native/SHA256SUMS. Idempotent: when everything is present and verified, it does
# nothing. Usage: native/fetch.sh
set -euo pipefail
cd "$(dirname "$0")"

readonly PREBUILT=@node-llama-cpp/linux-x64@3.21.1
readonly SOURCE=node-llama-cpp@3.21.1
readonly STAMP=.fetched

if [[ -f $STAMP ]] && sha256sum --quiet --check SHA256SUMS >/dev/null 2>&1; then
  exit 0
fi

mkdir -p cache
(cd cache
  [[ -f node-llama-cpp-linux-x64-3.21.1.tgz ]] || npm pack --silent "$PREBUILT" >/dev/null
  [[ -f node-llama-cpp-3.21.1.tgz ]] || npm pack --silent "$SOURCE" >/dev/null)
# Check the archives before unpacking anything from them.
grep ' cache/' SHA256SUMS | sha256sum --quiet --strict --check -

rm -rf lib llama.cpp unpack
mkdir -p unpack/prebuilt unpack/source lib
tar -xzf cache/node-llama-cpp-linux-x64-3.21.1.tgz -C unpack/prebuilt
cp unpack/prebuilt/package/bins/linux-x64/lib*.so lib/
tar -xzf cache/node-llama-cpp-3.21.1.tgz -C unpack/source package/llama/gitRelease.bundle
git clone --quiet unpack/source/package/llama/gitRelease.bundle llama.cpp 2>/dev/null
rm -rf unpack

sha256sum --quiet --strict --check SHA256SUMS
touch "$STAMP"
echo "native: pinned libllama in native/lib, llama.cpp source in native/llama.cpp (verified)"
