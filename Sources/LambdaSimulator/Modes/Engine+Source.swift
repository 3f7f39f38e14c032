/// The parts of event source mappings common to queues and streams (E1–E7).
extension Engine {
    /// BatchSize, or AWS's default for the source (E5).
    var batchSize: Int {
        spec.mapping.batchSize ?? sourceKind.defaultBatchSize
    }

    /// The kind of source this mapping polls; only called in event source mapping modes.
    var sourceKind: EventSourceKind {
        guard let kind = spec.mode.eventSource else { preconditionFailure("\(spec.mode) polls no source") }
        return kind
    }

    /// The batching window in ms (E4).
    var batchingWindow: Int64 {
        (spec.mapping.batchingWindowSeconds ?? 0) * 1_000
    }

    /// The payload limit of one invocation: 6 MB (E2, E6).
    var payloadLimit: Int64 { spec.assumptions.syncLimit }

    func prepareSource() {
        switch sourceKind {
        case .queue: prepareQueue()
        case .stream: prepareStream()
        case .topic: prepareKafka()
        case .broker: prepareBroker()
        case .changeStream: prepareChangeStream()
        }
        if !spec.mapping.enabled {
            note("the event source mapping is disabled: nothing is read from the source", rules: [.E7])
        }
    }

    func sourceArrival(_ arrival: ArrivalStream.Arrival) {
        switch sourceKind {
        case .queue: queueArrival(arrival)
        case .stream: streamArrival(arrival)
        case .topic: kafkaArrival(arrival)
        case .broker: brokerArrival(arrival)
        case .changeStream: changeStreamArrival(arrival)
        }
    }

    /// A lane's timer fired: a window deadline, the end of a pause, or a throttle backoff.
    /// Lane -1 is the SQS scaling pump (Q8).
    func laneWake(_ lane: Int) {
        guard lane >= 0 else {
            source.pumpScheduledAt = nil
            pumpQueue()
            return
        }
        source.lanes[lane].wakeAt = nil
        switch source.lanes[lane].phase {
        case .invoking:
            return
        case .throttled:
            switch sourceKind {
            case .queue: invokeQueueBatch(lane: lane, trigger: .retry)
            case .stream: invokeStreamBatch(lane: lane, trigger: .retry)
            case .topic: invokeKafkaBatch(lane: lane, trigger: .retry)
            case .broker: invokeBrokerBatch(lane: lane, trigger: .retry)
            case .changeStream: invokeChangeStreamBatch(lane: lane, trigger: .retry)
            }
            return
        case .pausing:
            source.lanes[lane].phase = .free
        case .free:
            break
        }
        switch sourceKind {
        case .queue:
            fillQueueLane(lane)
            pumpQueue()
        case .stream:
            fillStreamLane(lane)
        case .topic, .broker, .changeStream:
            fillOrderedLane(lane)
        }
    }

    /// Fills the lanes that arrivals touched during the millisecond that just ended.
    func runDeferredPolls() {
        if source.deferredPump {
            source.deferredPump = false
            pumpQueue()
        }
        if !source.deferredFills.isEmpty {
            // Fills add no lanes (only arrivals do), so the drained lanes stay readable.
            for index in 0..<source.deferredFills.drainSorted() {
                fillOrderedLane(source.deferredFills.drained(index))
            }
        }
    }

    /// Fills a lane of a source whose lanes read in order (streams, Kafka, Amazon MQ).
    private func fillOrderedLane(_ lane: Int) {
        switch sourceKind {
        case .queue: fillQueueLane(lane)
        case .stream: fillStreamLane(lane)
        case .topic: fillKafkaLane(lane)
        case .broker: fillBrokerLane(lane)
        case .changeStream: fillChangeStreamLane(lane)
        }
    }

    var hasDeferredPolls: Bool { source.deferredPump || !source.deferredFills.isEmpty }

    /// Schedules a lane wake-up, once per time.
    func wake(lane: Int, at time: Int64) {
        if let scheduled = source.lanes[lane].wakeAt, scheduled <= time { return }
        source.lanes[lane].wakeAt = time
        schedule(.laneWake(lane: lane), at: time)
    }

    /// What closes a lane's gathered batch now (E2, E3): BatchSize, or the end of its window
    /// (or a full receive, `receiveLimit`); nil while the window is still open, with a
    /// wake-up set at its deadline. `window` is asked for only when BatchSize is not reached.
    func closingTrigger(lane: Int, receiveLimit: Int = .max, window: () -> Int64) -> BatchTrigger? {
        let count = source.lanes[lane].batch.count
        guard count > 0 else { return nil }
        if count >= batchSize { return .size }
        let deadline = (source.lanes[lane].windowOpenedAt ?? now) + window()
        if now >= deadline || count >= receiveLimit { return .window }
        wake(lane: lane, at: deadline)
        return nil
    }

    /// Records a refused batch invocation and returns the wait before the lane tries again
    /// (K6, Q12): the throttle backoff, growing with each refusal in a row.
    func backOff(lane: Int, items: [Int], reason: String, rules: RuleSet) -> Int64 {
        stats.throttles += 1
        record(.throttled(items: items, reason: reason), rules: rules)
        assume(.throttleBackoff)
        let delay = spec.assumptions.throttleBackoff(source.lanes[lane].refusals)
        source.lanes[lane].refusals += 1
        return delay
    }

    /// The rule that governs a partial batch response for this source (Q7, K11).
    private var partialResponseRule: RuleSet {
        switch sourceKind {
        case .queue: .Q7
        case .stream: .K11
        case .topic: .KF5
        case .broker: .M6
        case .changeStream: .D3
        }
    }

