/// State of one synchronous request while the caller waits.
struct SyncItem {
    var size: Int64
    var group: Int
    /// The caller's current try (from 0); results of earlier tries it stopped waiting for
    /// are ignored.
    var currentTry = 0
    /// The try that already has its token from an adaptive SDK's rate limiter (R10).
    var admittedTry = -1
    /// When the current try reached Lambda: a Step Functions retrier's wait may count from
    /// it (`sfn-retry-from: attempt-start`, R14).
    var triedAt: Int64 = 0
}

/// Synchronous invocation (`RequestResponse`): rules S1–S9.
extension Engine {
    /// A request arrives. Out of line, with the try inlined into it: the engine's loop stays
    /// small, and an untracked request's first try costs no second call.
    @inline(never)
    func syncArrival(_ arrival: ArrivalStream.Arrival) {
        record(.arrival(item: arrival.id, size: arrival.size, shard: nil, group: nil), rules: spec.trigger.map { _ in [.S8] } ?? [])
        if spec.dryRun {
            // DryRun validates the request and runs nothing (S3).
            record(.response(item: arrival.id, status: 204, error: nil, reason: "DryRun"), rules: [.S3])
            settle(arrival.id, [.ok])
            return
        }
        guard tracksSyncItems else {
            return tryLambda(item: arrival.id, callerTry: 0, size: arrival.size, group: arrival.group)
        }
        syncItems[arrival.id] = SyncItem(size: arrival.size, group: arrival.group)
        syncTry(item: arrival.id, callerTry: 0)
    }

    /// One request from the caller (the first, or a caller retry, S4) of a tracked request.
    func syncTry(item: Int, callerTry: Int) {
        guard let state = syncItems.update(item, { $0.currentTry = callerTry }) else { return }
        if spec.caller.sdk?.mode == .adaptive, waitsForToken(item, callerTry: callerTry) { return }
        if spec.caller.retriers != nil { syncItems[item]?.triedAt = now }
        tryLambda(item: item, callerTry: callerTry, size: state.size, group: state.group)
    }

    /// The request reaches Lambda: refused (S3, S5, S7, C4, X13) or run in an environment
    /// (S1).
    @inline(__always)
    private func tryLambda(item: Int, callerTry: Int, size: Int64, group: Int) {
        if size > spec.assumptions.syncLimit {
            assume(.syncLimit)
            respond(item, status: 413, error: "RequestTooLargeException", reason: nil, rules: [.S5, .S3], outcome: .rejected)
            return
        }
        if !requestRate.admit(at: now) {
            refuseSync(item, callerTry: callerTry, status: 429, reason: "FunctionInvocationRateLimitExceeded", rules: [.C4, .S7])
            return
        }
        if spec.function.snapStart, versionNotReady() {
            refuseNotReady(item, callerTry: callerTry)
            return
        }
        switch plan(attempt: callerTry + 1, key: item, group: group) {
        case .refused(.serviceError):
            refuseSync(item, callerTry: callerTry, status: 500, reason: "ServiceException", rules: [.S3])
        case .refused:
            refuseSync(item, callerTry: callerTry, status: 429, reason: "ConcurrentInvocationLimitExceeded", rules: [.S3, .S7])
        case .runs(let runtime, let result):
            switch pool.acquire(at: now) {
            case .failure(let refusal):
                refuseSync(item, callerTry: callerTry, status: 429, reason: refusal.reason, rules: [.S7, refusal.rule])
            case .success(let instance):
                let invocation = takeInvocationNumber()
                stats.attempts += 1
                versionLastInvoked = now
                record(.start(invocation: invocation, instance: instance, items: [item], attempt: callerTry + 1), rules: [.S1])
                let (runtime, result) = startInEnvironment(instance, invocation: invocation, items: [item], runtime: runtime, result: result)
                schedule(.syncEnd(item: item, invocation: invocation, instance: instance, result: result, callerTry: callerTry), after: runtime)
                if let limit = callerTimeout, runtime > limit {
                    schedule(.syncCallerGaveUp(item: item, callerTry: callerTry), after: limit)
                }
            }
        }
    }

