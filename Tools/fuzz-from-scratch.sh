#!/usr/bin/env bash
# How long the structured fuzzer takes to find each kind of failure from an empty corpus:
# builds notesim-fuzz-structured against a revision of notesim (this tree's Fuzz/ copied
# onto it, compiled with -DFUZZ_PRE_FIX for a revision before issue 18's fixes, which had
# no FileKind.special) and fuzzes it for SECONDS, continuing after each finding. Prints one
# line per finding: seconds since the start, the kind (crash, timeout, oom), what failed
# (every violation of the property, or the sanitizer's report and the first frame in
# notesim's sources) and the finding's file. Each run starts from an empty corpus.
# Usage: Tools/fuzz-from-scratch.sh REVISION SECONDS [pre-fix]
#   e.g. Tools/fuzz-from-scratch.sh d733e4a 600 pre-fix    (the last commit before the fixes)
set -euo pipefail
cd "$(dirname "$0")/.."
revision="$1"
seconds="$2"
work=".build/fuzz/scratch-$revision"
# From scratch: no corpus or findings of an earlier run (the build is kept, to save time).
rm -rf "$work/corpus" "$work/findings" "$work/log" "$work/start"
mkdir -p "$work/src" "$work/corpus" "$work/findings"
git archive "$revision" | tar -x -C "$work/src"
cp Fuzz/FuzzTargets/*.swift "$work/src/Fuzz/FuzzTargets/"
cp -r Fuzz/FuzzStructured "$work/src/Fuzz/"
grep -q notesim-fuzz-structured "$work/src/Package.swift" || sed -i \
  's|^\( *\)\(.executableTarget(name: "notesim-fuzz-page".*\)$|\1\2\n\1.executableTarget(name: "notesim-fuzz-structured", dependencies: ["FuzzTargets"], path: "Fuzz/FuzzStructured"),|' \
  "$work/src/Package.swift"
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library)
if [ "${3:-}" = pre-fix ]; then flags+=(-Xswiftc -DFUZZ_PRE_FIX); fi
(cd "$work/src" && swift build -j 1 -c release --scratch-path ../build "${flags[@]}" --product notesim-fuzz-structured >/dev/null)
binary="$work/build/release/notesim-fuzz-structured"
start=$(date +%s)
# -fork=1 with -ignore_*: one child at a time, and the run goes on after a finding.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$binary" "$work/corpus" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
  -ignore_ooms=1 -len_control=0 -max_len=1024 -timeout=15 -rss_limit_mb=2048 -max_total_time="$seconds" \
  -artifact_prefix="$work/findings/" -print_final_stats=1 >"$work/log" 2>&1 || true
grep '^#' "$work/log" | tail -n 1
# A finding's summary: the property's violation, or the sanitizer's error and the first frame
# in notesim's own sources (for a timeout or an out-of-memory, where the input was running).
summary() {
  local report
  report=$(SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 timeout 60 "$binary" -timeout=15 -rss_limit_mb=2048 "$1" 2>&1 || true)
  if grep -q 'PROPERTY VIOLATED' <<<"$report"; then
    # Every violation (up to the description of the site or scenario), on one line.
    awk '/^PROPERTY VIOLATED/ { on = 1; next } /^(clean |strict )?(site|scenario block)/ { on = 0 } on' <<<"$report" |
      paste -s -d '|' | cut -c 1-400
  else
    echo "$(grep -m 1 -oE 'ERROR: (AddressSanitizer|libFuzzer): [a-z -]+' <<<"$report" | cut -d ' ' -f 3-)" \
      "$(grep -m 1 -oE '/Sources/[^ ]+' <<<"$report" | sed 's|.*/Sources/||')"
  fi
}
echo "$start" >"$work/start"
# Replaying a timeout takes its 15 s: only the first five of each kind are replayed.
declare -A replayed=([crash]=0 [timeout]=0 [oom]=0)
for finding in $(ls -tr "$work/findings" | grep -v "^slow-unit"); do
  kind=${finding%%-*}
  if [ "$kind" = crash ] || [ "${replayed[$kind]:-0}" -lt 5 ]; then
    replayed[$kind]=$((${replayed[$kind]:-0} + 1))
    echo "$(($(stat -c %Y "$work/findings/$finding") - start)) s  $kind  $(summary "$work/findings/$finding")  $finding"
  else
    echo "$(($(stat -c %Y "$work/findings/$finding") - start)) s  $kind  (not replayed)  $finding"
  fi
done
