#!/usr/bin/env bash
# Counts instructions of one build with callgrind and prints where they go.
#
#   Benchmarks/profile.sh [DIGEST]        default: a 100-article digest made by scale.py
#
# Instruction counts do not depend on what else runs on the machine, so two profiles can be
# compared where two wall-clock timings cannot. Environment: SCRATCH (release build folder,
# default .build), SHARED (default ../shared), PROFILE_OUT (default ${TMPDIR:-/tmp}/gazette-profile).
#
# valgrind 3.19 cannot read the DWARF that Swift 6.3 writes ("Possibly corrupted debuginfo
# file"), so the profile runs a copy of the binary without debug information; symbols stay.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
shared="$(cd "${SHARED:-$root/../shared}" && pwd)"
out="${PROFILE_OUT:-${TMPDIR:-/tmp}/gazette-profile}"
scratch="${SCRATCH:-.build}"
swift="${SWIFT:-swift}"
mkdir -p "$out"

command -v valgrind > /dev/null || { echo "profile: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
digest="${1:-}"
if [ -z "$digest" ]; then
  digest="$out/digest-100"
  [ -d "$digest" ] || python3 "$shared/bench/scale.py" "$shared/corpus/2024-06" 100 "$digest" > /dev/null
fi

"$swift" build -c release --product gazette --scratch-path "$scratch"
bin="$("$swift" build -c release --scratch-path "$scratch" --show-bin-path)/gazette"
cp "$bin" "$out/gazette-nodebug"
strip --strip-debug "$out/gazette-nodebug"

profile="$out/callgrind.out"
GAZETTE_HOME="$root" valgrind --tool=callgrind --callgrind-out-file="$profile" \
  "$out/gazette-nodebug" build "$digest" --output "$out/profile.pdf" 2>&1 | grep -E "refs|error" || true
python3 "$root/Benchmarks/profile_summary.py" "$profile"
echo "full profile: callgrind_annotate --inclusive=yes $profile"
