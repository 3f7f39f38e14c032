/// The distinct request ids of a run's attempts (`ClaimFacts.requestIDs`), counted as they
/// come.
///
/// Why not a `Set` alone: every start inserted its id and the set rehashed as it grew, a
/// sizeable part of gathering a long run's facts. An asynchronous event's id is its number
/// and a mapping's is its invocation's, both small and counted from 1, so those are bits;
/// a synchronous call's id packs its try into the low bits and goes to the set.
struct RequestIDSet: Sendable {
    /// The ids below this are kept as bits.
    static var bitLimit: Int64 { 1 << 20 }

    private var small = ItemBits()
    private var others: Set<Int64> = []
    /// How many distinct ids were inserted.
    private(set) var count = 0

    /// Adds `id` (nothing when it is already there).
    mutating func insert(_ id: Int64) {
        let isSmall = id >= 0 && id < Self.bitLimit
        // Room for a short run's calls at once: the set rehashed itself at every doubling.
        if !isSmall, others.isEmpty { others.reserveCapacity(64) }
        let isNew = isSmall ? small.insert(Int(id)) : others.insert(id).inserted
        if isNew { count += 1 }
    }

    /// Every id inserted.
    var members: Set<Int64> {
        var members = others
        for id in small.members { members.insert(Int64(id)) }
        return members
    }
}
