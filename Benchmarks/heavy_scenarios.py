"""Scenario blocks making 160–500 trace events per note, in every mode, for the heavy corpus.

A light note's blocks make a handful of events; a reader's retry loop or load test makes
hundreds, and those are what decide a figure's weight, the event-log pages and the memory of
a build. Each note's three blocks together make a number of events drawn from 160–500
(about 330 on average, the performance issue's heavy corpus), split unevenly between them
so that some figures are detailed and some aggregate. Every block's claims hold: they are computed from the block's parameters (a small model of the
synchronous throttle for the one mode where the outcome depends on timing), so the corpus
builds without errors and every claim is checked.

Events per input were measured with `notesim simulate FILE.yml` (the timed lines of the
dump) at 100 inputs; a block's real count stays within a few events of its target.
"""

# Trace events per input for each block kind below (arrival, start, end, response, retry…).
EVENTS_PER_INPUT = {
    "sync": 3.67, "async": 8.0, "sqs": 2.75, "sqs-fifo": 2.24, "kinesis": 1.63, "dynamodb": 1.60,
}
MODES = list(EVENTS_PER_INPUT)


def sync_throttles(count, every, duration, limit):
    """How many of `count` calls, one every `every` ms, each `duration` ms, are throttled
    at a concurrency of `limit` (S-rules: a call over the limit is refused, not queued).

    `duration` is never a multiple of `every`, so no call ends at the instant another
    arrives and the model needs no tie rule.
    """
    running = []
    throttled = 0
    for index in range(count):
        now = index * every
        running = [end for end in running if end > now]
        if len(running) < limit:
            running.append(now + duration)
        else:
            throttled += 1
    return throttled


def block(mode, number, target):
    """One scenario block of `mode` making about `target` events; its title names both."""
    count = max(10, round(target / EVENTS_PER_INPUT[mode]))
    title = f'title: "{mode} {number}: {count} 件の入力 (約 {target} イベント)"'
    if mode == "sync":
        limit = 10 + number % 3 * 5
        throttled = sync_throttles(count, 10, 305, limit)
        body = f"""mode: sync
function: {{ duration: 305ms }}
account: {{ ConcurrentExecutions: {limit} }}
events:
  - {{ at: 0s, count: {count}, every: 10ms }}
expect:
  attempts: {count - throttled}
  outcomes: {{ ok: {count - throttled}, throttled: {throttled} }}"""
    elif mode == "async":
        body = f"""mode: async
function: {{ duration: 50ms, fails: [1] }}
events:
  - {{ at: 0s, count: {count}, every: 100ms }}
expect:
  attempts: {2 * count}
  outcomes: {{ ok: {count} }}"""
    elif mode == "sqs":
        body = f"""mode: sqs
queue: {{ VisibilityTimeout: 30, RedrivePolicy: {{ maxReceiveCount: 2 }} }}
EventSourceMapping: {{ BatchSize: 10, MaximumBatchingWindowInSeconds: 1 }}
function: {{ duration: 200ms, fails: [1] }}
records:
  - {{ at: 0s, count: {count}, every: 50ms }}
expect:
  outcomes: {{ ok: {count} }}"""
    elif mode == "sqs-fifo":
        body = f"""mode: sqs-fifo
EventSourceMapping: {{ BatchSize: 10 }}
function: {{ duration: 100ms }}
records:
  - {{ at: 0s, count: {count}, every: 30ms }}
expect:
  outcomes: {{ ok: {count} }}"""
    elif mode == "kinesis":
        body = f"""mode: kinesis
EventSourceMapping: {{ BatchSize: 10 }}
function: {{ duration: 100ms }}
records:
  - {{ at: 0s, count: {count}, every: 20ms, shard: 1 }}
expect:
  outcomes: {{ ok: {count} }}"""
    else:
        body = f"""mode: dynamodb
EventSourceMapping: {{ BatchSize: 10, MaximumRetryAttempts: 2 }}
function: {{ duration: 100ms, fails: [1] }}
records:
  - {{ at: 0s, count: {count}, every: 20ms }}
expect:
  outcomes: {{ ok: {count} }}"""
    return f"```scenario\n{title}\n{body}\n```"


def heavy_scenarios(number, rng):
    """Three blocks of different modes making 160–500 events together; modes rotate by note."""
    first = number % len(MODES)
    modes = [MODES[(first + step) % len(MODES)] for step in range(3)]
    total = rng.randint(160, 500)
    weights = [rng.randint(1, 4) for _ in modes]
    targets = [max(30, total * weight // sum(weights)) for weight in weights]
    return [block(mode, number, target) for mode, target in zip(modes, targets)]
