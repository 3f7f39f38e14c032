/// Event source mapping on Kinesis and DynamoDB streams: rules K1–K14 (with E1–E7).
extension Engine {
    func prepareStream() {
        let factor = max(1, spec.mapping.parallelizationFactor)
        for shard in 1...max(1, spec.stream.shards) {
            for _ in 0..<factor {
                source.lanes.append(PollerLane(index: source.lanes.count, shard: shard, windowOpenedAt: batchingWindow > 0 ? 0 : nil))
            }
        }
        if batchingWindow > 0 { assume(.windowStart) }
    }

    /// Retention of the stream, ms (K8: DynamoDB Streams keep 24 h).
    private var retention: Int64 {
        (spec.mode == .dynamodb ? 24 : spec.stream.retentionHours) * 3_600_000
    }

    /// A record reaches its shard and the lane that reads it (K13). Its group's shard and
    /// key are read in place: a copy of the group retained its strings and lists per record.
    func streamArrival(_ arrival: ArrivalStream.Arrival) {
        let shards = max(1, spec.stream.shards)
        let shard: Int
        let partitionKey = spec.arrivals[arrival.group].partitionKey
        if let explicit = spec.arrivals[arrival.group].shard {
            shard = min(max(explicit, 1), shards)
        } else if let key = partitionKey {
            shard = assignedSlot(forKey: key, in: &source.keyShards, slots: shards) + 1
        } else {
            shard = (arrival.id - 1) % shards + 1
        }
        let factor = max(1, spec.mapping.parallelizationFactor)
        // K13: with several lanes per shard, order holds per partition key only, so the
        // arrival names its key (a record without one is its own) for the order claim.
        let key = factor == 1 ? nil : partitionKey ?? "#\(arrival.id)"
        record(.arrival(item: arrival.id, size: arrival.size, shard: shard, group: key))
        if startingPositionSkips(arrival.time) {
            // K3: the mapping starts after this record and never reads it.
            record(.discarded(items: [arrival.id], reason: .beforeStartingPosition), rules: [.K3])
            settle(arrival.id, [.discarded])
            return
        }
        source.records[arrival.id] = SourceRecord(
            id: arrival.id, arrival: arrival.time, size: arrival.size, shard: shard, group: nil, pollLatency: spec.assumptions.pollLatency)
        let subLane = key.map { assignedSlot(forKey: "\(shard)/" + $0, in: &source.keyLanes, slots: factor) } ?? 0
        let lane = (shard - 1) * factor + subLane
        source.lanes[lane].pending.append(arrival.id)
        source.deferredFills.insert(lane)
    }

    /// Reads a shard in order: pending retries first, then new records gathered until
    /// BatchSize, 6 MB, the window or a tumbling-window boundary (K1, E2, E3, K14).
    /// The shard or lane of a partition key: keys are spread round-robin in the order they
    /// first appear, so each key keeps one place and its order (K13). (AWS hashes the key; a
    /// round-robin spread keeps small examples predictable.)
    func assignedSlot(forKey key: String, in table: inout [String: Int], slots: Int) -> Int {
        if let slot = table[key] { return slot }
        let slot = table.count % slots
        table[key] = slot
        return slot
    }

