import LambdaSimulator

/// Small builders for specifications used across the rule tests.
enum Scenarios {
    static func sync(_ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        var spec = ScenarioSpec(mode: .sync)
        spec.arrivals = [ArrivalGroup(at: 0)]
        configure(&spec)
        return spec
    }

    static func async(_ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        var spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 0)]
        configure(&spec)
        return spec
    }

    static func sqs(count: Int = 1, _ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        var spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0, count: count)]
        configure(&spec)
        return spec
    }

    static func kinesis(count: Int = 1, _ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        var spec = ScenarioSpec(mode: .kinesis)
        spec.arrivals = [ArrivalGroup(at: 0, count: count)]
        configure(&spec)
        return spec
    }

    static func kafka(count: Int = 1, _ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        var spec = ScenarioSpec(mode: .kafka)
        spec.arrivals = [ArrivalGroup(at: 0, count: count)]
        configure(&spec)
        return spec
    }

    static func mq(_ engine: BrokerSpec.Kind = .activemq, count: Int = 1, _ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        var spec = ScenarioSpec(mode: .mq)
        spec.broker.engine = engine
        spec.arrivals = [ArrivalGroup(at: 0, count: count)]
        configure(&spec)
        return spec
    }

    static func documentdb(count: Int = 1, _ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        var spec = ScenarioSpec(mode: .documentdb)
        spec.changeStream.databaseName = "shop"
        spec.arrivals = [ArrivalGroup(at: 0, count: count)]
        configure(&spec)
        return spec
    }

    static func group(at: Int64, count: Int = 1, every: Int64 = 0, size: Int64 = 1_024, _ configure: (inout ArrivalGroup) -> Void = { _ in }) -> ArrivalGroup {
        var group = ArrivalGroup(at: at, count: count, every: every, size: size)
        configure(&group)
        return group
    }
}

extension Trace {
    /// Start times of handler invocations, in ms.
    var startTimes: [Int64] { starts.map(\.time) }
    /// Results of handler invocations, in start order.
    var results: [AttemptResult] {
        let byInvocation = Dictionary(ends.map { ($0.invocation, $0.result) }, uniquingKeysWith: { first, _ in first })
        return starts.compactMap { byInvocation[$0.invocation] }
    }
    /// Responses to callers: (item, status, error, reason).
    var responses: [(item: Int, status: Int, error: String?, reason: String?, time: Int64)] {
        entries.compactMap { entry in
            if case .response(let item, let status, let error, let reason) = entry.event { return (item, status, error, reason, entry.time) }
            return nil
        }
    }
    /// Deliveries as `route -> target condition count`.
    var deliverySummary: [String] {
        deliveries.map { time, delivery in
            "\(time) \(delivery.route.rawValue)->\(delivery.target.rawValue) \(delivery.condition ?? "-") \(delivery.approximateInvokeCount.map(String.init) ?? "-") \(delivery.items)\(delivery.delivered ? "" : " FAILED")"
        }
    }
    /// Batches as item lists.
    var batchItems: [[Int]] { batches.map(\.items) }
}
