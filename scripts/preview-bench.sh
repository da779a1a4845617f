#!/usr/bin/env bash
# How fast `zongjie watch` (the rebuild `serve` runs too) puts an edit into
# the PDF, next to a cold `zongjie build` of the same document.
#
#   scripts/preview-bench.sh [EDITS] [COLD]     (defaults: 20 edits, 5 cold builds)
#
# The document: a three-page progress report (scripts/bench/gen.py). Each
# edit adds a sentence to a different paragraph and is saved as editors save
# (a new file renamed over the old one); its latency runs from that rename
# to the new PDF on disk (the PDF is renamed into place whole, so a new
# inode is a finished file). zongjie's own line for each rebuild says how
# long it waited after the change for the files to be quiet (the debounce,
# with the time the file event took) and how long the rebuild took: both
# are reported beside the latency. A cold build is a new process building
# the same document to PDF (fonts from the font cache, as on a user's second
# run), the median of COLD runs after one to warm the cache.
#
# Needs: cargo (builds the release binary) and python3.
set -euo pipefail
EDITS="${1:-20}"
COLD="${2:-5}"
source "$(dirname "$0")/release.sh"

WORK="$(mktemp -d /tmp/zongjie-preview-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 scripts/bench/gen.py 1 "$WORK/data"

python3 - "$BIN" "$WORK" "$EDITS" "$COLD" <<'PY'
import os, re, statistics, subprocess, sys, time

BIN, WORK, EDITS, COLD = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
data = os.path.join(WORK, "data", "report-0000.yaml")
env = dict(os.environ, NO_COLOR="1")

def pages(pdf):
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", open(pdf, "rb").read()))

# Cold builds: one to warm the font cache, then COLD timed.
cold_out = os.path.join(WORK, "cold")
cold = []
for run in range(COLD + 1):
    started = time.perf_counter()
    subprocess.run([BIN, "build", data, "-f", "pdf", "-o", cold_out], check=True, env=env,
                   stderr=subprocess.DEVNULL)
    if run > 0:
        cold.append(time.perf_counter() - started)
pdf_pages = pages(os.path.join(cold_out, "report-0000.pdf"))

# The watch: first build, then EDITS edits of different paragraphs.
out = os.path.join(WORK, "watch")
pdf = os.path.join(out, "report-0000.pdf")
log = open(os.path.join(WORK, "watch.log"), "w+")
watch = subprocess.Popen([BIN, "watch", data, "-f", "pdf", "-o", out], stderr=log, env=env)

def lines():
    log.flush()
    with open(log.name) as f:
        return [l for l in f if l.startswith("wrote ")]

def wait(predicate, what, seconds=120):
    deadline = time.monotonic() + seconds
    while not predicate():
        if watch.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"no {what}; zongjie said:\n" + open(log.name).read())
        time.sleep(0.001)

def stamp():
    try:
        s = os.stat(pdf)
        return (s.st_ino, s.st_mtime_ns)
    except FileNotFoundError:
        return None

try:
    wait(lambda: len(lines()) >= 1, "first build")
    text = open(data).read().split("\n")
    paragraphs = [i for i, l in enumerate(text) if l.startswith("      ") and l.strip()]
    latencies = []
    for k in range(EDITS):
        line = paragraphs[k % len(paragraphs)]
        text[line] += f" Edit number {k + 1} was made to this paragraph."
        before, seen = stamp(), len(lines())
        with open(data + ".new~", "w") as f:
            f.write("\n".join(text))
        started = time.perf_counter()
        os.rename(data + ".new~", data)
        wait(lambda: stamp() != before, f"new PDF after edit {k + 1}")
        latencies.append(time.perf_counter() - started)
        wait(lambda: len(lines()) > seen, f"zongjie's line for edit {k + 1}")
        time.sleep(0.3)
    reported = lines()[1:]
finally:
    watch.terminate()
    watch.wait()

waited = [float(m.group(2)) / 1000 for m in (re.search(r" in (\d+) ms \((\d+) ms after the change\)", l) for l in reported) if m]
rebuilt = [float(m.group(1)) / 1000 for m in (re.search(r" in (\d+) ms \((\d+) ms after the change\)", l) for l in reported) if m]
if len(waited) != EDITS:
    sys.exit(f"expected {EDITS} rebuild lines, found {len(waited)}:\n" + "".join(reported))
ms = lambda s: f"{s * 1000:.0f} ms"
cold_median = statistics.median(cold)
latency = statistics.median(latencies)
debounce = statistics.median(waited)
print(f"== preview latency: a {pdf_pages}-page report, {EDITS} edits of different paragraphs; {os.cpu_count()} cores")
print(f"cold build (new process, -f pdf), median of {COLD}:   {ms(cold_median)}  (min {ms(min(cold))}, max {ms(max(cold))})")
print(f"watch, save → new PDF on disk, median of {EDITS}:     {ms(latency)}  (min {ms(min(latencies))}, max {ms(max(latencies))})")
print(f"  of which the debounce (quiet period + event), median: {ms(debounce)}")
print(f"  of which the rebuild (load … PDF written), median:    {ms(statistics.median(rebuilt))}")
print(f"latency / cold build: {latency / cold_median:.0%}  (target ≤ 25%); "
      f"without the debounce: {(latency - debounce) / cold_median:.0%}")
PY
