/// Event source mapping on an Apache Kafka topic, Amazon MSK or self-managed: rules KF1–KF9
/// (with E1, E2 and E6).
///
/// Each partition is a lane read in offset order with one batch in flight (KF1, KF7); a
/// batch holds one partition's records, or with `kafka-batch-scope: mixed` those of several
/// partitions of one event poller (KF1, `Engine+KafkaMixedBatches`). A failed batch blocks
/// its partitions and is retried until it succeeds, its records leave the topic, or the
/// error-handling controls give up (KF4, KF5). Kept apart from the stream engine
/// because Kafka's window opens at the first record and lasts 500 ms by default (KF2), its
/// records expire with the topic's retention, and its on-failure record names offsets.
extension Engine {
    /// The batching window, ms: 500 ms unless MaximumBatchingWindowInSeconds is set (KF2).
    var kafkaWindow: Int64 {
        spec.mapping.batchingWindowSeconds.map { $0 * 1_000 } ?? 500
    }

    /// When the mapping starts polling (KF3: creation is eventually consistent).
    var kafkaPollingStart: Int64 { max(0, spec.assumptions.kafkaStartDelay) }

    /// MaximumRetryAttempts as Lambda applies it: infinite retries with an on-failure
    /// destination become at most 10 (KF5).
    var kafkaRetryLimit: Int {
        let maximum = spec.mapping.maximumRetryAttempts
        return maximum < 0 && spec.mapping.onFailure != nil ? 10 : maximum
    }

    func prepareKafka() {
        for partition in 0..<max(1, spec.topic.partitions) {
            source.lanes.append(PollerLane(index: partition, shard: partition + 1))
        }
        source.nextOffsets = Array(repeating: 0, count: source.lanes.count)
        assume(.kafkaBatchScope)
        preparePollers()
        if kafkaPollingStart > 0 { assume(.kafkaStartDelay) }
        let mapping = spec.mapping
        let controls = mapping.maximumRetryAttempts >= 0 || mapping.maximumRecordAgeSeconds >= 0 || mapping.bisectBatchOnFunctionError
        if controls, mapping.provisionedMinimum == nil, mapping.provisionedMaximum == nil {
            note("AWS offers the Kafka error-handling controls under provisioned mode (ProvisionedPollerConfig); simulated as set", rules: [.KF5])
        }
        if mapping.maximumRetryAttempts < 0, mapping.onFailure != nil {
            note("infinite retries with an on-failure destination: Lambda applies at most 10 retries", rules: [.KF5])
        }
        if let maximum = mapping.provisionedMaximum, maximum > spec.topic.partitions {
            // KF8: MaximumPollers is capped at the partition count to keep each partition in order.
            note("Lambda caps MaximumPollers (\(maximum)) at the topic's \(spec.topic.partitions) partitions", rules: [.KF8])
        }
        if spec.topic.committedBefore != nil {
            let group = spec.topic.consumerGroupId.map { "consumer group \($0)" } ?? "the consumer group"
            note("\(group) has committed offsets: StartingPosition is ignored", rules: [.KF2])
        }
    }

    /// A record is produced: it gets its partition and the next offset there (KF1). Reads
    /// the two fields of its group it needs, not a copy of the group, once per record.
    func kafkaArrival(_ arrival: ArrivalStream.Arrival) {
        let partitions = max(1, spec.topic.partitions)
        let partition: Int
        if let explicit = spec.arrivals[arrival.group].partition {
            partition = min(max(explicit, 0), partitions - 1)
        } else if let key = spec.arrivals[arrival.group].partitionKey {
            partition = assignedSlot(forKey: key, in: &source.keyShards, slots: partitions)
        } else {
            partition = (arrival.id - 1) % partitions
        }
        let offset = source.nextOffsets[partition]
        source.nextOffsets[partition] += 1
        record(.arrival(item: arrival.id, size: arrival.size, shard: partition + 1, group: nil), rules: [.KF1])
        if let rules = kafkaSkips(arrival.time) {
            record(.discarded(items: [arrival.id], reason: .beforeStartingPosition), rules: rules)
            settle(arrival.id, [.discarded])
            return
        }
        var entry = SourceRecord(id: arrival.id, arrival: arrival.time, size: arrival.size, shard: partition + 1, group: nil)
        entry.offset = offset
        source.records[arrival.id] = entry
        source.lanes[partition].pending.append(arrival.id)
        source.deferredFills.insert(partition)
        if source.scaling.evaluationAt == nil { scheduleLagEvaluation() }
    }

