import LambdaSimulator
import Testing

/// SQS event source mappings, rules Q1–Q13 of reference/lambda-semantics.md.
@Suite struct QueueRuleTests {
    @Test func q1_successDeletesTheBatch() throws {
        let trace = try Simulator.simulate(Scenarios.sqs(count: 2))
        #expect(trace.outcomes == [1: [.ok], 2: [.ok]])
    }

    /// Q1 with reference §10: a poll returns a message `poll-latency` after it became
    /// visible, on arrival and again after its visibility timeout.
    @Test func q1_pollLatencyDelaysEveryReceiveAndIsListed() throws {
        let standard = try Simulator.simulate(Scenarios.sqs { $0.arrivals = [Scenarios.group(at: 1_000)] })
        #expect(standard.startTimes == [1_000])
        #expect(standard.assumptionsUsed.contains(.pollLatency))
        let slower = try Simulator.simulate(
            Scenarios.sqs {
                $0.arrivals = [Scenarios.group(at: 1_000)]
                $0.function.fails = .attempts([1])
                $0.assumptions.pollLatency = 2_000
            })
        // Received at 3 s, fails at 3.1 s, visible again at 33 s, returned at 35 s.
        #expect(slower.startTimes == [3_000, 35_000])
        #expect(slower.assumptionsUsed.contains(.pollLatency))
        let fifo = try Simulator.simulate(
            Scenarios.sqs {
                $0.mode = .sqsFIFO
                $0.arrivals = [Scenarios.group(at: 0, count: 2) { $0.group = "g" }]
                $0.function.fails = .attempts([1])
                $0.mapping.batchSize = 1
                $0.assumptions.pollLatency = 1_000
            })
        // #1 fails at 1.1 s; its group waits for it (Q11): visible at 31 s, returned at 32 s.
        #expect(fifo.starts.map { "\($0.items[0])@\($0.time)" } == ["1@1000", "1@32000", "2@32100"])
    }

