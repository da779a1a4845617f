#!/usr/bin/env bash
# The pictures of the user's guides (docs/guide.zh.md, docs/guide.en.md), made
# from what the guides' own commands write: tests/guide.rs runs every command
# of both guides and, with GUIDE_KEEP set, leaves their folders behind; this
# script turns the pages named below into small PNGs in docs/img/.
#
#   scripts/guide-pictures.sh   (needs pdftoppm, soffice for .docx pages, and
#                                python3-pil for /usr/bin/python3)
#
# Each `picture NAME GUIDE FILE PAGE` line makes docs/img/NAME.png from page
# PAGE (a number, or `last`) of FILE, relative to the guide's home folder
# (`~` in the guide). tests/guide.rs reads these lines: a picture a guide
# shows must be one of them, made from a file the guide's commands write.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/img
keep=$(mktemp -d /tmp/zongjie-guide-pictures.XXXXXX)
trap 'rm -rf "$keep"' EXIT

GUIDE_KEEP="$keep" cargo test --locked --test guide -- --test-threads 1 runs_as_written >&2

picture() {
  local name=$1 guide=$2 file=$3 page=$4
  local path="$keep/$guide/pictures/$name.${file##*.}" pdf
  case "$path" in
    *.pdf) pdf=$path ;;
    *.docx)
      soffice -env:UserInstallation="file://$keep/lo" --headless --convert-to pdf \
        --outdir "$keep/docx-$guide" "$path" >/dev/null
      pdf="$keep/docx-$guide/$(basename "${path%.docx}").pdf" ;;
    *) echo "$file: neither .pdf nor .docx" >&2; exit 1 ;;
  esac
  if [ "$page" = last ]; then
    page=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  fi
  pdftoppm -png -r 60 -f "$page" -l "$page" -singlefile "$pdf" "$out/$name"
  # 32 colours are enough for a page of text, its red rules and its charts,
  # and a quarter of the size.
  /usr/bin/python3 -c 'import sys; from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
im.quantize(colors=32).save(sys.argv[1], optimize=True)' "$out/$name.png"
  echo "$out/$name.png  ($file, page $page)"
}

picture zh-report zh 总结/报告.pdf 1
picture zh-report-md zh 总结/报告.pdf 1
picture zh-report-checked zh 总结/报告.pdf 2
picture zh-report-watch zh 总结/报告.pdf 3
picture zh-hekou zh 总结/examples/hekou-2026-10.zh.pdf 2
picture zh-bulletin zh 总结/data/bulletin-zh/bulletin.pdf 1
picture zh-official-first zh 总结/examples/tuanfeng-progress.zh.pdf 1
picture zh-official-last zh 总结/examples/tuanfeng-progress.zh.pdf last
picture zh-reference-docx zh 总结/报告.docx 1
picture en-report en reports/report.pdf 1
picture en-report-md en reports/report.pdf 1
picture en-report-checked en reports/report.pdf 2
picture en-report-watch en reports/report.pdf 3
picture en-hekou en reports/examples/hekou-2026-10.en.pdf 1
picture en-bulletin en reports/data/bulletin-en/bulletin.pdf 1
picture en-official-first en reports/examples/tuanfeng-progress.zh.pdf 1
picture en-official-last en reports/examples/tuanfeng-progress.zh.pdf last
picture en-reference-docx en reports/report.docx 1
