import NotesCore

/// What a scenario's claims are checked against, gathered entry by entry as the simulation
/// runs, in memory bounded by `listLimit` per list and by the number of inputs.
///
/// Why: claims used to be checked against the full list of entries, which grew with how
/// long a scenario ran (a retry loop of four days kept 1.3 GB). Counts and bounds cover
/// every entry; lists keep their first `listLimit` elements, more than a claim written by
/// hand can list.
public struct ClaimFacts: Sendable {
    /// The most elements kept per list.
    public static let listLimit = 10_000

    /// A handler start: which invocation and its attempt (or receive count).
    public struct Start: Sendable, Equatable {
        public var invocation: Int
        public var attempt: Int
    }

    /// A batch handed to the function (event source mappings).
    public struct Batch: Sendable {
        public var time: Int64
        public var items: [Int]
        public var trigger: BatchTrigger
    }

    /// The last answer a synchronous or asynchronous caller got for an event.
    public struct Response: Sendable, Equatable {
        public var status: Int
        public var error: String?
        public var reason: String?
        public var time: Int64
    }

    public private(set) var startTimes = TimeColumn(limit: listLimit)
    public private(set) var endTimes = TimeColumn(limit: listLimit)
    public private(set) var throttleTimes = TimeColumn(limit: listLimit)
    public private(set) var batchTimes = TimeColumn(limit: listLimit)
    /// SQS: when each message was received by a poller, once per message and receive (Q3),
    /// also when the function never ran it.
    public private(set) var receiveTimes = TimeColumn(limit: listLimit)
    public private(set) var starts = BoundedList<Start>(limit: listLimit)
    /// How each kept start ended, in start order (nil while running).
    public private(set) var results: [AttemptResult?] = []
    public private(set) var batches = BoundedList<Batch>(limit: listLimit)
    public private(set) var deliveries = BoundedList<(time: Int64, delivery: Delivery)>(limit: listLimit)
    /// Messages that reached their target, by route (every delivery, kept or not).
    public var delivered: [Delivery.Route: Int] {
        var delivered: [Delivery.Route: Int] = [:]
        for route in Delivery.Route.allCases where deliveredCounts[route.ordinal] > 0 {
            delivered[route] = deliveredCounts[route.ordinal]
        }
        return delivered
    }
    /// `delivered`, counted by route's position (a map's first insert allocated in every run
    /// that delivered anything).
    private var deliveredCounts = InlineCounts()
    /// By event number.
    public var responses: [Int: Response] { responseByEvent.map { $0 } }
    private var responseByEvent = ByInput<Response>()
    /// Whether some input started more than once.
    public private(set) var retried = false
    /// The first success out of order in its shard, key or FIFO group, if any.
    public private(set) var orderViolation: String?
    /// When cold starts happened and how long each `Init` held the request (X1, X2, X6).
    public private(set) var coldStartTimes = TimeColumn(limit: listLimit)
    public private(set) var initDurations = TimeColumn(limit: listLimit)
    /// Per kept start, in start order: end − start, what the caller waited (nil while running).
    public private(set) var latencies: [Int64?] = []
    /// Tries a synchronous caller made beyond its first, one per input (S4, R10).
    public private(set) var callerRetries = 0
    /// When recursive loop detection stopped an invocation (L3, L4).
    public private(set) var recursionStoppedTimes = TimeColumn(limit: listLimit)

    /// The distinct Lambda request ids of the attempts, up to `listLimit` of them: an
    /// asynchronous event keeps its id for every attempt (A11), a call its caller retries
    /// is a new request (S4, R10), and every batch a mapping invokes is one (E1).
    public var requestIDs: Set<Int64> { requestIDSet.members }
    /// How many `requestIDs` there are (what the `request-ids` claim counts).
    public var requestIDCount: Int { requestIDSet.count }
    private var requestIDSet = RequestIDSet()
    private let path: InvocationPath

    private var order: OrderTracker
    private var startedItems = ItemBits()
    /// Kept starts still running: invocation -> index in `results`.
    private var runningKept = InvocationSlots<Int>()

    public init(mode: InvocationMode) {
        order = OrderTracker(byFIFOGroup: mode == .sqsFIFO, shards: mode.shardNaming)
        path = mode.path
    }

    /// The request id an attempt runs under, as a number (see `requestIDs`).
    private func requestID(invocation: Int, items: [Int], attempt: Int) -> Int64 {
        switch path {
        case .asynchronous: Int64(items.first ?? 0)
        case .synchronous: Int64(items.first ?? 0) << 24 | Int64(attempt & 0xFF_FFFF)
        case .eventSourceMapping: Int64(invocation)
        }
    }

