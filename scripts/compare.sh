#!/usr/bin/env bash
# Two builds of zongjie side by side on the same frozen benchmark inputs
# (scripts/bench/gen.py, fixed seeds): seconds per document on one core and
# on two, and peak RSS of a long batch, each side's runs interleaved so both
# are measured in the same minutes.
#
#   scripts/compare.sh OLD_BINARY [NEW_BINARY] [N] [BIG]
#   (NEW_BINARY defaults to a release build of this checkout; N=200, BIG=1000;
#    REPS=5 runs of each side)
#
# Needs python3 and GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
OLD="$(realpath "$1")"
if [ -n "${2:-}" ]; then NEW="$(realpath "$2")"; else source "$(dirname "$0")/release.sh"; NEW="$BIN"; fi
N="${3:-200}"; BIG="${4:-1000}"; REPS="${REPS:-5}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
WORK="$(mktemp -d /tmp/zongjie-compare.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 scripts/bench/gen.py "$N" "$WORK/data"
python3 scripts/bench/gen.py "$BIG" "$WORK/big" 7
wall() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }
rss_mb() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{ printf "%.1f", $1/1024 }'; }
: > "$WORK/times"
for rep in $(seq "$REPS"); do
  for side in old new; do
    bin="$OLD"; [ "$side" = new ] && bin="$NEW"
    $TIME -v "$bin" build "$WORK"/data/*.yaml -j 1 -f pdf -o "$WORK/$side-1" 2> "$WORK/log" >/dev/null
    echo "$side-1 $(wall "$WORK/log")" >> "$WORK/times"
    $TIME -v "$bin" build "$WORK"/data/*.yaml -j 2 -f md,pdf -o "$WORK/$side-2" 2> "$WORK/log" >/dev/null
    echo "$side-2 $(wall "$WORK/log")" >> "$WORK/times"
  done
done
for side in old new; do
  bin="$OLD"; [ "$side" = new ] && bin="$NEW"
  $TIME -v "$bin" build "$WORK"/big/*.yaml -f md,pdf -o "$WORK/$side-big" 2> "$WORK/log" >/dev/null
  echo "$side-rss $(rss_mb "$WORK/log")" >> "$WORK/times"
done
# The same PDFs from both, byte for byte (SOURCE_DATE_EPOCH is not set: the
# dates differ, so compare the text).
same=0; differ=0
for f in "$WORK"/old-1/*.pdf; do
  if cmp -s <(pdftotext "$f" - 2>/dev/null) <(pdftotext "$WORK/new-1/$(basename "$f")" - 2>/dev/null); then
    same=$((same + 1)); else differ=$((differ + 1)); fi
done
python3 - "$WORK/times" "$N" "$BIG" "$same" "$differ" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    key, value = line.split()
    runs.setdefault(key, []).append(float(value))
n, big = int(sys.argv[2]), int(sys.argv[3])
print(f"{n} distinct three-page reports, {len(runs['old-1'])} runs of each side, interleaved")
print(f"{'':28}{'old':>22}{'new':>22}")
for key, what in (("1", "one core, ms/doc"), ("2", "two cores, ms/doc (md,pdf)")):
    cells = []
    for side in ("old", "new"):
        secs = runs[f"{side}-{key}"]
        cells.append(f"{min(secs)/n*1000:.1f} (median {statistics.median(secs)/n*1000:.1f})")
    print(f"{what:28}{cells[0]:>22}{cells[1]:>22}")
print(f"{f'peak RSS, {big} docs, MB':28}{runs['old-rss'][0]:>22.0f}{runs['new-rss'][0]:>22.0f}")
print(f"PDF text: {sys.argv[4]} documents the same, {sys.argv[5]} different")
PY