    /// The handler finished: the caller gets its result, and nobody retries a function
    /// error (S1, S2).
    func syncEnd(item: Int, invocation: Int, instance: Int, result: AttemptResult, callerTry: Int) {
        releaseEnvironment(instance, result: result)
        let tooLarge = result == .ok && spec.function.responseSize > spec.assumptions.syncLimit
        let finalResult: AttemptResult = tooLarge ? .error : result
        record(.end(invocation: invocation, instance: instance, items: [item], result: finalResult, reported: []), rules: result == .timeout ? [.S6] : [])
        if tracksSyncItems {
            guard let state = syncItems[item], state.currentTry == callerTry else { return }
        }
        if spec.caller.sdk?.mode == .adaptive { clientLimiter.succeeded(at: now) }
        if finalResult != .ok, spec.caller.retriers != nil {
            // R15: the Task sees the failure; a retrier may run it again (R14).
            let names = StepFunctionsRetrier.errorNames(nil, timedOut: result == .timeout)
            record(.response(item: item, status: 200, error: names[0], reason: nil), rules: [.R15])
            if retryStepFunctions(item: item, callerTry: callerTry, names: names) { return }
            endSyncItem(item)
            settle(item, [.errorReturned])
            return
        }
        if tooLarge {
            assume(.syncLimit)
            respond(item, status: 200, error: "Function.ResponseSizeTooLarge", reason: nil, rules: [.S5, .S2], outcome: .errorReturned)
        } else if result == .ok {
            respond(item, status: 200, error: nil, reason: nil, rules: [], outcome: .ok)
        } else {
            respond(item, status: 200, error: "Unhandled", reason: result == .timeout ? "Task timed out" : nil, rules: [.S2, .S1], outcome: .errorReturned)
        }
    }

    /// The caller's own timeout passed first: it gets an error while the function runs on.
    func syncCallerGaveUp(item: Int, callerTry: Int) {
        guard let state = syncItems[item], state.currentTry == callerTry else { return }
        if callerRetries(.timeout, callerTry: callerTry) {
            // R13: the first execution runs on; the retry may run the function again. The
            // caller no longer waits for this try: its end, even at the instant the retry is
            // due (and before it, in the queue's order), answers nobody.
            syncItems[item]?.currentTry = callerTry + 1
            record(.response(item: item, status: 504, error: "ClientTimeout", reason: nil), rules: callerRules)
            scheduleCallerRetry(item, callerTry: callerTry, throttling: false)
            return
        }
        endSyncItem(item)
        let rules: RuleSet = spec.trigger == .apiGateway ? .S8 : .S4
        record(
            .response(item: item, status: 504, error: spec.trigger == .apiGateway ? "Endpoint request timed out" : "ClientTimeout", reason: nil), rules: rules)
        settle(item, [.errorReturned])
    }

    /// The earlier of the trigger's and the client's timeout, without an array (`Engine`
    /// keeps it as `callerTimeout`).
    var earliestCallerTimeout: Int64? {
        let triggerTimeout = spec.trigger?.callerTimeout
        guard let client = callerClientTimeout else { return triggerTimeout }
        return min(triggerTimeout ?? client, client)
    }

    /// Whether the caller may come back to a request after its try: its own or its trigger's
    /// timeout (S8, R13), retries (S4, R10–R13), an adaptive SDK's token (R10) or a Step
    /// Functions retrier (R14). Otherwise a try's end (or refusal) is always the request's
    /// last word, and the request needs no state (`Engine.tracksSyncItems`).
    var callerMayComeBack: Bool {
        let caller = spec.caller
        return caller.sdk != nil || caller.retries != 0 || !caller.retryOn.isEmpty || caller.retriers != nil
            || callerPolicy != nil || earliestCallerTimeout != nil
    }

