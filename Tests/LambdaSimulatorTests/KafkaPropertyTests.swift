import LambdaSimulator
import PropertyBased
import Testing

/// Properties of Kafka mappings over random scenarios, one partition per batch or mixed
/// (KF1): per-partition order, one batch in flight per partition, and bounded failure
/// (conservation, determinism and concurrency run for every mode in `SimulatorPropertyTests`,
/// which draws Kafka settings, the batch scope included, from `vary`).
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
        // KF1: about half the scenarios mix partitions in a batch, some over two pollers.
        spec.assumptions.kafkaBatchScope = knobs % 7 < 3 ? .mixed : .partition
        spec.mapping.provisionedMinimum = knobs % 11 < 4 ? 1 + knobs % 2 : nil
        // KF4: some topics drop whole 30 s segments instead of each record at its time.
        spec.assumptions.topicSegment = knobs % 5 == 2 ? 30_000 : nil
    }

    static let kafkaMode = InvocationMode.allCases.firstIndex(of: .kafka)!

    @Test func partitionsKeepTheirOrder() async {
        await propertyCheck(count: 100, input: Gen.int(in: 1...30), Gen.int(in: 0...3), Gen.int(in: 0...99), Gen.int(in: 0...1_000)) {
            count, failure, knobs, seed in
            let spec = SimulatorPropertyTests.scenario(mode: Self.kafkaMode, count: count, failure: failure, knobs: knobs, seed: seed)
            guard let trace = try? Simulator.simulate(spec) else { Issue.record("simulation failed"); return }
            let mixed = spec.assumptions.kafkaBatchScope == .mixed
            var partitionOf: [Int: Int] = [:]
            var itemsOf: [Int: [Int]] = [:]
            var lastDone: [Int: Int] = [:]
            var done: Set<Int> = []
            var inFlight: Set<Int> = []
            for entry in trace.entries {
                if case .arrival(let item, _, let shard, _) = entry.event { partitionOf[item] = shard }
                if case .start(let invocation, _, let items, _) = entry.event {
                    // A batch holds one partition's records, or several with `mixed`, each
                    // partition's in offset order (KF1).
                    let partitions = Set(items.map { partitionOf[$0] ?? 0 })
                    if !mixed { #expect(partitions.count == 1) }
                    #expect(items == items.sorted())
                    // At most one batch in flight per partition (KF1, KF7).
                    #expect(inFlight.isDisjoint(with: partitions), "a partition of \(items) already has a batch in flight")
                    inFlight.formUnion(partitions)
                    itemsOf[invocation] = items
                }
                // Records of a partition succeed in offset order (KF1): in each partition of
                // a batch, those before its first reported failure.
                if case .end(let invocation, _, _, let result, let reported) = entry.event {
                    let items = itemsOf[invocation] ?? []
                    inFlight.subtract(items.map { partitionOf[$0] ?? 0 })
                    guard result == .ok else { continue }
                    var failed: Set<Int> = []
                    for item in items {
                        let partition = partitionOf[item] ?? 0
                        if reported.contains(item) { failed.insert(partition) }
                        guard !failed.contains(partition), done.insert(item).inserted else { continue }
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
