import LambdaSimulator
import Testing

/// Event source mappings in general, rules E1–E7 of reference/lambda-semantics.md.
@Suite struct MappingRuleTests {
    @Test func e1_thePollerInvokesSynchronouslyOneBatchAtATime() throws {
        let trace = try Simulator.simulate(Scenarios.sqs(count: 3))
        #expect(trace.stats.attempts == 1)
        #expect(trace.batchItems == [[1, 2, 3]])
        #expect(trace.rulesFired.contains("E1"))
    }

    @Test func e2_windowSizeOrPayloadClosesABatch() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs(count: 25) {
                $0.mapping.batchSize = 10
                $0.mapping.batchingWindowSeconds = 5
                $0.function.durations = [200]
            })
        #expect(trace.batchItems.map(\.count) == [10, 10, 5])
        #expect(trace.batches.map(\.trigger) == [.size, .size, .window])
        #expect(trace.batches.map(\.time) == [0, 0, 5_000])

        let payload = try Simulator.simulate(
            Scenarios.sqs {
                $0.arrivals = [Scenarios.group(at: 0, count: 7, size: 1_000_000)]
                $0.mapping.batchSize = 100
                $0.mapping.batchingWindowSeconds = 10
            })
        #expect(payload.batchItems.map(\.count) == [6, 1])
        #expect(payload.batches.map(\.trigger) == [.payload, .window])
    }

    @Test func e3_theNextWindowOpensWhenThePreviousInvocationEnds() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs {
                $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 6_000)]
                $0.mapping.batchingWindowSeconds = 5
                $0.mapping.maximumConcurrency = 2
                $0.mapping.provisionedMinimum = nil
            })
        // One lane per concurrent batch; lane 0 takes both: window 0–5 s, then 5.1–10.1 s.
        #expect(trace.batches.map(\.time) == [5_000, 10_100])
        #expect(trace.assumptionsUsed.contains(.windowStart))
    }

    /// Reference §10 and E3: on an idle queue the window opens when the mapping starts, not
    /// when the first message arrives; one that ran out empty closes at the next message.
    @Test func e3_anSQSWindowOpensWhenTheMappingStarts() throws {
        let early = try Simulator.simulate(
            Scenarios.sqs {
                $0.arrivals = [Scenarios.group(at: 2_000)]
                $0.mapping.batchingWindowSeconds = 5
            })
        #expect(early.batches.map(\.time) == [5_000])
        #expect(early.batches.map(\.trigger) == [.window])
        let late = try Simulator.simulate(
            Scenarios.sqs {
                $0.arrivals = [Scenarios.group(at: 8_000)]
                $0.mapping.batchingWindowSeconds = 5
            })
        #expect(late.batches.map(\.time) == [8_000])
        #expect(late.assumptionsUsed.contains(.windowStart))
        let kinesis = try Simulator.simulate(
            Scenarios.kinesis {
                $0.arrivals = [Scenarios.group(at: 2_000)]
                $0.mapping.batchingWindowSeconds = 5
            })
        #expect(kinesis.batches.map(\.time) == [5_000], "streams and queues open their first window alike")
    }

    @Test func e4_windowRangeAndTheOver10Rule() {
        let issues = ScenarioValidator.validate(
            Scenarios.sqs {
                $0.mapping.batchSize = 20
                $0.mapping.batchingWindowSeconds = 0
            })
        #expect(
            issues.map(\.description) == [
                "EventSourceMapping.BatchSize: a BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1 on an SQS standard queue [E4]"
            ])
        let window = ScenarioValidator.validate(Scenarios.sqs { $0.mapping.batchingWindowSeconds = 301 })
        #expect(
            window.map(\.description) == [
                "EventSourceMapping.MaximumBatchingWindowInSeconds: MaximumBatchingWindowInSeconds must be 0–300 seconds (AWS limit), not 301 [E4]"
            ])
    }

    @Test func e5_batchSizeDefaultsAndMaximums() throws {
        let trace = try Simulator.simulate(Scenarios.kinesis(count: 150))
        #expect(trace.batchItems.map(\.count) == [100, 50])
        var fifo = ScenarioSpec(mode: .sqsFIFO)
        fifo.mapping.batchSize = 11
        #expect(
            ScenarioValidator.validate(fifo).map(\.description) == [
                "EventSourceMapping.BatchSize: BatchSize must be 1–10 for a FIFO queue (AWS limit), not 11 [E5]"
            ])
    }

    @Test func e6_metadataCountsTowardsSixMegabytes() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis {
                $0.arrivals = [Scenarios.group(at: 0, count: 7, size: 900_000)]
                $0.assumptions.recordOverhead = 100_000
            })
        #expect(trace.batchItems.map(\.count) == [6, 1])
        #expect(trace.assumptionsUsed.contains(.recordOverhead))
    }

    @Test func e7_aDisabledMappingReadsNothing() throws {
        let trace = try Simulator.simulate(Scenarios.kinesis(count: 2) { $0.mapping.enabled = false })
        #expect(trace.stats.attempts == 0)
        #expect(trace.outcomes == [1: [.pending], 2: [.pending]])
    }
}
