import Testing

@testable import LambdaSimulator

/// `order: preserved`: within a shard, partition key or FIFO group, no input succeeds after
/// a later one; the violation names both inputs, the scope and the time.
@Suite struct OrderTrackerTests {
    @Test func aLaterInputOfTheSameShardSucceedingFirstIsAViolation() {
        var tracker = OrderTracker(byFIFOGroup: false)
        tracker.arrived(1, shard: 0, group: nil)
        tracker.arrived(2, shard: 1, group: nil)
        tracker.arrived(3, shard: 0, group: nil)
        tracker.started(1, items: [3])
        #expect(tracker.ended(1, result: .ok, reported: [], at: 1_050) == nil)
        // Another shard keeps its own order.
        tracker.started(2, items: [2])
        #expect(tracker.ended(2, result: .ok, reported: [], at: 1_100) == nil)
        tracker.started(3, items: [1])
        #expect(tracker.ended(3, result: .ok, reported: [], at: 2_000) == "#1 succeeded after #3 in shard 0 at 2 s")
    }

    @Test func partitionKeysAndFIFOGroupsAreScopesOfTheirOwn() {
        var byKey = OrderTracker(byFIFOGroup: false)
        byKey.arrived(1, shard: 0, group: "k1")
        byKey.arrived(2, shard: 0, group: "k2")
        byKey.arrived(3, shard: 0, group: "k1")
        byKey.started(1, items: [2, 3])
        #expect(byKey.ended(1, result: .ok, reported: [], at: 0) == nil)
        byKey.started(2, items: [1])
        #expect(byKey.ended(2, result: .ok, reported: [], at: 500) == "#1 succeeded after #3 in shard 0 key k1 at 500 ms")

        // K13: a key is ordered within its shard; the same key on two shards is two orders.
        var twoShards = OrderTracker(byFIFOGroup: false)
        twoShards.arrived(1, shard: 1, group: "k")
        twoShards.arrived(2, shard: 2, group: "k")
        twoShards.started(1, items: [2])
        #expect(twoShards.ended(1, result: .ok, reported: [], at: 0) == nil)
        twoShards.started(2, items: [1])
        #expect(twoShards.ended(2, result: .ok, reported: [], at: 100) == nil)

        var byGroup = OrderTracker(byFIFOGroup: true)
        byGroup.arrived(1, shard: nil, group: "orders")
        byGroup.arrived(2, shard: nil, group: "orders")
        byGroup.started(1, items: [2])
        #expect(byGroup.ended(1, result: .ok, reported: [], at: 0) == nil)
        byGroup.started(2, items: [1])
        #expect(byGroup.ended(2, result: .ok, reported: [], at: 0) == "#1 succeeded after #2 in orders at 0 s")
    }

    @Test func kf1_aKafkaPartitionIsNamedAsKafkaCountsIt() {
        // The trace keeps partition 0 as shard 1.
        var tracker = OrderTracker(byFIFOGroup: false, shards: InvocationMode.kafka.shardNaming)
        tracker.arrived(1, shard: 1, group: nil)
        tracker.arrived(2, shard: 1, group: nil)
        tracker.started(1, items: [2])
        #expect(tracker.ended(1, result: .ok, reported: [], at: 0) == nil)
        tracker.started(2, items: [1])
        #expect(tracker.ended(2, result: .ok, reported: [], at: 0) == "#1 succeeded after #2 in partition 0 at 0 s")
    }

    @Test func failuresAndReportedItemsDoNotCount() {
        var tracker = OrderTracker(byFIFOGroup: false)
        for item in 1...3 { tracker.arrived(item, shard: 0, group: nil) }
        tracker.started(1, items: [1, 2, 3])
        // The batch failed as a whole: nothing succeeded.
        #expect(tracker.ended(1, result: .error, reported: [], at: 0) == nil)
        // Success with item 2 reported as failed: 1 succeeded, 2 and 3 did not.
        tracker.started(2, items: [1, 2, 3])
        #expect(tracker.ended(2, result: .ok, reported: [2], at: 0) == nil)
        tracker.started(3, items: [2, 3])
        #expect(tracker.ended(3, result: .ok, reported: [], at: 0) == nil)
    }

    @Test func scopesPastTheSearchedOnesKeepTheirOwnOrder() {
        // Twenty shards, more than are searched in order: each keeps its own order.
        var tracker = OrderTracker(byFIFOGroup: false)
        let shards = 20
        #expect(shards > OrderTracker.searchedScopes)
        for item in 1...(2 * shards) { tracker.arrived(item, shard: (item - 1) % shards, group: nil) }
        // The second input of every shard succeeds first: no violation.
        for shard in 0..<shards {
            tracker.started(shard + 1, items: [shard + 1 + shards])
            #expect(tracker.ended(shard + 1, result: .ok, reported: [], at: 1_000) == nil)
        }
        // The first input of shard 12 now succeeds after the second.
        tracker.started(100, items: [13])
        #expect(tracker.ended(100, result: .ok, reported: [], at: 2_000) == "#13 succeeded after #33 in shard 12 at 2 s")
    }
}
