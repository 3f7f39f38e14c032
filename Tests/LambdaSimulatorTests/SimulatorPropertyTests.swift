import LambdaSimulator
import PropertyBased
import Testing

/// Properties over random scenarios: conservation, ordering, determinism, concurrency.
@Suite struct SimulatorPropertyTests {
    /// A sink that counts how often each input settles.
    struct SettleCounter: TraceSink {
        var entries: [TraceEntry] = []
        var settles: [Int: Int] = [:]
        mutating func record(_ entry: consuming TraceEntry) { entries.append(entry) }
        mutating func settle(item: Int, outcomes: OutcomeSet) { settles[item, default: 0] += 1 }
    }

    /// A random but valid scenario from a few numbers.
    static func scenario(mode: Int, count: Int, failure: Int, knobs: Int, seed: Int) -> ScenarioSpec {
        // Every mode, including any added later: the properties hold for all of them.
        let modes = InvocationMode.allCases
        var spec = ScenarioSpec(mode: modes[mode % modes.count])
        spec.seed = UInt64(seed)
        spec.until = 900_000
        spec.arrivals = [
            ArrivalGroup(at: spec.mode.eventSource == nil ? 0 : -1_000, count: count / 2, every: Int64(knobs % 7) * 100),
            ArrivalGroup(at: 500, count: count - count / 2, every: 250),
        ]
        if spec.mode == .sqsFIFO {
            spec.arrivals[0].group = "a"
            spec.arrivals[1].group = knobs % 2 == 0 ? "a" : "b"
        }
        switch spec.mode.eventSource {
        case nil:
            break
        case .stream:
            spec.stream.shards = 1 + knobs % 3
            spec.arrivals[1].partitionKey = "k\(knobs % 4)"
            spec.mapping.bisectBatchOnFunctionError = knobs % 2 == 0
            spec.mapping.maximumRetryAttempts = knobs % 5 - 1
            spec.mapping.parallelizationFactor = 1 + knobs % 2
            spec.mapping.onFailure = .sqs
        case .topic:
            KafkaPropertyTests.vary(&spec, knobs: knobs)
        case .broker:
            spec.broker.engine = knobs % 2 == 0 ? .activemq : .rabbitmq
            // M4: some RabbitMQ queues have a quorum queue's delivery limit (§17 assumption).
            spec.assumptions.rabbitmqDeliveryLimit = knobs % 3 == 0 ? knobs % 4 : nil
        case .changeStream:
            spec.changeStream.databaseName = "shop"
            spec.changeStream.retention = 60_000
        case .queue:
            spec.queue.maxReceiveCount = knobs % 3 == 0 ? nil : 1 + knobs % 4
            spec.queue.visibilityTimeoutSeconds = 10
            if spec.mode == .sqs { spec.mapping.batchingWindowSeconds = Int64(knobs % 3) }
        }
        if spec.mode.eventSource != nil {
            spec.mapping.batchSize = 1 + knobs % 10
            spec.mapping.reportBatchItemFailures = knobs % 3 == 1
        }
        spec.function.reservedConcurrency = knobs % 4 == 0 ? 1 + knobs % 3 : nil
        spec.function.durations = [Int64(50 + (seed % 5) * 100)]
        spec.eventInvokeConfig.onFailure = .sqs
        // Execution environments (X1–X11) and the poll latency (Q1, K2) in every mode.
        spec.function.initDuration = Int64(knobs % 3) * 400
        spec.function.initFails = knobs % 7 == 3 ? .attempts([1, 3]) : .never
        spec.function.provisionedConcurrency = knobs % 5 == 1 ? 1 + knobs % 2 : nil
        spec.function.provisionedAt = knobs % 10 == 1 ? 1_000 : nil
        spec.assumptions.idleLifetime = knobs % 2 == 0 ? 600_000 : 700
        spec.assumptions.pollLatency = Int64(knobs % 2) * 300
        varyAssumptions(&spec, knobs: knobs)
        if let reserved = spec.function.reservedConcurrency, let provisioned = spec.function.provisionedConcurrency, provisioned > reserved {
            spec.function.provisionedConcurrency = reserved
        }
        // Recursive loops (L1–L4) where they are simulated: asynchronous and SQS.
        switch spec.mode.path {
        case .asynchronous, .eventSourceMapping(.queue): spec.function.loops = knobs % 3 == 2
        case .synchronous, .eventSourceMapping(.stream), .eventSourceMapping(.topic), .eventSourceMapping(.broker), .eventSourceMapping(.changeStream):
            break
        }
        varyCallers(&spec, knobs: knobs)
        switch failure % 4 {
        case 0: spec.function.fails = .never
        case 1: spec.function.fails = .always
        case 2: spec.function.fails = .rate(perMille: 300)
        default:
            // Poison records are a mapping's; an event's attempts fail by number.
            spec.function.fails = spec.mode.eventSource == nil ? .attempts([1, 2]) : .records([1, count / 2 + 1], times: 2)
        }
        return spec
    }

