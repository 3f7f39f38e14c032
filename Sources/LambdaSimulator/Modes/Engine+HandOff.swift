/// One event a service is trying to hand to Lambda (R2–R9).
struct HandOff {
    var id: Int
    var size: Int64
    var group: Int32
    /// The service's attempt (from 1).
    var attempt: Int32 = 1
    /// When the service first tried, ms: EventBridge's event age counts from it (R6).
    var firstAt: Int64
    /// Invocations of its recursive-loop chain the event would be (L1, L3).
    var depth: Int16 = 1
}

/// SNS, EventBridge and S3 handing events to Lambda: what the service does when Lambda
/// refuses the hand-off (R2–R4, R6–R9).
///
/// Why apart from `Engine+Async`: once Lambda accepts an event (202) its own rules (A1–A16)
/// decide everything, function errors included (R1, R5); the service's retry policy and
/// dead-letter queue only ever see refused hand-offs, and each service has its own.
extension Engine {
    /// Whether events go through the service's hand-off at all: only when the scenario makes
    /// Lambda refuse some, so every other scenario is traced as before.
    var handsOff: Bool {
        spec.caller.service.handOffFails != .never && isServiceTrigger
    }

    /// Whether the trigger is a service that hands events to Lambda asynchronously (R1, R5, R9).
    static func isServiceTrigger(_ trigger: Trigger?) -> Bool {
        trigger == .sns || trigger == .eventbridge || trigger == .s3
    }

    /// The service received an event: it hands it to Lambda `hand-off-latency` later (§17:
    /// AWS publishes no figure but S3's "typically … in seconds", R9; assumed 0 s). Out of
    /// line: a plain asynchronous arrival, the hot path, only tests `isServiceTrigger`.
    @inline(never)
    func serviceReceived(_ state: HandOff) {
        assume(.handOffLatency)
        if spec.assumptions.handOffLatency > 0 {
            schedule(.handOff(state), after: spec.assumptions.handOffLatency)
        } else {
            handOff(state)
        }
    }

    /// One attempt of the service to hand the event over: accepted (202, then Lambda's
    /// queue) or refused, and then the service's policy decides.
    func handOff(_ state: HandOff) {
        guard handOffRefused(state) else {
            acceptEvent(state.id, size: state.size, group: state.group, depth: state.depth)
            return
        }
        let refusal = spec.caller.service.handOffFailure
        let answer = refusal.response
        stats.throttles += 1
        record(.throttled(items: [state.id], reason: answer.error), rules: serviceHandOffRules)
        record(.response(item: state.id, status: answer.status, error: answer.error, reason: nil), rules: serviceHandOffRules)
        switch spec.trigger {
        case .sns: snsRefused(state, refusal)
        case .eventbridge: eventBridgeRefused(state, refusal)
        default: s3Refused(state, refusal)
        }
    }

    /// Whether Lambda refuses this attempt: the scenario's `hand-off-fails` for the Nth
    /// attempt of the event, or a seeded share.
    private func handOffRefused(_ state: HandOff) -> Bool {
        switch spec.caller.service.handOffFails {
        case .never, .records: false
        case .always: true
        case .attempts(let numbers): numbers.contains(Int(state.attempt))
        case .rate(let perMille): FunctionModel.mix(spec.seed, UInt64(state.id), 0x5A5_0000 + UInt64(state.attempt)) % 1_000 < UInt64(perMille)
        }
    }

    /// SNS retries a server-side error by its delivery policy's four phases, never a
    /// client-side one (R2, R3); then the subscription's DLQ holds the message (R4).
    private func snsRefused(_ state: HandOff, _ refusal: ServiceCallerSpec.Refusal) {
        let retry = Int(state.attempt)
        guard refusal.isRetried, retry <= SNSDeliveryPolicy.retries else {
            serviceGivesUp(state, fields: ["body": .size(state.size)], rules: refusal.isRetried ? [.R3, .R4] : [.R2, .R4])
            return
        }
        if (6...15).contains(retry) { assume(.snsBackoff) }
        retryHandOff(state, after: SNSDeliveryPolicy.wait(beforeRetry: retry, function: spec.assumptions.snsBackoff), rules: [.R2, .R3])
    }

