#!/usr/bin/env python3
"""Measures the typography of a digest PDF, for any engine: loose lines, hyphen runs, lines
wider than their column, and how many Devanagari words of the sources can be copied back.

    python3 Benchmarks/typo_report.py OUT.pdf [--sources DIGEST_DIR] [--verbose] [--json]
    python3 Benchmarks/typo_report.py Gazette=a.pdf Typst=b.pdf --sources DIR --markdown T.md

Everything is read back from the PDF's glyphs (pdfminer.six), never from what the engine
says it did, so Gazette, WeasyPrint and Typst are measured by the same ruler:

* Body lines are glyphs at the body size (the most common size by character count) that sit
  on one baseline inside one column. Columns come from the data: gutters are the x-bands that
  hardly any body line touches, over all pages of one parity (mirrored pages have their own);
  a column's edges are the outermost ends shared by many of its lines, on those pages. A
  column of ragged text has no such edge and is not measured (the report says how many lines).
* A justified line reaches its column's right edge and does not start left of its left edge:
  list items and indented first lines count; ragged, centred and last lines fall short; tables
  and callouts are inset or set smaller. A paragraph's last line that happens to be full counts.
* A word gap is the distance between the last visible glyph of a word and the first of the
  next. Engines differ in whether they draw space glyphs, so spaces are ignored and gaps are
  taken between non-space glyphs: a gap wider than WORD_GAP em separates words (letters touch,
  the tightest spaces measured, Typst's shrunk ones, are 0.15 em).
* A loose line is a justified line whose median word gap is wider than LOOSE em.
* A hyphenated line ends in a hyphen glyph; a run is three or more of them one below the other
  in a column. A line too wide ends more than TOO_WIDE pt past its column's right edge.
* Devanagari words: as the end-to-end test counts them (see devanagari()).

Validated by looking (pdftoppm -r 100 of the pages that --verbose names): the loose lines, the
hyphen runs and the hanging hyphens it reports are what a reader sees.
"""
from __future__ import annotations

import argparse
import bisect
import collections
import datetime
import json
import re
import statistics
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pdfminer
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer
from pdfminer.psexceptions import PSException

LOOSE = 0.6        # em: the threshold for a loose line's median word gap
WORD_GAP = 0.1     # em: wider than kerning or an italic correction, narrower than any space
FLUSH = 1.0        # pt: how far a justified line's ends may sit from its column's edges
TOO_WIDE = 0.5     # pt: past the column's right edge by more than this is a line too wide
TAB = 4.0          # em: a gap this wide is a tab stop or a leader, not a word space
MIN_GUTTER = 6.0   # pt: an empty band narrower than this is a chance alignment of word gaps
HYPHENS = ("-", "\u2010", "\u00ad")


@dataclass
class Line:
    page: int                       # 1-based
    column: int                     # 0-based, left to right
    baseline: float
    glyphs: list[LTChar]            # non-space glyphs, left to right
    left: float = 0.0
    right: float = 0.0
    text: str = ""
    gaps: list[float] = field(default_factory=list)  # word gaps, in em

    def __post_init__(self) -> None:
        self.left = min(g.x0 for g in self.glyphs)
        self.right = max(g.x1 for g in self.glyphs)
        size = statistics.median(g.size for g in self.glyphs)
        words: list[str] = [self.glyphs[0].get_text()]
        # Marks and reordered vowel signs can start left of the glyph before them: a gap is
        # measured from the rightmost end reached so far, so only real space counts.
        reach = self.glyphs[0].x1
        for glyph in self.glyphs[1:]:
            gap = glyph.x0 - reach
            if gap > WORD_GAP * size:
                self.gaps.append(gap / size)
                words.append("")
            words[-1] += glyph.get_text()
            reach = max(reach, glyph.x1)
        self.text = " ".join(words)

    @property
    def median_gap(self) -> float:
        return statistics.median(self.gaps) if self.gaps else 0.0


def glyphs_of(container) -> list[LTChar]:
    found = []
    for item in container:
        if isinstance(item, LTChar):
            found.append(item)
        elif isinstance(item, LTContainer):
            found.extend(glyphs_of(item))
    return found


