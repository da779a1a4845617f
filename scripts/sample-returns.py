#!/usr/bin/python3
"""Writes the sample bulletins' spreadsheet returns from YAML returns, laid
out by hand the way offices lay them out (a merged title, the unit and the
period in cells of their own, columns in another order, figures typed as
text, a notes line), by other programs than zongjie: openpyxl for .xlsx,
LibreOffice for .xls and .ods, Python's csv module for GBK .csv.

    /usr/bin/python3 scripts/sample-returns.py data/bulletin-zh/units/duanji.yaml xlsx 段集镇

Debian: python3-openpyxl, python3-yaml, libreoffice-calc-nogui. Run by hand
when the samples change; the outputs are committed."""

import csv
import os
import subprocess
import sys
import tempfile

import openpyxl
import yaml
from openpyxl.styles import Alignment, Font

ZH = ["序号", "指标名称", "计量单位", "本期完成", "年度目标", "上月完成"]
EN = ["No.", "Metric", "Unit", "Actual", "Target", "Previous"]


def rows(doc):
    zh = doc.get("lang") == "zh"
    head = ZH if zh else EN
    unit_label = "填报单位：" if zh else "Reporting unit: "
    period_label = "报送期间" if zh else "Period"
    period = str(doc["period"])
    shown_period = f"{period[:4]}年{int(period[5:7])}月" if zh else period
    title = doc["title"]
    out = [[title], [unit_label + doc["organization"], None, None, period_label, shown_period], [], head]
    for i, m in enumerate(doc["metrics"], 1):
        actual = m.get("actual")
        # An amount typed as text with separators, as a writer types it.
        shown_actual = f"{actual:,}" if isinstance(actual, int) and actual >= 10000 else actual
        out.append([i, m["label"], m.get("unit", ""), shown_actual, m.get("target"), m.get("previous")])
    out.append([])
    out.append(["填报说明：数据为年初至本月底累计数。" if zh else "Notes: figures are cumulative for the year to the end of the month."])
    return out


def xlsx(doc, path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for r in rows(doc):
        sheet.append(r)
    sheet.merge_cells("A1:F1")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.column_dimensions["B"].width = 28
    book.save(path)


def main():
    source, kind, name = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(source, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    folder = os.path.dirname(source)
    target = os.path.join(folder, f"{name}.{kind}")
    if kind == "xlsx":
        xlsx(doc, target)
    elif kind in ("xls", "ods"):
        with tempfile.TemporaryDirectory() as tmp:
            made = os.path.join(tmp, f"{name}.xlsx")
            xlsx(doc, made)
            profile = "file://" + os.path.join(tmp, "profile")
            subprocess.run(
                ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", kind, "--outdir", folder, made],
                check=True, stdout=subprocess.DEVNULL,
            )
    elif kind == "csv":
        encoding = "gbk" if doc.get("lang") == "zh" else "utf-8-sig"
        with open(target, "w", encoding=encoding, newline="") as f:
            csv.writer(f).writerows(rows(doc))
    else:
        sys.exit(f"unknown kind {kind}")
    os.remove(source)
    print(target)


if __name__ == "__main__":
    main()
