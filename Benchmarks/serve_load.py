#!/usr/bin/env python3
"""`gazette serve` under load: preview latency with wrk, and the server's memory over builds.

Serves a copy of a digest folder (the example month by default) on a free port, then

1. fetches the first page's preview picture once (so it is drawn and cached), and runs
   `wrk -t2 -c50 -d10s --latency` against it, printing the latency percentiles;
2. asks for BUILDS builds one after another, as the digest page's button does (a POST with
   the server's own Origin, then its event stream until `done`), and reads the server's
   resident memory (VmRSS) every 50 builds.

    python3 Benchmarks/serve_load.py --binary .build/release/gazette --builds 1000 --tsv /tmp/serve.tsv

The TSV holds `wrk\tp50_ms\tp90_ms\tp99_ms\trequests_per_s` and `rss\tBUILDS_DONE\tKB` lines.
"""
from __future__ import annotations

import argparse
import http.client
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from child import stop
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def build(port: int, digest: str) -> None:
    """One build through the page's form, waited for on its event stream."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    connection.request("POST", f"/d/{digest}/build", body=urlencode({"layout": ""}),
                       headers={"Origin": f"http://127.0.0.1:{port}", "Host": f"127.0.0.1:{port}",
                                "Content-Type": "application/x-www-form-urlencoded"})
    reply = connection.getresponse()
    reply.read()
    job = reply.getheader("Location")
    if reply.status not in (302, 303) or not job:
        raise RuntimeError(f"build was not started: {reply.status}")
    connection.close()
    stream = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    stream.request("GET", job + "/events", headers={"Host": f"127.0.0.1:{port}"})
    events = stream.getresponse()
    for raw in events:
        if raw.startswith(b"event: done"):
            break
    stream.close()


def percentile_ms(text: str, label: str) -> float:
    match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", text, re.MULTILINE)
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--digest", default=str(ROOT / "Examples" / "2024-06"))
    parser.add_argument("--builds", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--tsv")
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="gazette-serve-load-"))
    name = Path(args.digest).name
    shutil.copytree(args.digest, root / name)
    server = subprocess.Popen([args.binary, "serve", str(root), "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    rows: list[str] = []
    try:
        first = server.stdout.readline()
        port = int(re.search(r":(\d+)/", first).group(1))
        picture = f"http://127.0.0.1:{port}/d/{name}/pages/1.png"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        connection.request("GET", f"/d/{name}/pages/1.png", headers={"Host": f"127.0.0.1:{port}"})
        warm = connection.getresponse()
        warm.read()
        if warm.status != 200:
            raise RuntimeError(f"the preview answered {warm.status}")
        wrk = subprocess.run(["wrk", "-t2", "-c50", f"-d{args.seconds}s", "--latency", picture],
                             capture_output=True, text=True, check=True).stdout
        rate = re.search(r"Requests/sec:\s+([\d.]+)", wrk)
        p50, p90, p99 = (percentile_ms(wrk, label) for label in ("50", "90", "99"))
        print(f"wrk, 50 connections, {args.seconds} s, preview of page 1: p50 {p50:.2f} ms, p90 {p90:.2f} ms, "
              f"p99 {p99:.2f} ms, {float(rate.group(1)) if rate else float('nan'):.0f} requests/s", flush=True)
        rows.append(f"wrk\t{p50:.3f}\t{p90:.3f}\t{p99:.3f}\t{rate.group(1) if rate else 'nan'}")
        rows.append(f"rss\t0\t{rss_kb(server.pid)}")
        for done in range(1, args.builds + 1):
            build(port, name)
            if done % 50 == 0 or done == args.builds:
                resident = rss_kb(server.pid)
                rows.append(f"rss\t{done}\t{resident}")
                print(f"after {done} builds: {resident / 1024:.0f} MB resident", flush=True)
    finally:
        stop(server, timeout=20)
        shutil.rmtree(root, ignore_errors=True)
    if args.tsv:
        Path(args.tsv).write_text("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
