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
        // Nearly every input ends as one before it did: then no outcome is new.
        guard !outcomesSeen.isSuperset(of: outcomes) else { return }
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
    /// entry cost more than the few comparisons that pass over most of them. Which inputs an
    /// entry names is asked before the collector changes (`ExemplarCollector.keep`).
    func exemplars(from entries: [TraceEntry]) -> [Exemplar] {
        var collector = ExemplarCollector(items: chosen.map(\.item))
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                let named = collector.named(by: entries[index].event)
                if named != 0 { collector.keep(entries[index], named: named) }
            }
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

    /// A collector of the entries of `items`, at most 64 of them (there are at most
    /// `Exemplar.limit`): `named(by:)` answers with a bit per item.
    init(items: [Int]) {
        precondition(items.count <= 64, "more items than an exemplar collector follows")
        self.items = items
        entries = Array(repeating: [], count: items.count)
        counts = Array(repeating: 0, count: items.count)
    }

    mutating func record(_ entry: consuming TraceEntry) {
        let named = named(by: entry.event)
        if named != 0 { keep(entry, named: named) }
    }

    /// The chosen inputs `event` names, as a bit per position in `items`.
    ///
    /// Asked apart from `keep`, and before it: with the entry still in use across a change of
    /// the collector, the compiler copied every entry read in place, named or not.
    @inline(__always)
    func named(by event: TraceEvent) -> UInt64 {
        var named: UInt64 = 0
        for (index, item) in items.enumerated() where event.names(item) { named |= 1 << UInt64(index) }
        return named
    }

    /// Keeps a copy of `entry` for each chosen input in `named` (`named(by:)`), while that
    /// input has room. Inlined into its callers (`exemplars(from:)` reads every entry of a
    /// trace).
    @inline(__always)
    mutating func keep(_ entry: TraceEntry, named: UInt64) {
        for index in items.indices where named & (1 << UInt64(index)) != 0 {
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