    /// The common start of a batch's end on SQS, streams and Kafka: the environment is
    /// released, the handler's response read (partial batch responses included) and the end
    /// recorded; returns the batch and that response.
    func endBatch(
        _ lane: Int, invocation: Int, instance: Int, result: AttemptResult
    ) -> (items: [Int], response: (result: AttemptResult, reported: [Int], rules: RuleSet)) {
        releaseEnvironment(instance, result: result)
        let items = source.lanes[lane].batch
        let response = batchResponse(invocation: invocation, items: items, result: result)
        record(
            .end(invocation: invocation, instance: instance, items: items, result: response.result, reported: response.reported),
            rules: response.rules + (result == .timeout ? [.S6] : []))
        return (items, response)
    }

    /// The response of a batch invocation, once its handler ended (Q7, K11, K14).
    func batchResponse(invocation: Int, items: [Int], result: AttemptResult) -> (result: AttemptResult, reported: [Int], rules: RuleSet) {
        var result = result
        var reported: [Int] = []
        var rules: RuleSet = []
        if spec.mapping.tumblingWindowSeconds > 0, spec.function.omitsWindowState, result == .ok {
            // K14: a response without `state` counts as a failed invocation.
            return (.error, [], [.K14])
        }
        guard spec.mapping.reportBatchItemFailures else {
            if case .explicit(let responses) = spec.function.response, responses[invocation] == .throw {
                return (.error, [], partialResponseRule)
            }
            return (result, [], [])
        }
        let rule = partialResponseRule
        switch spec.function.response {
        case .auto:
            let poison = function.poisonRecords(in: items)
            if result == .error, case .records = spec.function.fails, spec.function.failure == .error, !poison.isEmpty {
                result = .ok
                if spec.mode == .sqsFIFO, let first = items.firstIndex(where: { poison.contains($0) }) {
                    reported = Array(items[first...])  // Q7: FIFO reports the failure and all after it
                } else {
                    reported = poison
                }
                rules.insert(rule)
            }
        case .explicit(let responses):
            guard let response = responses[invocation] else { break }
            rules.insert(rule)
            switch response {
            case .failures(let ids):
                if ids.contains(where: { !items.contains($0) }) {
                    result = .error  // an unknown identifier fails the whole batch (Q7)
                } else if result == .ok {
                    reported = ids
                }
            case .malformed, .emptyIdentifier, .throw:
                result = .error
            }
        }
        return (result, reported, rules)
    }

    /// Invokes a lane's batch in an execution environment (E1; cold starts and reuse through
    /// `startInEnvironment`, X1–X6), or backs the lane off when Lambda refuses it (a throttle
    /// or a service error) to try again later: the tail every mapping's invoke shares.
    /// - Parameters:
    ///   - retryRule: the source's rule for a refused batch (K6, KF4, M1, D3).
    ///   - startRules: what the start cites.
    ///   - whenStarted: what the source counts when the batch reaches the function.
    func startLaneBatch(lane: Int, items: [Int], retryRule: RuleSet, startRules: RuleSet = .E1, whenStarted: () -> Void = {}) {
        var refusal: (reason: String, rule: RuleSet)?
        switch batchPlan(items: items) {
        case .refused(let kind):
            refusal = (kind == .serviceError ? "ServiceException" : "ConcurrentInvocationLimitExceeded", retryRule)
        case .runs(let runtime, let result):
            switch pool.acquire(at: now) {
            case .failure(let refused):
                refusal = (refused.reason, refused.rule)
            case .success(let instance):
                source.lanes[lane].refusals = 0
                let invocation = takeInvocationNumber()
                stats.attempts += 1
                whenStarted()
                record(.start(invocation: invocation, instance: instance, items: items, attempt: source.lanes[lane].currentFailures + 1), rules: startRules)
                let (runtime, result) = startInEnvironment(instance, invocation: invocation, items: items, runtime: runtime, result: result)
                schedule(.laneEnd(lane: lane, invocation: invocation, instance: instance, result: result), after: runtime)
                return
            }
        }
        guard let refusal else { return }
        let delay = backOff(lane: lane, items: items, reason: refusal.reason, rules: [retryRule, refusal.rule])
        record(.retryScheduled(items: items, reason: .throttled, delay: delay), rules: retryRule)
        source.lanes[lane].phase = .throttled
        wake(lane: lane, at: now + delay)
    }

    /// Whether a mapping never reads a record written at `time`: LATEST starts after what was
    /// there at t = 0, AT_TIMESTAMP at its time (K3, D2). A record written before t = 0 that a
    /// mapping without a `StartingPosition` reads relies on the `starting-position` default.
    func startingPositionSkips(_ time: Int64) -> Bool {
        switch spec.mapping.startingPosition {
        case .trimHorizon:
            if time < 0, !spec.mapping.startingPositionNamed { assume(.startingPosition) }
            return false
        case .latest: return time < 0
        case .atTimestamp(let start): return time < (start ?? 0)
        }
    }

    /// The fields every on-failure record of a batch opens with (K12, KF6): version, time and
    /// the request context.
    func failureRecordHeader(_ records: [SourceRecord], condition: String, invokeCount: Int) -> [String: FieldValue] {
        [
            "version": .string("1.0"),
            "timestamp": .int(now),
            "requestContext.requestId": .string(Identifiers.requestID(records.first?.id ?? 0)),
            "requestContext.functionArn": .string(Identifiers.functionARN),
            "requestContext.condition": .string(condition),
            "requestContext.approximateInvokeCount": .int(Int64(invokeCount)),
        ]
    }
}