    /// The rules by which the mapping never reads a record produced at `time`, or nil when it
    /// reads it: committed offsets of the consumer group win over StartingPosition (KF2);
    /// LATEST skips what was produced before polling began (KF3).
    private func kafkaSkips(_ time: Int64) -> RuleSet? {
        if let committed = spec.topic.committedBefore { return time < committed ? .KF2 : nil }
        switch spec.mapping.startingPosition {
        case .trimHorizon:
            // A mapping without a StartingPosition (§10) reading what came before it polled.
            if time < kafkaPollingStart, !spec.mapping.startingPositionNamed { assume(.startingPosition) }
            return nil
        case .latest: return time < kafkaPollingStart ? [.KF2, .KF3] : nil
        case .atTimestamp(let start): return time < (start ?? 0) ? .KF2 : nil
        }
    }

    /// Whether a record has left the topic (KF4, §17): at produce time + retention exactly,
    /// or, with the `topic-expiry: segment` assumption, with its whole segment.
    @inline(__always)
    func kafkaExpired(_ record: SourceRecord) -> Bool {
        // Neither rule drops a record before produce time + retention: the common answer,
        // inlined, without reading the segment (this runs once per record).
        guard now >= record.arrival + spec.topic.retention else { return false }
        return expiredWithItsSegment(record)
    }

    /// A record past produce time + retention: gone, unless its segment is still kept (KF4).
    private func expiredWithItsSegment(_ record: SourceRecord) -> Bool {
        guard let segment = spec.assumptions.topicSegment, segment > 0 else { return true }
        // KF4: Kafka deletes a log segment once its newest record is older than the
        // retention; segments rolled every `segment` from t = 0 are deleted at their end +
        // retention, the latest their records can stay.
        let index = record.arrival >= 0 ? record.arrival / segment : (record.arrival - segment + 1) / segment
        return now >= (index + 1) * segment + spec.topic.retention
    }

    /// Reads a partition in offset order: a pending retry first, else new records until
    /// BatchSize, 6 MB or the window that opened with the batch's first record (KF1, KF2, E2).
    /// With `kafka-batch-scope: mixed` a partition first joins the batch another partition
    /// of its event poller is gathering (KF1).
    func fillKafkaLane(_ lane: Int) {
        guard spec.mapping.enabled else { return }
        if let leader = source.lanes[lane].joinedTo {
            if isGatheringKafkaBatch(leader) { gatherMixed(from: lane, into: leader) }
            return
        }
        guard !source.lanes[lane].busy else { return }
        if now < kafkaPollingStart {
            wake(lane: lane, at: kafkaPollingStart)
            return
        }
        if source.lanes[lane].takeRetryPiece() {
            invokeKafkaBatch(lane: lane, trigger: .retry)
            return
        }
        if spec.assumptions.kafkaBatchScope == .mixed, source.lanes[lane].batch.isEmpty, source.lanes[lane].hasPending,
            let leader = gatheringKafkaBatch(besides: lane)
        {
            gatherMixed(from: lane, into: leader)
            // Joined, or nothing more to read; else the batch closed on 6 MB first.
            if source.lanes[lane].joinedTo != nil || !source.lanes[lane].hasPending { return }
        }
        if gatherKafka(from: lane, into: lane) {
            invokeKafkaBatch(lane: lane, trigger: .payload)
        } else if let trigger = closingTrigger(lane: lane, window: { kafkaWindow }) {
            invokeKafkaBatch(lane: lane, trigger: trigger)
        }
    }

