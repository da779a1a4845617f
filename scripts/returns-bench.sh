#!/usr/bin/env bash
# What reading the units' returns from .xlsx costs, against the same figures
# in YAML: a 100-unit bulletin (4 metrics each) built to Markdown and to PDF,
# median of 7 runs each. The forms are written by `zongjie form` and filled
# in by openpyxl (Debian: python3-openpyxl).
#
#   scripts/returns-bench.sh [ZONGJIE_BINARY]
set -euo pipefail
BIN="${1:-${CARGO_TARGET_DIR:-/var/tmp/zongjie-target}/release/zongjie}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

/usr/bin/python3 - <<'PY'
import random
random.seed(7)
units = [f"第{i:03d}镇" for i in range(1, 101)]
ids = [("households", "产业帮扶覆盖脱贫户", "户", 400), ("people", "脱贫人口务工就业", "人", 1200),
       ("projects", "产业项目开工", "个", 6), ("funds", "衔接资金拨付", "元", 4000000)]
head = """template: monthly-bulletin
lang: zh
title: 青山县乡村振兴工作简报
organization: 青山县乡村振兴领导小组办公室
date: 2026-11-05
period: 2026-10
rank_by: households
lag_below: 0.6
"""
roster = "roster: [" + ", ".join(units) + "]\n"
collect = "collect:\n" + "".join(f"  - {{id: {i}, label: {l}, unit: {u}}}\n" for i, l, u, _ in ids)
targets = "targets:\n"
figures = {}
import os
os.makedirs("yaml", exist_ok=True)
for u in units:
    t = {i: round(base * random.uniform(0.7, 1.3)) for i, _, _, base in ids}
    a = {i: round(t[i] * random.uniform(0.4, 1.0)) for i in t}
    targets += f"  {u}: {{" + ", ".join(f"{i}: {v}" for i, v in t.items()) + "}\n"
    figures[u] = a
    with open(f"yaml/{u}.yaml", "w", encoding="utf-8") as f:
        f.write(f"title: {u}报送\norganization: {u}\nperiod: 2026-10\nmetrics:\n")
        for i, v in a.items():
            f.write(f"  - {{id: {i}, label: x, actual: {v}, previous: {round(v * 0.9)}}}\n")
for name, pattern in (("yaml", "yaml/*.yaml"), ("xlsx", "units/*.xlsx")):
    with open(f"{name}.yaml", "w", encoding="utf-8") as f:
        f.write(head + f"units: [{pattern}]\n" + roster + collect + targets)
import json
json.dump(figures, open("figures.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
"$BIN" form xlsx.yaml -o forms > /dev/null 2>&1
mkdir -p units
/usr/bin/python3 - <<'PY'
import json, openpyxl
figures = json.load(open("figures.json", encoding="utf-8"))
for unit, a in figures.items():
    book = openpyxl.load_workbook(f"forms/{unit}.xlsx")
    sheet = book.worksheets[0]
    for r in range(5, 12):
        i = sheet.cell(r, 1).value
        if i in a:
            sheet.cell(r, 5).value = a[i]
            sheet.cell(r, 6).value = round(a[i] * 0.9)
    book.save(f"units/{unit}.xlsx")
PY

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() {
  for _ in 1 2 3 4 5 6 7; do
    s=$(date +%s%N); "$BIN" build "$@" > /dev/null 2> "$WORK/err" || { cat "$WORK/err" >&2; exit 1; }; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
  done | median
}
"$BIN" build yaml.yaml xlsx.yaml -f md,pdf > /dev/null 2>&1 || { echo "the bulletins do not build" >&2; exit 1; }
if ! diff -q yaml.md xlsx.md > /dev/null; then echo "the two bulletins differ" >&2; diff yaml.md xlsx.md | head >&2; exit 1; fi
printf '%-28s %10s %10s %10s\n' "100-unit bulletin" "YAML ms" ".xlsx ms" "difference"
for formats in md md,pdf; do
  y=$(time_ms yaml.yaml -f "$formats"); x=$(time_ms xlsx.yaml -f "$formats")
  printf '%-28s %10s %10s %10s\n' "-f $formats" "$y" "$x" "$((x - y))"
done
echo "xlsx returns: $(du -sh units | cut -f1) in $(ls units | wc -l) files; the two bulletins' Markdown is identical"
