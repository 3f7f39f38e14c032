import Testing

@testable import LambdaSimulator

/// `RequestIDSet` and `ItemBits`: distinct ids counted as they come, small ones as bits.
@Suite struct RequestIDSetTests {
    @Test func eachDistinctIDCountsOnce() {
        var ids = RequestIDSet()
        for id: Int64 in [1, 2, 2, 70, 1, -4, -4, 1 << 24 | 3, 1 << 24 | 3, RequestIDSet.bitLimit] { ids.insert(id) }
        #expect(ids.count == 6)
        #expect(ids.members == [1, 2, 70, -4, 1 << 24 | 3, RequestIDSet.bitLimit])
    }

    @Test func anEmptySetHasNoMembers() {
        #expect(RequestIDSet().count == 0)
        #expect(RequestIDSet().members.isEmpty)
    }

    @Test func itemBitsListTheirItemsInOrder() {
        var bits = ItemBits()
        let inserted = [130, 0, 63, 63].map { bits.insert($0) }
        #expect(inserted == [true, true, true, false])
        #expect(bits.members == [0, 63, 130])
    }
}
