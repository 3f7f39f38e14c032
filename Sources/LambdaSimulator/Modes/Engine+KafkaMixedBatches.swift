/// Kafka batches that mix partitions (`kafka-batch-scope: mixed`, KF1).
///
/// KF1: "A single Lambda payload can contain messages from multiple partitions." AWS does not
/// say which partitions share a payload, so the simulator assumes what a Kafka consumer does:
/// each event poller owns the partitions `p` with `p mod pollers` equal to its number and
/// polls them together. A batch is gathered by its first partition (the leader); another free
/// partition of the same poller joins it with its unread records, in offset order, until
/// BatchSize or 6 MB, and the window runs from the batch's first record (KF2). A joined
/// partition reads nothing else until the batch and its retries are done, so each partition
/// still has at most one batch in flight and is read in order; a failure blocks every
/// partition of the batch (KF4, KF5).
extension Engine {
    /// Whether `lane` is gathering a batch others may join: free, not joined, records taken.
    func isGatheringKafkaBatch(_ lane: Int) -> Bool {
        let state = source.lanes[lane]
        return state.phase == .free && state.joinedTo == nil && !state.batch.isEmpty
    }

    /// The partition of `lane`'s event poller gathering a batch now, if any (KF1).
    func gatheringKafkaBatch(besides lane: Int) -> Int? {
        let pollers = max(1, source.scaling.pollers)
        var candidate = lane % pollers
        while candidate < source.lanes.count {
            if candidate != lane, isGatheringKafkaBatch(candidate) { return candidate }
            candidate += pollers
        }
        return nil
    }

    /// Adds `lane`'s unread records to `leader`'s batch; a partition that gave records joins
    /// it (KF1). Closes the batch on BatchSize, 6 MB or its window, as its own partition would.
    func gatherMixed(from lane: Int, into leader: Int) {
        let before = source.lanes[leader].batch.count
        let payloadFull = gatherKafka(from: lane, into: leader)
        if source.lanes[leader].batch.count > before, source.lanes[lane].joinedTo == nil {
            source.lanes[lane].joinedTo = leader
            source.lanes[lane].phase = .invoking
            source.lanes[leader].members.append(lane)
        }
        if payloadFull {
            invokeKafkaBatch(lane: leader, trigger: .payload)
        } else if let trigger = closingTrigger(lane: leader, window: { kafkaWindow }) {
            invokeKafkaBatch(lane: leader, trigger: trigger)
        }
    }

    /// The partitions a batch of `lane` holds or blocks: its own and those that joined it.
    func kafkaBatchPartitions(_ lane: Int) -> [Int] {
        source.lanes[lane].members.isEmpty ? [lane] : ([lane] + source.lanes[lane].members).sorted()
    }

    /// A batch that partitions joined is about to be sent: its records in produce order (each partition's
    /// still in offset order), as one poll returns them (KF1).
    func orderMixedBatch(_ lane: Int) {
        source.lanes[lane].batch.sort()
    }

    /// The batch of `lane` and its retries are done: the partitions that joined it are free
    /// again and read on (KF1).
    func releaseKafkaMembers(_ lane: Int) -> [Int] {
        let members = source.lanes[lane].members
        source.lanes[lane].members.removeAll()
        for member in members {
            source.lanes[member].joinedTo = nil
            source.lanes[member].phase = .free
        }
        return members
    }
}
