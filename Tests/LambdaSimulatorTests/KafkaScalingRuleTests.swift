import LambdaSimulator
import Testing

/// Kafka event pollers and their scaling, rules KF7 (on demand) and KF8 (provisioned mode)
/// of reference/lambda-semantics.md §14. One poller keeps one batch in flight here
/// (`kafka-poller-batches: 1`) so that two partitions already need two pollers; handlers run
/// 1 s and BatchSize is 1, so every record is a batch of its own.
@Suite struct KafkaScalingRuleTests {
    /// Two partitions with 300 records produced at 0 s, alternating between them.
    private func backlog(_ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        Scenarios.kafka(count: 300) {
            $0.topic.partitions = 2
            $0.mapping.batchSize = 1
            $0.function.durations = [1_000]
            $0.assumptions.kafkaPollerBatches = 1
            configure(&$0)
        }
    }

    private func notes(_ trace: Trace) -> [String] {
        trace.entries.compactMap { entry in
            if case .note(let text) = entry.event, text.contains("poller") { "\(entry.time) \(text)" } else { nil }
        }
    }

    @Test func kf7_onDemandStartsWithOnePollerAndAddsOneWithinThreeMinutesOfTheEvaluation() throws {
        let trace = try Simulator.simulate(backlog())
        // One poller sends one batch a second, the partitions taking turns; the evaluation at
        // 60 s sees batches that waited, and the second poller lands at 240 s.
        let starts = trace.startTimes
        #expect(Array(starts.prefix(3)) == [0, 1_000, 2_000])
        #expect(starts.filter { $0 < 240_000 }.count == 240)
        #expect(starts.filter { $0 == 240_000 }.count == 2)
        #expect(starts.last == 269_000)
        #expect(trace.stats.maxConcurrency == 2)
        #expect(trace.outcomes.values.allSatisfy { $0 == [.ok] })
        // With no lag left, the evaluation at 300 s removes the poller again, 3 minutes later.
        #expect(
            notes(trace).filter { !$0.contains("waits") } == [
                "60000 offset lag evaluated: a partition's batch waited for a poller; event pollers 1 → 2 at 4 min",
                "240000 event pollers 1 → 2",
                "300000 offset lag evaluated: no offset lag; event pollers 2 → 1 at 8 min",
                "480000 event pollers 2 → 1",
            ])
        #expect(trace.entries.first { if case .note(let text) = $0.event { text.contains("waits") } else { false } }?.rules.names == ["KF7"])
        #expect(trace.assumptionsUsed.isSuperset(of: [.kafkaPollers, .kafkaPollerBatches, .kafkaScalingDelay]))
    }

    @Test func kf7_atMostOnePollerPerPartition() throws {
        let trace = try Simulator.simulate(backlog { $0.assumptions.kafkaPollers = 2 })
        // Two pollers from the start already serve both partitions: a third is never added.
        #expect(trace.stats.maxConcurrency == 2)
        #expect(trace.startTimes.last == 149_000)
        #expect(
            notes(trace).filter { $0.contains("→") } == [
                "180000 offset lag evaluated: no offset lag; event pollers 2 → 1 at 6 min", "360000 event pollers 2 → 1",
            ])
    }

    @Test func kf7_aThrottledFunctionLosesAPoller() throws {
        let trace = try Simulator.simulate(
            backlog {
                $0.assumptions.kafkaPollers = 2
                $0.function.reservedConcurrency = 1
            })
        // The second partition's batch is throttled at 0 s; the evaluation at 60 s removes a
        // poller, which lands at 240 s.
        #expect(notes(trace).first { $0.contains("→") } == "60000 offset lag evaluated: the function was throttled; event pollers 2 → 1 at 4 min")
        #expect(trace.stats.maxConcurrency == 1)
    }

    @Test func kf8_provisionedModeStartsAtMinimumPollersAndScalesUpToThePartitions() throws {
        let trace = try Simulator.simulate(
            Scenarios.kafka(count: 900) {
                $0.topic.partitions = 3
                $0.mapping.batchSize = 1
                $0.function.durations = [1_000]
                $0.assumptions.kafkaPollerBatches = 1
                $0.mapping.provisionedMinimum = 1
                $0.mapping.provisionedMaximum = 10
            })
        // 1 poller until 240 s, 2 until 420 s, then 3: MaximumPollers is capped at the 3
        // partitions, so no fourth is added.
        let changes = notes(trace).filter { $0.contains("→") && !$0.contains("evaluated") }
        #expect(changes == ["240000 event pollers 1 → 2", "420000 event pollers 2 → 3", "720000 event pollers 3 → 2", "900000 event pollers 2 → 1"])
        #expect(trace.stats.maxConcurrency == 3)
        #expect(trace.starts.filter { $0.time == 420_000 }.count == 3)
        #expect(trace.entries.first { if case .note(let text) = $0.event { text.contains("evaluated") } else { false } }?.rules.names == ["KF8"])
        #expect(trace.assumptionsUsed.isSuperset(of: [.kafkaPollerBatches, .kafkaScalingDelay]))
        #expect(trace.startTimes.last == 519_000)
        // MinimumPollers is where provisioned mode starts, whatever `kafka-pollers` says.
        let atMinimum = try Simulator.simulate(
            backlog {
                $0.mapping.provisionedMinimum = 2
                $0.mapping.provisionedMaximum = 2
            })
        #expect(atMinimum.startTimes.prefix(2) == [0, 0])
        #expect(atMinimum.startTimes.last == 149_000)
    }

    @Test func kf8_pollerAssumptionsAreValidated() {
        #expect(ScenarioValidator.validate(Scenarios.kafka { $0.assumptions.kafkaPollers = 0 }).map(\.rule) == ["KF7"])
        #expect(ScenarioValidator.validate(Scenarios.kafka { $0.assumptions.kafkaPollerBatches = 0 }).map(\.rule) == ["KF8"])
    }
}
