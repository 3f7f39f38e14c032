#!/usr/bin/env bash
# make serve-load: a bounded load test of `notesim serve` on loopback.
#
# 1. wrk opens 500 concurrent connections for 15 s against a page, twice; the server's
#    resident memory is read after each round (it must not grow from round to round) and
#    any socket error or non-2xx answer fails the test.
# 2. Twenty clients follow the live-reload event stream; ten are cut off mid-stream; a note
#    is edited; the ten others must all receive the reload event.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
swift build -c release --product notesim >/dev/null
port=18123
site="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$site"' EXIT
cp -r content templates notesim.yml "$site"/
printf 'search: false\n' >> "$site/notesim.yml"
.build/release/notesim serve "$site" --port "$port" > "$site/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "^Serving" "$site/serve.log" 2>/dev/null && break; sleep 0.1; done

rss() { awk '/VmRSS/ { print $2 }' "/proc/$server/status"; }
failed=0
echo "server RSS before: $(rss) KB"
for round in 1 2; do
  out="$(wrk -t2 -c500 -d15s --timeout 10s "http://127.0.0.1:$port/lambda/invocation.html")"
  echo "$out" | grep -E "Requests/sec|Latency|requests in|Socket errors|Non-2xx" | sed "s/^/round $round: /"
  if echo "$out" | grep -qE "Socket errors|Non-2xx"; then failed=1; fi
  echo "server RSS after round $round: $(rss) KB"
  eval "rss_$round=$(rss)"
done
# No growth: the second round ends within 10 % of the first.
if [ "$rss_2" -gt $((rss_1 * 11 / 10)) ]; then echo "memory grew: $rss_1 KB -> $rss_2 KB"; failed=1; fi

streams="$site/streams"
mkdir -p "$streams"
pids=()
for i in $(seq 20); do
  curl -sN "http://127.0.0.1:$port/__notesim/events" > "$streams/$i.txt" &
  pids+=($!)
done
sleep 1
for i in $(seq 10); do kill "${pids[$((i - 1))]}"; done   # cut off mid-stream
echo "
Edited by the load test." >> "$site/content/lambda/invocation.md"
sleep 3
received=0
for i in $(seq 11 20); do
  if [ "$(grep -c '^event: ok' "$streams/$i.txt")" -ge 2 ]; then received=$((received + 1)); fi
done
for i in $(seq 11 20); do kill "${pids[$((i - 1))]}" 2>/dev/null || true; done
echo "event streams: 10 cut off, $received of the 10 others received the reload"
[ "$received" -eq 10 ] || failed=1
exit $failed
