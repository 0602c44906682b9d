#!/usr/bin/env bash
# The training text: the King James Bible (public domain) as Debian ships it in bible-kjv-text, printed in verse
# order by bible-kjv's own reader. Neither package is installed: both are downloaded and unpacked into OUT_DIR.
# Usage: models/train/fetch_text.sh OUT_DIR   -> OUT_DIR/kjv.txt
set -euo pipefail
out=${1:?usage: fetch_text.sh OUT_DIR}
mkdir -p "$out/debs" "$out/root"
(cd "$out/debs" && apt-get download bible-kjv=4.38 bible-kjv-text=4.38)
for deb in "$out"/debs/*.deb; do dpkg-deb -x "$deb" "$out/root"; done
"$out/root/usr/bin/bible" -p "$out/root/usr/lib" "Gen1:1-Rev22:21" > "$out/kjv.txt"
sha256sum "$out/kjv.txt"
