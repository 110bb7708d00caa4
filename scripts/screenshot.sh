#!/usr/bin/env bash
# Starts the real Chronoscope window under Xvfb with the bundled example articles, lets it load,
# saves a screenshot of a real frame (CHRONOSCOPE_SCREENSHOT, handled in src/gui/screenshot.rs)
# and checks the PNG: it exists, is a PNG of the window's size and is not one flat colour.
#   bash scripts/screenshot.sh [OUT.png]      (default: target/screenshot.png)
# Needs xvfb-run (package xvfb) and Mesa's software OpenGL; .ci/run installs both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out="${1:-target/screenshot.png}"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"

cargo_cmd=(cargo)
if [ -z "${CI:-}" ] && command -v flock >/dev/null 2>&1; then
    # Developer machines share two cores: cargo runs through the shared lock there.
    cargo_cmd=(flock /tmp/cargo.lock cargo)
fi
"${cargo_cmd[@]}" build --bin chronoscope
bin="target/debug/chronoscope"

if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "error: xvfb-run not found (apt-get install xvfb xauth)" >&2
    exit 1
fi

rm -f "$out"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "starting the window under Xvfb (1600x1000), screenshot to $out"
if ! CHRONOSCOPE_SCREENSHOT="$out" LIBGL_ALWAYS_SOFTWARE=1 timeout 300 \
    xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$bin" --anchor 2023-06-13 \
    assets/examples/marrowby-courier-fire.txt \
    assets/examples/marrowby-courier-investigation.html \
    assets/examples/valley-ledger-aftermath.md >"$log" 2>&1; then
    echo "error: the window did not run to the end:" >&2
    sed 's/^/    /' "$log" >&2
    exit 1
fi
cat "$log"

if [ ! -s "$out" ]; then
    echo "error: no screenshot was written" >&2
    exit 1
fi
# PNG signature, then the IHDR width and height (big-endian u32 at bytes 16..24).
signature="$(head -c 8 "$out" | od -An -tx1 | tr -d ' \n')"
if [ "$signature" != "89504e470d0a1a0a" ]; then
    echo "error: $out is not a PNG" >&2
    exit 1
fi
width=$((16#$(dd if="$out" bs=1 skip=16 count=4 2>/dev/null | od -An -tx1 | tr -d ' \n')))
height=$((16#$(dd if="$out" bs=1 skip=20 count=4 2>/dev/null | od -An -tx1 | tr -d ' \n')))
bytes=$(wc -c <"$out")
echo "screenshot: $out (${width}x${height}, $bytes bytes)"
if [ "$width" -lt 640 ] || [ "$height" -lt 400 ]; then
    echo "error: the screenshot is too small for the window" >&2
    exit 1
fi
# A flat single-colour frame compresses to a few kilobytes; the real window does not.
if [ "$bytes" -lt 20000 ]; then
    echo "error: the screenshot looks blank ($bytes bytes)" >&2
    exit 1
fi