    /// Who calls, where AWS allows it: SDK and CLI retry modes (adaptive's limiter included)
    /// on synchronous calls, SNS, EventBridge and S3 refusing hand-offs on asynchronous ones
    /// (R2–R10), and SnapStart in every mode (X13).
    static func varyCallers(_ spec: inout ScenarioSpec, knobs: Int) {
        switch spec.mode.path {
        case .synchronous:
            spec.trigger = knobs % 2 == 0 ? .cli : .sdk
            if knobs % 3 == 0 { spec.caller.sdk = SDKRetryPolicy(mode: .adaptive) }
        case .asynchronous:
            // EventBridge loops are not tracked (L2): a looping scenario uses SNS or S3.
            let triggers: [Trigger?] = spec.function.loops ? [.sns, .s3, nil] : [.sns, .eventbridge, .s3, nil]
            spec.trigger = triggers[knobs % triggers.count]
            guard spec.trigger != nil else { break }
            spec.caller.service.handOffFails = knobs % 2 == 0 ? .rate(perMille: 300) : .attempts([1, 2])
            spec.caller.service.handOffFailure = ServiceCallerSpec.Refusal.allCases[knobs % 4]
            spec.caller.service.bus = knobs % 5 == 0 ? .eventbridgev2 : .classic
            if spec.trigger != .s3 { spec.caller.service.deadLetterQueue = knobs % 3 == 0 ? nil : .sqs }
        case .eventSourceMapping:
            break
        }
        if knobs % 11 == 4 {
            spec.function.snapStart = true
            spec.function.initFails = .never
            spec.assumptions.snapstartRestore = Int64(knobs % 2) * 200
        }
    }

    /// The §17 alternatives of callers, environments and recursion (X2, X6, X7, X8, R3, R6,
    /// R9, R10, R14, L3), an `Init` over 10 s among them.
    static func varyAssumptions(_ spec: inout ScenarioSpec, knobs: Int) {
        if knobs % 13 == 7 { spec.function.initDuration = 11_000 }
        spec.assumptions.environmentReuse = knobs % 2 == 0 ? .mostRecent : .leastRecent
        spec.assumptions.initOverrun = knobs % 4 < 2 ? .twice : .once
        spec.assumptions.maxEnvironmentLifetime = knobs % 6 == 5 ? 900 : nil
        spec.assumptions.provisionedRecycle = knobs % 7 == 3 ? 1_500 : nil
        spec.assumptions.sfnRetryFrom = knobs % 2 == 1 ? .attemptStart : .attemptEnd
        spec.assumptions.snsBackoff = Assumptions.SNSBackoffFunction.allCases[knobs % 4]
        spec.assumptions.eventbridgeBackoffCap = knobs % 3 == 0 ? 2_000 : 480_000
        spec.assumptions.s3HandOff = knobs % 3 == 1 ? .retried : .lost
        spec.assumptions.adaptiveBeta = knobs % 2 == 0 ? 0.7 : 0.4
        spec.assumptions.adaptiveMinimumRate = knobs % 4 == 3 ? 2 : 0.5
        spec.assumptions.recursionThreshold = knobs % 5 == 2 ? 3 : 16
    }

