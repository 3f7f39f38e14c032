/// Execution environments on the request path: `Init`, cold and warm starts, provisioned
/// concurrency and spillover (rules X1–X13 of reference §11).
///
/// Why here and not in each mode: every path (sync, async, event source mappings) takes an
/// environment from the same pool, so a cold start costs the same wherever it happens. An
/// invocation's `start` entry is when the request reached Lambda; with a cold start its
/// handler begins `Init` later, so the caller's latency (`end − start`) includes `Init` (X6).
extension Engine {
    /// X2: the longest an on-demand `Init` may run before Lambda abandons it.
    static let onDemandInitLimit: Int64 = 10_000
    /// X13: the longest a SnapStart `Restore` (its after-restore hooks) may run.
    static let restoreLimit: Int64 = 10_000
    /// X7, X8: the 2 hours "every few hours" may mean; while `max-environment-lifetime` or
    /// `provisioned-recycle` is off, an environment this old that serves a request relies on it.
    static let everyFewHours: Int64 = 7_200_000

    /// Allocates the provisioned concurrency: configured before the scenario it is READY at
    /// 0 s, configured during it `provisioned-ready-after` later (X1, X9, X11).
    func prepareEnvironments() {
        if let ago = spec.function.lastInvoked { versionLastInvoked = -ago }
        if spec.function.snapStart {
            note("SnapStart: Init ran when the version was published; a new environment restores from its snapshot instead", rules: [.X13, .X1])
        }
        guard let count = spec.function.provisionedConcurrency, count > 0 else { return }
        assume(.provisionedReadyAfter)
        let ready = spec.function.provisionedAt.map { $0 + spec.assumptions.provisionedReadyAfter } ?? 0
        schedule(.provisionedReady(count: count), at: max(now, ready))
    }

    /// Provisioned environments run `Init` ahead of any request (X1); an `Init` longer than
    /// max(130 s, Timeout) cannot finish, so the allocation fails (X3).
    func provisionedReady(count: Int) {
        let limit = max(130_000, spec.function.timeoutSeconds * 1_000)
        if spec.function.initDuration > limit {
            note("provisioned concurrency FAILED: Init runs longer than \(limit / 1_000) s, the limit for provisioned environments", rules: [.X3, .X11])
            return
        }
        let instances = pool.addProvisioned(count, at: now)
        // X8: these Inits are billed now, whether or not a request ever uses the environment.
        record(.provisioned(instances: instances, initDuration: spec.function.initDuration), rules: [.X1, .X8, .X9, .X11])
        scheduleRecycles(instances)
    }

    /// How long an invocation holds its environment and how it ends, with `Init` in front
    /// when the environment is new or was reset (X1, X2, X4, X6, X10).
    /// `items` is read only when a cold start is recorded: a synchronous or asynchronous
    /// call would otherwise allocate `[item]` on every invocation. Inlined, with the cold
    /// start out of line, so that a warm start costs no call.
    @inline(__always)
    func startInEnvironment(
        _ instance: Int, invocation: Int, items: @autoclosure () -> [Int], runtime: Int64, result: AttemptResult
    ) -> (runtime: Int64, result: AttemptResult) {
        guard modelsEnvironments else { return (runtime, result) }
        // One read of the environment's state, not one per question.
        let environment = pool.environment(instance)
        let spilled = spec.function.provisionedConcurrency != nil && !environment.provisioned
        if spilled { rulesFired.insert(.X10) }
        if environment.initialized {
            if !environment.provisioned {
                // A warm on-demand environment: it outlived neither the idle lifetime (X7)
                // nor lost a choice among others (X6), and was not retired (X7: set, or
                // older than the 2 hours "every few hours" may mean).
                assume(.idleLifetime)
                assume(.environmentReuse)
                if spec.assumptions.maxEnvironmentLifetime != nil || now - environment.createdAt >= Self.everyFewHours {
                    assume(.maxEnvironmentLifetime)
                }
            } else if spec.assumptions.provisionedRecycle != nil || now - environment.createdAt >= Self.everyFewHours {
                // A provisioned environment serving: not being recycled now (X8: set, or
                // older than "every few hours" may mean).
                assume(.provisionedRecycle)
            }
            rulesFired.insert(.X6)
            return (runtime, result)
        }
        return coldStart(instance, invocation: invocation, items: items(), runtime: runtime, result: result, spilled: spilled)
    }

