import NotesCore

/// Event source mapping on an Amazon MQ queue, ActiveMQ or RabbitMQ: rules M1–M7 (with E1,
/// E2 and E6).
///
/// Up to 5 (ActiveMQ) or 1 (RabbitMQ) consumers take batches from one queue (M1, M3); a
/// batch closes at BatchSize, 6 MB or the end of the 500 ms window that opened with its first
/// message (M2). A failed batch is not acknowledged: the broker redelivers it, ActiveMQ at
/// most 6 times before it returns the messages as poison pills for its dead-letter queue
/// (M4); RabbitMQ redelivers at once, without limit unless a quorum queue's delivery limit is
/// assumed (§17). Kept apart from the SQS engine because a broker, not a visibility timeout, decides
/// when a message comes back, and Lambda has no retry settings of its own here (M6).
extension Engine {
    /// The batching window, ms: 500 ms unless MaximumBatchingWindowInSeconds is set (M2).
    var brokerWindow: Int64 {
        spec.mapping.batchingWindowSeconds.map { $0 * 1_000 } ?? 500
    }

    func prepareBroker() {
        for index in 0..<spec.broker.concurrencyCap {
            source.lanes.append(PollerLane(index: index))
        }
        if let window = spec.broker.maintenance {
            let span = "\(SimTime(milliseconds: window.lowerBound))–\(SimTime(milliseconds: window.upperBound))"
            if spec.broker.unavailable != nil {
                note("broker maintenance \(span): a single-instance broker is unavailable and nothing is read", rules: [.M1])
            } else {
                note("broker maintenance \(span): the \(spec.broker.deployment.rawValue) broker fails over and stays available", rules: [.M1])
            }
        }
        if spec.function.reservedConcurrency.map({ $0 > spec.broker.concurrencyCap }) == true {
            note("reserved concurrency does not raise the Amazon MQ mapping's cap of \(spec.broker.concurrencyCap)", rules: [.M3])
        }
    }

    func brokerArrival(_ arrival: ArrivalStream.Arrival) {
        record(.arrival(item: arrival.id, size: arrival.size, shard: nil, group: nil), rules: [.M1])
        if arrival.size > payloadLimit {
            // M5: a record larger than the 6 MB payload is dropped unprocessed.
            record(.discarded(items: [arrival.id], reason: .droppedByLambda), rules: [.M5])
            settle(arrival.id, [.discarded])
            return
        }
        source.records[arrival.id] = SourceRecord(id: arrival.id, arrival: arrival.time, size: arrival.size, shard: 0, group: nil)
        source.available.append(arrival.id)
        for lane in source.lanes.indices { source.deferredFills.insert(lane) }
    }

    /// A consumer takes messages in queue order until BatchSize, 6 MB or the window that opened
    /// with the batch's first message (M2); a redelivered batch goes first (M4).
    func fillBrokerLane(_ lane: Int) {
        guard spec.mapping.enabled, !source.lanes[lane].busy else { return }
        if now < 0 {
            wake(lane: lane, at: 0)
            return
        }
        if let down = spec.broker.unavailable, down.contains(now) {
            // M1: during its maintenance a broker without a standby serves no consumer.
            wake(lane: lane, at: down.upperBound)
            return
        }
        if !source.lanes[lane].retryPieces.isEmpty {
            let due = (source.lanes[lane].windowOpenedAt ?? now) + brokerWindow
            guard now >= due else { return wake(lane: lane, at: due) }
            _ = source.lanes[lane].takeRetryPiece()
            invokeBrokerBatch(lane: lane, trigger: .retry)
            return
        }
        while source.lanes[lane].batch.count < batchSize, source.availableHead < source.available.count {
            let id = source.available[source.availableHead]
            guard let message = source.records[id] else { source.availableHead += 1; continue }
            let bytes = message.size + spec.assumptions.recordOverhead
            if source.lanes[lane].batchBytes + bytes > payloadLimit, !source.lanes[lane].batch.isEmpty {
                assume(.recordOverhead)
                invokeBrokerBatch(lane: lane, trigger: .payload)
                return
            }
            source.availableHead += 1
            source.lanes[lane].batch.append(id)
            source.lanes[lane].batchBytes += bytes
            if source.lanes[lane].batch.count == 1 {
                // M2: the window begins as soon as the first record arrives.
                source.lanes[lane].windowOpenedAt = max(message.arrival, 0)
            }
        }
        if source.availableHead > 4_096, source.availableHead * 2 > source.available.count {
            source.available.removeFirst(source.availableHead)
            source.availableHead = 0
        }
        if let trigger = closingTrigger(lane: lane, window: { brokerWindow }) {
            invokeBrokerBatch(lane: lane, trigger: trigger)
        }
    }

