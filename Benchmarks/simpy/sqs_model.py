"""SimPy model of the SQS benchmark workload (same as notesim-bench-sim's "SQS").

One message per millisecond into a standard queue; pollers gather batches of up to 10
messages within a 1 s window (E2, E3); each invocation runs 100 ms; 10% of invocations fail
(seeded), and their messages return after the 30 s visibility timeout (Q2); after 3
receives a message moves to the dead-letter queue (Q4). Five pollers (Q8).
"""
import random
import sys
import time

import simpy


def run(events: int) -> dict:
    env = simpy.Environment()
    queue = simpy.Store(env)
    rng = random.Random(7)
    stats = {"attempts": 0, "ok": 0, "dlq": 0}
    receives = {}

    def make_visible(message, delay):
        yield env.timeout(delay)
        if receives[message] >= 3:
            stats["dlq"] += 1
        else:
            queue.put(message)

    def poller():
        while True:
            first = yield queue.get()
            batch = [first]
            deadline = env.now + 1_000
            while len(batch) < 10 and env.now < deadline:
                get = queue.get()
                result = yield get | env.timeout(deadline - env.now)
                if get in result:
                    batch.append(result[get])
                else:
                    get.cancel()
                    break
            for message in batch:
                receives[message] = receives.get(message, 0) + 1
            stats["attempts"] += 1
            yield env.timeout(100)
            if rng.random() < 0.1:
                for message in batch:
                    env.process(make_visible(message, 30_000 - 100))
            else:
                stats["ok"] += len(batch)

    def source():
        for message in range(events):
            queue.put(message)
            yield env.timeout(1)

    env.process(source())
    for _ in range(5):
        env.process(poller())
    started = time.perf_counter()
    env.run(until=events + 200_000)
    elapsed = time.perf_counter() - started
    return {"workload": "sqs", "events": events, "seconds": elapsed, "events_per_second": events / elapsed, **stats}


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(run(count))