    /// `Init` in front of the handler: a new environment, or one a timeout or a failed `Init`
    /// reset (X1, X2, X4, X6, X13).
    @inline(never)
    private func coldStart(
        _ instance: Int, invocation: Int, items: @autoclosure () -> [Int], runtime: Int64, result: AttemptResult, spilled: Bool
    ) -> (runtime: Int64, result: AttemptResult) {
        let environment = pool.environment(instance)
        if pool.reclaimed > 0 { assume(.idleLifetime) }
        if pool.retired > 0 { assume(.maxEnvironmentLifetime) }
        stats.coldStarts += 1
        pool.markInitialized(instance)
        if spec.function.snapStart, !environment.provisioned {
            return restoreFromSnapshot(instance, invocation: invocation, items: items(), runtime: runtime, result: result, spilled: spilled)
        }
        let failed = initCanFail && FunctionModel.initFails(spec.function.initFails, seed: spec.seed, coldStart: stats.coldStarts)
        let initTime = spec.function.initDuration
        // X8: the Init is billed as part of this invocation (since August 2025 for every
        // configuration): its billed duration is its latency, Init included.
        var rules: RuleSet = [.X1, .X6, .X8] + (spilled ? .X10 : []) + (failed ? .X4 : [])
        guard initTime > Self.onDemandInitLimit, !environment.provisioned else {
            record(.coldStart(invocation: invocation, instance: instance, items: items(), duration: initTime, failed: failed), rules: rules)
            if failed { pool.markInitialized(instance, false) }
            return failed ? (initTime, .error) : (initTime + runtime, result)
        }
        // X2: abandoned at 10 s, then run again inside the invocation, under the timeout:
        // the whole Init again (`init-overrun: twice`) or only what was left of it (`once`).
        assume(.initOverrun)
        rules.insert(.X2)
        let timeout = spec.function.timeoutSeconds * 1_000
        let rerun = spec.assumptions.initOverrun == .twice ? initTime : initTime - Self.onDemandInitLimit
        let overrun = failed || rerun + runtime > timeout
        let total = failed ? Self.onDemandInitLimit + rerun : Self.onDemandInitLimit + min(rerun + runtime, timeout)
        record(
            .coldStart(invocation: invocation, instance: instance, items: items(), duration: Self.onDemandInitLimit + rerun, failed: overrun), rules: rules)
        if overrun { pool.markInitialized(instance, false) }
        if failed { return (total, .error) }
        return (total, rerun + runtime > timeout ? .timeout : result)
    }

    /// X13: a new environment of a SnapStart version resumes from the snapshot taken at
    /// publish, so its request waits for `Restore` (`snapstart-restore`, §17), not `Init`
    /// (X8: the Init billed at publish is not on any request); an after-restore hook over
    /// 10 s times the `Restore` out and the invocation fails (`SnapStartTimeoutException`).
    private func restoreFromSnapshot(
        _ instance: Int, invocation: Int, items: [Int], runtime: Int64, result: AttemptResult, spilled: Bool
    ) -> (runtime: Int64, result: AttemptResult) {
        assume(.snapstartRestore)
        let restore = spec.assumptions.snapstartRestore
        let failed = restore > Self.restoreLimit
        let held = failed ? Self.restoreLimit : restore
        record(
            .coldStart(invocation: invocation, instance: instance, items: items, duration: held, failed: failed), rules: [.X13, .X6] + (spilled ? .X10 : []))
        if failed {
            pool.markInitialized(instance, false)
            return (held, .error)
        }
        return (restore + runtime, result)
    }

    /// X13: a SnapStart version not invoked for 14 days is `Inactive`.
    static let snapStartInactiveAfter: Int64 = 14 * 86_400_000

    /// X13: whether the SnapStart version is not `Active`. The invoke that finds it
    /// `Inactive` starts its re-activation (`snapstart-reactivation`, §17), and it and every
    /// invoke until the version is `Active` again fail with `SnapStartNotReadyException`.
    func versionNotReady() -> Bool {
        guard spec.function.snapStart else { return false }
        if let activeAt = versionActiveAt {
            guard now >= activeAt else { return true }
            versionActiveAt = nil
            versionLastInvoked = activeAt
        }
        guard now - versionLastInvoked >= Self.snapStartInactiveAfter else { return false }
        assume(.snapstartReactivation)
        versionActiveAt = now + (spec.assumptions.snapstartReactivation ?? spec.function.initDuration)
        note("the version was not invoked for 14 days: Inactive; this invoke starts its re-activation", rules: [.X13])
        return true
    }

    /// Returns an environment after an invocation; a timeout resets it, so its next request
    /// pays `Init` again (X4, X5). A provisioned one whose recycle fell due while it ran is
    /// recycled now (X8).
    @inline(__always)
    func releaseEnvironment(_ instance: Int, result: AttemptResult) {
        if pool.release(instance, at: now) { reinitialize(instance) }
        if result == .timeout, modelsEnvironments {
            pool.markInitialized(instance, false)
            rulesFired.insert(.X4)
        }
    }
}