    @Test func everyInputSettlesExactlyOnce() async {
        await propertyCheck(
            count: 150, input: Gen.int(in: 0...InvocationMode.allCases.count - 1), Gen.int(in: 1...30), Gen.int(in: 0...3), Gen.int(in: 0...99),
            Gen.int(in: 0...1_000)
        ) { mode, count, failure, knobs, seed in
            let spec = Self.scenario(mode: mode, count: count, failure: failure, knobs: knobs, seed: seed)
            var sink = SettleCounter()
            let summary = try? Simulator.simulate(spec, into: &sink, keepingEntries: false)
            // Events a looping function sent itself are inputs too (L1).
            let loopEvents = summary?.stats.loopEvents ?? 0
            #expect(loopEvents == 0 || spec.function.loops)
            #expect(loopEvents <= 16 * count, "a chain stops at its 17th invocation (L3)")
            #expect(sink.settles.count == count + loopEvents, "\(spec.mode) lost or invented inputs")
            #expect(sink.settles.values.allSatisfy { $0 == 1 }, "\(spec.mode) settled an input twice")
        }
    }

    @Test func simulationIsDeterministic() async {
        await propertyCheck(
            count: 60, input: Gen.int(in: 0...InvocationMode.allCases.count - 1), Gen.int(in: 1...30), Gen.int(in: 0...3), Gen.int(in: 0...99),
            Gen.int(in: 0...1_000)
        ) { mode, count, failure, knobs, seed in
            let spec = Self.scenario(mode: mode, count: count, failure: failure, knobs: knobs, seed: seed)
            let first = try? Simulator.simulate(spec).dump
            let second = try? Simulator.simulate(spec).dump
            #expect(first != nil)
            #expect(first == second)
        }
    }

    @Test func noMoreHandlersRunThanConcurrencyAllows() async {
        await propertyCheck(
            count: 100, input: Gen.int(in: 0...InvocationMode.allCases.count - 1), Gen.int(in: 1...30), Gen.int(in: 0...3), Gen.int(in: 0...99),
            Gen.int(in: 0...1_000)
        ) { mode, count, failure, knobs, seed in
            let spec = Self.scenario(mode: mode, count: count, failure: failure, knobs: knobs, seed: seed)
            guard let trace = try? Simulator.simulate(spec) else { Issue.record("simulation failed"); return }
            var running = 0
            var peak = 0
            var busy: Set<Int> = []
            for entry in trace.entries {
                if case .start(_, let instance, _, _) = entry.event {
                    running += 1
                    // C5, X6: an environment, cold or warm, serves one request at a time.
                    #expect(busy.insert(instance).inserted, "\(spec.mode): env \(instance) served two requests at once")
                }
                if case .end(_, let instance, _, _, _) = entry.event {
                    running -= 1
                    busy.remove(instance)
                }
                peak = max(peak, running)
            }
            let limit = spec.function.reservedConcurrency ?? spec.accountConcurrency
            #expect(peak <= limit)
            #expect(peak == trace.stats.maxConcurrency)
        }
    }

    @Test func shardsAndMessageGroupsKeepTheirOrder() async {
        await propertyCheck(count: 120, input: Gen.int(in: 3...5), Gen.int(in: 1...30), Gen.int(in: 0...3), Gen.int(in: 0...99), Gen.int(in: 0...1_000)) {
            mode, count, failure, knobs, seed in
            var spec = Self.scenario(mode: mode, count: count, failure: failure, knobs: knobs, seed: seed)
            spec.mapping.parallelizationFactor = 1
            guard let trace = try? Simulator.simulate(spec) else { Issue.record("simulation failed"); return }
            // The key of an item: its shard (streams) or message group (FIFO).
            var keyOf: [Int: String] = [:]
            for entry in trace.entries {
                if case .arrival(let item, _, let shard, let group) = entry.event {
                    keyOf[item] = spec.mode == .sqsFIFO ? (group ?? "") : "\(shard ?? 0)"
                }
            }
            var firstSuccess: [Int] = []
            var done: Set<Int> = []
            var itemsOf: [Int: [Int]] = [:]
            for entry in trace.entries {
                if case .start(let invocation, _, let items, _) = entry.event { itemsOf[invocation] = items }
                if case .end(let invocation, _, _, let result, let reported) = entry.event, result == .ok {
                    let items = itemsOf[invocation] ?? []
                    let failedFrom = items.firstIndex { reported.contains($0) } ?? items.count
                    for item in items[..<failedFrom] where done.insert(item).inserted { firstSuccess.append(item) }
                }
            }
            var lastByKey: [String: Int] = [:]
            for item in firstSuccess {
                let key = keyOf[item] ?? ""
                if let previous = lastByKey[key] {
                    #expect(previous < item, "\(spec.mode): #\(item) succeeded before earlier #\(previous) of \(key)")
                }
                lastByKey[key] = item
            }
        }
    }
}