    /// Takes in one entry, in time order.
    mutating func add(_ entry: TraceEntry) {
        let time = entry.time
        switch entry.event {
        case .arrival(let item, _, let shard, let group):
            order.arrived(item, shard: shard, group: group)
        case .start(let invocation, _, let items, let attempt):
            startTimes.append(time)
            if starts.kept.count < starts.limit {
                runningKept.set(results.count, for: invocation)
                if results.isEmpty {
                    // Room for a short run's starts at once, as the lists have (`BoundedList`).
                    results.reserveCapacity(BoundedList<Start>.initialCapacity)
                    latencies.reserveCapacity(BoundedList<Start>.initialCapacity)
                }
                results.append(nil)
                latencies.append(nil)
            }
            starts.append(Start(invocation: invocation, attempt: attempt))
            if requestIDSet.count < Self.listLimit { requestIDSet.insert(requestID(invocation: invocation, items: items, attempt: attempt)) }
            for item in items where !startedItems.insert(item) { retried = true }
            order.started(invocation, items: items)
        case .end(let invocation, _, _, let result, let reported):
            endTimes.append(time)
            if let index = runningKept.remove(invocation) {
                results[index] = result
                latencies[index] = time - startTimes.kept[index]
            }
            if orderViolation == nil { orderViolation = order.ended(invocation, result: result, reported: reported, at: time) }
        case .received(let items, _):
            for _ in items { receiveTimes.append(time) }
        case .throttled:
            throttleTimes.append(time)
        case .batch(_, let items, let trigger, _):
            batchTimes.append(time)
            batches.append(Batch(time: time, items: items, trigger: trigger))
        case .delivery(let delivery):
            deliveries.append((time, delivery))
            if delivery.delivered { deliveredCounts.increment(delivery.route.ordinal) }
        case .response(let item, let status, let error, let reason):
            responseByEvent.set(Response(status: status, error: error, reason: reason, time: time), for: item)
        case .recursionStopped:
            recursionStoppedTimes.append(time)
        case .retryScheduled(_, .caller, _):
            callerRetries += 1
        case .coldStart(_, _, _, let duration, _):
            coldStartTimes.append(time)
            initDurations.append(duration)
        default:
            break
        }
    }
}

extension ClaimFacts {
    /// The last answer the caller of `event` got (`responses[event]`, without making the map).
    public func response(to event: Int) -> Response? {
        responseByEvent[event]
    }

    /// How many messages reached their target by `route` (`delivered[route] ?? 0`).
    public func deliveredCount(to route: Delivery.Route) -> Int {
        deliveredCounts[route.ordinal]
    }

    /// The latencies of finished invocations in start order, as a column to match times
    /// against (`latency`).
    public var latencyColumn: TimeColumn {
        var column = TimeColumn(limit: Self.listLimit)
        for latency in latencies { if let latency { column.append(latency) } }
        return column
    }
}

/// A set of positive input numbers as bits: inputs are numbered from 1, so a set of all of
/// them is a few kilobytes.
struct ItemBits: Sendable {
    private var words: [UInt64] = []

    /// Adds `item`; false when it was already there.
    mutating func insert(_ item: Int) -> Bool {
        guard item >= 0 else { return true }
        let (word, bit) = (item >> 6, UInt64(1) << UInt64(item & 63))
        if word >= words.count { words += repeatElement(0, count: word - words.count + 1) }
        defer { words[word] |= bit }
        return words[word] & bit == 0
    }

    /// The items in the set, in ascending order.
    var members: [Int] {
        var members: [Int] = []
        for (index, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                members.append(index << 6 | bits.trailingZeroBitCount)
                bits &= bits &- 1
            }
        }
        return members
    }
}

/// Checks, success by success, that no input succeeds after a later one of its shard,
/// partition key or FIFO group (`order: preserved`).
///
/// Every arrival of every trace passes through here, so an input's scope is a number kept
/// in an array by input number, and it becomes text only in a violation's message: making
/// `"shard 0"` for each arrival and hashing it took a twentieth of a heavy build.
struct OrderTracker: Sendable {
    /// What an input's order is kept within.
    enum Scope: Hashable, Sendable {
        case shard(Int)
        /// A partition key within its shard (K13): the same key on two shards is two orders.
        case key(shard: Int, key: String)
        case group(String)

