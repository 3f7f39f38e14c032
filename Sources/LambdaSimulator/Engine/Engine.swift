/// The discrete-event core: one queue of actions ordered by (time, sequence), one clock
/// that only moves forward, and the state of the mode being simulated.
///
/// Mode-specific behaviour lives in `Engine+Sync.swift`, `Engine+Async.swift`,
/// `Engine+SQS.swift` and `Engine+Stream.swift`. The engine does no I/O, reads no clock and
/// draws no unseeded random numbers: the same specification always gives the same trace.
///
/// The engine is deliberately not generic over its sink: generic class code that is not
/// specialised reads every stored property through type metadata, which made each step
/// several times slower. A `TraceRecorder`, the sink of every trace a page shows, is held as
/// itself and called directly (through the existential, each entry first projected the
/// existential's box and went through a witness); any other sink goes through the protocol.
final class Engine {
    let spec: ScenarioSpec
    /// Whether SNS, EventBridge or S3 hands the events over (R1, R5, R9), decided once: every
    /// asynchronous arrival asks.
    let isServiceTrigger: Bool
    /// Whether environments have a lifecycle (`FunctionSpec.modelsEnvironments`), decided
    /// once: every invocation asks, and the spec compares its `init-fails` plan to find out.
    let modelsEnvironments: Bool
    /// Whether an `Init` may fail (`FunctionModel.initCanFail`, X4), decided once: every cold
    /// start asks.
    let initCanFail: Bool
    /// The sink when it is a recorder (`otherSink` nil); else an empty recorder, unused.
    /// Not an optional: asking an optional this large whether it held a value was a call
    /// per entry.
    var recorder: TraceRecorder
    /// The sink when it is not a recorder.
    var otherSink: (any TraceSink)?
    /// Whether `recorder` is the sink, decided once: asking `otherSink` copied it.
    let recordsDirectly: Bool
    let keepsEntries: Bool
    var queue = EventQueue<Action>()
    var arrivals: ArrivalStream
    var now: Int64 = .min
    var pool: ConcurrencyPool
    var requestRate: RequestRateLimiter
    var function: FunctionModel
    var stats = SimulationStats()
    var rulesFired: RuleSet = []
    var assumedBits: UInt64 = 0
    var outcomeCounts = InlineCounts()
    var deliveryCounts = InlineCounts()
    /// Per arrival group: behaviour overrides, looked up on every attempt (empty when no
    /// group overrides them: nothing looks them up then).
    let groupDurations: [[Int64]?]
    let groupFails: [FailurePlan?]
    /// Whether any group overrides them, decided once: without, an attempt's plan is asked
    /// without copying (and retaining) a group's empty overrides.
    let hasGroupOverrides: Bool
    /// The earlier of the trigger's and the client's timeout (S8, R13), decided once: every
    /// synchronous try asks.
    private(set) var callerTimeout: Int64?
    /// Whether a synchronous request keeps its state (`SyncItem`) from its try to its end,
    /// decided once: only a caller that may come back to it needs it (`callerMayComeBack`).
    /// Without, a try reads the arrival's size and group and the end settles the request, so
    /// neither looks it up: an insert, an update, a lookup and a remove per call.
    private(set) var tracksSyncItems = true

    /// The assumptions relied on.
    var assumptionsUsed: Set<Assumptions.Name> {
        // Most runs rely on none: then no list of every name is filtered.
        guard assumedBits != 0 else { return [] }
        var names = Set<Assumptions.Name>(minimumCapacity: assumedBits.nonzeroBitCount)
        for name in Assumptions.Name.allCases where assumedBits & name.bit != 0 { names.insert(name) }
        return names
    }
    var nextInvocation = 1
    /// Batches the script refused before the handler ran (`batchPlan`).
    var scriptedBatchRefusals = 0
    /// Steps taken (arrivals aside) since the clock last moved, and how many are allowed.
    var stepsThisInstant = 0
    var stepsPerInstantLimit: Int { 1_000_000 + 20 * stats.inputs }

