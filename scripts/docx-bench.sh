#!/usr/bin/env bash
# The cost of the Word output, on the frozen benchmark inputs
# (scripts/bench/gen.py): what -f docx adds to a PDF build per document
# (one core), and a batch of N documents to docx only, two at a time,
# against pandoc turning the same Markdown into docx two at a time.
#
#   scripts/docx-bench.sh [N]      (default 200; REPS=5)
#
# Needs python3 with `pip install pypandoc_binary` (pandoc), GNU time.
set -euo pipefail
N="${1:-200}"; REPS="${REPS:-5}"
source "$(dirname "$0")/release.sh"
python3 -c "import pypandoc" 2>/dev/null || { echo "missing: pip install pypandoc_binary" >&2; exit 1; }
PANDOC="$(python3 -c 'import pypandoc; print(pypandoc.get_pandoc_path())')"
WORK="$(mktemp -d /tmp/zongjie-docx.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 scripts/bench/gen.py "$N" "$WORK/data"
"$BIN" build "$WORK"/data/*.yaml -f md -o "$WORK/md" >/dev/null 2>&1
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); python3 -c "print($e - $s)"; }
: > "$WORK/times"
for rep in $(seq "$REPS"); do
  echo "pdf $(secs "$BIN" build "$WORK"/data/*.yaml -j 1 -f pdf -o "$WORK/a")" >> "$WORK/times"
  echo "pdfdocx $(secs "$BIN" build "$WORK"/data/*.yaml -j 1 -f pdf,docx -o "$WORK/b")" >> "$WORK/times"
  echo "docx2 $(secs "$BIN" build "$WORK"/data/*.yaml -j 2 -f docx -o "$WORK/c")" >> "$WORK/times"
  if [ "$rep" -le 2 ]; then
    mkdir -p "$WORK/p"
    echo "pandoc $(secs sh -c "ls '$WORK'/md/*.md | xargs -P 2 -I{} sh -c '\"\$0\" \"\$1\" -o \"\$2/\$(basename \"\$1\" .md).docx\"' '$PANDOC' {} '$WORK/p'")" >> "$WORK/times"
  fi
done
python3 - "$WORK/times" "$N" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    k, v = line.split(); runs.setdefault(k, []).append(float(v))
n = int(sys.argv[2])
best = {k: min(v) for k, v in runs.items()}
med = {k: statistics.median(v) for k, v in runs.items()}
print(f"{n} three-page reports")
print(f"docx added to a PDF build, one core: {(best['pdfdocx']-best['pdf'])/n*1000:.2f} ms/doc best to best, "
      f"{(med['pdfdocx']-med['pdf'])/n*1000:.2f} median to median (target <= 5)")
print(f"docx only, two at a time: zongjie {n/best['docx2']:.0f} docs/s, pandoc {n/best['pandoc']:.1f} docs/s: "
      f"{best['pandoc']/best['docx2']:.1f}x best to best, {med['pandoc']/med['docx2']:.1f}x median (target >= 20x)")
PY
