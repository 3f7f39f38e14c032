"""SimPy model of the cold-start benchmark workload (notesim-bench-sim's "sync cold starts").

Synchronous calls in bursts of 1,000, one a millisecond, every 11 minutes. A call takes a
free provisioned environment first (50, initialised before t = 0), else the most recently
used idle on-demand environment that has been idle at most 600 s, else a new one that runs
an 800 ms Init first (a cold start); the handler runs 100 ms (X1, X2, X6, X7, X10).
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


def run(events: int) -> dict:
    env = simpy.Environment()
    free_provisioned = [PROVISIONED]
    idle = deque()  # when each idle on-demand environment was last used, most recent last
    stats = {"calls": 0, "cold_starts": 0}

    def call():
        stats["calls"] += 1
        if free_provisioned[0] > 0:
            free_provisioned[0] -= 1
            yield env.timeout(DURATION)
            free_provisioned[0] += 1
            return
        # Environments idle longer than the lifetime are gone: the oldest are at the front.
        while idle and env.now - idle[0] > IDLE_LIFETIME:
            idle.popleft()
        if idle:
            idle.pop()
            yield env.timeout(DURATION)
        else:
            stats["cold_starts"] += 1
            yield env.timeout(INIT + DURATION)
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
