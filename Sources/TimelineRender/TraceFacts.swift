import NotesCore
import LambdaSimulator

/// The facts of a trace that a figure draws, paired up (start with end, block with unblock).
struct TraceFacts {
    struct Attempt { var start: Int64; var end: Int64; var instance: Int; var items: [Int]; var attempt: Int; var result: AttemptResult }
    struct Wait { var start: Int64; var end: Int64; var items: [Int]; var reason: RetryReason }
    struct Batch { var start: Int64; var end: Int64; var items: [Int]; var trigger: BatchTrigger; var lane: Int }
    struct Arrival { var time: Int64; var first: Int; var count: Int; var shard: Int? }
    struct Throttle { var time: Int64; var items: [Int]; var reason: String }
    struct Response { var time: Int64; var item: Int; var status: Int; var error: String? }
    struct DeliveryFact { var time: Int64; var route: Delivery.Route; var target: TargetKind; var condition: String?; var items: [Int]; var delivered: Bool }
    struct Discard { var time: Int64; var items: [Int]; var reason: DiscardReason }
    struct Blocked { var start: Int64; var end: Int64; var shard: Int }
    struct ColdStart { var time: Int64; var instance: Int; var duration: Int64; var items: [Int]; var failed: Bool }
    struct RecursionStop { var time: Int64; var items: [Int]; var depth: Int }

    var attempts: [Attempt] = []
    var waits: [Wait] = []
    var batches: [Batch] = []
    var arrivals: [Arrival] = []
    var throttles: [Throttle] = []
    var responses: [Response] = []
    var deliveries: [DeliveryFact] = []
    var discards: [Discard] = []
    var blocked: [Blocked] = []
    var coldStarts: [ColdStart] = []
    var recursionStops: [RecursionStop] = []
    /// The shards and the instances seen, each once, in the order first seen (a few of each:
    /// searched in order, where a set hashed every arrival and start).
    var shards: [Int] = []
    var instances: [Int] = []
    let endTime: Int64

    init(_ trace: Trace) {
        self.init(entries: trace.entries, endTime: trace.stats.endTime)
    }

    /// The facts of some entries (an exemplar's), open attempts and blocks closed at `endTime`.
    init(entries: [TraceEntry], endTime: Int64) {
        self.init(entries: entries, endTime: endTime, limits: nil)
    }

    /// The facts of some entries, or nil once they make more than `markLimit` marks or name
    /// more than `laneLimit` instances: the figure a trace gets then is the aggregate view,
    /// which draws none of them.
    ///
    /// Why it stops early: every count only grows as entries are read, so the first entry
    /// past a limit settles the answer, and the rest of a long trace went unread.
    init?(entries: [TraceEntry], endTime: Int64, markLimit: Int, laneLimit: Int) {
        self.init(entries: entries, endTime: endTime, limits: (markLimit, laneLimit))
        guard markCount <= markLimit, instances.count <= laneLimit else { return nil }
    }

