/// Event source mapping on an Amazon DocumentDB change stream: rules D1–D4 (with E1, E2).
///
/// One lane reads the change stream in arrival order with one invocation at a time (D1); a
/// batch closes at BatchSize, 6 MB or the 500 ms window from its first event (D2). A failed
/// batch is retried until it succeeds; if its events leave the change stream meanwhile, Lambda
/// disables the mapping, with no skip and no destination (D3). Kept apart from the Kafka
/// engine because expiry stops the whole mapping instead of dropping records.
extension Engine {
    /// The batching window, ms: 500 ms unless MaximumBatchingWindowInSeconds is set (D2).
    var changeStreamWindow: Int64 {
        spec.mapping.batchingWindowSeconds.map { $0 * 1_000 } ?? 500
    }

    func prepareChangeStream() {
        source.lanes.append(PollerLane(index: 0))
    }

    func changeStreamArrival(_ arrival: ArrivalStream.Arrival) {
        let event = spec.arrivals[arrival.group]
        // D2: the event carries the changed document as FullDocument and its kind decide.
        let size = arrival.size + spec.changeStream.fullDocumentBytes(event.operation ?? .insert, document: event.documentSize ?? 0)
        record(.arrival(item: arrival.id, size: size, shard: nil, group: nil), rules: [.D1])
        if !spec.changeStream.reads(collection: event.collection) {
            // D2: the change stream of CollectionName holds no event of another collection.
            record(.discarded(items: [arrival.id], reason: .otherCollection), rules: [.D2])
            settle(arrival.id, [.discarded])
            return
        }
        if startingPositionSkips(arrival.time) {
            // D2: the mapping starts after this event and never reads it.
            record(.discarded(items: [arrival.id], reason: .beforeStartingPosition), rules: [.D2])
            settle(arrival.id, [.discarded])
            return
        }
        source.records[arrival.id] = SourceRecord(id: arrival.id, arrival: arrival.time, size: size, shard: 0, group: nil)
        source.lanes[0].pending.append(arrival.id)
        source.deferredFills.insert(0)
    }

    /// Whether an event has left the change stream (D3, §17: at arrival + retention).
    private func changeStreamExpired(_ id: Int) -> Bool {
        guard let event = source.records[id] else { return false }
        return now >= event.arrival + spec.changeStream.retention
    }

    /// Reads the change stream in order: the failed batch first, else new events until
    /// BatchSize, 6 MB or the window from the first event (D1, D2).
    func fillChangeStreamLane(_ lane: Int) {
        guard spec.mapping.enabled, !source.mappingDisabled, !source.lanes[lane].busy else { return }
        if now < 0 {
            wake(lane: lane, at: 0)
            return
        }
        if source.lanes[lane].takeRetryPiece() {
            invokeChangeStreamBatch(lane: lane, trigger: .retry)
            return
        }
        while source.lanes[lane].batch.count < batchSize, source.lanes[lane].hasPending {
            let id = source.lanes[lane].pending[source.lanes[lane].pendingHead]
            guard let event = source.records[id] else { source.lanes[lane].pendingHead += 1; continue }
            let bytes = event.size + spec.assumptions.recordOverhead
            if source.lanes[lane].batchBytes + bytes > payloadLimit, !source.lanes[lane].batch.isEmpty {
                assume(.recordOverhead)
                invokeChangeStreamBatch(lane: lane, trigger: .payload)
                return
            }
            source.lanes[lane].pendingHead += 1
            source.lanes[lane].batch.append(id)
            source.lanes[lane].batchBytes += bytes
            if source.lanes[lane].batch.count == 1 {
                // D2 (inferred, reference §18): the window begins at the first event.
                source.lanes[lane].windowOpenedAt = max(event.arrival, 0)
            }
        }
        compactPending(lane)
        if let trigger = closingTrigger(lane: lane, window: { changeStreamWindow }) {
            invokeChangeStreamBatch(lane: lane, trigger: trigger)
        }
    }

    /// Invokes the batch, unless its events expired: then Lambda disables the mapping (D3).
    func invokeChangeStreamBatch(lane: Int, trigger: BatchTrigger) {
        source.lanes[lane].phase = .invoking
        let items = source.lanes[lane].batch
        if items.contains(where: changeStreamExpired) {
            source.mappingDisabled = true
            note("events of the failing batch expired from the change stream: Lambda disabled the event source mapping", rules: [.D3])
            return
        }
        record(
            .batch(invocation: nextInvocation, items: items, trigger: trigger, lane: lane),
            rules: [.E2, .D1] + (trigger == .window ? [.D2] : []) + (trigger == .retry ? [.D3] : []))
        startLaneBatch(lane: lane, items: items, retryRule: .D3, startRules: [.E1, .D1])
    }

    /// A batch ended: success moves on in order (D1); a failure is retried after one poll
    /// until it succeeds, blocking everything behind it (D3).
    func changeStreamLaneEnd(_ lane: Int, invocation: Int, instance: Int, result: AttemptResult) {
        releaseEnvironment(instance, result: result)
        let items = source.lanes[lane].batch
        // D3: no partial batch response, retry limit or bisection for DocumentDB.
        record(.end(invocation: invocation, instance: instance, items: items, result: result, reported: []), rules: result == .timeout ? [.S6] : [])
        source.lanes[lane].clearBatch()
        source.lanes[lane].windowOpenedAt = nil
        if result == .ok {
            for id in items {
                source.records[id] = nil
                settle(id, [.ok])
            }
            source.lanes[lane].currentFailures = 0
            source.lanes[lane].phase = .free
            fillChangeStreamLane(lane)
            return
        }
        source.lanes[lane].retryPieces.insert(RetryPiece(items: items, failures: source.lanes[lane].currentFailures + 1), at: 0)
        assume(.changeStreamRetryDelay)
        let delay = max(0, spec.assumptions.changeStreamRetryDelay)
        record(.retryScheduled(items: items, reason: .streamBatchFailed, delay: delay), rules: [.D3])
        source.lanes[lane].phase = .pausing
        wake(lane: lane, at: now + delay)
    }
}