    /// Moves a partition's unread records, in offset order, into the batch `target` gathers
    /// until BatchSize or 6 MB (E2); true when the next record would pass 6 MB, which closes
    /// the batch. The window opens with the batch's first record (KF2). Inlined: it runs once
    /// per record on a busy topic, and as a call of its own it cost the Kafka workload 5 % more
    /// instructions.
    @inline(__always)
    func gatherKafka(from lane: Int, into target: Int) -> Bool {
        defer { compactPending(lane) }
        while source.lanes[target].batch.count < batchSize, source.lanes[lane].hasPending {
            let id = source.lanes[lane].pending[source.lanes[lane].pendingHead]
            guard let candidate = source.records[id] else { source.lanes[lane].pendingHead += 1; continue }
            if kafkaExpired(candidate) {
                source.lanes[lane].pendingHead += 1
                dropExpired([id])
                continue
            }
            let bytes = candidate.size + spec.assumptions.recordOverhead
            if source.lanes[target].batchBytes + bytes > payloadLimit, !source.lanes[target].batch.isEmpty {
                assume(.recordOverhead)
                return true
            }
            source.lanes[lane].pendingHead += 1
            source.lanes[target].batch.append(id)
            source.lanes[target].batchBytes += bytes
            // KF2: the window begins as soon as the first record arrives; a partition joining
            // a mixed batch may bring an earlier one (KF1).
            if source.lanes[target].batch.count == 1 {
                source.lanes[target].windowOpenedAt = max(candidate.arrival, kafkaPollingStart)
            } else if target != lane, candidate.arrival < source.lanes[target].windowOpenedAt ?? candidate.arrival {
                source.lanes[target].windowOpenedAt = max(candidate.arrival, kafkaPollingStart)
            }
        }
        return false
    }

    /// Records that left the topic before they were processed: gone, with no destination (KF4).
    func dropExpired(_ ids: [Int]) {
        assume(.topicExpiry)
        for id in ids {
            source.records[id] = nil
            settle(id, [.discarded])
        }
        record(.discarded(items: ids, reason: .retentionExpired), rules: [.KF4])
    }

    /// Invokes a partition's batch after the retention and record-age checks (KF4, KF5);
    /// a refused invocation is tried again later without using the retry budget.
    func invokeKafkaBatch(lane: Int, trigger: BatchTrigger) {
        source.lanes[lane].phase = .invoking
        guard acquirePoller(lane: lane, trigger: trigger) else { return }
        if trigger != .retry, !source.lanes[lane].members.isEmpty { orderMixedBatch(lane) }
        var items = source.lanes[lane].batch
        let expired = items.filter { id in source.records[id].map(kafkaExpired) ?? true }
        if !expired.isEmpty {
            dropExpired(expired)
            items.removeAll { expired.contains($0) }
            source.lanes[lane].batch = items
            if items.isEmpty { finishKafkaPiece(lane); return }
        }
        if spec.mapping.maximumRecordAgeSeconds >= 0,
            let oldest = items.compactMap({ source.records[$0]?.arrival }).min(),
            now - oldest > spec.mapping.maximumRecordAgeSeconds * 1_000
        {
            discardKafkaPiece(
                lane: lane, items: items, condition: "RecordAgeExceeded", reason: .recordAgeExceeded, invokeCount: source.lanes[lane].currentFailures)
            finishKafkaPiece(lane)
            return
        }
        record(
            .batch(invocation: nextInvocation, items: items, trigger: trigger, lane: lane),
            rules: [.E2, .KF1] + (trigger == .window ? [.KF2] : []) + (trigger == .payload ? [.E6] : []))
        startLaneBatch(lane: lane, items: items, retryRule: .KF4)
    }
}
