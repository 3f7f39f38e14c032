"""SimPy model of the Kafka benchmark workload (same as notesim-bench-sim's "Kafka").

One record per millisecond onto a topic of 10 partitions, round-robin (KF1); each partition
is read in order with one batch in flight; a batch closes at 100 records or 500 ms after its
first record arrived (KF2); each invocation runs 100 ms; 10% of invocations fail (seeded) and
block their partition: the batch is retried after 1 s, at most 2 retries, then sent to the
on-failure destination (KF4, KF5).
"""
import random
import sys
import time

import simpy

PARTITIONS = 10


def run(events: int) -> dict:
    env = simpy.Environment()
    topics = [simpy.Store(env) for _ in range(PARTITIONS)]
    rng = random.Random(7)
    stats = {"attempts": 0, "ok": 0, "on_failure": 0}

    def partition(store):
        while True:
            first = yield store.get()
            batch = [first]
            deadline = first + 500
            while len(batch) < 100:
                if store.items:
                    batch.append((yield store.get()))
                    continue
                if env.now >= deadline:
                    break
                get = store.get()
                result = yield get | env.timeout(deadline - env.now)
                if get in result:
                    batch.append(result[get])
                else:
                    get.cancel()
                    break
            failures = 0
            while True:
                stats["attempts"] += 1
                yield env.timeout(100)
                if rng.random() >= 0.1:
                    stats["ok"] += len(batch)
                    break
                failures += 1
                if failures > 2:
                    stats["on_failure"] += len(batch)
                    break
                yield env.timeout(1_000)

    def source():
        for record in range(events):
            topics[record % PARTITIONS].put(env.now)
            yield env.timeout(1)

    env.process(source())
    for store in topics:
        env.process(partition(store))
    started = time.perf_counter()
    env.run(until=events + 200_000)
    elapsed = time.perf_counter() - started
    return {"workload": "kafka", "events": events, "seconds": elapsed, "events_per_second": events / elapsed, **stats}


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(run(count))
