/// What a Kafka mapping does when a batch ends: commit the offsets, or block the partition
/// and retry, bisect or give up under the error-handling controls (KF1, KF4, KF5, KF6).
extension Engine {
    /// A Kafka batch ended: success commits its offsets (KF1); a failure blocks the partition
    /// and is retried, split or discarded (KF4, KF5).
    func kafkaLaneEnd(_ lane: Int, invocation: Int, instance: Int, result: AttemptResult) {
        let (items, response) = endBatch(lane, invocation: invocation, instance: instance, result: result)
        let failures = source.lanes[lane].currentFailures
        if response.result == .ok, response.reported.isEmpty {
            commit(items)
            finishKafkaPiece(lane)
            return
        }
        var remainder = items
        if response.result == .ok, !response.reported.isEmpty {
            // KF5 (ReportBatchItemFailures): in each partition the offsets before its first
            // reported record commit (KF1); the rest is retried.
            let split = splitAtReportedFailures(items, reported: response.reported)
            commit(split.committed)
            remainder = split.retried
        } else if spec.mapping.bisectBatchOnFunctionError, items.count > 1, kafkaRetryLimit != 0 || bisectsAtZeroRetries() {
            // KF5: BisectBatchOnFunctionError splits the batch without using a retry.
            assume(.bisectSplit)
            let half = (items.count + 1) / 2
            let pieces = [RetryPiece(items: Array(items[..<half]), failures: failures), RetryPiece(items: Array(items[half...]), failures: failures)]
            record(.bisected(items: items, first: pieces[0].items, second: pieces[1].items), rules: [.KF5])
            source.lanes[lane].retryPieces.insert(contentsOf: pieces, at: 0)
            blockPartition(lane, items: items)
            return
        }
        let limit = kafkaRetryLimit
        if limit >= 0, failures + 1 > limit {
            discardKafkaPiece(lane: lane, items: remainder, condition: "RetryAttemptsExhausted", reason: .retriesExhausted, invokeCount: failures + 1)
            finishKafkaPiece(lane)
            return
        }
        source.lanes[lane].retryPieces.insert(RetryPiece(items: remainder, failures: failures + 1), at: 0)
        blockPartition(lane, items: items)
    }

    /// A batch split by a partial batch response: per partition, the records before its
    /// first reported one, and the rest (KF1, KF5); a one-partition batch splits once.
    private func splitAtReportedFailures(_ items: [Int], reported: [Int]) -> (committed: [Int], retried: [Int]) {
        let reportedSet = Set(reported)
        var failedPartitions: Set<Int> = []
        var committed: [Int] = []
        var retried: [Int] = []
        for id in items {
            let partition = source.records[id]?.shard ?? 0
            if reportedSet.contains(id) { failedPartitions.insert(partition) }
            if failedPartitions.contains(partition) { retried.append(id) } else { committed.append(id) }
        }
        return (committed, retried)
    }

    /// The batch's offsets are committed: its records are done (KF1).
    private func commit(_ items: [Int]) {
        for id in items {
            source.records[id] = nil
            settle(id, [.ok])
        }
    }

    /// A failed batch holds its partition: nothing after it is read until it succeeds or is
    /// given up (KF4); the retry waits one poll (§17).
    private func blockPartition(_ lane: Int, items: [Int]) {
        let partitions = kafkaBatchPartitions(lane)
        for partition in partitions where !source.lanes[partition].blocked {
            source.lanes[partition].blocked = true
            let shard = source.lanes[partition].shard
            // KF1: a mixed batch blocks each of its partitions, named with its own records.
            let own = partitions.count == 1 ? items : items.filter { source.records[$0].map { $0.shard == shard } ?? false }
            record(.shardBlocked(shard: shard, items: own), rules: [.KF4])
        }
        assume(.kafkaRetryDelay)
        let delay = max(0, spec.assumptions.kafkaRetryDelay)
        record(.retryScheduled(items: items, reason: .streamBatchFailed, delay: delay), rules: [.KF4])
        source.lanes[lane].clearBatch()
        source.lanes[lane].phase = .pausing
        wake(lane: lane, at: now + delay)
        releasePoller(lane: lane)
    }

    /// The partition's current piece is done: unblock it when no retries remain, read on.
    func finishKafkaPiece(_ lane: Int) {
        source.lanes[lane].clearBatch()
        source.lanes[lane].currentFailures = 0
        source.lanes[lane].phase = .free
        source.lanes[lane].windowOpenedAt = nil
        var released: [Int] = []
        if source.lanes[lane].retryPieces.isEmpty {
            if source.lanes[lane].members.isEmpty {
                // One partition: no list of partitions built once per batch (the hot path).
                unblockPartition(lane)
            } else {
                for partition in kafkaBatchPartitions(lane) { unblockPartition(partition) }
                released = releaseKafkaMembers(lane)
            }
        }
        releasePoller(lane: lane)
        fillKafkaLane(lane)
        for member in released { fillKafkaLane(member) }
    }

    /// A partition blocked by a failed batch reads on again (KF4).
    private func unblockPartition(_ partition: Int) {
        guard source.lanes[partition].blocked else { return }
        source.lanes[partition].blocked = false
        record(.shardUnblocked(shard: source.lanes[partition].shard), rules: [.KF4])
    }

    /// Gives up on records: the on-failure destination gets one record in AWS's shape (KF6);
    /// without one they are skipped and the partition moves on (KF5).
    func discardKafkaPiece(lane: Int, items: [Int], condition: String, reason: DiscardReason, invokeCount: Int) {
        let records = items.compactMap { source.records[$0] }
        for id in items { source.records[id] = nil }
        var outcome: Outcome = .discarded
        if let target = spec.mapping.onFailure {
            countDelivery(.onFailure)
            let delivered = target.acceptsDeliveries
            let fields = kafkaFailureFields(records, condition: condition, invokeCount: invokeCount, target: target)
            record(
                .delivery(
                    Delivery(
                        route: .onFailure, target: target, condition: condition, items: items, approximateInvokeCount: invokeCount, fields: fields,
                        delivered: delivered)), rules: [.KF5, .KF6] + (delivered ? [] : [.A13]))
            assume(.deliveryLatency)
            if delivered { outcome = .onFailure }
        }
        if outcome == .discarded {
            record(.discarded(items: items, reason: reason), rules: .KF5)
        }
        for id in items { settle(id, OutcomeSet(outcome)) }
    }

    /// Whether a Kafka batch is bisected with no retries left (§10), named as relied on
    /// whichever way it goes: the choice decides the run either way.
    private func bisectsAtZeroRetries() -> Bool {
        assume(.bisectAtZeroRetries)
        return spec.assumptions.bisectAtZeroRetries
    }
}
