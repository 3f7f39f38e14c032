/// State of one event in Lambda's internal queue.
///
/// The state travels with the event: inside the `asyncReady` action while it waits, in the
/// engine's table of running instances while the handler runs. No table indexed by event id
/// is needed, so memory stays proportional to what is in flight and stays in cache.
struct AsyncItem {
    var id: Int
    var enqueuedAt: Int64
    var lastStart: Int64 = 0
    /// At most 1 MB (A1).
    var size: Int32
    var group: Int32
    /// Throttles and 5xx refusals so far (the backoff exponent, A8).
    var refusals: Int32 = 0
    /// Handler runs so far (function-error retries count; throttles do not, A8).
    var attempts: Int16 = 0
    /// Refusals the scenario's script made (`failure: throttled` or `service-error`): each
    /// is one of the tries `fails` numbers, so `fails: [1]` refuses the first try only and
    /// the event runs at the next.
    var scriptedRefusals: Int32 = 0
    var lastResult: AttemptResult?
    var duplicated = false
    /// Invocations of its recursive-loop chain this event would be (L1, L3).
    var depth: Int16 = 1
}

/// Asynchronous invocation (`Event`): rules A1–A16.
extension Engine {
    /// Async payload limit: 1 MB since October 2025 (A1).
    var asyncPayloadLimit: Int64 { 1_048_576 }

    func asyncArrival(_ arrival: ArrivalStream.Arrival) {
        let item = arrival.id
        record(.arrival(item: item, size: arrival.size, shard: nil, group: nil), rules: spec.trigger.map { _ in [.A16] } ?? [])
        if arrival.size > asyncPayloadLimit {
            record(.response(item: item, status: 413, error: "RequestTooLargeException", reason: nil), rules: [.A1])
            settle(item, [.rejected])
            return
        }
        if isServiceTrigger {
            serviceReceived(HandOff(id: item, size: arrival.size, group: Int32(arrival.group), firstAt: now))
            return
        }
        acceptEvent(item, size: arrival.size, group: Int32(arrival.group))
    }

    /// Lambda accepts the event (202) into its queue (A1); from here Lambda's rules decide,
    /// whoever sent it (R1, R5, R9); `depth` is the event's place in a recursive chain (L1).
    func acceptEvent(_ item: Int, size: Int64, group: Int32, depth: Int16 = 1) {
        record(.response(item: item, status: 202, error: nil, reason: nil), rules: [.A1] + serviceHandOffRules)
        record(.enqueued(item: item), rules: [.A1])
        if !spec.faults.drop.isEmpty, spec.faults.drop.contains(item) {
            record(.discarded(items: [item], reason: .droppedByLambda), rules: [.A10])
            settle(item, [.discarded])
            return
        }
        var state = AsyncItem(id: item, enqueuedAt: now, size: Int32(size), group: group)
        state.depth = depth
        if spec.function.reservedConcurrency == 0 {
            // A9: with reserved concurrency 0 events go straight to the DLQ / OnFailure.
            giveUp(state, condition: "ZeroReservedConcurrency", reason: .zeroReservedConcurrency, rules: [.A9, .C2])
            return
        }
        assume(.firstAttemptDelay)
        if spec.assumptions.firstAttemptDelay == 0 {
            asyncReady(state)
        } else {
            schedule(.asyncReady(state), after: spec.assumptions.firstAttemptDelay)
        }
    }