    // Per-mode state.
    let syncItems = IDTable<SyncItem>()
    /// Step Functions: retries made per retrier of each request (R14, counted over the
    /// state's execution); apart from `SyncItem`, which then holds no reference and is copied
    /// without retains on every try.
    var stepFunctionsRetries: [Int: [Int]] = [:]
    /// The client-side rate limiter of an SDK in adaptive mode (R10).
    var clientLimiter: ClientRateLimiter
    /// A SnapStart version's state (X13): when it was last invoked, ms (negative: before the
    /// scenario), and when the re-activation under way ends (nil: none, the version is Active
    /// unless 14 days passed since `versionLastInvoked`).
    var versionLastInvoked: Int64 = 0
    var versionActiveAt: Int64?
    /// Async events whose handler is running, by instance (an instance runs one at a time, C5).
    var running: [AsyncItem?] = []
    /// Scheduled recycles of provisioned environments and their `Init`s (X8): when nothing
    /// else is left, the scenario is over rather than recycling on for ever.
    var pendingRecycles = 0
    var source = SourceState()

    /// An engine for `spec` that hands what happens to `recorder` when it is given, else to
    /// `sink`.
    init(spec: ScenarioSpec, recorder: consuming TraceRecorder?, sink: (any TraceSink)?, keepsEntries: Bool) {
        self.recordsDirectly = recorder != nil
        self.otherSink = recordsDirectly ? nil : sink
        // Moved in, not copied: a copy retained each of the recorder's lists.
        self.recorder = recorder ?? TraceRecorder(mode: spec.mode)
        self.spec = spec
        self.isServiceTrigger = Self.isServiceTrigger(spec.trigger)
        self.modelsEnvironments = spec.function.modelsEnvironments
        self.initCanFail = FunctionModel.initCanFail(spec.function.initFails)
        self.keepsEntries = keepsEntries
        self.arrivals = ArrivalStream(groups: spec.arrivals)
        self.pool = ConcurrencyPool(
            reserved: spec.function.reservedConcurrency, account: spec.accountConcurrency,
            idleLifetime: modelsEnvironments ? spec.assumptions.idleLifetime : nil,
            maxLifetime: modelsEnvironments ? spec.assumptions.maxEnvironmentLifetime : nil,
            reuse: spec.assumptions.environmentReuse)
        self.clientLimiter = ClientRateLimiter(beta: spec.assumptions.adaptiveBeta, minimumRate: spec.assumptions.adaptiveMinimumRate)
        self.requestRate = RequestRateLimiter(concurrencyQuota: spec.accountConcurrency)
        self.function = FunctionModel(spec: spec.function, seed: spec.seed)
        let hasGroupOverrides = spec.arrivals.contains { $0.durations != nil || $0.fails != nil }
        self.hasGroupOverrides = hasGroupOverrides
        self.groupDurations = hasGroupOverrides ? spec.arrivals.map(\.durations) : []
        self.groupFails = hasGroupOverrides ? spec.arrivals.map(\.fails) : []
        self.callerTimeout = earliestCallerTimeout
        self.tracksSyncItems = callerMayComeBack
    }

