#!/usr/bin/env bash
# Seeds the fuzz corpora from the repository: the writer's test cases (the
# pulldown-cmark example suite and the spec file) and the examples' data
# files, as data (loader) and as Markdown fields (writer).
# Usage: fuzz/seed.sh   (writes fuzz/corpus/{writer,loader,media}, which git ignores)
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
# Images and fonts for the media target: its first byte picks the path (0-7
# an image under the name png, jpg, gif, svg, svgz, webp, pdf, img; 0x80 a
# font). Small valid files of each kind, some under a wrong name (the JPEG
# is CPython's 16x16 test picture).
media="$here/corpus/media"
mkdir -p "$media"
seed() { # seed NAME SELECTOR: the file's bytes on stdin
  { printf "\\$(printf '%03o' "$2")"; cat; } > "$media/$1"
}
png=iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
gif=R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7
jpg=/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z
echo "$png" | base64 -d | seed png.png 0
echo "$png" | base64 -d | seed png-as-svg 3
echo "$gif" | base64 -d | seed gif.gif 2
echo "$gif" | base64 -d | seed gif-as-img 7
echo "$jpg" | base64 -d | seed jpg.jpg 1
svg='<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20"><defs><filter id="b"><feGaussianBlur stdDeviation="2"/></filter></defs><rect width="40" height="20" fill="#c00" filter="url(#b)"/><text x="2" y="14" font-size="12">汇总 42</text><image width="4" height="4" xlink:href="data:image/png;base64,'"$png"'"/></svg>'
printf '%s' "$svg" | seed svg.svg 3
printf '%s' "$svg" | gzip -n | seed svgz.svgz 4
printf '%s' "$svg" | seed svg-as-webp 5
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' | seed pdf.pdf 6
for f in "$root"/tests/fonts/*.ttf "$root"/tests/fonts/*.otf; do
  [ -f "$f" ] || continue
  seed "font-$(basename "$f")" 128 < "$f"
done
echo "writer: $(ls "$writer" | wc -l) seeds; loader: $(ls "$loader" | wc -l) seeds; media: $(ls "$media" | wc -l) seeds"
