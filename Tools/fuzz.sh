#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets with AddressSanitizer and runs each for a bounded
# time. Crashes, timeouts and property violations are saved in .build/fuzz/findings/; copy
# each such input into Fuzz/Corpus/<target>/ (fixed or not) so that FuzzCorpusTests replays
# it on every `make test`.
#
# - scenario, page: bytes as a scenario block / a note, mutated with the dictionaries in
#   Fuzz/Dictionaries (the scenario language's keys, modes, extreme values, Markdown forms);
# - structured: bytes as choices of a generated scenario or whole site, checked against a
#   property (Fuzz/FuzzTargets/StructuredFuzzing.swift); a scenario at the default limits
#   must finish in 15 s and 2 GB under the sanitizers (about 1 s and 256 MB without).
#
# Usage: Tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (targets: scenario page structured)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
shift || true
targets=(scenario page structured)
if [ $# -gt 0 ]; then targets=("$@"); fi
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library)
mkdir -p .build/fuzz/findings
status=0
for target in "${targets[@]}"; do
  swift build -j 1 -c release --scratch-path .build/fuzz/build "${flags[@]}" --product "notesim-fuzz-$target" >/dev/null
  binary=".build/fuzz/build/release/notesim-fuzz-$target"
  work=".build/fuzz/corpus-$target"
  mkdir -p "$work" "Fuzz/Corpus/$target"
  case "$target" in
    # Its bytes are choices: without -len_control=0 libFuzzer keeps them under 15 bytes for
    # minutes, which choose only the smallest sites.
    structured) limits=(-timeout=15 -rss_limit_mb=2048 -malloc_limit_mb=2048 -len_control=0 -max_len=1024) ;;
    *) limits=(-timeout=20 -rss_limit_mb=4096 -max_len=4096 "-dict=Fuzz/Dictionaries/$target.dict") ;;
  esac
  echo "== $target: ${seconds} s (seed corpus: Fuzz/Corpus/$target)"
  # Findings are written as crash-*/timeout-*/oom-* files; the run stops at the first one.
  # Leak checking is off (the Swift runtime's caches read as leaks to LeakSanitizer), and so
  # is Swift's own crash backtracer (it fights AddressSanitizer and stalls on every finding).
  if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$binary" "$work" "Fuzz/Corpus/$target" -max_total_time="$seconds" "${limits[@]}" \
       -artifact_prefix=".build/fuzz/findings/$target-" -print_final_stats=1 2>&1 | tail -n 12; then
    status=1
  fi
done
ls .build/fuzz/findings
exit $status