    func fillStreamLane(_ lane: Int) {
        guard spec.mapping.enabled, !source.lanes[lane].busy else { return }
        if now < 0 {
            wake(lane: lane, at: 0)
            return
        }
        if source.lanes[lane].takeRetryPiece() {
            invokeStreamBatch(lane: lane, trigger: .retry)
            return
        }
        if batchingWindow > 0, source.lanes[lane].windowOpenedAt == nil {
            source.lanes[lane].windowOpenedAt = now
        }
        while source.lanes[lane].batch.count < batchSize, source.lanes[lane].hasPending {
            let id = source.lanes[lane].pending[source.lanes[lane].pendingHead]
            guard let candidate = source.records[id] else { source.lanes[lane].pendingHead += 1; continue }
            if candidate.availableAt > now {
                // K2, Q1: a poll returns the record only `poll-latency` after it arrived.
                wake(lane: lane, at: candidate.availableAt)
                break
            }
            assume(.pollLatency)
            if now - candidate.arrival > retention {
                source.lanes[lane].pendingHead += 1
                source.records[id] = nil
                record(.discarded(items: [id], reason: .retentionExpired), rules: [.K8])
                settle(id, [.discarded])
                continue
            }
            if let first = source.lanes[lane].batch.first, spec.mapping.tumblingWindowSeconds > 0,
                tumblingWindow(of: first) != tumblingWindow(of: id)
            {
                invokeStreamBatch(lane: lane, trigger: .window, rules: [.K14])
                return
            }
            let bytes = candidate.size + spec.assumptions.recordOverhead
            if source.lanes[lane].batchBytes + bytes > payloadLimit, !source.lanes[lane].batch.isEmpty {
                assume(.recordOverhead)
                invokeStreamBatch(lane: lane, trigger: .payload)
                return
            }
            source.lanes[lane].pendingHead += 1
            source.lanes[lane].batch.append(id)
            source.lanes[lane].batchBytes += bytes
        }
        compactPending(lane)
        if let trigger = closingTrigger(lane: lane, window: { batchingWindow }) {
            invokeStreamBatch(lane: lane, trigger: trigger)
        }
    }

    func compactPending(_ lane: Int) {
        if source.lanes[lane].pendingHead > 4_096, source.lanes[lane].pendingHead * 2 > source.lanes[lane].pending.count {
            source.lanes[lane].pending.removeFirst(source.lanes[lane].pendingHead)
            source.lanes[lane].pendingHead = 0
        }
    }

    private func tumblingWindow(of id: Int) -> Int64 {
        let width = spec.mapping.tumblingWindowSeconds * 1_000
        let arrival = source.records[id]?.arrival ?? 0
        return arrival >= 0 ? arrival / width : (arrival - width + 1) / width
    }

    /// Invokes a lane's batch, after the age and retention checks (K7, K8); throttles are
    /// retried without using the retry budget (K6).
    func invokeStreamBatch(lane: Int, trigger: BatchTrigger, rules extraRules: RuleSet = []) {
        source.lanes[lane].phase = .invoking
        var items = source.lanes[lane].batch
        let expired = items.filter { now - (source.records[$0]?.arrival ?? now) > retention }
        if !expired.isEmpty {
            for id in expired { source.records[id] = nil; settle(id, [.discarded]) }
            record(.discarded(items: expired, reason: .retentionExpired), rules: [.K8])
            items.removeAll { expired.contains($0) }
            source.lanes[lane].batch = items
            if items.isEmpty { finishStreamPiece(lane); return }
        }
        if spec.mapping.maximumRecordAgeSeconds >= 0,
            let oldest = items.compactMap({ source.records[$0]?.arrival }).min(),
            now - oldest > spec.mapping.maximumRecordAgeSeconds * 1_000
        {
            discardStreamPiece(
                lane: lane, items: items, condition: "RecordAgeExceeded", reason: .recordAgeExceeded,
                invokeCount: source.lanes[lane].currentFailures, rules: [.K7])
            finishStreamPiece(lane)
            return
        }
        let invocationNumber = nextInvocation
        record(
            .batch(invocation: invocationNumber, items: items, trigger: trigger, lane: lane),
            rules: [.E2, .K1, .K2] + extraRules + (trigger == .window && batchingWindow > 0 ? [.E3] : []))
        startLaneBatch(lane: lane, items: items, retryRule: .K6)
    }

    func laneEnd(_ lane: Int, invocation: Int, instance: Int, result: AttemptResult) {
        switch sourceKind {
        case .queue: queueLaneEnd(lane, invocation: invocation, instance: instance, result: result)
        case .stream: streamLaneEnd(lane, invocation: invocation, instance: instance, result: result)
        case .topic: kafkaLaneEnd(lane, invocation: invocation, instance: instance, result: result)
        case .broker: brokerLaneEnd(lane, invocation: invocation, instance: instance, result: result)
        case .changeStream: changeStreamLaneEnd(lane, invocation: invocation, instance: instance, result: result)
        }
    }

