#!/usr/bin/env bash
# `make typo-report`: the sample month set by Gazette (release build), WeasyPrint and Typst in
# one run, each PDF measured by typo_report.py, and Benchmarks/TYPOGRAPHY.md from the results.
#
# Environment (all optional): DIGEST=../shared/corpus/2024-06, SHARED=../shared,
# TYPO_OUT=${TMPDIR:-/tmp}/gazette-typo (the PDFs), SCRATCH=.build, SWIFT=swift, PYTHON=python3
# (the one that has, or gets, weasyprint and typst), REPORT=Benchmarks/TYPOGRAPHY.md (REPORT= to
# write nothing), SKIP_BUILD=1 to use the release binary already in SCRATCH.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
shared="$(cd "${SHARED:-$root/../shared}" && pwd)"
digest="${DIGEST:-$shared/corpus/2024-06}"
out="${TYPO_OUT:-${TMPDIR:-/tmp}/gazette-typo}"
scratch="${SCRATCH:-.build}"
report="${REPORT-Benchmarks/TYPOGRAPHY.md}"
swift="${SWIFT:-swift}"
py="${PYTHON:-python3}"
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo

# What the measurement and the peers need, installed only when missing.
if ! "$py" -c 'import pdfminer' 2>/dev/null; then
  echo "typo-report: installing pdfminer.six"
  "$py" -m pip install --quiet pdfminer.six
fi
if ! "$py" -c 'import weasyprint, typst, markdown_it, yaml, pypdf' 2>/dev/null; then
  echo "typo-report: installing the peers' Python packages"
  "$py" -m pip install --quiet weasyprint typst markdown-it-py pyyaml pypdf
fi
if ! dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null | grep -q "install ok installed"; then
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-core
fi

if [ -z "${SKIP_BUILD:-}" ]; then
  "$swift" build -c release --product gazette --scratch-path "$scratch"
fi
bin="$(cd "$scratch/release" && pwd)/gazette"

mkdir -p "$out"
"$bin" build "$digest" --output "$out/gazette.pdf"
for peer in weasyprint typst; do
  "$py" "$shared/bench/peers.py" --render "$peer" "$digest" "$out/$peer.pdf"
done

"$py" Benchmarks/typo_report.py --sources "$digest" --binary "$bin" ${report:+--markdown "$report"} \
  "Gazette=$out/gazette.pdf" "WeasyPrint=$out/weasyprint.pdf" "Typst=$out/typst.pdf"