def body_size(pages: list[list[LTChar]]) -> float:
    """The most common glyph size by character count: the size the articles are set in."""
    counts = collections.Counter(round(g.size, 1) for page in pages for g in page)
    if not counts:
        raise OSError("no text to measure: no glyphs pdfminer can read")
    return counts.most_common(1)[0][0]


def rows_of(glyphs: list[LTChar]) -> list[list[LTChar]]:
    """The glyphs of a page grouped by baseline (matrix[5] is where a glyph's origin sits)."""
    rows: list[list[LTChar]] = []
    for g in sorted(glyphs, key=lambda g: -g.matrix[5]):
        if rows and abs(rows[-1][0].matrix[5] - g.matrix[5]) < 0.2 * g.size:
            rows[-1].append(g)
        else:
            rows.append([g])
    return rows


def gutters(rows: list[list[LTChar]]) -> list[tuple[float, float]]:
    """The x-bands between columns: at least MIN_GUTTER wide and touched by hardly any of these
    rows (all pages of one parity: a cover, a contents page or a table across both columns
    may cross them). Word gaps fall at different places on different lines, so only a gutter
    stays empty."""
    touched = collections.Counter()
    for row in rows:
        touched.update({cell for g in row for cell in range(int(g.x0 * 2), int(g.x1 * 2) + 1)})
    allowed = len(rows) // 20  # half-point cells touched by at most 5 % of the rows
    bands, start, inside = [], None, False
    for cell in range(min(touched, default=0), max(touched, default=0) + 1):
        if touched[cell] > allowed:
            if start is not None and (cell - start) / 2 >= MIN_GUTTER:
                bands.append((start / 2, cell / 2))
            start, inside = None, True
        elif inside and start is None:
            start = cell
    return bands


def lines_of(page_number: int, rows: list[list[LTChar]], bands: list[tuple[float, float]]) -> list[Line]:
    """Rows cut into lines at the gutters' middles. A row with a glyph in the middle half of a
    gutter spans the columns (a heading, a wide table, a contents entry) and is left out; one
    that only reaches into its edge is a line with a hanging comma or hyphen, and stays."""
    middles = [((3 * a + b) / 4, (a + 3 * b) / 4) for a, b in bands]
    lines = []
    for row in rows:
        if any(g.x1 > a and g.x0 < b for g in row for a, b in middles):
            continue
        by_column = collections.defaultdict(list)
        for g in row:
            by_column[sum(1 for a, b in bands if g.x0 + g.x1 > a + b)].append(g)
        for column, members in by_column.items():
            members.sort(key=lambda g: (g.x0, g.x1))
            lines.append(Line(page_number, column, members[0].matrix[5], members))
    return lines


def hangs(line: Line, right: float) -> bool:
    """Whether only the last glyph, a punctuation mark or hyphen that starts inside the column,
    is past the edge: margin kerning (Typst's overhang) rather than a line that did not fit.
    (The glyph before it may reach past the edge too: its advance, not its ink, when the mark
    is kerned under it, as in "r,".)"""
    last = line.glyphs[-1]
    return not last.get_text().isalnum() and last.x0 <= right + TOO_WIDE


def edge(values: list[float], rightmost: bool) -> float | None:
    """A column's edge: where many lines end. Every end within 0.5 pt of an end supports it;
    of the ends supported by a tenth of the lines and a third as many as the best supported,
    the outermost, taken as the median of the ends around it. The best supported end alone is
    not enough: a callout or a list in the column can hold more lines than the text beside it.
    Ragged text has no such end (None): then nothing in that column is justified, and nothing
    is measured as too wide."""
    values = sorted(values)
    def around(v: float) -> list[float]:
        return values[bisect.bisect_left(values, v - 0.5):bisect.bisect_right(values, v + 0.5)]
    support = {v: len(around(v)) for v in values}
    most = max(support.values(), default=0)
    ends = [v for v, n in support.items() if n >= max(3, len(values) / 10, most / 3)]
    if not ends:
        return None
    return statistics.median(around(max(ends) if rightmost else min(ends)))


