#!/usr/bin/env bash
# make bench-sim: simulator throughput against an equivalent SimPy model, side by side.
# Usage: Benchmarks/bench-sim.sh [EVENTS] [SIMPY_EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"
simpy_events="${2:-200000}"
python3 -c "import simpy" 2>/dev/null || pip install --quiet simpy
# The Makefile passes its release flags (static Swift runtime), so both products share one build.
swift build ${RELEASE:--c release} --product notesim-bench-sim >/dev/null
swift_json="$(.build/release/notesim-bench-sim "$events" --json)"
# SimPy runs three times per model, like notesim's five runs: each side's median, so one
# slow or fast run on a busy machine does not decide the ratio.
simpy_runs() { for _ in 1 2 3; do python3 "$1" "$simpy_events"; done; }
async_json="$(simpy_runs Benchmarks/simpy/async_model.py)"
sqs_json="$(simpy_runs Benchmarks/simpy/sqs_model.py)"
kafka_json="$(simpy_runs Benchmarks/simpy/kafka_model.py)"
cold_json="$(simpy_runs Benchmarks/simpy/coldstart_model.py)"
python3 - "$swift_json" "$async_json" "$sqs_json" "$kafka_json" "$cold_json" <<'PY'
import ast, json, statistics, sys
swift = json.loads(sys.argv[1])
def median_run(lines):
    runs = [ast.literal_eval(line) for line in lines.splitlines() if line.strip()]
    middle = statistics.median(run["events_per_second"] for run in runs)
    return next(run for run in runs if run["events_per_second"] == middle) | {"runs": len(runs)}
simpy = {"async": median_run(sys.argv[2]), "sqs": median_run(sys.argv[3]), "kafka": median_run(sys.argv[4]), "cold": median_run(sys.argv[5])}
print(f"{'workload':44} {'notesim events/s':>17} {'SimPy events/s':>15} {'ratio':>7} {'peak RSS':>9}")
for row in swift:
    name = row["workload"]
    key = "async" if name.startswith("async") else "kafka" if name.startswith("Kafka") else "cold" if name.startswith("sync cold") else "sqs"
    ratio = row["events_per_second"] / simpy[key]["events_per_second"]
    print(f"{row['workload']:44} {row['events_per_second']:17,.0f} {simpy[key]['events_per_second']:15,.0f} {ratio:6.0f}x {row['peak_rss_mib']:7.0f} MiB")
print(f"(notesim: {swift[0]['events']:,} events per workload, summary mode, median of {swift[0]['runs']} runs; SimPy: {simpy['async']['events']:,} events, median of {simpy['async']['runs']} runs)")
PY
.build/release/notesim-bench-sim render
