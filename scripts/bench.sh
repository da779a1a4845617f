#!/usr/bin/env bash
# Batch speed and memory of zongjie, next to Typst's own cost and to pandoc.
#
#   scripts/bench.sh [N] [BIG]      (defaults: N=200 distinct reports, BIG=1000)
#   REPS=5 PANDOC_REPS=2            (repetitions; each figure is given as the
#                                    best run and the median)
#
# Needs: cargo, python3 with `pip install typst pypandoc_binary`, and GNU time
# (/usr/bin/time, Debian package `time`). Prints:
#   1. one core: zongjie's seconds per document (whole process: start, font
#      scan, load, derive, render, Markdown→Typst, compile, PDF export,
#      writing) against Typst's own: each of zongjie's .typ files compiled to
#      PDF once in one warm process with the typst library, after a warm-up;
#   2. two cores: zongjie's documents per second against pandoc 3 turning the
#      same Markdown into PDF with its typst engine, two at a time;
#   3. peak RSS of a BIG-document batch against a 10-document batch;
#   and zongjie's time per stage (-v).
set -euo pipefail
N="${1:-200}"
BIG="${2:-1000}"
REPS="${REPS:-5}"             # runs of each side of 1 and 2, interleaved
PANDOC_REPS="${PANDOC_REPS:-2}"
source "$(dirname "$0")/release.sh"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
python3 -c "import typst, pypandoc" 2>/dev/null || { echo "missing: pip install typst pypandoc_binary" >&2; exit 1; }
PANDOC="$(python3 -c 'import pypandoc; print(pypandoc.get_pandoc_path())')"

WORK="$(mktemp -d /tmp/zongjie-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 scripts/bench/gen.py "$N" "$WORK/data"
python3 scripts/bench/gen.py "$BIG" "$WORK/big" 7
mkdir -p "$WORK/small"
cp "$WORK"/big/report-000[0-9].yaml "$WORK/small/"

wall() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }
rss_mb() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{ printf "%.1f", $1/1024 }'; }

echo "== $N distinct three-page reports; $(nproc) cores; $(python3 -c 'import typst; print("typst", typst.__version__)'), pandoc $("$PANDOC" --version | head -1 | cut -d' ' -f2)"

# The .typ files, for Typst's own time (not timed), next to the data (typst
# compiles files inside its root only).
"$BIN" build "$WORK"/data/*.yaml -f typ,md >/dev/null 2>&1

# 1 and 2, interleaved and repeated REPS times: this machine's speed varies
# from minute to minute (shared hosts), so each side is reported by its best
# run and its median, measured in the same minutes as the other side.
mkdir -p "$WORK/own" "$WORK/pandoc" "$WORK/md"
# pandoc's typst template reads a `template` variable of its own: leave ours out.
for f in "$WORK"/data/*.md; do grep -v '^template:' "$f" > "$WORK/md/$(basename "$f")"; done
: > "$WORK/times"
for rep in $(seq "$REPS"); do
  $TIME -v "$BIN" build "$WORK"/data/*.yaml -j 1 -f pdf -o "$WORK/one" -v 2> "$WORK/one.log" >/dev/null
  echo "ours1 $(wall "$WORK/one.log")" >> "$WORK/times"
  grep '^total:' "$WORK/one.log" > "$WORK/stages.$rep"
  echo "own $(python3 scripts/bench/typst_own.py "$WORK/data" "$WORK/own" "$WORK"/data/*.typ)" >> "$WORK/times"
  $TIME -v "$BIN" build "$WORK"/data/*.yaml -j 2 -f pdf -o "$WORK/two" 2> "$WORK/two.log" >/dev/null
  echo "ours2 $(wall "$WORK/two.log")" >> "$WORK/times"
  if [ "$rep" -le "$PANDOC_REPS" ]; then
    rm -f "$WORK"/pandoc/*.pdf
    start=$(date +%s.%N)
    ls "$WORK"/md/*.md | PATH="$ROOT/scripts/bench:$PATH" xargs -P 2 -I{} sh -c \
      '"$0" "$1" -o "$2/$(basename "$1" .md).pdf" --pdf-engine=typst 2>/dev/null' "$PANDOC" {} "$WORK/pandoc"
    end=$(date +%s.%N)
    echo "pandoc $(python3 -c "print($end - $start)") $(ls "$WORK"/pandoc/*.pdf 2>/dev/null | wc -l)" >> "$WORK/times"
  fi
done
python3 - "$WORK/times" "$N" "$WORK" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    key, *values = line.split()
    runs.setdefault(key, []).append([float(v) for v in values])
n = int(sys.argv[2])
def best_median(key):
    secs = [r[0] for r in runs[key]]
    return min(secs), statistics.median(secs)
o1, o1m = best_median("ours1")
own = [r[0] for r in runs["own"]]
ob, om = min(own), statistics.median(own)
print(f"one core:  zongjie {o1/n*1000:.1f} ms/doc (whole process; median {o1m/n*1000:.1f}); "
      f"typst's own {ob*1000:.1f} ms/doc (median {om*1000:.1f}); "
      f"ratio {o1/n/ob:.3f} best to best, {o1m/n/om:.3f} median to median (target <= 1.10); {len(own)} runs each")
best = min(range(len(runs["ours1"])), key=lambda i: runs["ours1"][i][0])
print("           " + open(f"{sys.argv[3]}/stages.{best + 1}").read().strip())
o2, o2m = best_median("ours2")
pandoc = runs["pandoc"]
made = min(int(r[1]) for r in pandoc)
pb, pm = min(r[0] for r in pandoc), statistics.median(r[0] for r in pandoc)
print(f"two cores: zongjie {n/o2:.1f} docs/s (median {n/o2m:.1f}); pandoc+typst {made/pb:.2f} docs/s "
      f"(median {made/pm:.2f}; {made} of {n} built); {(n/o2)/(made/pb):.1f}x best to best, "
      f"{(n/o2m)/(made/pm):.1f}x median to median (target >= 15x)")
PY

# 3. Memory: a long batch against a short one.
$TIME -v "$BIN" build "$WORK"/small/*.yaml -f md,pdf -o "$WORK/small-out" 2> "$WORK/small.log" >/dev/null
$TIME -v "$BIN" build "$WORK"/big/*.yaml -f md,pdf -o "$WORK/big-out" 2> "$WORK/big.log" >/dev/null
small=$(rss_mb "$WORK/small.log"); big=$(rss_mb "$WORK/big.log")
python3 - "$small" "$big" "$BIG" "$(wall "$WORK/big.log")" <<'PY'
import sys
small, big, n, secs = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
print(f"memory:    peak RSS {small:.0f} MB for 10 documents, {big:.0f} MB for {n} ({n/secs:.1f} docs/s); "
      f"ratio {big/small:.2f} (target <= 1.5)")
PY
