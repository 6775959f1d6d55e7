#!/usr/bin/env bash
# The side-by-side benchmark behind `make bench`: Gazette, Typst and WeasyPrint on digests of
# 14, 100 and 400 articles, in one run on this machine, and BENCHMARKS.md from the results.
#
#   Benchmarks/bench.sh                 # ~15 minutes on 2 cores, mostly WeasyPrint at N=400
#   RUNS=1 SIZES="14 100" MEMORY_SIZES=100 Benchmarks/bench.sh     # a quick look
#
# Environment (all optional):
#   RUNS=3              timed runs per tool and size; the median is reported
#   SIZES="14 100 400"  digest sizes (14 is the shared sample month as it is; others are made
#                       from it by ../shared/bench/scale.py)
#   MEMORY_SIZES="100 400"   sizes at which each tool's peak memory is measured, one run each
#                       with /usr/bin/time -v (maximum resident set size), CPU time alongside
#   PEERS=weasyprint,typst   the other tools
#   SHARED=../shared    the shared folder holding bench/ and corpus/
#   BENCH_OUT=${TMPDIR:-/tmp}/gazette-bench   scaled digests, PDFs and raw results
#   SCRATCH=.build      SwiftPM build folder for the release build
#   REPORT=BENCHMARKS.md   where the generated section goes (REPORT= to write nothing)
#   SKIP_BUILD=1        use the release binary already in SCRATCH
#   IMPORT_POSTS=400    posts in the WordPress export whose import and build are timed
#   SERVE_BUILDS=1000   builds asked of `gazette serve` while its memory is read (wrk runs 10 s)
#   WATCH_SAVES=5       saves of an article timed to the new PDF with `build --watch` running
#
# Wall time on a shared machine is noisy: the report records the load average before and
# after, and the CPU time of the memory runs, which other processes disturb much less.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-3}"
read -r -a sizes <<< "${SIZES:-14 100 400}"
read -r -a memory_sizes <<< "${MEMORY_SIZES:-100 400}"
peers="${PEERS:-weasyprint,typst}"
shared="$(cd "${SHARED:-$root/../shared}" && pwd)"
out="${BENCH_OUT:-${TMPDIR:-/tmp}/gazette-bench}"
scratch="${SCRATCH:-.build}"
report="${REPORT-BENCHMARKS.md}"
swift="${SWIFT:-swift}"
py="${PYTHON:-python3}"
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo

# ---- what the peers need (idempotent: installs only what is missing) ------------------
if ! "$py" -c 'import weasyprint, typst, markdown_it, yaml, pypdf' 2>/dev/null; then
  echo "bench: installing the peers' Python packages"
  "$py" -m pip install --quiet weasyprint typst markdown-it-py pyyaml pypdf
fi
for package in fonts-noto-core time; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    echo "bench: installing $package"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package"
  fi
done

# ---- the release build ----------------------------------------------------------------
if [ -z "${SKIP_BUILD:-}" ]; then
  "$swift" build -c release --product gazette --scratch-path "$scratch"
fi
bin="$(cd "$scratch/release" 2>/dev/null && pwd)/gazette"
[ -x "$bin" ] || bin="$("$swift" build -c release --scratch-path "$scratch" --show-bin-path)/gazette"
[ -x "$bin" ] || { echo "bench: no release binary at $bin" >&2; exit 1; }

mkdir -p "$out"
meta="$out/meta.env"
{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "dirty=$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo yes || echo no)"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "runs=$runs"
} > "$meta"

# ---- timing: the shared harness, all tools in the same run ----------------------------
BENCH_OUT="$out" RUNS="$runs" PEERS="$peers" \
  OURS="$bin build {dir} --output {out}" \
  "$shared/bench/run.sh" "${sizes[@]}"

# ---- peak memory and CPU time, one run per tool and size ------------------------------
memory="$out/memory.tsv"
: > "$memory"
corpus_count=$(find "$shared/corpus/2024-06/articles" -maxdepth 1 -name '*.md' | wc -l)
for n in "${memory_sizes[@]}"; do
  if [ "$n" -eq "$corpus_count" ]; then dir="$shared/corpus/2024-06"; else dir="$out/digest-$n"; fi
  [ -d "$dir" ] || "$py" "$shared/bench/scale.py" "$shared/corpus/2024-06" "$n" "$dir" > /dev/null
  for tool in ours ${peers//,/ }; do
    pdf="$out/memory-$n-$tool.pdf"
    if [ "$tool" = ours ]; then
      command=("$bin" build "$dir" --output "$pdf")
    else
      command=("$py" "$shared/bench/peers.py" --render "$tool" "$dir" "$pdf")
    fi
    log="$out/memory-$n-$tool.log"
    if /usr/bin/time -v -o "$log" "${command[@]}" > /dev/null 2>&1; then
      rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
      user=$(awk -F': ' '/User time/ {print $2}' "$log")
      system=$(awk -F': ' '/System time/ {print $2}' "$log")
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$rss" "$user" "$system" "$wall" >> "$memory"
      echo "memory     $tool N=$n: max RSS $((rss / 1024)) MB, CPU ${user} + ${system} s, wall $wall"
    else
      printf '%s\t%s\tfailed\t\t\t\n' "$n" "$tool" >> "$memory"
      echo "memory     $tool N=$n: FAILED (see $log)"
    fi
  done
done
# ---- import: a WordPress export of IMPORT_POSTS posts into a digest, then its build -----
# The export is made by Benchmarks/make-wxr.py (deterministic); each run imports into a new
# folder and builds it, and the import's share of the two is what the report quotes.
import_posts="${IMPORT_POSTS:-400}"
export_file="$out/wordpress-$import_posts.xml"
"$py" "$root/Benchmarks/make-wxr.py" "$import_posts" "$export_file" > /dev/null
imports="$out/import.tsv"
: > "$imports"
for run in $(seq "$runs"); do
  folder="$out/imported-$import_posts"
  rm -rf "$folder"
  start=$EPOCHREALTIME
  "$bin" import wordpress "$export_file" --month 2024-06 --into "$folder" --quiet > /dev/null
  middle=$EPOCHREALTIME
  "$bin" build "$folder" --output "$out/imported-$import_posts.pdf" --quiet
  end=$EPOCHREALTIME
  pages=$(pdfinfo "$out/imported-$import_posts.pdf" | awk '/^Pages:/ {print $2}')
  printf '%s\t%s\t%s\t%s\t%s\n' "$import_posts" "$(awk -v a="$start" -v b="$middle" 'BEGIN {print b - a}')" \
    "$(awk -v a="$middle" -v b="$end" 'BEGIN {print b - a}')" "$pages" "$(stat -c %s "$export_file")" >> "$imports"
done
awk -F'\t' '{print "import     " $1 " posts: import " $2 " s, build " $3 " s, " $4 " pages"}' "$imports"

# ---- watch: from saving an article to its new PDF, with `build --watch` running ----------
"$py" "$root/Benchmarks/watch_latency.py" --binary "$bin" --digest "$shared/corpus/2024-06" \
  --saves "${WATCH_SAVES:-5}" --tsv "$out/watch.tsv"

# ---- serve: wrk against the preview route, and the server's memory over many builds -------
"$py" "$root/Benchmarks/serve_load.py" --binary "$bin" --builds "${SERVE_BUILDS:-1000}" --tsv "$out/serve.tsv"

echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$meta"

if [ -n "$report" ]; then
  "$py" "$root/Benchmarks/report.py" --out "$out" --binary "$bin" --shared "$shared" --report "$report"
  echo "bench: wrote $report"
fi