        /// The scope in a message, a Kafka partition counted as Kafka counts it.
        func description(_ shards: ShardNaming) -> String {
            switch self {
            case .shard(let shard): "\(shards.word) \(shards.number(shard))"
            case .key(let shard, let key): "\(shards.word) \(shards.number(shard)) key \(key)"
            case .group(let group): group
            }
        }
    }

    let byFIFOGroup: Bool
    let shards: ShardNaming
    /// The scopes seen, numbered in the order they first came.
    private var scopes: [Scope] = []
    /// The scopes' numbers, once there are more than `searchedScopes` of them.
    private var numbers: [Scope: Int32] = [:]
    /// The number `number(of:)` gave last.
    private var latest: Int32 = -1
    /// The shard of the last arrival numbered by its shard, and that shard's scope number
    /// (`Int.min`: none yet).
    private var lastShard = Int.min
    private var lastShardNumber: Int32 = -1
    /// Each input's scope number, by input number (inputs are numbered from 1 as they
    /// arrive); -1 for none.
    private var scopeOf: [Int32] = []
    private var running = InvocationSlots<[Int]>()
    private var done = ItemBits()
    /// The last input that succeeded in each scope, by scope number (0: none yet).
    private var last: [Int] = []

    init(byFIFOGroup: Bool, shards: ShardNaming = .shard) {
        self.byFIFOGroup = byFIFOGroup
        self.shards = shards
    }

    mutating func arrived(_ item: Int, shard: Int?, group: String?) {
        guard item >= 0 else { return }
        let scopeNumber: Int32
        let byShard = !byFIFOGroup && group == nil
        if byShard, (shard ?? 0) == lastShard {
            // The shard the arrival before named (or none, 0): its number, with no scope to
            // make and compare.
            scopeNumber = lastShardNumber
        } else {
            let scope: Scope = byFIFOGroup ? .group(group ?? "") : (group.map { .key(shard: shard ?? 0, key: $0) } ?? .shard(shard ?? 0))
            scopeNumber = number(of: scope)
            if byShard { (lastShard, lastShardNumber) = (shard ?? 0, scopeNumber) }
        }
        // Room for a short run's inputs at once, not grown from one by doubling.
        if scopeOf.isEmpty { scopeOf.reserveCapacity(64) }
        // Inputs arrive in number order: the list nearly always grows by this one.
        if item == scopeOf.count {
            scopeOf.append(scopeNumber)
            return
        }
        if item > scopeOf.count { scopeOf += repeatElement(-1, count: item - scopeOf.count + 1) }
        scopeOf[item] = scopeNumber
    }

    /// The scope's number, looked up only when it is not the one asked for last (arrivals
    /// come in runs of one shard or group): searched among the first `searchedScopes`
    /// scopes, hashed past them (most scenarios have one or two scopes, and hashing the
    /// first allocated a table in every run).
    private mutating func number(of scope: Scope) -> Int32 {
        if latest >= 0, scopes[Int(latest)] == scope { return latest }
        let known = scopes.count <= Self.searchedScopes ? scopes.firstIndex(of: scope).map { Int32($0) } : numbers[scope]
        if let known {
            latest = known
        } else {
            latest = Int32(scopes.count)
            scopes.append(scope)
            last.append(0)
            if scopes.count > Self.searchedScopes {
                if numbers.isEmpty {
                    for (index, each) in scopes.enumerated() { numbers[each] = Int32(index) }
                } else {
                    numbers[scope] = latest
                }
            }
        }
        return latest
    }

    /// Up to this many scopes are searched in order; past it, `numbers` hashes them.
    static var searchedScopes: Int { 8 }

    mutating func started(_ invocation: Int, items: [Int]) {
        running.set(items, for: invocation)
    }

    /// The violation this end shows, if any: the items before the first reported failure
    /// succeeded.
    mutating func ended(_ invocation: Int, result: AttemptResult, reported: [Int], at time: Int64) -> String? {
        let items = running.remove(invocation) ?? []
        guard result == .ok else { return nil }
        // Most ends report nothing: then every item succeeded, with no search.
        let limit = reported.isEmpty ? items.count : items.firstIndex { reported.contains($0) } ?? items.count
        for item in items[..<limit] where done.insert(item) {
            let known = item >= 0 && item < scopeOf.count ? scopeOf[item] : -1
            let scope = known >= 0 ? Int(known) : Int(number(of: .group("")))
            let previous = last[scope]
            if previous > item {
                return "#\(item) succeeded after #\(previous) in \(scopes[scope].description(shards)) at \(time == 0 ? "0 s" : DurationText.english(time))"
            }
            last[scope] = item
        }
        return nil
    }
}