    /// A stream batch ended: success moves the checkpoint; a failure blocks the shard and is
    /// retried, bisected or discarded (K4, K5, K10, K11).
    private func streamLaneEnd(_ lane: Int, invocation: Int, instance: Int, result: AttemptResult) {
        let (items, response) = endBatch(lane, invocation: invocation, instance: instance, result: result)
        let failures = source.lanes[lane].currentFailures
        if response.result == .ok, response.reported.isEmpty {
            for id in items { source.records[id] = nil; settle(id, [.ok]) }
            finishStreamPiece(lane)
            return
        }
        var remainder = items
        if response.result == .ok, let checkpoint = items.firstIndex(where: { response.reported.contains($0) }) {
            // K11: records before the lowest reported sequence number are done.
            for id in items[..<checkpoint] { source.records[id] = nil; settle(id, [.ok]) }
            remainder = Array(items[checkpoint...])
        }
        if !splitFailedPiece(lane, items: items, remainder: remainder, failures: failures) {
            let newFailures = failures + 1
            let maximum = spec.mapping.maximumRetryAttempts
            if maximum >= 0, newFailures > maximum {
                discardStreamPiece(
                    lane: lane, items: remainder, condition: "RetryAttemptsExhausted", reason: .retriesExhausted,
                    invokeCount: newFailures, rules: [.K5, .K4])
                finishStreamPiece(lane)
                return
            }
            source.lanes[lane].retryPieces.insert(RetryPiece(items: remainder, failures: newFailures), at: 0)
        }
        let shard = source.lanes[lane].shard
        if !source.lanes[lane].blocked {
            source.lanes[lane].blocked = true
            record(.shardBlocked(shard: shard, items: items), rules: [.K4])
        }
        assume(.streamRetryDelay)
        let delay = spec.assumptions.streamRetryDelay(for: spec.mode)
        record(.retryScheduled(items: items, reason: .streamBatchFailed, delay: delay), rules: [.K4, .K9])
        source.lanes[lane].clearBatch()
        source.lanes[lane].phase = .pausing
        wake(lane: lane, at: now + delay)
    }

    /// Splits a failed batch under BisectBatchOnFunctionError, without using the retry quota
    /// (K10); false when it is not split, and the failure counts against MaximumRetryAttempts.
    ///
    /// K10: a batch is bisected whatever ReportBatchItemFailures says. With a partial batch
    /// response that reported a record past the first, the split is at that record: the
    /// records before it succeeded (K11) and only the remainder is retried. When the first
    /// record failed, or the whole batch did, the batch is halved (first half ⌈n/2⌉). A
    /// single record cannot be split: its failure uses a retry. Reference §10: bisect even
    /// when MaximumRetryAttempts is 0.
    /// - Parameters:
    ///   - items: the batch that ran.
    ///   - remainder: what is left to retry: the batch, or its records from the checkpoint on.
    private func splitFailedPiece(_ lane: Int, items: [Int], remainder: [Int], failures: Int) -> Bool {
        let atZeroRetries = spec.mapping.maximumRetryAttempts == 0
        guard spec.mapping.bisectBatchOnFunctionError else { return false }
        // §10: whether a batch is split at zero retries decides the run either way, so the
        // figure names it whether it split or not.
        if atZeroRetries, items.count > 1 { assume(.bisectAtZeroRetries) }
        guard !atZeroRetries || spec.assumptions.bisectAtZeroRetries else { return false }
        if remainder.count < items.count {
            record(.bisected(items: items, first: Array(items[..<(items.count - remainder.count)]), second: remainder), rules: [.K10, .K11])
            source.lanes[lane].retryPieces.insert(RetryPiece(items: remainder, failures: failures), at: 0)
            return true
        }
        guard items.count > 1 else { return false }
        assume(.bisectSplit)
        let half = (items.count + 1) / 2
        var pieces = [RetryPiece(items: Array(items[..<half]), failures: failures), RetryPiece(items: Array(items[half...]), failures: failures)]
        if !spec.assumptions.bisectFirstHalfFirst { pieces.reverse() }
        record(.bisected(items: items, first: pieces[0].items, second: pieces[1].items), rules: [.K10])
        source.lanes[lane].retryPieces.insert(contentsOf: pieces, at: 0)
        return true
    }

