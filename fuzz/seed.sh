#!/usr/bin/env bash
# Seeds the fuzz corpora from the repository: the writer's test cases (the
# pulldown-cmark example suite and the spec file) and the examples' data
# files, as data (loader) and as Markdown fields (writer).
# Usage: fuzz/seed.sh   (writes fuzz/corpus/{writer,loader}, which git ignores)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
writer="$here/corpus/writer"
loader="$here/corpus/loader"
mkdir -p "$writer" "$loader"

# The example suite: the Markdown between "example" and "html" markers.
awk -v dir="$writer" '
  /^~~~~~~~~~~~~~~~~ example / { n++; file = sprintf("%s/suite-%04d.md", dir, n); grab = 1; printf "" > file; next }
  /^~~~~~~~~~~~~~~~~ html$/ { grab = 0; close(file); next }
  /^~~~~~~~~~~~~~~~~ no-final-newline$/ { next }
  grab { print >> file }
' "$root/src/write/typst/testdata/pulldown_cmark_suite.txt"

# The spec file: the Markdown of each case, up to its "." line (→ is a tab).
awk -v dir="$writer" '
  /^````````````````````````````````` example$/ || /^```````````````````````````````` example$/ {
    n++; file = sprintf("%s/spec-%04d.md", dir, n); grab = 1; printf "" > file; next }
  grab && /^\.$/ { grab = 0; close(file); next }
  grab { gsub(/→/, "\t"); print >> file }
' "$root/src/write/typst/spec.txt"

# Data files, whole, for the loader; and the bulletin's units.
for f in "$root"/examples/*.yaml "$root"/data/*/*.yaml "$root"/data/*/*/*.yaml "$root"/tests/bad_input/*.yaml; do
  [ -f "$f" ] || continue
  cp "$f" "$loader/$(echo "${f#"$root"/}" | tr '/' '_')"
done
# Markdown files in the `.md` output shape, for the loader's MdFile pass,
# made by the zongjie binary if one is built.
bin="${CARGO_TARGET_DIR:-$root/target}/debug/zongjie"
mds=$(mktemp -d)
if [ -x "$bin" ]; then
  "$bin" build "$root"/examples/*.yaml -f md -o "$mds" >/dev/null 2>&1 || true
fi
for f in "$mds"/*.md; do
  [ -f "$f" ] || continue
  cp "$f" "$loader/$(basename "$f")"
  # The body alone, for the writer.
  awk 'n >= 2 { print } /^---$/ { n++ }' "$f" > "$writer/example-$(basename "$f")"
done
rm -rf "$mds"
# A chart block, for the writer's chart embeds.
cat > "$writer/chart.md" <<'CHART'
Figures by township:

```chart
kind: column
title: Households lifted out of poverty
unit: households
labels: [Fengxu, "Lao#zhai", "a]b"]
series:
  - {name: Target, values: [186, 142, 1e300]}
  - {name: Actual, values: [178, ~, -3], texts: ["178", "\"x\"", "$y$"]}
```
CHART
awk '/^```chart$/ { on = 1; next } /^```$/ { on = 0 } on' "$writer/chart.md" > "$loader/chart.yaml"
echo "writer: $(ls "$writer" | wc -l) seeds; loader: $(ls "$loader" | wc -l) seeds"