    /// Reads the entries in place, through a buffer pointer: a loop over the array copied
    /// every entry (retaining the lists in its event) only to look at it. With `limits`, it
    /// stops at the first entry that passes one, leaving the facts partial (and past it).
    private init(entries: [TraceEntry], endTime: Int64, limits: (marks: Int, lanes: Int)?) {
        self.endTime = endTime
        var pairing = Pairing()
        let complete = entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                add(entries.baseAddress! + index, pairing: &pairing)
                if let limits, markCount > limits.marks || instances.count > limits.lanes { return false }
            }
            return true
        }
        guard complete else { return }
        for started in pairing.open.sorted(by: { $0.invocation < $1.invocation }) {
            attempts.append(
                Attempt(
                    start: started.time, end: max(started.time, endTime), instance: started.instance, items: started.items, attempt: started.attempt,
                    result: .error))
        }
        for (shard, since) in pairing.blockedSince.sorted(by: { $0.key < $1.key }) {
            blocked.append(Blocked(start: since, end: max(since, endTime), shard: shard))
        }
    }

    /// What pairing the entries needs while they are read: the attempts started and not yet
    /// ended, the shards blocked, when each input arrived and each poller lane last batched.
    ///
    /// The open attempts are a short list (at most the handlers running at once), searched
    /// in order: a dictionary hashed every start and end.
    private struct Pairing {
        var open: [(invocation: Int, time: Int64, instance: Int, items: [Int], attempt: Int)] = []
        var blockedSince: [Int: Int64] = [:]
        var firstSeen = ItemInstants()
        var lastBatchAt: [Int: Int64] = [:]

        /// Takes the open attempt of `invocation` out of the list.
        mutating func end(_ invocation: Int) -> (invocation: Int, time: Int64, instance: Int, items: [Int], attempt: Int)? {
            guard let index = open.firstIndex(where: { $0.invocation == invocation }) else { return nil }
            return open.remove(at: index)
        }
    }

    /// Takes in one entry, in time order: read where it lies in the trace, inlined into the
    /// loop. (Passed as a value, each entry was copied, its lists retained and released,
    /// since the call might have written the memory it came from.)
    @inline(__always)
    private mutating func add(_ entry: UnsafePointer<TraceEntry>, pairing: inout Pairing) {
        let time = entry.pointee.time
        switch entry.pointee.event {
        case .arrival(let item, _, let shard, _):
            pairing.firstSeen[item] = time
            if let shard, !shards.contains(shard) { shards.append(shard) }
            if let last = arrivals.last, last.time == time, last.first + last.count == item, last.shard == shard {
                arrivals[arrivals.count - 1].count += 1
            } else {
                arrivals.append(Arrival(time: time, first: item, count: 1, shard: shard))
            }
        case .start(let invocation, let instance, let items, let attempt):
            // A start of an invocation still open replaces it (as it did in a dictionary by invocation).
            _ = pairing.end(invocation)
            pairing.open.append((invocation, time, instance, items, attempt))
            if !instances.contains(instance) { instances.append(instance) }
        case .end(let invocation, _, _, let result, _):
            if let started = pairing.end(invocation) {
                attempts.append(
                    Attempt(start: started.time, end: time, instance: started.instance, items: started.items, attempt: started.attempt, result: result))
            }
        case .retryScheduled(let items, let reason, let delay) where delay > 0:
            waits.append(Wait(start: time, end: time + delay, items: items, reason: reason))
        case .batch(_, let items, let trigger, let lane):
            let firstSeen = pairing.firstSeen
            let earliest = items.lazy.compactMap { firstSeen[$0] }.min() ?? time
            let start = trigger == .retry ? time : max(earliest, pairing.lastBatchAt[lane] ?? earliest)
            batches.append(Batch(start: min(start, time), end: time, items: items, trigger: trigger, lane: lane))
            pairing.lastBatchAt[lane] = time
        case .throttled(let items, let reason):
            throttles.append(Throttle(time: time, items: items, reason: reason))
        case .response(let item, let status, let error, _):
            responses.append(Response(time: time, item: item, status: status, error: error))
        case .delivery(let delivery):
            deliveries.append(
                DeliveryFact(
                    time: time, route: delivery.route, target: delivery.target, condition: delivery.condition,
                    items: delivery.items, delivered: delivery.delivered))
        case .discarded(let items, let reason):
            discards.append(Discard(time: time, items: items, reason: reason))
        case .recursionStopped(let items, let depth):
            recursionStops.append(RecursionStop(time: time, items: items, depth: depth))
        case .coldStart(_, let instance, let items, let duration, let failed):
            coldStarts.append(ColdStart(time: time, instance: instance, duration: duration, items: items, failed: failed))
        case .shardBlocked(let shard, _):
            pairing.blockedSince[shard] = time
        case .shardUnblocked(let shard):
            if let since = pairing.blockedSince.removeValue(forKey: shard) { blocked.append(Blocked(start: since, end: time, shard: shard)) }
        default:
            break
        }
    }

    /// How many marks the detailed view would draw (arrivals of one instant count once).
    var markCount: Int {
        attempts.count + waits.count + batches.count + arrivals.count + throttles.count + responses.count + deliveries.count + discards.count
            + blocked.count + coldStarts.count
    }

    /// Every instant worth keeping on the axis.
    var instants: [Int64] {
        arrivals.map(\.time) + throttles.map(\.time) + responses.map(\.time) + deliveries.map(\.time) + discards.map(\.time)
            + batches.map(\.end) + waits.map(\.start)
    }

    /// One sentence for `<desc>`: what happened, in counts.
    func summary(labels: TimelineLabels) -> String {
        let ok = attempts.count { $0.result == .ok }
        let count: (Int) -> String = GroupedDigits.text
        var text = MarkText("\(labels.attempts) \(count(attempts.count)) (\(labels.ok) \(count(ok)), \(labels.error) \(count(attempts.count - ok)))").string
        if !throttles.isEmpty { text += MarkText("; 429 × \(count(throttles.count))").string }
        if !deliveries.isEmpty { text += MarkText("; \(labels.delivered) \(count(deliveries.count))").string }
        if !discards.isEmpty { text += MarkText("; \(labels.discarded) \(count(discards.count))").string }
        return text + "."
    }
}

/// The instant each input arrived, by input number: inputs are numbered from 1 in arrival
/// order, so the first 65,536 are kept in an array, any beyond (an exemplar of a long run)
/// in a dictionary.
private struct ItemInstants {
    private static let denseLimit = 1 << 16
    private static let none = Int64.min
    private var dense: [Int64] = []
    private var sparse: [Int: Int64] = [:]

    subscript(item: Int) -> Int64? {
        get {
            guard item >= 0, item < Self.denseLimit else { return sparse[item] }
            return item < dense.count && dense[item] != Self.none ? dense[item] : nil
        }
        set {
            guard item >= 0, item < Self.denseLimit else {
                sparse[item] = newValue
                return
            }
            // Inputs arrive in order: nearly always the next one.
            if item == dense.count {
                dense.append(newValue ?? Self.none)
                return
            }
            if item > dense.count { dense += repeatElement(Self.none, count: item - dense.count + 1) }
            dense[item] = newValue ?? Self.none
        }
    }
}
