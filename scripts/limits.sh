#!/usr/bin/env bash
# How fast zongjie refuses hostile input, and how its time grows with the
# size of a document. The tests check what happens (refused, built, every
# item present); this script measures how long it takes.
#
#   scripts/limits.sh            (REPS=3: each figure is the best of REPS runs)
#
# Prints, with the release binary:
#   1. `check` on an alias bomb, 20,000-level flow nesting and a 50 MB file
#      (each refused, exit 1): seconds;
#   2. `build` of reports of 1,000, 10,000 and 20,000 progress items
#      (seconds, and the time per item, which stays about the same when the
#      growth is linear), and of a block quote nested 5,000 and 20,000 levels
#      deep (flattened: seconds).
set -euo pipefail
REPS="${REPS:-3}"
source "$(dirname "$0")/release.sh"

WORK="$(mktemp -d /tmp/zongjie-limits.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
cp "$ROOT/tests/bad_input/alias_bomb.yaml" "$WORK/"
python3 - "$WORK" <<'EOF'
import sys
work = sys.argv[1]
head = "title: Limits\norganization: County Office\n"
def write(name, text):
    with open(f"{work}/{name}", "w", encoding="utf-8") as f:
        f.write(head + text)
n = 20_000
write("deep_flow.yaml", "intro: " + "[" * n + "]" * n + "\n")
line = "  Forty teams were trained in the county, and every village has one.\n"
write("huge.yaml", "intro: |\n" + line * (50 * 1024 * 1024 // len(line) + 1))
for n in (1_000, 10_000, 20_000):
    write(f"items{n}.yaml", "progress:\n" + "".join(
        f"  - title: Item number {i}\n    body: Work item {i} was done on time.\n" for i in range(n)))
for n in (5_000, 20_000):
    write(f"quotes{n}.yaml", "intro: |\n  " + "> " * n + "deep\n")
EOF

# best_of CMD...: the shortest wall time of REPS runs, in seconds; the exit
# status of the command is not checked here (refusals exit 1).
best_of() {
    local best=""
    for _ in $(seq "$REPS"); do
        local start end took
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        took=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
        if [ -z "$best" ] || awk -v t="$took" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$took; fi
    done
    printf '%.3f' "$best"
}

cd "$WORK"
echo "refused by check (exit 1), best of $REPS:"
for f in alias_bomb.yaml deep_flow.yaml huge.yaml; do
    "$BIN" check "$f" >/dev/null 2>&1 && { echo "$f was not refused" >&2; exit 1; }
    printf '  %-16s %s s\n' "$f" "$(best_of "$BIN" check "$f")"
done
echo "built (exit 0), best of $REPS:"
for n in 1000 10000 20000; do
    "$BIN" build "items$n.yaml" -o out >/dev/null 2>&1 || { echo "items$n.yaml did not build" >&2; exit 1; }
    t=$(best_of "$BIN" build "items$n.yaml" -o out)
    printf '  %-16s %s s   %.3f ms per item\n' "items$n.yaml" "$t" "$(awk -v t="$t" -v n="$n" 'BEGIN { print t * 1000 / n }')"
done
for n in 5000 20000; do
    "$BIN" build "quotes$n.yaml" -o out >/dev/null 2>&1 || { echo "quotes$n.yaml did not build" >&2; exit 1; }
    t=$(best_of "$BIN" build "quotes$n.yaml" -o out)
    printf '  %-16s %s s\n' "quotes$n.yaml" "$t"
done