    /// The event is at the head of the queue: run it, or back off if it cannot run (A2, A8).
    func asyncReady(_ waiting: AsyncItem) {
        var state = waiting
        let item = state.id
        let maximumAge = spec.eventInvokeConfig.maximumEventAgeSeconds * 1_000
        if now - state.enqueuedAt > maximumAge {
            giveUp(state, condition: "EventAgeExceeded", reason: .eventAgeExceeded, rules: [.A6, .A7])
            return
        }
        if recursionStops(depth: Int(state.depth)) {
            // L4: the event goes to the DLQ or OnFailure if configured, else it is dropped;
            // AWS documents no condition name for it (§17): an on-failure record relies on one.
            recordRecursionStopped([item], depth: Int(state.depth))
            if spec.eventInvokeConfig.onFailure != nil { assume(.recursionCondition) }
            giveUp(state, condition: spec.assumptions.recursionCondition, reason: .recursionStopped, rules: [.L4])
            return
        }
        let group = Int(state.group)
        let plan = self.plan(attempt: Int(state.attempts) + Int(state.scriptedRefusals) + 1, run: Int(state.attempts) + 1, key: item, group: group)
        let refusal: (reason: String, rules: RuleSet)?
        switch plan {
        case .refused(let kind):
            state.scriptedRefusals += 1
            refusal = kind == .serviceError ? ("ServiceException", [.A8, .S3]) : ("ConcurrentInvocationLimitExceeded", [.A8, .S3])
        case .runs(let runtime, let result):
            switch pool.acquire(at: now) {
            case .failure(let refused):
                refusal = (refused.reason, [.A8, refused.rule])
            case .success(let instance):
                state.attempts += 1
                state.lastStart = now
                if instance >= running.count { running += repeatElement(nil, count: instance + 1 - running.count) }
                running[instance] = state
                stats.attempts += 1
                let invocation = takeInvocationNumber()
                record(
                    .start(invocation: invocation, instance: instance, items: [item], attempt: Int(state.attempts)),
                    rules: state.attempts == 1 ? [.A2] : [.A3, .A11])
                let (runtime, result) = startInEnvironment(instance, invocation: invocation, items: [item], runtime: runtime, result: result)
                schedule(.asyncEnd(invocation: invocation, instance: instance, result: result), after: runtime)
                return
            }
        }
        guard let refusal else { return }
        // A8: throttles and 5xx go back to the queue with exponential backoff and do not use
        // up MaximumRetryAttempts.
        stats.throttles += 1
        record(.throttled(items: [item], reason: refusal.reason), rules: refusal.rules)
        assume(.throttleBackoff)
        let delay = spec.assumptions.throttleBackoff(Int(state.refusals))
        state.refusals += 1
        if now + delay - state.enqueuedAt > maximumAge {
            giveUp(state, condition: "EventAgeExceeded", reason: .eventAgeExceeded, rules: [.A8, .A7])
            return
        }
        record(.retryScheduled(items: [item], reason: .throttled, delay: delay), rules: [.A8])
        schedule(.asyncReady(state), after: delay)
    }

    /// An attempt finished: success goes to OnSuccess; a function error is retried after
    /// 1 min, then 2 min (A3), unless retries or the event's age are used up (A5, A7).
    func asyncEnd(invocation: Int, instance: Int, result: AttemptResult) {
        releaseEnvironment(instance, result: result)
        var state = running[instance]!
        running[instance] = nil
        let item = state.id
        record(
            .end(invocation: invocation, instance: instance, items: [item], result: result, reported: []),
            rules: result == .timeout ? [.S6, .A4] : (result == .error ? [.A4] : []))
        state.lastResult = result
        if result == .ok {
            if !spec.faults.duplicate.isEmpty, spec.faults.duplicate.contains(item), !state.duplicated {
                state.duplicated = true
                record(.retryScheduled(items: [item], reason: .duplicate, delay: 0), rules: [.A10])
                schedule(.asyncReady(state), after: 0)
                return
            }
            if let target = spec.eventInvokeConfig.onSuccess {
                deliver(.onSuccess, to: target, condition: "Success", state: state, rules: [.A12, .A14])
            }
            settle(item, [.ok])
            asyncLoopsBack(state)
            return
        }
        let retriesLeft = state.attempts <= spec.eventInvokeConfig.maximumRetryAttempts
        guard retriesLeft else {
            giveUp(state, condition: "RetriesExhausted", reason: .retriesExhausted, rules: [.A5, .A12])
            return
        }
        let delay: Int64 = state.attempts == 1 ? 60_000 : 120_000
        // A7: if the next retry would come after the maximum event age, give up now.
        let elapsedSeconds = (now - state.enqueuedAt + 999) / 1_000
        if elapsedSeconds * 1_000 + delay > spec.eventInvokeConfig.maximumEventAgeSeconds * 1_000 {
            giveUp(state, condition: "EventAgeExceeded", reason: .eventAgeExceeded, rules: [.A7, .A6])
            return
        }
        assume(.retryFrom)
        let retryAt: Int64
        switch spec.assumptions.retryFrom {
        case .attemptEnd: retryAt = now + delay
        case .attemptStart: retryAt = max(now, state.lastStart + delay)
        }
        record(.retryScheduled(items: [item], reason: .functionError, delay: retryAt - now), rules: [.A3])
        schedule(.asyncReady(state), at: retryAt)
    }

    /// The event failed for good: DLQ and/or OnFailure receive it (A12), else it is
    /// discarded.
    private func giveUp(_ state: AsyncItem, condition: String, reason: DiscardReason, rules: RuleSet) {
        let item = state.id
        var outcomes: OutcomeSet = []
        if let target = spec.deadLetter {
            if deliver(.dlq, to: target, condition: condition, state: state, rules: rules + [.A15]) {
                outcomes.insert(.dlq)
            }
        }
        if let target = spec.eventInvokeConfig.onFailure {
            if deliver(.onFailure, to: target, condition: condition, state: state, rules: rules + [.A13, .A14]) {
                outcomes.insert(.onFailure)
            }
        }
        if outcomes.isEmpty {
            let failedDelivery = spec.deadLetter != nil || spec.eventInvokeConfig.onFailure != nil
            record(.discarded(items: [item], reason: failedDelivery ? .deliveryFailed : reason), rules: rules)
            outcomes = [.discarded]
        }
        settle(item, outcomes)
    }

