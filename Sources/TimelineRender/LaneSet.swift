import LambdaSimulator

/// Which lanes a figure has, top to bottom, for its mode (timeline-svg.md, "Lanes").
///
/// The lanes of shards, instances and deliveries are short lists searched in order, not
/// dictionaries: a figure has a few of each (at most `TimelineView.laneLimit` lanes), and
/// making three dictionaries cost every figure more than looking lanes up in lists.
struct LaneSet {
    private(set) var names: [String] = []
    private(set) var callerLane = 0
    private(set) var serviceLane = 0
    private(set) var queueLane = 0
    private(set) var pollerLane = 0
    private var shardLanes: [(shard: Int, lane: Int)] = []
    private var instanceLanes: [(instance: Int, lane: Int)] = []
    private var deliveryLanes: [(route: Delivery.Route, lane: Int)] = []
    private(set) var discardLane = 0
    let mode: InvocationMode

    /// The lanes of a trace of this mode, from its facts (the trace itself is not needed:
    /// taking it copied it on every figure).
    init(mode: InvocationMode, facts: TraceFacts, labels: TimelineLabels) {
        self.mode = mode
        var list: [String] = []
        func add(_ name: String) -> Int {
            list.append(name)
            return list.count - 1
        }
        switch mode {
        case .sync:
            callerLane = add(labels.caller)
            serviceLane = facts.throttles.isEmpty ? callerLane : add(labels.service)
            queueLane = callerLane
            pollerLane = callerLane
        case .async:
            callerLane = add(labels.caller)
            queueLane = add(labels.internalQueue)
            serviceLane = queueLane
            pollerLane = queueLane
        case .sqs, .sqsFIFO, .mq, .documentdb:
            queueLane = add(labels.queue)
            callerLane = queueLane
            serviceLane = queueLane
            pollerLane = add(labels.poller)
        case .kinesis, .dynamodb, .kafka:
            let word = mode == .kafka ? labels.partition : labels.shard
            for shard in facts.shards.sorted() {
                shardLanes.append((shard, add("\(word) \(mode.shardNaming.number(shard))")))
            }
            if let first = shardLanes.lazy.map(\.lane).min() {
                queueLane = first
            } else {
                queueLane = add("\(word) \(mode.shardNaming.number(1))")
            }
            callerLane = queueLane
            pollerLane = add(labels.poller)
            serviceLane = pollerLane
        }
        let instances = facts.instances.sorted()
        if instances.count <= 1 {
            let lane = add(labels.function)
            for instance in instances { instanceLanes.append((instance, lane)) }
            if instances.isEmpty { instanceLanes.append((1, lane)) }
        } else {
            for instance in instances { instanceLanes.append((instance, add("\(labels.instance) \(instance)"))) }
        }
        for route in Delivery.Route.allCases where facts.deliveries.contains(where: { $0.route == route }) {
            deliveryLanes.append((route, add(deliveryName(route, labels: labels))))
        }
        names = list
        discardLane =
            switch mode.path {
            case .synchronous: callerLane
            case .asynchronous, .eventSourceMapping: queueLane
            }
    }

    func deliveryName(_ route: Delivery.Route, labels: TimelineLabels) -> String {
        switch route {
        case .onSuccess: labels.onSuccess
        case .onFailure: labels.onFailure
        case .dlq: labels.dlq
        case .redrive: labels.redrive
        case .callerDLQ: labels.callerDLQ
        }
    }

    func instanceLane(_ instance: Int) -> Int {
        instanceLanes.first { $0.instance == instance }?.lane ?? instanceLanes.lazy.map(\.lane).min() ?? 0
    }
    func shardLane(_ shard: Int) -> Int { shardLanes.first { $0.shard == shard }?.lane ?? queueLane }
    func deliveryLane(_ route: Delivery.Route) -> Int { deliveryLanes.first { $0.route == route }?.lane ?? queueLane }
    func arrivalLane(shard: Int?) -> Int { shard.map(shardLane) ?? callerLane }

    /// Where a retry wait is drawn: the queue that holds the item meanwhile.
    func lane(forWaitOf reason: RetryReason) -> Int {
        switch reason {
        case .caller, .clientRateLimit: callerLane
        case .throttled, .functionError, .duplicate, .streamBatchFailed: mode == .sync ? callerLane : queueLane
        }
    }
}
