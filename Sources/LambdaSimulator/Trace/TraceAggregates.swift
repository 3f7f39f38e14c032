/// Counts per stretch of simulated time, for every entry of a run however long it is: what
/// the aggregate view of a figure draws when a trace has too many marks to draw one by one.
///
/// Why: a reader of a scenario with a hundred thousand attempts wants their shape over
/// time (when they came, how they ended, how many ran at once), and counting them costs a
/// fixed amount of memory. The buckets start 1 ms wide; whenever an entry falls past the
/// last, neighbouring buckets are merged in pairs (the width doubles), so there are always
/// between `bucketCount / 2` and `bucketCount` buckets over the run, each the same width.
public struct TraceAggregates: Sendable, Equatable {
    /// What is counted per bucket.
    public enum Series: Int, Sendable, CaseIterable {
        case arrivals
        case attemptsOK
        case attemptsError
        case attemptsTimeout
        case throttles
        case retries
        case deliveredOnSuccess
        case deliveredOnFailure
        case deliveredDLQ
        case deliveredRedrive
        case deliveryFailed
        case discards
    }

    /// The most buckets kept.
    public static let bucketCount = 128
    /// How many series each bucket counts (read once: `allCases` builds an array per use).
    private static let seriesCount = Series.allCases.count

    /// The width of every bucket, in ms (a power of two).
    public private(set) var bucketWidth: Int64 = 1
    /// Counts, `Self.seriesCount` per bucket, bucket after bucket; allocated once for every
    /// bucket and merged in place, so a run costs no allocation after its first entry.
    private var counts = [Int](repeating: 0, count: Self.bucketCount * Self.seriesCount)
    /// The most handlers running at once within each bucket.
    private var peaks = [Int](repeating: 0, count: Self.bucketCount)
    /// Buckets holding something (the last one holds the last entry).
    public private(set) var usedBuckets = 0
    /// Handlers running at the last entry.
    private var running = 0
    /// The most handlers running at once over the whole run.
    public private(set) var peakConcurrency = 0

    public init() {}

    /// The aggregates of entries already made, counted at the width the last one needs (no
    /// widening on the way: the same buckets as counting them one by one).
    public init(entries: [TraceEntry]) {
        if let last = entries.last?.time, last > 0 {
            while last / bucketWidth >= Int64(Self.bucketCount) { bucketWidth *= 2 }
        }
        // One loop over a buffer of the entries, with `add` inlined into it; each entry is
        // read in place (`add(_:)` says why it is not handed over whole).
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices { add(Counted(entries[index].event), at: entries[index].time) }
        }
    }

    /// The count of `series` in bucket `index`.
    public func count(_ series: Series, bucket index: Int) -> Int {
        counts[index * Self.seriesCount + series.rawValue]
    }

    /// The total of `series` over the run.
    public func total(_ series: Series) -> Int {
        stride(from: series.rawValue, to: usedBuckets * Self.seriesCount, by: Self.seriesCount).reduce(0) { $0 + counts[$1] }
    }

    /// The most handlers running at once in bucket `index`.
    public func concurrency(bucket index: Int) -> Int {
        peaks[index]
    }

    /// Takes in one entry, in time order.
    ///
    /// Inlined into its callers: `init(entries:)` calls it for every entry of a trace, and
    /// the call cost more than counting most entries. What the entry counts for is read
    /// before any count changes: with the entry still in use across a change (the buckets
    /// widened), the compiler copied every entry, not knowing it was not among the counts.
    @inline(__always)
    mutating func add(_ entry: TraceEntry) {
        add(Counted(entry.event), at: entry.time)
    }

    /// Counts what an entry at `time` counted for.
    @inline(__always)
    private mutating func add(_ counted: Counted, at time: Int64) {
        let bucket = self.bucket(for: max(0, time))
        switch counted {
        case .nothing: break
        case .start:
            running += 1
            peakConcurrency = max(peakConcurrency, running)
            peaks[bucket] = max(peaks[bucket], running)
        case .end(let series):
            running -= 1
            peaks[bucket] = max(peaks[bucket], running)
            counts[bucket * Self.seriesCount + series.rawValue] += 1
        case .series(let series):
            counts[bucket * Self.seriesCount + series.rawValue] += 1
        }
    }

    /// What an entry counts for: a start, an end (and its result's series) or one series.
    private enum Counted {
        case nothing
        case start
        case end(Series)
        case series(Series)

        @inline(__always)
        init(_ event: TraceEvent) {
            switch event {
            case .arrival: self = .series(.arrivals)
            case .start: self = .start
            case .end(_, _, _, let result, _):
                switch result {
                case .ok: self = .end(.attemptsOK)
                case .error: self = .end(.attemptsError)
                case .timeout: self = .end(.attemptsTimeout)
                }
            case .throttled: self = .series(.throttles)
            case .retryScheduled: self = .series(.retries)
            case .delivery(let delivery):
                guard delivery.delivered else {
                    self = .series(.deliveryFailed)
                    return
                }
                switch delivery.route {
                case .onSuccess: self = .series(.deliveredOnSuccess)
                case .onFailure: self = .series(.deliveredOnFailure)
                case .dlq, .callerDLQ: self = .series(.deliveredDLQ)
                case .redrive: self = .series(.deliveredRedrive)
                }
            case .discarded: self = .series(.discards)
            default: self = .nothing
            }
        }
    }

    /// The bucket of `time`, widening the buckets until it fits and opening empty ones up to it.
    private mutating func bucket(for time: Int64) -> Int {
        while time / bucketWidth >= Int64(Self.bucketCount) { widen() }
        let index = Int(time / bucketWidth)
        while usedBuckets <= index {
            // A bucket starts at the level the one before it ended with.
            peaks[usedBuckets] = running
            usedBuckets += 1
        }
        return index
    }

    /// Doubles the width: bucket i becomes the sum of buckets 2i and 2i + 1 (in place: the
    /// merged bucket i is written after both of its halves were read).
    private mutating func widen() {
        let series = Self.seriesCount
        let merged = (usedBuckets + 1) / 2
        for bucket in 0..<merged {
            for index in 0..<series {
                let second = 2 * bucket + 1 < usedBuckets ? counts[(2 * bucket + 1) * series + index] : 0
                counts[bucket * series + index] = counts[2 * bucket * series + index] + second
            }
            peaks[bucket] = max(peaks[2 * bucket], 2 * bucket + 1 < usedBuckets ? peaks[2 * bucket + 1] : 0)
        }
        for index in (merged * series)..<(usedBuckets * series) { counts[index] = 0 }
        for bucket in merged..<usedBuckets { peaks[bucket] = 0 }
        usedBuckets = merged
        bucketWidth *= 2
    }
}
