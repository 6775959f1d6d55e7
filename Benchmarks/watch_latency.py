#!/usr/bin/env python3
"""The time from saving an article to the new PDF, with `gazette build --watch` running.

Copies a digest folder, starts the watch on the copy, waits for its first PDF, then saves an
article SAVES times (a word changed at the end of its last paragraph, written the way an
editor writes a file) and times each save until the PDF has been replaced. Prints one line
per save and writes `SECONDS` lines to --tsv.

    python3 Benchmarks/watch_latency.py --binary .build/release/gazette \
        --digest ../shared/corpus/2024-06 --saves 5 --tsv /tmp/watch.tsv

The watch looks at the files every 0.5 s, then 0.1 s more for them to settle (an editor may
save in several steps), so 0.1 to 0.6 s of each figure is waiting by design; the rest is the
build.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from child import stop


def replaced(pdf: Path, since: int | None) -> int | None:
    """The PDF's inode and mtime stamp when it differs from `since` (the watch renames a new
    file into place, so a finished PDF is a new inode)."""
    try:
        info = pdf.stat()
    except FileNotFoundError:
        return None
    stamp = info.st_ino * 10**12 + info.st_mtime_ns % 10**12
    return stamp if stamp != since else None


def wait_for(pdf: Path, since: int | None, timeout: float) -> int:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        stamp = replaced(pdf, since)
        if stamp is not None:
            return stamp
        time.sleep(0.01)
    raise TimeoutError(f"{pdf} was not rewritten within {timeout} s")


def edited(text: str, save: int) -> str:
    """The article with "Indeed, " put before its first paragraph, or taken away again."""
    lines = text.split("\n")
    body = lines.index("---", 1) + 1
    first = next(i for i in range(body, len(lines)) if lines[i][:1].isalpha() or lines[i].startswith("Indeed, "))
    lines[first] = lines[first].removeprefix("Indeed, ") if save % 2 else "Indeed, " + lines[first]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--digest", required=True)
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--tsv")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="gazette-watch-"))
    digest = work / "digest"
    shutil.copytree(args.digest, digest)
    pdf = work / "digest.pdf"
    article = sorted((digest / "articles").glob("*.md"))[0]
    environment = dict(os.environ, GAZETTE_PROGRESS_DELAY="0")
    watch = subprocess.Popen([args.binary, "build", str(digest), "--watch", "--output", str(pdf), "--quiet"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    seconds: list[float] = []
    try:
        stamp = wait_for(pdf, None, 120)
        time.sleep(1.5)  # past the watch's first look after its first build
        for save in range(args.saves):
            text = edited(article.read_text(encoding="utf-8"), save)
            scratch = article.with_name(article.name + ".saving")
            scratch.write_text(text, encoding="utf-8")
            start = time.monotonic()
            os.replace(scratch, article)
            stamp = wait_for(pdf, stamp, 120)
            seconds.append(time.monotonic() - start)
            print(f"save {save + 1}: new PDF after {seconds[-1]:.2f} s", flush=True)
            time.sleep(1.5)
    finally:
        stop(watch, timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    if args.tsv:
        Path(args.tsv).write_text("".join(f"{s:.3f}\n" for s in seconds))
    print(f"median {sorted(seconds)[len(seconds) // 2]:.2f} s over {len(seconds)} saves", file=sys.stderr)


if __name__ == "__main__":
    main()
