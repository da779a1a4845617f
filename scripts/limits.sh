#!/usr/bin/env bash
# How fast zongjie refuses hostile input, and how its time grows with the
# size of a document. The tests check what happens (refused, built, every
# item present); this script measures how long it takes.
#
#   scripts/limits.sh            (REPS=3: each figure is the best of REPS runs)
#
# Prints, with the release binary (ZONGJIE_BIN=FILE: another one):
#   1. `check` on an alias bomb, 20,000-level flow nesting and a 50 MB file
#      (each refused, exit 1): seconds;
#   2. `build` of reports of 1,000, 10,000 and 20,000 progress items
#      (seconds, and the time per item, which stays about the same when the
#      growth is linear), and of a block quote nested 5,000 and 20,000 levels
#      deep (flattened: seconds);
#   3. the hostile inputs of issue 17: exit status, seconds, peak memory.
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

# 3. The hostile inputs of issue 17, one or two of each class: exit status,
#    seconds and peak memory (Debian's `time`). Every run is stopped at 60 s (STOP=N: N s)
#    and may use at most 6 GB of address space, so that an earlier binary
#    (ZONGJIE_BIN=old/zongjie scripts/limits.sh) can be measured too: there
#    "timeout" or exit 134 (allocation failed) is what it did.
command -v /usr/bin/time >/dev/null || { echo "install Debian's time package" >&2; exit 1; }
H="$WORK/hostile"
mkdir -p "$H/units" "$H/fonts" "$H/t/progress-report" "$H/mem/progress-report" "$H/many"
cp "$ROOT/templates/progress-report/en.md" "$H/t/progress-report/en.md"
{ echo '#for i in range(100000) { for j in range(100000) {} }'; cat "$ROOT/templates/progress-report/style.typ"; } > "$H/t/progress-report/style.typ"
echo '{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}' > "$H/mem/progress-report/en.md"
python3 - "$H" "$ROOT/tests/fonts/zaozi.ttf" <<'PY'
import base64, os, struct, sys, zlib
h, font = sys.argv[1], sys.argv[2]
report = "title: A report\norganization: An office\ndate: 2026-11-05\nintro: Text.\n"
def write(name, data, mode="w"):
    with open(os.path.join(h, name), mode + ("b" if isinstance(data, bytes) else ""), **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as f:
        f.write(data)
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
def png(w, h_, idat):
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h_, 8, 0, 0, 0, 0)) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
def shows(name, image):
    write(name, report + f"progress:\n  - title: A picture\n    body: |\n      ![map]({image})\n")
