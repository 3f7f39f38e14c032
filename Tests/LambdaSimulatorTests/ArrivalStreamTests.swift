@testable import LambdaSimulator
import Testing

/// Arrivals come in (time, group index) order whether the stream scans its groups or keeps
/// them in a heap (past `ArrivalStream.scanLimit` groups).
@Suite struct ArrivalStreamTests {
    /// Every arrival of `groups` as (time, group), sorted the way the stream must give them.
    private func expected(_ groups: [ArrivalGroup]) -> [(Int64, Int)] {
        var all: [(Int64, Int)] = []
        for (index, group) in groups.enumerated() {
            for k in 0..<group.count { all.append((group.at + Int64(k) * group.every, index)) }
        }
        return all.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
    }

    @Test(arguments: [3, 16, 17, 60])
    func arrivalsMergeInTimeThenListOrder(groupCount: Int) {
        // Deterministic, varied groups: ties, empty groups, bursts and single arrivals.
        let groups = (0..<groupCount).map { index in
            ArrivalGroup(at: Int64((index * 37) % 11) * 100, count: (index * 7) % 5, every: Int64((index % 3) * 50))
        }
        var stream = ArrivalStream(groups: groups)
        var got: [(Int64, Int)] = []
        var ids: [Int] = []
        while let arrival = stream.next() {
            got.append((arrival.time, arrival.group))
            ids.append(arrival.id)
        }
        let want = expected(groups)
        #expect(got.map(\.0) == want.map(\.0))
        #expect(got.map(\.1) == want.map(\.1))
        #expect(ids == Array(1...max(1, want.count)).prefix(want.count).map { $0 })
    }
}
