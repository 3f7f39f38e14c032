/// The first `limit` elements appended, and how many were appended in all.
///
/// Why: a scenario may run for 100,000 steps, and what a reader (or a claim written by hand)
/// can use of a list is its beginning and its size; keeping the rest would make a build's
/// memory grow with how long a scenario ran (issue 18).
public struct BoundedList<Element: Sendable>: Sendable {
    /// The elements kept, in the order appended.
    public private(set) var kept: [Element] = []
    /// Every element appended, kept or not.
    public private(set) var count = 0
    /// The most elements kept.
    public let limit: Int

    public init(limit: Int) {
        self.limit = limit
    }

    /// Whether some elements were appended but not kept.
    public var isTruncated: Bool { count > kept.count }

    /// The elements a list makes room for at its first.
    static var initialCapacity: Int { 16 }

    @inline(__always)
    mutating func append(_ element: @autoclosure () -> Element) {
        count += 1
        guard kept.count < limit else { return }
        // Room for a short run's elements at once, not grown from one or two by doubling.
        if kept.isEmpty { kept.reserveCapacity(Swift.min(limit, Self.initialCapacity)) }
        kept.append(element())
    }
}

/// Instants appended in time order: the first `limit` kept, and the count, earliest, latest
/// and last of all of them, so that bounds over every instant (`{ each: … }`) can be checked
/// when the list is cut.
public struct TimeColumn: Sendable {
    public private(set) var list: BoundedList<Int64>
    public private(set) var earliest = Int64.max
    public private(set) var latest = Int64.min
    public private(set) var last: Int64?

    public init(limit: Int) {
        list = BoundedList(limit: limit)
    }

    public var count: Int { list.count }
    public var kept: [Int64] { list.kept }
    public var isTruncated: Bool { list.isTruncated }

    @inline(__always)
    mutating func append(_ time: Int64) {
        list.append(time)
        earliest = min(earliest, time)
        latest = max(latest, time)
        last = time
    }
}