    @Test func q2_failedMessagesReturnAfterTheVisibilityTimeout() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs {
                $0.function.fails = .attempts([1, 2])
            })
        #expect(trace.startTimes == [0, 30_000, 60_000])
        #expect(trace.outcomes[1] == [.ok])
    }

    @Test func q2_theRetryWaitIsWhatIsLeftOfTheVisibilityTimeout() throws {
        // Received at 0 s and timed out at 20 s: visible again at 30 s, 10 s after the end.
        let trace = try Simulator.simulate(
            Scenarios.sqs {
                $0.queue.visibilityTimeoutSeconds = 30
                $0.function.timeoutSeconds = 20
                $0.function.failure = .timeout
                $0.function.fails = .attempts([1])
            })
        let waits = trace.entries.compactMap { entry -> String? in
            guard case .retryScheduled(_, let reason, let delay) = entry.event else { return nil }
            return "\(entry.time) \(reason) \(delay)"
        }
        #expect(waits == ["20000 \(RetryReason.functionError) 10000"])
        #expect(trace.startTimes == [0, 30_000])
    }

    @Test func q3_visibilityTimeoutBelowTheFunctionTimeoutIsRejected() {
        let issues = ScenarioValidator.validate(Scenarios.sqs { $0.function.timeoutSeconds = 300 })
        #expect(issues.map(\.description) == ["queue.VisibilityTimeout: Queue visibility timeout: 30 seconds is less than Function timeout: 300 seconds [Q3]"])
    }

    @Test func q3_windowAndTimeoutStretchTheVisibilityTimeout() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs {
                $0.mapping.batchingWindowSeconds = 20
                $0.function.timeoutSeconds = 20
                $0.function.fails = .attempts([1])
            })
        // 20 s window + 20 s timeout + 30 s: the message returns 70 s after its receive at 0.
        #expect(trace.startTimes == [20_000, 70_000])
    }

    @Test func q4_maxReceiveCountMovesTheMessageToTheQueuesDLQ() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs {
                $0.function.fails = .always
                $0.queue.maxReceiveCount = 3
            })
        #expect(trace.startTimes == [0, 30_000, 60_000])
        #expect(trace.deliverySummary == ["90000 redrive->sqs - 3 [1]"])
        #expect(trace.outcomes[1] == [.dlq])
        #expect(trace.assumptionsUsed.contains(.redriveAt))
    }

    @Test func q5_withoutAWindowABatchIsOneReceiveOfAtMostTen() throws {
        let trace = try Simulator.simulate(Scenarios.sqs(count: 25))
        #expect(trace.batchItems.map(\.count) == [10, 10, 5])
        #expect(trace.batches.map(\.time) == [0, 0, 0])
    }

    @Test func q6_fifoQueuesHaveNoWindowAndLowTrafficMayStretchIt() throws {
        var fifo = ScenarioSpec(mode: .sqsFIFO)
        fifo.mapping.batchingWindowSeconds = 1
        #expect(
            ScenarioValidator.validate(fifo).map(\.description) == [
                "EventSourceMapping.MaximumBatchingWindowInSeconds: batching windows are not supported for FIFO queues [Q6]"
            ])
        fifo.mapping.batchingWindowSeconds = 0
        #expect(ScenarioValidator.validate(fifo).isEmpty, "0 is no window, which a FIFO queue takes")
        let slow = try Simulator.simulate(
            Scenarios.sqs {
                $0.mapping.batchingWindowSeconds = 2
                $0.assumptions.sqsLowTrafficWait = 20_000
            })
        #expect(slow.batches.map(\.time) == [20_000])
        #expect(slow.assumptionsUsed.contains(.sqsLowTrafficWait))
    }

    @Test func q7_partialBatchResponsesRetryOnlyTheReportedMessages() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs(count: 5) {
                $0.mapping.reportBatchItemFailures = true
                $0.function.fails = .records([3], times: 1)
            })
        #expect(trace.ends.first?.reported == [3])
        #expect(trace.batchItems == [[1, 2, 3, 4, 5], [3]])
        #expect(trace.startTimes == [0, 30_000])
        #expect(trace.outcomes.values.allSatisfy { $0 == [.ok] })

        let malformed = try Simulator.simulate(
            Scenarios.sqs(count: 2) {
                $0.mapping.reportBatchItemFailures = true
                $0.function.response = .explicit([1: .malformed])
            })
        #expect(malformed.batchItems == [[1, 2], [1, 2]], "an invalid response fails the whole batch")

        var fifo = ScenarioSpec(mode: .sqsFIFO)
        fifo.arrivals = [Scenarios.group(at: 0, count: 4) { $0.group = "g" }]
        fifo.mapping.reportBatchItemFailures = true
        fifo.function.fails = .records([2], times: 1)
        let ordered = try Simulator.simulate(fifo)
        #expect(ordered.ends.first?.reported == [2, 3, 4], "FIFO reports the failure and everything after it")
    }

    @Test func q8_pollersStartAtFiveAndAdd300PerMinute() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs(count: 70) {
                $0.function.durations = [10_000]; $0.function.timeoutSeconds = 15
            })
        let starts = trace.startTimes
        #expect(starts.prefix(5) == [0, 0, 0, 0, 0])
        #expect(Array(starts[5...6]) == [200, 400])
    }

    @Test func q9_maximumConcurrencyCapsTheMapping() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs(count: 40) {
                $0.mapping.maximumConcurrency = 2
                $0.function.durations = [1_000]
            })
        #expect(trace.stats.maxConcurrency == 2)
        #expect(
            ScenarioValidator.validate(Scenarios.sqs { $0.mapping.maximumConcurrency = 1 }).map(\.description)
                == ["EventSourceMapping.ScalingConfig.MaximumConcurrency: MaximumConcurrency must be 2–1000 (AWS limit), not 1 [Q9]"])
    }

    @Test func q10_provisionedPollersStartHigher() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs(count: 200) {
                $0.mapping.provisionedMinimum = 2
                $0.mapping.provisionedMaximum = 10
                $0.function.durations = [10_000]
                $0.function.timeoutSeconds = 15
            })
        #expect(trace.startTimes.filter { $0 == 0 }.count == 20)
        #expect(ScenarioValidator.validate(Scenarios.sqs { $0.mapping.provisionedMinimum = 201 }).map(\.rule) == ["Q10"])
    }

    /// §18: the current API text allows up to 10,000 pollers for SQS, not 2,000.
    @Test func q10_maximumPollersGoUpTo10000() {
        #expect(ScenarioValidator.validate(Scenarios.sqs { $0.mapping.provisionedMaximum = 10_000 }).isEmpty)
        #expect(
            ScenarioValidator.validate(Scenarios.sqs { $0.mapping.provisionedMaximum = 10_001 }).map(\.description) == [
                "EventSourceMapping.ProvisionedPollerConfig.MaximumPollers: MaximumPollers must be 2–10000 (AWS limit), not 10001 [Q10]"
            ])
    }

    @Test func q11_aFailingFIFOGroupWaitsWhileOthersFlow() throws {
        var spec = ScenarioSpec(mode: .sqsFIFO)
        spec.arrivals = [
            Scenarios.group(at: 0, count: 2) { $0.group = "a" },
            Scenarios.group(at: 0, count: 2) { $0.group = "b" },
        ]
        spec.mapping.batchSize = 1
        spec.function.fails = .records([1], times: 1)
        let trace = try Simulator.simulate(spec)
        let aStarts = trace.starts.filter { [1, 2].contains($0.items[0]) }.map { "\($0.items[0])@\($0.time)" }
        let bStarts = trace.starts.filter { [3, 4].contains($0.items[0]) }.map { "\($0.items[0])@\($0.time)" }
        #expect(aStarts == ["1@0", "1@30000", "2@30100"])
        #expect(bStarts == ["3@0", "4@100"])
    }

    @Test func q12_throttledBatchesBackOffUntilTheVisibilityTimeout() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs {
                $0.function.reservedConcurrency = 0
                $0.queue.visibilityTimeoutSeconds = 10
                $0.until = 60_000
            })
        #expect(trace.stats.attempts == 0)
        #expect(trace.throttleTimes.prefix(4) == [0, 1_000, 3_000, 7_000])
        #expect(trace.entries.contains { if case .visible = $0.event { $0.time == 10_000 } else { false } })
    }

    @Test func q13_messagesAreAtMostOneMebibyte() {
        let issues = ScenarioValidator.validate(Scenarios.sqs { $0.arrivals = [Scenarios.group(at: 0, size: 1_048_577)] })
        #expect(issues.map(\.description) == ["records.1.size: an SQS message is at most 1 MiB (1,048,576 bytes), not 1048577 [Q13]"])
    }
}