    /// Invokes a consumer's batch synchronously (M1); each message's delivery count grows.
    func invokeBrokerBatch(lane: Int, trigger: BatchTrigger) {
        source.lanes[lane].phase = .invoking
        let items = source.lanes[lane].batch
        record(
            .batch(invocation: nextInvocation, items: items, trigger: trigger, lane: lane),
            rules: [.E2, .M1] + (trigger == .window ? [.M2] : []) + (trigger == .retry ? [.M4] : []) + (trigger == .payload ? [.E6] : []))
        // M3: each delivery to the function counts as one for the broker's redelivery limit.
        startLaneBatch(lane: lane, items: items, retryRule: .M1, startRules: [.E1, .M3]) {
            for id in items { self.source.records[id]?.receiveCount += 1 }
        }
    }

    /// A batch ended: success acknowledges it (M1); a failure leaves it unacknowledged for the
    /// broker to redeliver, until ActiveMQ's redelivery limit returns it to the broker (M4).
    func brokerLaneEnd(_ lane: Int, invocation: Int, instance: Int, result: AttemptResult) {
        releaseEnvironment(instance, result: result)
        let items = source.lanes[lane].batch
        // M6: MQ takes no partial batch response; the handler's result is the batch's.
        record(.end(invocation: invocation, instance: instance, items: items, result: result, reported: []), rules: result == .timeout ? [.S6] : [])
        source.lanes[lane].clearBatch()
        source.lanes[lane].phase = .free
        source.lanes[lane].windowOpenedAt = nil
        if result == .ok {
            for id in items {
                source.records[id] = nil
                settle(id, [.ok])
            }
        } else {
            redeliver(items, lane: lane)
        }
        fillBrokerLane(lane)
    }

    /// The broker redelivers a failed batch: ActiveMQ after 1 s and at most 6 times, RabbitMQ
    /// at once and without limit unless a delivery limit is assumed (M4, §17); the window then
    /// runs again from the redelivery.
    private func redeliver(_ items: [Int], lane: Int) {
        let failures = source.lanes[lane].currentFailures + 1
        source.lanes[lane].currentFailures = 0
        if spec.broker.engine == .rabbitmq { assume(.rabbitmqRedelivery) }
        if let limit = spec.broker.maximumRedeliveries(under: spec.assumptions), failures > limit {
            // M4: ActiveMQ returns a poison pill to the broker for its DLQ; a RabbitMQ quorum
            // queue past its delivery limit dead-letters the message (or drops it).
            for id in items {
                source.records[id] = nil
                settle(id, [.discarded])
            }
            record(.discarded(items: items, reason: .poisonPill), rules: [.M4])
            return
        }
        let delay: Int64
        switch spec.broker.engine {
        case .activemq:
            assume(.activemqRedeliveryDelay)
            delay = max(0, spec.assumptions.activemqRedeliveryDelay)
        case .rabbitmq:
            delay = 0
        }
        record(.retryScheduled(items: items, reason: .streamBatchFailed, delay: delay + brokerWindow), rules: [.M4])
        source.lanes[lane].retryPieces.append(RetryPiece(items: items, failures: failures))
        source.lanes[lane].windowOpenedAt = now + delay
        source.lanes[lane].phase = .pausing
        wake(lane: lane, at: now + delay + brokerWindow)
    }
}
