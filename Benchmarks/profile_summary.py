#!/usr/bin/env python3
"""Where the instructions of one callgrind profile of `gazette build` go.

    python3 Benchmarks/profile_summary.py callgrind.out [--markdown]

Prints the stages (inclusive counts of named functions) and the five functions that cost most
by themselves. Debian's libraries carry no symbols, so some of their functions show only as
addresses; the stage rows use exported names only.
"""
from __future__ import annotations

import re
import subprocess
import sys

# (label, pattern matched against callgrind_annotate's function column)
STAGES = [
    ("read the digest (DigestReader.read)", r"12DigestReaderAAO4read6folder"),
    # Articles are composed on two threads; callgrind runs them one after the other, so how
    # the work splits between the two rows changes from run to run: add them up.
    ("lay out, first thread (DigestLayout.layout)", r"6Layout06DigestA0O6layout_4spec"),
    ("lay out, second thread (ArticleFlows helper)", r"6Layout12ArticleFlowsC9runHelper"),
    ("… TextShaper.lines", r"11TextShaping0A6ShaperC5lines_5width5style"),
    ("… … Pango line layout (pango_layout_get_iter)", r"pango_layout_get_iter "),
    ("… … … HarfBuzz shaping (hb_shape_full)", r"hb_shape_full "),
    ("… … glyph runs from Pango's lines (TextShaper.glyphRun)", r"11TextShaping0A6ShaperC8glyphRun"),
    ("… hyphenation (Hyphenator.softHyphenatedText)", r"11TextShaping10HyphenatorC014softHyphenatedA0_5rules"),
    ("draw the pages with cairo (PDFRenderer.renderPDF; writePDF before)",
     r"11PDFRendererAAO(9renderPDF16releasingPagesOf|9renderPDF_4name|8writePDF_2to)"),
    ("… cairo page output (cairo_show_page)", r"cairo_show_page "),
    ("… pictures scaled and re-encoded (ImageCache.recompressed)", r"11PDFRenderer10ImageCacheC12recompressed"),
    ("draw the furniture, beside the qpdf pass (PendingFurniture.draw)", r"11PDFRenderer16PendingFurnitureC4draw"),
    ("finish the tagged PDF with qpdf (PDFFinishing.apply)", r"12PDFFinishingAAV5apply"),
    ("… the structure walk (QPDFDocument.finishStructure)", r"12PDFFinishing12QPDFDocumentC15finishStructure"),
    ("… the furniture placed as artifacts (QPDFDocument.placeFurniture)", r"12PDFFinishing12QPDFDocumentC14placeFurniture"),
    ("… qpdf writing the file (qpdf_write)", r"qpdf_write "),
    ("zlib compression, all stages (deflate)", r"deflate "),
]


def annotate(path: str, inclusive: bool) -> list[tuple[int, str]]:
    args = ["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}", "--threshold=100", path]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    rows = []
    for line in text.splitlines():
        m = re.match(r"^\s*([\d,]+) \([ \d.]+%\)\s+(.*)$", line)
        if m:
            rows.append((int(m.group(1).replace(",", "")), m.group(2)))
    return rows


def total(rows: list[tuple[int, str]]) -> int:
    return next(n for n, name in rows if "PROGRAM TOTALS" in name)


def short(name: str) -> str:
    name = re.sub(r"^\S*:", "", name, count=1) if not name.startswith("???") else name[4:]
    name = re.sub(r"\s*\[(.*/)?([^/\]]+)\]$", r"  (\2)", name)
    return name if len(name) < 110 else name[:107] + "…"


def main() -> None:
    path = sys.argv[1]
    markdown = "--markdown" in sys.argv
    inclusive = annotate(path, True)
    exclusive = annotate(path, False)
    all_ir = total(exclusive)
    print(f"total: {all_ir:,} instructions")
    print("\n| stage | instructions | share |\n|---|---:|---:|" if markdown else "\nstages (inclusive):")
    for label, pattern in STAGES:
        hit = next((n for n, name in inclusive if re.search(pattern, name)), 0)
        if markdown:
            print(f"| {label} | {hit / 1e9:.2f} G | {100 * hit / all_ir:.1f} % |")
        else:
            print(f"  {100 * hit / all_ir:5.1f} %  {hit / 1e9:6.2f} G  {label}")
    print("\n| function (self cost) | instructions | share |\n|---|---:|---:|" if markdown
          else "\ntop five by self cost:")
    for n, name in [r for r in exclusive if "PROGRAM TOTALS" not in r[1]][:5]:
        if markdown:
            print(f"| `{short(name)}` | {n / 1e9:.2f} G | {100 * n / all_ir:.1f} % |")
        else:
            print(f"  {100 * n / all_ir:5.1f} %  {n / 1e9:6.2f} G  {short(name)}")


if __name__ == "__main__":
    main()
