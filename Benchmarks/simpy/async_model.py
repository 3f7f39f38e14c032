"""SimPy model of the async benchmark workload (same as notesim-bench-sim's "async").

One event per millisecond; each attempt runs 100 ms; 10% of attempts fail (seeded);
failures retry after 1 min, then 2 min (rule A3), at most 2 retries (A5); concurrency is
capped at 1,000 (C1). Prints events simulated per wall-clock second.
"""
import random
import sys
import time

import simpy


def run(events: int) -> dict:
    env = simpy.Environment()
    slots = simpy.Resource(env, capacity=1_000)
    rng = random.Random(7)
    stats = {"attempts": 0, "ok": 0, "failed": 0}

    def event_process():
        for attempt in range(3):
            with slots.request() as request:
                yield request
                stats["attempts"] += 1
                yield env.timeout(100)
            if rng.random() >= 0.1:
                stats["ok"] += 1
                return
            if attempt < 2:
                yield env.timeout(60_000 if attempt == 0 else 120_000)
        stats["failed"] += 1

    def source():
        for _ in range(events):
            env.process(event_process())
            yield env.timeout(1)

    env.process(source())
    started = time.perf_counter()
    env.run()
    elapsed = time.perf_counter() - started
    return {"workload": "async", "events": events, "seconds": elapsed, "events_per_second": events / elapsed, **stats}


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(run(count))