    /// Runs until every input has settled (or the horizon), then reports what is still open.
    func run() throws(SimulationError) {
        let horizon = spec.until ?? spec.limits.horizon
        prepare()
        while true {
            let nextArrival = arrivals.nextTime
            let nextAction = queue.nextTime
            let arrivalFirst: Bool
            switch (nextArrival, nextAction) {
            case (nil, nil):
                if hasDeferredPolls {
                    runDeferredPolls()
                    continue
                }
                finish(at: max(now, 0))
                return
            case (_?, nil): arrivalFirst = true
            case (nil, _?):
                if pendingRecycles > 0, pendingRecycles == queue.count, spec.until == nil, !hasDeferredPolls {
                    finish(at: max(now, 0))
                    return
                }
                arrivalFirst = false
            case (let arrival?, let action?): arrivalFirst = arrival < action
            }
            let time = arrivalFirst ? nextArrival! : nextAction!
            if time > now, hasDeferredPolls {
                // The current millisecond is over: pollers now see everything that arrived in it.
                runDeferredPolls()
                continue
            }
            if time > horizon {
                finish(at: horizon)
                return
            }
            stats.steps += 1
            if stats.steps > spec.limits.maximumSteps {
                throw .limitExceeded(.steps, value: Int64(spec.limits.maximumSteps), at: max(now, 0))
            }
            // A loop that never lets time pass (zero-delay retries that never end) would
            // only stop at the step limit, minutes later: stop it when one instant has taken
            // far more steps than its arrivals can explain.
            if time > now {
                stepsThisInstant = 0
            } else if !arrivalFirst {
                stepsThisInstant += 1
                if stepsThisInstant > stepsPerInstantLimit {
                    throw .noProgress(at: now, steps: stepsThisInstant)
                }
            }
            now = max(now, time)
            if arrivalFirst {
                let arrival = arrivals.next()!
                stats.inputs += 1
                if stats.inputs > spec.limits.maximumInputs {
                    throw .limitExceeded(.records, value: Int64(spec.limits.maximumInputs), at: max(now, 0))
                }
                handleArrival(arrival)
            } else {
                let (_, action) = queue.pop()!
                handle(action)
            }
        }
    }

    private func prepare() {
        now = min(0, spec.arrivals.map(\.at).min() ?? 0)
        switch spec.mode.path {
        case .synchronous, .asynchronous: break
        case .eventSourceMapping: prepareSource()
        }
        prepareEnvironments()
        if spec.mode == .sync, spec.eventInvokeConfig.onSuccess != nil || spec.eventInvokeConfig.onFailure != nil || spec.deadLetter != nil {
            note("destinations and the dead-letter queue are configured but never used for synchronous invocations", rules: [.S9])
        }
    }

    private func handleArrival(_ arrival: ArrivalStream.Arrival) {
        switch spec.mode.path {
        case .synchronous: syncArrival(arrival)
        case .asynchronous: asyncArrival(arrival)
        case .eventSourceMapping: sourceArrival(arrival)
        }
    }

    private func handle(_ action: Action) {
        switch action {
        case .syncTry(let item, let callerTry):
            syncTry(item: item, callerTry: callerTry)
        case .syncEnd(let item, let invocation, let instance, let result, let callerTry):
            syncEnd(item: item, invocation: invocation, instance: instance, result: result, callerTry: callerTry)
        case .syncCallerGaveUp(let item, let callerTry):
            syncCallerGaveUp(item: item, callerTry: callerTry)
        case .handOff(let state):
            handOff(state)
        case .asyncReady(let state):
            asyncReady(state)
        case .asyncEnd(let invocation, let instance, let result):
            asyncEnd(invocation: invocation, instance: instance, result: result)
        case .laneWake(let lane):
            laneWake(lane)
        case .laneEnd(let lane, let invocation, let instance, let result):
            laneEnd(lane, invocation: invocation, instance: instance, result: result)
        case .messageVisible(let item, let receiveCount):
            messageVisible(item, receiveCount: receiveCount)
        case .provisionedReady(let count):
            provisionedReady(count: count)
        case .provisionedRecycleDue(let instance):
            provisionedRecycleDue(instance: instance)
        case .provisionedReinitialized(let instance):
            provisionedReinitialized(instance: instance)
        case .pollerEvaluation:
            evaluateLag()
        case .pollerChange(let count):
            changePollers(to: count)
        }
    }