@dataclass
class Report:
    pages: int
    body_size: float
    lines: list[Line]
    justified: list[Line]
    unmeasured: int                 # body lines in columns without a common edge (ragged)
    loose: list[Line]
    hyphen_runs: list[list[Line]]
    too_wide: list[tuple[Line, float, bool]]  # line, how far past the edge, only hanging
    devanagari: Copyable | None

    @property
    def hanging(self) -> int:
        return sum(1 for *_, hanging in self.too_wide if hanging)

    @property
    def loose_share(self) -> float:
        return len(self.loose) / len(self.justified) if self.justified else 0.0

    def as_dict(self) -> dict:
        result = {"pages": self.pages, "body_size": self.body_size, "body_lines": len(self.lines),
                  "justified_lines": len(self.justified),
                  "lines_without_edge": self.unmeasured, "loose_lines": len(self.loose),
                  "loose_share": self.loose_share, "hyphen_runs": len(self.hyphen_runs),
                  "too_wide": len(self.too_wide), "too_wide_hanging": self.hanging}
        if self.devanagari:
            d = self.devanagari
            result.update(devanagari_found=d.found, devanagari_words=d.words, devanagari_share=d.share,
                          devanagari_distinct_share=d.distinct_share)
        return result


def measure(pdf: Path, sources: Path | None) -> Report:
    pages = [[g for g in glyphs_of(page) if not g.get_text().isspace() and g.upright]
             for page in extract_pages(str(pdf), laparams=None)]
    size = body_size(pages)
    body = [[g for g in page if abs(g.size - size) < 0.05] for page in pages]
    rows = [rows_of(page) for page in body]
    lines: list[Line] = []
    for parity in (0, 1):   # mirrored pages have their own columns
        numbers = range(parity, len(rows), 2)
        bands = gutters([row for i in numbers for row in rows[i]])
        lines += [line for i in numbers for line in lines_of(i + 1, rows[i], bands)]

    # Column edges from all pages of the same parity (mirrored pages differ; a short page alone,
    # like a quiz's list of options, cannot tell its edges), taken from lines that begin and end
    # with a letter or digit: some engines hang punctuation and hyphens into the margin (Typst
    # does by default), and those must not move the edge.
    groups = collections.defaultdict(list)
    for line in lines:
        groups[(line.page % 2, line.column)].append(line)
    justified, too_wide, unmeasured = [], [], 0
    for members in groups.values():
        left = edge([l.left for l in members if l.glyphs[0].get_text().isalnum()], rightmost=False)
        right = edge([l.right for l in members if l.glyphs[-1].get_text().isalnum()], rightmost=True)
        if left is None or right is None:
            unmeasured += len(members)  # ragged, or too few lines: say nothing rather than guess
            continue
        for line in members:
            # Flush right and inside the column on the left: list items and first-line indents
            # count, centred and ragged lines and paragraphs' short last lines do not. A gap of
            # more than TAB em is a tab stop (contents, answer keys), not a justified space.
            if line.right >= right - FLUSH and line.left >= left - FLUSH and max(line.gaps, default=0) <= TAB:
                justified.append(line)
            if line.right > right + TOO_WIDE:
                too_wide.append((line, line.right - right, hangs(line, right)))

    loose = [l for l in justified if l.median_gap > LOOSE]

    # Runs of hyphenated lines: lines ending in a hyphen, each directly above the next in its
    # column (one leading apart: a heading or a figure in between ends the run).
    ordered = sorted(lines, key=lambda l: (l.page, l.column, -l.baseline))
    steps = [a.baseline - b.baseline for a, b in zip(ordered, ordered[1:])
             if (a.page, a.column) == (b.page, b.column) and 0 < a.baseline - b.baseline < 3 * size]
    leading = statistics.median(steps) if steps else 1.2 * size
    runs, run = [], []
    for line in ordered:
        above = run[-1] if run else None
        if above and ((above.page, above.column) != (line.page, line.column)
                      or above.baseline - line.baseline > 1.5 * leading):
            run = []
        if line.glyphs[-1].get_text() in HYPHENS:
            run.append(line)
            if len(run) == 3:
                runs.append(run)   # the same list grows if the run goes on
        else:
            run = []

    return Report(len(pages), size, lines, justified, unmeasured, loose, runs, too_wide,
                  devanagari(pdf, sources) if sources else None)


# ---- Devanagari words: the same tokens as devanagariWords in Tests/EndToEndTests ------------

