import Foundation
import LambdaSimulator
import TimelineRender

/// Simulator throughput: input events (async events, SQS messages or Kafka records) simulated
/// per wall-clock second, for the workloads of the simulator issues, in summary mode
/// (memory stays proportional to what is in flight). Each workload runs five times; the
/// median is reported with the range.
///
/// Usage: notesim-bench-sim [EVENTS] [--json]
struct Workload {
    var name: String
    var spec: ScenarioSpec
}

func asyncWorkload(events: Int) -> Workload {
    var spec = ScenarioSpec(mode: .async)
    spec.arrivals = [ArrivalGroup(at: 0, count: events, every: 1)]
    spec.function.durations = [100]
    spec.function.fails = .rate(perMille: 100)
    spec.seed = 7
    spec.eventInvokeConfig.onFailure = .sqs
    spec.limits.maximumInputs = max(events, 1)
    spec.limits.maximumSteps = .max
    return Workload(name: "async, 10% failures", spec: spec)
}

func sqsWorkload(events: Int) -> Workload {
    var spec = ScenarioSpec(mode: .sqs)
    spec.arrivals = [ArrivalGroup(at: 0, count: events, every: 1)]
    spec.function.durations = [100]
    spec.function.fails = .rate(perMille: 100)
    spec.seed = 7
    spec.mapping.batchSize = 10
    spec.mapping.batchingWindowSeconds = 1
    spec.queue.visibilityTimeoutSeconds = 30
    spec.queue.maxReceiveCount = 3
    spec.limits.maximumInputs = max(events, 1)
    spec.limits.maximumSteps = .max
    return Workload(name: "SQS, batch 10, window 1 s, 10% failures", spec: spec)
}

/// One record per millisecond onto 10 partitions; batches of up to 100 within the 500 ms
/// window from their first record; 10% failures block their partition, retried twice after
/// 1 s, then sent to an SQS on-failure destination (KF1, KF2, KF4, KF5). Provisioned mode
/// with 2 pollers (5 batches each) keeps a batch of every partition in flight, as the SimPy
/// model does, so no partition waits for a poller (KF7, KF8).
func kafkaWorkload(events: Int) -> Workload {
    var spec = ScenarioSpec(mode: .kafka)
    spec.arrivals = [ArrivalGroup(at: 0, count: events, every: 1)]
    spec.topic.partitions = 10
    spec.mapping.provisionedMinimum = 2
    spec.mapping.provisionedMaximum = 10
    spec.function.durations = [100]
    spec.function.fails = .rate(perMille: 100)
    spec.seed = 7
    spec.mapping.maximumRetryAttempts = 2
    spec.mapping.onFailure = .sqs
    spec.limits.maximumInputs = max(events, 1)
    spec.limits.maximumSteps = .max
    return Workload(name: "Kafka, 10 partitions, 10% failures", spec: spec)
}

/// Synchronous calls in bursts of 1,000 (one a millisecond) every 11 minutes, longer than
/// the 600 s idle lifetime, so every burst finds its environments gone: Init of 800 ms on
/// each cold start, 50 provisioned environments taken first, 100 ms handlers (X1, X2, X6,
/// X7, X10).
func coldStartWorkload(events: Int) -> Workload {
    var spec = ScenarioSpec(mode: .sync)
    let burst = 1_000
    spec.arrivals = stride(from: 0, to: events, by: burst).map { start in
        ArrivalGroup(at: Int64(start / burst) * 660_000, count: min(burst, events - start), every: 1)
    }
    spec.function.durations = [100]
    spec.function.initDuration = 800
    spec.function.provisionedConcurrency = 50
    spec.limits.maximumInputs = max(events, 1)
    spec.limits.maximumSteps = .max
    return Workload(name: "sync cold starts, bursts, 50 provisioned", spec: spec)
}

/// Peak resident memory of this process so far, in MiB (Linux VmHWM).
func peakResidentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1_024
    }
    return 0
}

/// Renders the timeline of a trace with `invocations` invocations; returns the seconds taken.
func renderSeconds(invocations: Int) throws -> (seconds: Double, bytes: Int) {
    var spec = ScenarioSpec(mode: .sync)
    spec.arrivals = [ArrivalGroup(at: 0, count: invocations, every: 150)]
    spec.function.fails = .rate(perMille: 100)
    spec.limits.maximumInputs = invocations
    let trace = try Simulator.simulate(spec)
    let clock = ContinuousClock()
    let start = clock.now
    let svg = TimelineRenderer.svg(trace, options: TimelineOptions(language: "en", title: "render benchmark"))
    let elapsed = clock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, svg.utf8.count)
}

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "render" {
    for count in [1_000, 10_000] {
        let (seconds, bytes) = try renderSeconds(invocations: count)
        print(
            String(
                format: "render %6d invocations: %.3f s (%.1f µs per invocation, %d KB of SVG)", count, seconds, seconds * 1e6 / Double(count), bytes / 1_024))
    }
    exit(0)
}
let events = arguments.first.flatMap { Int($0) } ?? 1_000_000
let json = arguments.contains("--json")
let only = arguments.first { ["async", "sqs", "kafka", "cold"].contains($0) }
var results: [[String: Any]] = []
let workloads = [
    ("async", asyncWorkload(events: events)), ("sqs", sqsWorkload(events: events)), ("kafka", kafkaWorkload(events: events)),
    ("cold", coldStartWorkload(events: events)),
]
/// Runs of each workload; the median is reported (the first run also warms the caches).
let runs = 5
for (key, workload) in workloads where only == nil || only == key {
    var samples: [(seconds: Double, report: Simulator.Summary, summary: TraceSummary)] = []
    for _ in 0..<runs {
        var summary = TraceSummary()
        let clock = ContinuousClock()
        let start = clock.now
        let report = try Simulator.simulate(workload.spec, into: &summary, keepingEntries: false)
        let elapsed = clock.now - start
        samples.append((Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, report, summary))
    }
    samples.sort { $0.seconds < $1.seconds }
    let median = samples[runs / 2]
    let rate = Double(events) / median.seconds
    results.append([
        "workload": workload.name, "events": events, "seconds": median.seconds, "events_per_second": rate,
        "min_seconds": samples[0].seconds, "max_seconds": samples[runs - 1].seconds, "runs": runs,
        "attempts": median.report.stats.attempts, "cold_starts": median.report.stats.coldStarts, "steps": median.report.stats.steps,
        "peak_rss_mib": peakResidentMiB(),
        "settled": median.summary.settledItems,
    ])
    if !json {
        let name = workload.name.padding(toLength: 42, withPad: " ", startingAt: 0)
        print(
            String(
                format: "%@ %9d events in %6.3f s (median of %d, %.3f–%.3f s) = %10.0f events/s (peak RSS %.0f MiB)",
                name as NSString, events, median.seconds, runs, samples[0].seconds, samples[runs - 1].seconds, rate, peakResidentMiB()))
    }
}
if json {
    let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