write("forged.png", png(2147483647, 2147483647, zlib.compress(b"\0" * 64)))
shows("forged_png.yaml", "forged.png")
# 20000 x 20000 grey zeros: each row a filter byte and 20000 zeros.
z = zlib.compressobj(9)
row = b"\0" * 20001
parts = [z.compress(row) for _ in range(20000)] + [z.flush()]
write("zeros.png", png(20000, 20000, b"".join(parts)))
shows("zeros_png.yaml", "zeros.png")
def jpeg(sof):
    b = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
    b += bytes([0xFF, sof, 0, 17, 8]) + struct.pack(">HH", 60000, 60000) + bytes([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
    return b + bytes([0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0xFF, 0xD9])
write("big.jpg", jpeg(0xC0)); shows("big_jpg.yaml", "big.jpg")
write("progressive.jpg", jpeg(0xC2)); shows("progressive_jpg.yaml", "progressive.jpg")
write("screen.gif", b"GIF89a\xff\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
shows("screen_gif.yaml", "screen.gif")
# A 2 MB .svgz that inflates to 2 GB.
z = zlib.compressobj(9, zlib.DEFLATED, 31)
head = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><!--'
block = b" " * (1 << 20)
parts = [z.compress(head)] + [z.compress(block) for _ in range(2048)] + [z.compress(b"--></svg>"), z.flush()]
write("bomb.svgz", b"".join(parts)); shows("bomb_svgz.yaml", "bomb.svgz")
write("blur.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"><filter id="f"><feGaussianBlur stdDeviation="2000"/></filter><rect width="20000" height="20000" filter="url(#f)"/><rect width="20000" height="20000" filter="url(#f)"/></svg>')
shows("blur_svg.yaml", "blur.svg")
write("text.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text y="10">' + "word " * 80000 + "</text></svg>")
shows("text_svg.yaml", "text.svg")
inner = base64.b64encode(png(60000, 60000, zlib.compress(b"\0" * 64))).decode()
write("inline.svg", f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="data:image/png;base64,{inner}" width="10" height="10"/></svg>')
shows("inline_svg.yaml", "inline.svg")
# A font whose one cmap range is stretched to 0x7FFFFFFF characters.
f = bytearray(open(font, "rb").read())
n = struct.unpack(">H", f[4:6])[0]
rec = next(12 + 16 * i for i in range(n) if f[12 + 16 * i:16 + 16 * i] == b"cmap")
off, ln = struct.unpack(">II", f[rec + 8:rec + 16])
old = bytes(f[off:off + ln]); count = struct.unpack(">H", old[2:4])[0]
cmap = struct.pack(">HH", 0, count + 1)
for r in range(count):
    p, e, o = struct.unpack(">HHI", old[4 + 8 * r:12 + 8 * r]); cmap += struct.pack(">HHI", p, e, o + 8)
cmap += struct.pack(">HHI", 3, 10, len(old) + 8) + old[4 + 8 * count:]
cmap += struct.pack(">HHIII", 12, 0, 28, 0, 1) + struct.pack(">III", 0x20, 0x7FFFFFFF, 1)
while len(f) % 4: f.append(0)
new = len(f); f += cmap; f[rec + 8:rec + 16] = struct.pack(">II", new, len(cmap))
write("fonts/stretched.ttf", bytes(f))
write("report.yaml", report)
for i in range(200):
    write(f"many/r{i}.yaml", report.replace("A report", f"Report {i}") + "".join(f"      Paragraph {j} of report {i}.\n" for j in range(3)).join(["progress:\n  - title: Work\n    body: |\n", ""]))
# Many distinct long runs: in a unit's name (refused now) and in a body.
tokens = ["".join(chr(97 + (i * 7 + k * 3) % 26) for k in range(30)) + f"{i:04d}" for i in range(400)]
write("bulletin.yaml", "template: monthly-bulletin\ntitle: B\norganization: County office\ndate: 2026-11-05\nperiod: 2026-10\nunits: [units/*.yaml]\nrank_by: n\n")
for u in "abc":
    write(f"units/{u}.yaml", f"title: Return\norganization: Town {u}\nperiod: 2026-10\nmetrics:\n  - {{id: n, label: Things, unit: things, target: 100, actual: 50}}\n")
write("units/long.yaml", "title: Return\norganization: " + " ".join(tokens) + "\nperiod: 2026-10\nmetrics:\n  - {id: n, label: Things, unit: things, target: 100, actual: 60}\n")
for n in (400, 800, 1600):
    ts = ["".join(chr(97 + (i * 7 + k * 3) % 26) for k in range(30)) + f"{i:05d}" for i in range(n)]
    write(f"runs{n}.yaml", report.replace("intro: Text.", "intro: |\n  " + " ".join(ts)))
write("title.md", "---\ntemplate: progress-report\nlang: en\ntitle: " + "word " * 3_000_000 + "\norganization: O\ndate: 2026-11-05\n---\n\nText.\n")
for n in (5000, 20000):
    write(f"lint{n}.yaml", report.replace("intro: Text.", "intro: |\n" + "".join(f"  Village four reported [insert figure {i}] households.\n" for i in range(n))))
write("units2.yaml", "")
labels = "".join(f"  - {{id: m{i}, label: \"[insert figure {i}]\", unit: things, target: 10, actual: 5}}\n" for i in range(8000))
os.makedirs(os.path.join(h, "labels/units"), exist_ok=True)
write("labels/bulletin.yaml", "template: monthly-bulletin\ntitle: B\norganization: County office\ndate: 2026-11-05\nperiod: 2026-10\nunits: [units/*.yaml]\n")
write("labels/units/a.yaml", "title: Return\norganization: Town A\nperiod: 2026-10\nmetrics:\n" + labels)
os.makedirs(os.path.join(h, "metrics/units"), exist_ok=True)
write("metrics/bulletin.yaml", "template: monthly-bulletin\ntitle: B\norganization: County office\ndate: 2026-11-05\nperiod: 2026-10\nunits: [units/*.yaml]\n")
write("metrics/units/a.yaml", "title: Return\norganization: Town A\nperiod: 2026-10\nmetrics:\n" + "".join(f"  - {{id: m{i}, label: Metric {i}, unit: things, target: 10, actual: 5}}\n" for i in range(60000)))
PY
mkfifo "$H/fifo.yaml"

# measure LABEL ARGS...: zongjie ARGS in $H, stopped at 60 s, at most 6 GB.
measure() {
    local label="$1"; shift
    local out="$WORK/time.txt"
    local code=0
    ( cd "$H" && ulimit -v 6291456 && exec /usr/bin/time -f "%e %M" -o "$out" timeout "${STOP:-60}" "$BIN" "$@" ) >/dev/null 2>"$WORK/err.txt" || code=$?
    local secs kb
    read -r secs kb < <(tail -n 1 "$out" 2>/dev/null || echo "? 0")
    local what="exit $code"
    [ "$code" -eq 124 ] && what="timeout"
    printf '  %-34s %-8s %7s s %7.0f MB\n' "$label" "$what" "$secs" "$(awk -v k="${kb:-0}" 'BEGIN { print k / 1024 }')"
}

echo "hostile inputs (issue 17): exit, seconds, peak memory:"
measure "1 PNG 2147483647² header" build forged_png.yaml
measure "1 JPEG 60000² baseline" build big_jpg.yaml
measure "1 JPEG 60000² progressive" build progressive_jpg.yaml
measure "1 GIF 65535² screen" build screen_gif.yaml
measure "1 PNG in SVG, 60000²" build inline_svg.yaml
measure "2 PNG 20000² of zeros (1.5 MB)" build zeros_png.yaml
measure "2 SVGZ 2 MB → 2 GB" build bomb_svgz.yaml
measure "3 SVG of huge blurs" build blur_svg.yaml
measure "3 SVG text of 400,000 chars" build text_svg.yaml
measure "4 corrupt font: fonts" fonts --font-path fonts
measure "4 corrupt font: build" build report.yaml --font-path fonts
measure "5 minijinja doubling" build report.yaml --template-dir mem -f md
# An earlier binary has no --timeout: it is stopped at 60 s.
LIMIT=(); "$BIN" build --help | grep -q -- --timeout && LIMIT=(--timeout 10)
measure "5 Typst loop (--timeout 10)" build report.yaml --template-dir t "${LIMIT[@]}"
mapfile -t MANY < <(cd "$H" && ls many/*.yaml)
measure "6 -j 100000, 200 reports" build "${MANY[@]}" -j 100000
measure "6 -j 2, 200 reports" build "${MANY[@]}" -j 2
measure "7 FIFO as DATA: check" check fifo.yaml
measure "8 unit name of 400 long runs" build bulletin.yaml
measure "8 body of 400 long runs" build runs400.yaml
measure "8 body of 800 long runs" build runs800.yaml
measure "8 body of 1600 long runs" build runs1600.yaml
measure "8 15 MB title in a .md" build title.md
measure "9 lint, 5,000 lines" check lint5000.yaml
measure "9 lint, 20,000 lines" check lint20000.yaml
measure "9 unit with 8,000 labels" build labels/bulletin.yaml
measure "10 unit with 60,000 metrics" build metrics/bulletin.yaml
