"""SimPy model of the cold-start benchmark workload (notesim-bench-sim's "sync cold starts").

Synchronous calls in bursts of 1,000, one a millisecond, every 11 minutes. A call takes a
free provisioned environment first (50, initialised before t = 0), else the most recently
used idle on-demand environment that has been idle at most 600 s, else a new one that runs
an 800 ms Init first (a cold start); the handler runs 100 ms (X1, X2, X6, X7, X10). As in
notesim, a call is refused (429) over the request rate (C4: 10 × the concurrency quota per
second), over the account's 1,000 concurrent executions (C1), or when a new environment
finds the scaling-rate bucket empty (C3: 1,000 per 10 s, refilled continuously); this
workload stays within all three, as notesim's run does.
"""
import sys
import time
from collections import deque

import simpy

BURST = 1_000
GAP = 660_000
PROVISIONED = 50
INIT = 800
DURATION = 100
IDLE_LIFETIME = 600_000
CONCURRENCY = 1_000  # C1
REQUESTS_PER_MS = CONCURRENCY * 10 / 1_000  # C4, a bucket holding one second's worth
NEW_ENVIRONMENTS_PER_MS = 1_000 / 10_000  # C3, a bucket holding 1,000


def run(events: int) -> dict:
    env = simpy.Environment()
    free_provisioned = [PROVISIONED]
    idle = deque()  # when each idle on-demand environment was last used, most recent last
    stats = {"calls": 0, "cold_starts": 0, "throttled": 0}
    # Token buckets (tokens, last refill) and the environments running a call.
    requests = [REQUESTS_PER_MS * 1_000, 0]
    scaling = [1_000.0, 0]
    busy = [0]

    def refill(bucket, per_ms, capacity):
        bucket[0] = min(capacity, bucket[0] + (env.now - bucket[1]) * per_ms)
        bucket[1] = env.now

    def call():
        stats["calls"] += 1
        refill(requests, REQUESTS_PER_MS, REQUESTS_PER_MS * 1_000)
        if requests[0] < 1 or busy[0] >= CONCURRENCY:
            stats["throttled"] += 1
            return
        requests[0] -= 1
        if free_provisioned[0] > 0:
            free_provisioned[0] -= 1
            busy[0] += 1
            yield env.timeout(DURATION)
            busy[0] -= 1
            free_provisioned[0] += 1
            return
        # Environments idle longer than the lifetime are gone: the oldest are at the front.
        while idle and env.now - idle[0] > IDLE_LIFETIME:
            idle.popleft()
        if idle:
            idle.pop()
            busy[0] += 1
            yield env.timeout(DURATION)
        else:
            refill(scaling, NEW_ENVIRONMENTS_PER_MS, 1_000.0)
            if scaling[0] < 1:
                stats["throttled"] += 1
                return
            scaling[0] -= 1
            stats["cold_starts"] += 1
            busy[0] += 1
            yield env.timeout(INIT + DURATION)
        busy[0] -= 1
        idle.append(env.now)

    def source():
        sent = 0
        while sent < events:
            for _ in range(min(BURST, events - sent)):
                env.process(call())
                sent += 1
                yield env.timeout(1)
            yield env.timeout(GAP - BURST)

    env.process(source())
    started = time.perf_counter()
    env.run()
    elapsed = time.perf_counter() - started
    return {"workload": "cold", "events": events, "seconds": elapsed, "events_per_second": events / elapsed, **stats}


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(run(count))