    /// EventBridge retries until `MaximumRetryAttempts` or `MaximumEventAgeInSeconds`,
    /// whichever comes first (R6, R8); missing permissions or a deleted function go straight
    /// to the target's DLQ (R7).
    private func eventBridgeRefused(_ state: HandOff, _ refusal: ServiceCallerSpec.Refusal) {
        let policy = spec.caller.service
        let retry = Int(state.attempt)
        let rules: RuleSet = policy.bus == .classic ? [.R6, .R7] : [.R6, .R7, .R8]
        guard refusal.isRetried else {
            serviceGivesUp(state, fields: eventBridgeDLQFields(state, refusal, exhausted: nil), rules: rules)
            return
        }
        guard retry <= policy.eventBridgeRetries else {
            serviceGivesUp(state, fields: eventBridgeDLQFields(state, refusal, exhausted: "MaximumRetryAttempts"), rules: rules)
            return
        }
        assume(.eventbridgeBackoff)
        let wait = EventBridgeRetrySchedule.wait(
            beforeRetry: retry, base: spec.assumptions.eventbridgeBackoffBase, cap: spec.assumptions.eventbridgeBackoffCap)
        guard now + wait - state.firstAt <= policy.eventBridgeMaximumAge else {
            serviceGivesUp(state, fields: eventBridgeDLQFields(state, refusal, exhausted: "MaximumEventAgeInSeconds"), rules: rules)
            return
        }
        retryHandOff(state, after: wait, rules: rules)
    }

    /// R9, §17: what S3 does with a refused notification is not documented. By default it is
    /// lost; `s3-hand-off: retried` retries a server-side refusal as Lambda retries a
    /// throttled event (A8: `throttle-backoff`, up to the 6-hour event age), never a
    /// client-side one (as SNS and EventBridge, R2, R7).
    private func s3Refused(_ state: HandOff, _ refusal: ServiceCallerSpec.Refusal) {
        assume(.s3HandOff)
        guard spec.assumptions.s3HandOff == .retried, refusal.isRetried else {
            serviceGivesUp(state, fields: nil, rules: [.R9, .R16])
            return
        }
        assume(.throttleBackoff)
        let wait = spec.assumptions.throttleBackoff(Int(state.attempt) - 1)
        guard now + wait - state.firstAt <= Self.s3RetryAge else {
            serviceGivesUp(state, fields: nil, rules: [.R9, .A8, .R16])
            return
        }
        retryHandOff(state, after: wait, rules: [.R9, .A8])
    }

    /// How long `s3-hand-off: retried` keeps a notification: Lambda's default event age (A6).
    static let s3RetryAge: Int64 = 21_600_000

    private func retryHandOff(_ state: HandOff, after wait: Int64, rules: RuleSet) {
        var next = state
        next.attempt += 1
        record(.retryScheduled(items: [state.id], reason: .caller, delay: wait), rules: rules + [.R16])
        schedule(.handOff(next), after: wait)
    }

    /// The service stops: its dead-letter queue gets the message, else it is gone.
    private func serviceGivesUp(_ state: HandOff, fields: [String: FieldValue]?, rules: RuleSet) {
        guard let target = spec.caller.service.deadLetterQueue, let fields else {
            record(.discarded(items: [state.id], reason: .handOffRefused), rules: rules)
            settle(state.id, [.discarded])
            return
        }
        assume(.deliveryLatency)
        countDelivery(.callerDLQ)
        record(
            .delivery(
                Delivery(route: .callerDLQ, target: target, condition: nil, items: [state.id], approximateInvokeCount: nil, fields: fields, delivered: true)),
            rules: rules)
        settle(state.id, [.dlq])
    }

    /// The message an EventBridge target's DLQ receives: the event, with the attributes R7
    /// lists (`EXHAUSTED_RETRY_CONDITION` only when a limit ended the retries).
    private func eventBridgeDLQFields(_ state: HandOff, _ refusal: ServiceCallerSpec.Refusal, exhausted: String?) -> [String: FieldValue] {
        [
            "body": .size(state.size),
            "MessageAttributes.RULE_ARN": .string(Identifiers.ruleARN),
            "MessageAttributes.TARGET_ARN": .string(Identifiers.functionARN),
            "MessageAttributes.ERROR_CODE": .string(refusal.eventBridgeErrorCode),
            "MessageAttributes.ERROR_MESSAGE": .string(refusal.response.error),
            "MessageAttributes.EXHAUSTED_RETRY_CONDITION": exhausted.map(FieldValue.string) ?? .absent,
            "MessageAttributes.RETRY_ATTEMPTS": .int(Int64(state.attempt - 1)),
        ]
    }
}
