/// An input whose whole path a figure draws in detail when the rest is drawn as counts: the
/// first input, the first to fail, and the first to reach each final state.
public struct Exemplar: Sendable, Equatable {
    /// Why an input was chosen.
    public enum Reason: Sendable, Equatable, Hashable {
        case first
        case firstFailure
        case firstOutcome(Outcome)
    }

    public var item: Int
    /// Every reason it was chosen for, in the order found.
    public var reasons: [Reason]
    /// Its entries, in time order, at most `Exemplar.entryLimit`.
    public var entries: [TraceEntry]
    /// Entries it had in all (more than `entries.count` when cut).
    public var entryCount: Int

    /// The most entries kept per exemplar: a path of a few dozen attempts tells its story.
    public static let entryLimit = 120
    /// The most exemplars: the first input, the first failure, and up to four final states.
    public static let limit = 6
}

/// Chooses exemplars as entries and final states arrive, without keeping entries.
struct ExemplarPicker: Sendable {
    private(set) var chosen: [(item: Int, reasons: [Exemplar.Reason])] = []
    private var failureSeen = false
    private var outcomesSeen = OutcomeSet()

    mutating func add(_ entry: TraceEntry) {
        switch entry.event {
        case .arrival(let item, _, _, _) where chosen.isEmpty:
            choose(item, .first)
        case .end(_, _, let items, let result, _) where !failureSeen && result != .ok:
            if let item = items.first { failureSeen = true; choose(item, .firstFailure) }
        case .throttled(let items, _) where !failureSeen:
            if let item = items.first { failureSeen = true; choose(item, .firstFailure) }
        default:
            break
        }
    }

    mutating func settle(item: Int, outcomes: OutcomeSet) {
        for outcome in outcomes.list where !outcomesSeen.contains(OutcomeSet(outcome)) {
            outcomesSeen.insert(OutcomeSet(outcome))
            choose(item, .firstOutcome(outcome))
        }
    }

    private mutating func choose(_ item: Int, _ reason: Exemplar.Reason) {
        if let index = chosen.firstIndex(where: { $0.item == item }) {
            chosen[index].reasons.append(reason)
        } else if chosen.count < Exemplar.limit {
            chosen.append((item, [reason]))
        }
    }

    /// The chosen inputs with their entries, taken from `entries` (a complete trace's),
    /// read through a buffer by a loop the collector's `keep` is inlined into: a call per
    /// entry cost more than the few comparisons that pass over most of them.
    func exemplars(from entries: [TraceEntry]) -> [Exemplar] {
        var collector = ExemplarCollector(items: chosen.map(\.item))
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices { collector.keep(entries[index]) }
        }
        return collector.exemplars(reasons: chosen.map(\.reasons))
    }
}

/// Keeps the entries that name one of a few inputs: the second run of a scenario whose
/// trace was cut, which draws its exemplars' paths.
struct ExemplarCollector: TraceSink {
    let items: [Int]
    private var entries: [[TraceEntry]]
    private var counts: [Int]

    init(items: [Int]) {
        self.items = items
        entries = Array(repeating: [], count: items.count)
        counts = Array(repeating: 0, count: items.count)
    }

    mutating func record(_ entry: consuming TraceEntry) {
        keep(entry)
    }

    /// Keeps a copy of `entry` for each chosen input it names (while that input has room).
    /// Inlined into its callers (`exemplars(from:)` calls it for every entry of a trace).
    @inline(__always)
    mutating func keep(_ entry: TraceEntry) {
        for (index, item) in items.enumerated() where entry.event.names(item) {
            counts[index] += 1
            if entries[index].count < Exemplar.entryLimit { entries[index].append(entry) }
        }
    }

    mutating func settle(item: Int, outcomes: OutcomeSet) {}

    func exemplars(reasons: [[Exemplar.Reason]]) -> [Exemplar] {
        items.indices.map { Exemplar(item: items[$0], reasons: reasons[$0], entries: entries[$0], entryCount: counts[$0]) }
    }
}

extension TraceEvent {
    /// Whether the event is about input `item`.
    func names(_ item: Int) -> Bool {
        switch self {
        case .arrival(let one, _, _, _), .response(let one, _, _, _), .enqueued(let one): one == item
        case .received(let items, _), .batch(_, let items, _, _), .start(_, _, let items, _), .end(_, _, let items, _, _),
            .throttled(let items, _), .retryScheduled(let items, _, _), .visible(let items), .shardBlocked(_, let items),
            .bisected(let items, _, _), .discarded(let items, _), .coldStart(_, _, let items, _, _),
            .recursionStopped(let items, _):
            items.contains(item)
        case .delivery(let delivery): delivery.items.contains(item)
        case .shardUnblocked, .note, .provisioned: false
        }
    }
}
