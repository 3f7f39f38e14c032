import LambdaSimulator
import PropertyBased
import Testing

/// Properties of Kafka mappings over random scenarios: per-partition order and bounded
/// failure (conservation, determinism and concurrency run for every mode in
/// `SimulatorPropertyTests`, which draws Kafka settings from `vary`).
@Suite struct KafkaPropertyTests {
    /// Kafka settings drawn from one number: partitions, keys, retry controls, destinations.
    static func vary(_ spec: inout ScenarioSpec, knobs: Int) {
        spec.topic.partitions = 1 + knobs % 3
        spec.topic.retention = 120_000
        spec.arrivals[1].partitionKey = "k\(knobs % 4)"
        spec.mapping.bisectBatchOnFunctionError = knobs % 2 == 0
        spec.mapping.maximumRetryAttempts = knobs % 5 - 1
        spec.mapping.onFailure = [nil, .sqs, .kafka, .s3][knobs % 4]
        spec.mapping.batchingWindowSeconds = knobs % 3 == 0 ? nil : Int64(knobs % 2)
    }

    static let kafkaMode = InvocationMode.allCases.firstIndex(of: .kafka)!

    @Test func partitionsKeepTheirOrder() async {
        await propertyCheck(count: 100, input: Gen.int(in: 1...30), Gen.int(in: 0...3), Gen.int(in: 0...99), Gen.int(in: 0...1_000)) {
            count, failure, knobs, seed in
            let spec = SimulatorPropertyTests.scenario(mode: Self.kafkaMode, count: count, failure: failure, knobs: knobs, seed: seed)
            guard let trace = try? Simulator.simulate(spec) else { Issue.record("simulation failed"); return }
            var partitionOf: [Int: Int] = [:]
            var itemsOf: [Int: [Int]] = [:]
            var lastDone: [Int: Int] = [:]
            var done: Set<Int> = []
            for entry in trace.entries {
                if case .arrival(let item, _, let shard, _) = entry.event { partitionOf[item] = shard }
                if case .start(let invocation, _, let items, _) = entry.event {
                    // A batch holds records of one partition, in offset order (KF1).
                    #expect(Set(items.map { partitionOf[$0] }).count == 1)
                    #expect(items == items.sorted())
                    itemsOf[invocation] = items
                }
                // Records of a partition succeed in offset order (KF1).
                if case .end(let invocation, _, _, let result, let reported) = entry.event, result == .ok {
                    let items = itemsOf[invocation] ?? []
                    let failedFrom = items.firstIndex { reported.contains($0) } ?? items.count
                    for item in items[..<failedFrom] where done.insert(item).inserted {
                        let partition = partitionOf[item] ?? 0
                        #expect((lastDone[partition] ?? 0) < item, "#\(item) succeeded after a later record of its partition")
                        lastDone[partition] = item
                    }
                }
            }
        }
    }

    @Test func aRecordFailingForeverStaysBounded() throws {
        // Default controls: retries until the topic drops the record (KF4), within the limits.
        var spec = ScenarioSpec(mode: .kafka)
        spec.arrivals = [ArrivalGroup(at: 0)]
        spec.function.fails = .always
        spec.limits.maximumSteps = 2_000
        #expect(throws: SimulationError.self) { try Simulator.simulate(spec) }
        spec.limits = SimulationLimits()
        spec.topic.retention = 3_600_000
        let trace = try Simulator.simulate(spec)
        #expect(trace.outcomes[1] == [.discarded])
        #expect(trace.stats.attempts == 3_273, "one attempt every 1.1 s from 0.5 s until the record expires at 1 h")
    }
}