    /// The lane's current piece is done (succeeded or discarded): unblock the shard when no
    /// retries remain, and read on.
    private func finishStreamPiece(_ lane: Int) {
        source.lanes[lane].clearBatch()
        source.lanes[lane].currentFailures = 0
        source.lanes[lane].phase = .free
        if source.lanes[lane].retryPieces.isEmpty, source.lanes[lane].blocked {
            source.lanes[lane].blocked = false
            record(.shardUnblocked(shard: source.lanes[lane].shard), rules: [.K4])
        }
        // E3: the next window begins when the previous invocation completes.
        source.lanes[lane].windowOpenedAt = batchingWindow > 0 ? now : nil
        fillStreamLane(lane)
    }

    /// Gives up on records: the on-failure destination gets one metadata message (K12).
    private func discardStreamPiece(lane: Int, items: [Int], condition: String, reason: DiscardReason, invokeCount: Int, rules: RuleSet) {
        let records = items.compactMap { source.records[$0] }
        for id in items { source.records[id] = nil }
        var outcome: Outcome = .discarded
        if let target = spec.mapping.onFailure {
            countDelivery(.onFailure)
            let delivered = target.acceptsDeliveries
            record(
                .delivery(
                    Delivery(
                        route: .onFailure, target: target, condition: condition, items: items, approximateInvokeCount: invokeCount,
                        fields: streamFailureFields(records, condition: condition, invokeCount: invokeCount, target: target, shard: source.lanes[lane].shard),
                        delivered: delivered
                    )), rules: rules + [.K12] + (delivered ? [] : [.A13]))
            assume(.deliveryLatency)
            if delivered { outcome = .onFailure }
        }
        if outcome == .discarded {
            record(.discarded(items: items, reason: reason), rules: rules)
        }
        for id in items { settle(id, OutcomeSet(outcome)) }
    }

    /// The metadata-only record of a failed stream batch (K12).
    private func streamFailureFields(_ records: [SourceRecord], condition: String, invokeCount: Int, target: TargetKind, shard: Int) -> [String: FieldValue] {
        let info = spec.mode == .kinesis ? "KinesisBatchInfo" : "DDBStreamBatchInfo"
        var fields = failureRecordHeader(records, condition: condition, invokeCount: invokeCount)
        fields.merge([
            "\(info).shardId": .string("shardId-" + String(repeating: "0", count: 11) + String(shard - 1)),
            "\(info).startSequenceNumber": .string(Identifiers.sequenceNumber(records.first?.id ?? 0)),
            "\(info).endSequenceNumber": .string(Identifiers.sequenceNumber(records.last?.id ?? 0)),
            "\(info).approximateArrivalOfFirstRecord": .int(records.first?.arrival ?? 0),
            "\(info).approximateArrivalOfLastRecord": .int(records.last?.arrival ?? 0),
            "\(info).batchSize": .int(Int64(records.count)),
            "\(info).streamArn": .string(
                spec.mode == .kinesis
                    ? "arn:aws:kinesis:us-east-1:123456789012:stream/notesim"
                    : "arn:aws:dynamodb:us-east-1:123456789012:table/notesim/stream/2026-01-01T00:00:00.000"),
            "payload": .absent,
        ]) { _, new in new }
        if invokeCount > 0 {
            fields["responseContext.statusCode"] = .int(200)
            fields["responseContext.executedVersion"] = .string("$LATEST")
            fields["responseContext.functionError"] = .string("Unhandled")
        }
        if target == .s3 {
            // K12: an S3 destination also gets the whole invocation record.
            fields["payload"] = .size(records.reduce(0) { $0 + $1.size })
        }
        return fields
    }
}