    private func refuseSync(_ item: Int, callerTry: Int, status: Int, reason: String, rules: RuleSet) {
        stats.throttles += 1
        if spec.caller.sdk?.mode == .adaptive {
            if status == 429 { clientLimiter.throttled(at: now) } else { clientLimiter.succeeded(at: now) }
        }
        record(.throttled(items: [item], reason: reason), rules: rules)
        let condition: CallerSpec.RetryCondition = status == 429 ? .throttled : .serviceError
        if retryStepFunctions(item: item, callerTry: callerTry, names: StepFunctionsRetrier.errorNames(condition, timedOut: false)) {
            record(.response(item: item, status: status, error: status == 429 ? "TooManyRequestsException" : "ServiceException", reason: reason), rules: rules)
            return
        }
        if callerRetries(condition, callerTry: callerTry) {
            record(.response(item: item, status: status, error: status == 429 ? "TooManyRequestsException" : "ServiceException", reason: reason), rules: rules)
            scheduleCallerRetry(item, callerTry: callerTry, throttling: status == 429)
            return
        }
        respond(
            item, status: status, error: status == 429 ? "TooManyRequestsException" : "ServiceException", reason: reason, rules: rules,
            outcome: status == 429 ? .throttled : .errorReturned)
    }

    /// X13: an `Inactive` SnapStart version answers 409 `SnapStartNotReadyException`, a
    /// client error that no SDK retries (R13); a Step Functions retrier may (R14, R15).
    private func refuseNotReady(_ item: Int, callerTry: Int) {
        stats.throttles += 1
        if spec.caller.sdk?.mode == .adaptive { clientLimiter.succeeded(at: now) }
        record(.throttled(items: [item], reason: "SnapStartNotReadyException"), rules: .X13)
        if retryStepFunctions(item: item, callerTry: callerTry, names: ["Lambda.SnapStartNotReadyException", "States.TaskFailed"]) {
            record(.response(item: item, status: 409, error: "SnapStartNotReadyException", reason: nil), rules: .X13)
            return
        }
        respond(item, status: 409, error: "SnapStartNotReadyException", reason: nil, rules: .X13, outcome: .errorReturned)
    }

    /// An adaptive SDK sends a try only with a token of its rate limiter (R10): true when the
    /// try waits for one (and is scheduled again, its token reserved).
    private func waitsForToken(_ item: Int, callerTry: Int) -> Bool {
        guard var state = syncItems[item] else { return false }
        if state.admittedTry == callerTry {
            // Back after its wait, with the token it reserved.
            clientLimiter.recordSend(at: now)
            return false
        }
        state.admittedTry = callerTry
        syncItems[item] = state
        assume(.adaptiveLimiter)
        let wait = clientLimiter.acquire(at: now)
        guard wait > 0 else {
            clientLimiter.recordSend(at: now)
            return false
        }
        record(.retryScheduled(items: [item], reason: .clientRateLimit, delay: wait), rules: [.R10])
        schedule(.syncTry(item: item, callerTry: callerTry), after: wait)
        return true
    }

    /// The caller is done with the request.
    private func endSyncItem(_ item: Int) {
        guard tracksSyncItems else { return }
        syncItems[item] = nil
        if !stepFunctionsRetries.isEmpty { stepFunctionsRetries[item] = nil }
    }

    /// The caller's next try after its backoff (S4, R12).
    private func scheduleCallerRetry(_ item: Int, callerTry: Int, throttling: Bool) {
        let delay = callerBackoff(item: item, callerTry: callerTry, throttling: throttling)
        record(.retryScheduled(items: [item], reason: .caller, delay: delay), rules: callerRules)
        schedule(.syncTry(item: item, callerTry: callerTry + 1), after: delay)
    }

    private func respond(_ item: Int, status: Int, error: String?, reason: String?, rules: RuleSet, outcome: Outcome) {
        record(.response(item: item, status: status, error: error, reason: reason), rules: rules)
        endSyncItem(item)
        settle(item, OutcomeSet(outcome))
    }
}
