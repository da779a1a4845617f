#!/usr/bin/env python3
"""Typst's own time: compiles each .typ file once to PDF in one warm process
with the typst library (the Python binding of the same typst version), after
one warm-up compile, and prints the seconds per document.

usage: typst_own.py ROOT OUT_DIR FILE.typ...
"""
import sys
import time

import typst


def main():
    root, out, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    compiler = typst.Compiler(root=root)
    compiler.compile(input=files[0], output=f"{out}/warmup.pdf")
    start = time.perf_counter()
    for path in files:
        name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        compiler.compile(input=path, output=f"{out}/{name}.pdf")
    elapsed = time.perf_counter() - start
    print(f"{elapsed / len(files):.6f}")


if __name__ == "__main__":
    main()
