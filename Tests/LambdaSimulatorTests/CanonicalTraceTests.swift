import LambdaSimulator
import Testing
import TestSupport

/// Golden dumps of the canonical scenarios: a readable record of everything that happens.
@Suite struct CanonicalTraceTests {
    @Test func asyncFailingThreeTimesGoesToTheDLQ() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.deadLetter = .sqs
            })
        expectSnapshot(trace.dump, named: "async-dlq.txt")
    }

    @Test func sqsBatchingWindowAndSize() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs(count: 25) {
                $0.mapping.batchSize = 10
                $0.mapping.batchingWindowSeconds = 5
                $0.function.durations = [200]
            })
        expectSnapshot(trace.dump, named: "sqs-window-size.txt")
    }

    @Test func kinesisBisectWithShardBlocking() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis(count: 8) {
                $0.mapping.batchSize = 8
                $0.mapping.maximumRetryAttempts = 2
                $0.mapping.bisectBatchOnFunctionError = true
                $0.mapping.onFailure = .sqs
                $0.function.fails = .records([5], times: nil)
            })
        expectSnapshot(trace.dump, named: "kinesis-bisect.txt")
    }

    @Test func syncThrottled() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.function.reservedConcurrency = 1
                $0.function.durations = [500]
                $0.arrivals = [Scenarios.group(at: 0, count: 2, every: 100)]
            })
        expectSnapshot(trace.dump, named: "sync-throttled.txt")
    }
}