    /// Sends a record or the event to a destination or DLQ; false when AWS cannot deliver to
    /// that kind of target (A13).
    @discardableResult
    private func deliver(_ route: Delivery.Route, to target: TargetKind, condition: String, state: AsyncItem, rules: RuleSet) -> Bool {
        let item = state.id
        assume(.deliveryLatency)
        countDelivery(route)
        let delivered = target.acceptsDeliveries
        let fields =
            route == .dlq
            ? dlqFields(state)
            : recordFields(condition: condition, state: state, target: target)
        record(
            .delivery(
                Delivery(
                    route: route, target: target, condition: route == .dlq ? nil : condition, items: [item],
                    approximateInvokeCount: route == .dlq ? nil : Int(state.attempts), fields: fields, delivered: delivered
                )), rules: delivered ? rules : rules + [.A13])
        return delivered
    }

    /// The `errorMessage` of a failed attempt's error object (A14): the scenario's text, or
    /// for a timeout the runtime's "Task timed out after N.00 seconds" (S6); otherwise a text
    /// of `errorMessageSize` bytes whose words the scenario did not say.
    private func errorMessage(_ result: AttemptResult) -> FieldValue {
        if result == .timeout { return .string("Task timed out after \(spec.function.timeoutSeconds).00 seconds") }
        return spec.function.errorMessage.map(FieldValue.string) ?? .size(spec.function.errorMessageSize)
    }

    /// The invocation record of a destination message (A14).
    private func recordFields(condition: String, state: AsyncItem, target: TargetKind) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [
            "version": .string("1.0"),
            "timestamp": .int(now),
            "requestContext.requestId": .string(Identifiers.requestID(state.id)),
            "requestContext.functionArn": .string(Identifiers.functionARN),
            "requestContext.condition": .string(condition),
            "requestContext.approximateInvokeCount": .int(Int64(state.attempts)),
            "requestPayload": .size(Int64(state.size)),
        ]
        if state.attempts > 0, let result = state.lastResult {
            fields["responseContext.statusCode"] = .int(200)
            fields["responseContext.executedVersion"] = .string("$LATEST")
            if result == .ok {
                fields["responsePayload"] = .size(spec.function.responseSize)
            } else {
                fields["responseContext.functionError"] = .string("Unhandled")
                fields["responsePayload"] = .size(spec.function.errorMessageSize)
                fields["responsePayload.errorMessage"] = errorMessage(result)
            }
        } else {
            // A9: no response when the function never ran.
            fields["responseContext"] = .absent
            fields["responsePayload"] = .absent
        }
        // A14: SNS drops the payload from an OnFailure message over 256 KB: the response's
        // fields (the error object's `errorMessage`) go with it, or a claim would find them.
        if target == .sns, case .size(let request) = fields["requestPayload"] {
            let response: Int64 = if case .size(let bytes) = fields["responsePayload"] { bytes } else { 0 }
            if request + response > 262_144 {
                fields["requestPayload"] = .absent
                fields["responsePayload"] = .absent
                fields["responsePayload.errorMessage"] = nil
            }
        }
        if target == .eventbridge { return eventBridgeEnvelope(fields, success: condition == "Success") }
        return fields
    }

    /// An EventBridge destination gets the record as `detail` of an event from `lambda` (A14),
    /// not as a message body: claims address it as `detail.requestContext.condition`.
    private func eventBridgeEnvelope(_ record: [String: FieldValue], success: Bool) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [
            "source": .string("lambda"),
            "detail-type": .string("Lambda Function Invocation Result - " + (success ? "Success" : "Failure")),
        ]
        for (path, value) in record { fields["detail." + path] = value }
        return fields
    }

    /// The DLQ message: the event as is, with three attributes (A15).
    private func dlqFields(_ state: AsyncItem) -> [String: FieldValue] {
        [
            "body": .size(Int64(state.size)),
            "MessageAttributes.RequestID": .string(Identifiers.requestID(state.id)),
            "MessageAttributes.ErrorCode": .int(200),
            "MessageAttributes.ErrorMessage": spec.function.errorMessage.map { .string(String(decoding: Array($0.utf8.prefix(1_024)), as: UTF8.self)) }
                ?? .size(min(spec.function.errorMessageSize, 1_024)),
        ]
    }
}
