/// Provisioned environments recycled "every few hours" (X8): each runs `Init` again, billed
/// even if it never serves a request, and serves nothing while it does, so requests then
/// spill over to on-demand environments (X10) as when every provisioned one is busy.
///
/// Why apart from `Engine+Environments`: nothing on the request path asks for it; a recycle
/// is scheduled per environment only when the scenario sets `provisioned-recycle` (§17, off
/// by default).
extension Engine {
    /// Schedules each environment's next recycle, `provisioned-recycle` after it became READY
    /// (at its allocation, or at the end of its last recycle).
    func scheduleRecycles(_ instances: [Int]) {
        guard let period = spec.assumptions.provisionedRecycle else { return }
        for instance in instances { scheduleRecycleAction(.provisionedRecycleDue(instance: instance), after: period) }
    }

    /// X8: an environment's recycle is due: an idle one starts its `Init` at once, a busy one
    /// when its invocation ends (`releaseEnvironment`).
    func provisionedRecycleDue(instance: Int) {
        pendingRecycles -= 1
        if pool.recycle(instance) { reinitialize(instance) }
    }

    /// X8: the environment runs `Init` again, billed, out of service until it is READY.
    func reinitialize(_ instance: Int) {
        assume(.provisionedRecycle)
        note("provisioned env \(instance) recycled: its Init runs again, billed, and it serves no request until it is ready", rules: [.X8])
        scheduleRecycleAction(.provisionedReinitialized(instance: instance), after: spec.function.initDuration)
    }

    /// Schedules a recycle's step, counted so that recycles alone do not keep the scenario
    /// going once every input has settled (`Engine.run`; with `until:` they go on to it).
    private func scheduleRecycleAction(_ action: Action, after delay: Int64) {
        pendingRecycles += 1
        schedule(action, after: delay)
    }

    /// X8: READY again; it serves requests until its next recycle.
    func provisionedReinitialized(instance: Int) {
        pendingRecycles -= 1
        pool.reinitialized(instance)
        record(.provisioned(instances: [instance], initDuration: spec.function.initDuration), rules: [.X1, .X8])
        scheduleRecycles([instance])
    }
}