def devanagari_words(text: str) -> list[str]:
    """Runs of Devanagari letters and marks (U+0900–U+097F without the dandas), joiners
    included inside a word, in NFC so that composed and decomposed forms compare equal."""
    words, current = [], ""
    for ch in unicodedata.normalize("NFC", text):
        inside = "\u0900" <= ch <= "\u097f" and ch not in "\u0964\u0965"
        if inside or (ch in "\u200c\u200d" and current):
            current += ch
        elif current:
            words.append(current)
            current = ""
    if current:
        words.append(current)
    return words


def markdown_text(source: str) -> str:
    """What a reader sees of a Markdown file: link targets, HTML comments and tags go, the
    words of front matter, headings, lists, tables and emphasis stay."""
    source = re.sub(r"<!--.*?-->", " ", source, flags=re.S)
    source = re.sub(r"^\s*\[[^\]]+\]:\s*\S+.*$", " ", source, flags=re.M)   # link definitions
    source = re.sub(r"\]\([^)]*\)", "] ", source)                            # link and image targets
    source = re.sub(r"<[^>\s]+>", " ", source)                               # autolinks, tags
    return source


@dataclass
class Copyable:
    """Source words found in the PDF's text: counted as the end-to-end test counts them (every
    occurrence), and also as distinct words (the figures quoted in issue #5 count those)."""
    found: int
    words: int
    distinct_found: int
    distinct: int
    missing: list[str]              # the first distinct words not found

    @property
    def share(self) -> float:
        return self.found / max(self.words, 1)

    @property
    def distinct_share(self) -> float:
        return self.distinct_found / max(self.distinct, 1)


def devanagari(pdf: Path, sources: Path) -> Copyable:
    files = sorted(sources.rglob("*.md")) if sources.is_dir() else [sources]
    expected = [w for f in files for w in devanagari_words(markdown_text(f.read_text(encoding="utf-8")))]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    found = set(devanagari_words(text))
    missing = [w for w in expected if w not in found]
    distinct = set(expected)
    return Copyable(len(expected) - len(missing), len(expected), len(distinct & found), len(distinct),
                    list(dict.fromkeys(missing))[:20])


# ---- output ------------------------------------------------------------------------------

def print_report(pdf: Path, report: Report, verbose: bool, examples: int) -> None:
    print(f"{pdf}: {report.pages} pages, body {report.body_size:g} pt, {len(report.lines)} body lines, "
          f"{len(report.justified)} justified"
          + (f", {report.unmeasured} in columns with no common edge (ragged), not measured"
             if report.unmeasured else ""))
    print(f"  loose lines (median word gap > {LOOSE} em): {len(report.loose)} of {len(report.justified)} "
          f"= {100 * report.loose_share:.1f} %")
    print(f"  runs of 3+ hyphenated lines: {len(report.hyphen_runs)}")
    print(f"  lines wider than their column (> {TOO_WIDE} pt): {len(report.too_wide)}, "
          f"{report.hanging} of them only by a hanging punctuation mark or hyphen")
    if d := report.devanagari:
        print(f"  Devanagari words of the sources found in the text: {d.found} of {d.words} "
              f"= {100 * d.share:.1f} % ({d.distinct_found} of {d.distinct} distinct words "
              f"= {100 * d.distinct_share:.1f} %)")
    if not verbose:
        return
    print("  loose lines, loosest first:")
    for line in sorted(report.loose, key=lambda l: -l.median_gap)[:examples]:
        print(f"    p{line.page} col {line.column + 1} y={line.baseline:.1f} gap {line.median_gap:.2f} em: {line.text}")
    print("  hyphen runs:")
    for run in report.hyphen_runs[:examples]:
        print(f"    p{run[0].page} col {run[0].column + 1} y={run[0].baseline:.1f}, {len(run)} lines:")
        for line in run:
            print(f"      {line.text}")
    print("  lines too wide:")
    for line, excess, _ in report.too_wide[:examples]:
        print(f"    p{line.page} col {line.column + 1} y={line.baseline:.1f} +{excess:.2f} pt: {line.text}")
    if report.devanagari and report.devanagari.missing:
        print("  Devanagari words not found (first 20):", " ".join(report.devanagari.missing))


