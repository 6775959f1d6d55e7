#!/usr/bin/env bash
# Does build time grow linearly with paragraph length? Builds one-article digests whose only
# paragraph has N words (and, separately, one unbroken "word" of N letters), and prints the time
# per word. Usage: Benchmarks/linearity.sh [path/to/gazette]   (default: the release build)
set -euo pipefail
gazette="${1:-$(dirname "$0")/../.build/release/gazette}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

digest() { # folder, body
  mkdir -p "$1/articles"
  printf 'title: Linearity\nedition: June 2024\nsections: [National]\n' > "$1/digest.yaml"
  printf -- '---\ntitle: One long paragraph\ndate: 2024-06-10\nsection: National\n---\n\n%s\n' "$2" > "$1/articles/a.md"
}

seconds() { # folder → wall seconds of one build (best of 3)
  best=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e" -o "$work/time" "$gazette" build "$1" --output "$work/out.pdf" >/dev/null 2>&1
    t=$(cat "$work/time")
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
  done
  echo "$best"
}

echo "| paragraph of N words | build s | µs per word |"
echo "|---:|---:|---:|"
for n in 2000 4000 8000 16000 32000; do
  body=$(python3 -c "import random; random.seed(1); w=['treaty','monsoon','parliament','the','of','economy','and','satellite','reserve','court']; print(' '.join(random.choice(w) for _ in range($n)))")
  digest "$work/p$n" "$body"
  s=$(seconds "$work/p$n")
  echo "| $n | $s | $(awk "BEGIN{printf \"%.1f\", $s*1000000/$n}") |"
done
echo
echo "| one word of N letters | build s | µs per letter |"
echo "|---:|---:|---:|"
for n in 5000 10000 20000 40000; do
  digest "$work/w$n" "$(python3 -c "print('a' * $n)")"
  s=$(seconds "$work/w$n")
  echo "| $n | $s | $(awk "BEGIN{printf \"%.1f\", $s*1000000/$n}") |"
done
