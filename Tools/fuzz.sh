#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets with AddressSanitizer and runs each for a bounded
# time. Crashes and timeouts are saved in .build/fuzz/findings/; once fixed, copy an input
# into Fuzz/Corpus/<target>/ so that FuzzCorpusTests replays it on every `make test`.
# Usage: Tools/fuzz.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library)
mkdir -p .build/fuzz/findings
status=0
for target in scenario page; do
  swift build -c release --scratch-path .build/fuzz/build "${flags[@]}" --product "notesim-fuzz-$target" >/dev/null
  binary=".build/fuzz/build/release/notesim-fuzz-$target"
  work=".build/fuzz/corpus-$target"
  mkdir -p "$work"
  echo "== $target: ${seconds} s (seed corpus: Fuzz/Corpus/$target)"
  # Findings are written as crash-*/timeout-*/oom-* files; the run stops at the first one.
  if ! "$binary" "$work" "Fuzz/Corpus/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
       -max_len=4096 -artifact_prefix=".build/fuzz/findings/$target-" -print_final_stats=1 2>&1 | tail -n 12; then
    status=1
  fi
done
ls .build/fuzz/findings
exit $status