def markdown(reports: list[tuple[str, Path, Report]], sources: Path | None, binary: str) -> str:
    """Benchmarks/TYPOGRAPHY.md: the table, and what it takes to judge and repeat it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import report as bench  # machine and versions, as BENCHMARKS.md reports them
    # The peers' versions come from ../shared/bench, two folders above the corpus month.
    shared = sources.resolve().parent.parent if sources else Path("../shared")
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    rows = []
    for name, pdf, r in reports:
        d = r.devanagari
        hindi = f"{100 * d.share:.1f} % ({100 * d.distinct_share:.1f} %)" if d else "—"
        rows.append(f"| {name} | {r.pages} | {len(r.loose)} of {len(r.justified)} = {100 * r.loose_share:.1f} % "
                    f"| {len(r.hyphen_runs)} | {len(r.too_wide)} ({r.hanging}) | {hindi} |")
    return "\n".join([
        "# Typography",
        "",
        "Written by `make typo-report` (`Benchmarks/typo.sh` → `Benchmarks/typo_report.py`); do not edit by hand.",
        f"The same digest, `{sources or '?'}`, set by Gazette, WeasyPrint and Typst in one run, each PDF",
        "measured from its glyphs the same way (see the doc comment of `typo_report.py` for the rules).",
        "",
        f"Measured {date}.",
        "",
        f"| System | pages | loose lines (median word gap > {LOOSE} em) of justified body lines "
        f"| runs of 3+ hyphenated lines | lines wider than their column (only a hanging mark) "
        f"| Devanagari words of the sources found in the text (distinct words) |",
        "|---|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "- Body lines: glyphs at the body size (the commonest), one baseline, one column; justified:",
        f"  reaching the column's right edge (to within {FLUSH} pt), not starting left of its left edge. Word gaps",
        "  are taken between non-space glyphs, in em of the glyphs' size.",
        f"- Too wide: ending more than {TOO_WIDE} pt past the column's right edge; in brackets, the lines where",
        "  only a final punctuation mark or hyphen is past it (margin kerning, as Typst does by default).",
        "- Devanagari: every occurrence of a word of the sources' `.md` files, tokenised like",
        "  `devanagariWords` in `Tests/EndToEndTests`, looked up in `pdftotext -enc UTF-8`'s words (NFC).",
        "",
        f"Machine: {bench.machine()}.",
        "",
        *[f"- {v}" for v in bench.versions(binary, shared, {})],
        f"- measured with pdfminer.six {pdfminer.__version__}, {subprocess.run(['pdftotext', '-v'], capture_output=True, text=True).stderr.splitlines()[0]}",
        "",
        "Reproduce: `make typo-report`; one PDF alone: "
        "`python3 Benchmarks/typo_report.py X.pdf --sources DIGEST --verbose`.",
        "",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdf", type=Path, nargs="+", help="PDFs to measure; NAME=PDF names a column of --markdown")
    parser.add_argument("--sources", type=Path, help="the digest folder the PDF was made from (its .md files)")
    parser.add_argument("--verbose", action="store_true", help="print examples of what was counted")
    parser.add_argument("--examples", type=int, default=10, help="examples per measure with --verbose")
    parser.add_argument("--json", action="store_true", help="one JSON object per PDF instead of text")
    parser.add_argument("--markdown", type=Path, help="also write this report (Benchmarks/TYPOGRAPHY.md)")
    parser.add_argument("--binary", default="gazette", help="the Gazette binary, for --markdown's versions")
    args = parser.parse_args()
    reports = []
    for argument in map(str, args.pdf):
        name, _, path = argument.rpartition("=")
        pdf = Path(path)
        try:
            report = measure(pdf, args.sources)
        except (OSError, PSException, subprocess.CalledProcessError) as error:
            print(f"typo_report: {pdf}: {error}", file=sys.stderr)
            return 1
        reports.append((name or pdf.stem, pdf, report))
        if args.json:
            print(json.dumps({"name": name or pdf.stem, "pdf": str(pdf), **report.as_dict()}))
        else:
            print_report(pdf, report, args.verbose, args.examples)
    if args.markdown:
        args.markdown.write_text(markdown(reports, args.sources, args.binary), encoding="utf-8")
        print(f"wrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