    /// Settles whatever is still open at the end as `pending`.
    private func finish(at time: Int64) {
        now = max(now, time)
        if spec.mode.eventSource == .queue {
            // Messages that waited out the queue's retention period are gone.
            for id in source.records.keys {
                if let message = source.records[id], message.state == .waiting, hasExpired(message) { messageExpired(id) }
            }
        }
        stats.endTime = time
        stats.maxConcurrency = pool.peak
        // The records' ids read through the table itself: `source.openItems` copied the
        // whole source state to ask.
        var open: [Int] = syncItems.keys + running.compactMap { $0?.id } + source.records.keys
        for action in queue.drain() {
            // Untracked requests are open while their handler runs (none waits for anything else).
            if !tracksSyncItems, case .syncEnd(let item, _, _, _, _) = action { open.append(item) }
            if case .asyncReady(let state) = action { open.append(state.id) }
            if case .handOff(let state) = action { open.append(state.id) }
        }
        open.sort()
        for item in open { settle(item, [.pending]) }
        stats.outcomeCounts = outcomeCounts
        stats.deliveryCounts = deliveryCounts
    }

    // MARK: - Recording

    /// Records an entry (when the sink keeps entries) and the rules behind it.
    @inline(__always)
    func record(_ event: @autoclosure () -> TraceEvent, rules: RuleSet = []) {
        rulesFired.formUnion(rules)
        if keepsEntries {
            emit(TraceEntry(time: now, event: event(), rules: rules))
        }
    }

    /// Hands an entry to the sink (kept out of line: `record` is inlined at every step).
    private func emit(_ entry: consuming TraceEntry) {
        if recordsDirectly {
            recorder.record(entry)
        } else {
            otherSink!.record(entry)
        }
    }

    func note(_ text: String, rules: RuleSet) {
        record(.note(text), rules: rules)
    }

    /// Marks an assumption as relied on.
    @inline(__always)
    func assume(_ name: Assumptions.Name) {
        assumedBits |= name.bit
    }

    /// Records the final state of an input.
    func settle(_ item: Int, _ outcomes: OutcomeSet) {
        outcomeCounts.addOne(forEachBitOf: outcomes.rawValue)
        if recordsDirectly {
            recorder.settle(item: item, outcomes: outcomes)
        } else {
            otherSink!.settle(item: item, outcomes: outcomes)
        }
    }

    /// Counts a message sent to a destination, DLQ or redrive queue.
    @inline(__always)
    func countDelivery(_ route: Delivery.Route) {
        deliveryCounts.increment(route.ordinal)
    }

    func schedule(_ action: Action, after delay: Int64) {
        queue.schedule(action, at: now + max(0, delay), now: now)
    }

    func schedule(_ action: Action, at time: Int64) {
        queue.schedule(action, at: max(now, time), now: now)
    }

    /// How attempt `attempt` of `key`, an input of arrival group `group`, goes: the function's
    /// script, or the group's overrides of it. `run` numbers the handler's runs for `duration`
    /// (a refused try is an attempt of `fails`, but it ran no handler); the attempt by default.
    @inline(__always)
    func plan(attempt: Int, run: Int? = nil, key: Int, group: Int) -> FunctionModel.Plan {
        guard hasGroupOverrides else { return function.plan(attempt: attempt, run: run, key: key) }
        return function.plan(attempt: attempt, run: run, key: key, overrideDurations: groupDurations[group], overrideFails: groupFails[group])
    }

    /// How the next batch a mapping hands to the function goes: the script's plan for the Nth
    /// batch, where a batch the script refused (`failure: throttled` or `service-error`) took
    /// its number too, so `fails: [1]` refuses the first batch once and the retry runs.
    func batchPlan(items: [Int]) -> FunctionModel.Plan {
        let plan = function.plan(attempt: nextInvocation + scriptedBatchRefusals, run: nextInvocation, key: items.first ?? 0, items: items)
        if case .refused = plan { scriptedBatchRefusals += 1 }
        return plan
    }

    func takeInvocationNumber() -> Int {
        defer { nextInvocation += 1 }
        return nextInvocation
    }
}
