/// Recursive loop detection (rules L1–L6 of reference §16).
///
/// Why: a function that writes each event it processed back to the service that invoked it
/// (SQS → Lambda → SQS) would run forever; Lambda counts the invocations of one chain by the
/// trace header's lineage (L1) and stops the 17th (L3) on the services it tracks (L2),
/// unless the function's `RecursiveLoop` is `Allow` (L6).
extension Engine {
    /// Whether Lambda follows the chain through the service that invokes the function: SQS,
    /// SNS, S3 and direct invocations are tracked; EventBridge and the rest are not (L2).
    var loopIsTracked: Bool {
        switch spec.mode.path {
        case .eventSourceMapping(.queue): return true
        case .eventSourceMapping(.stream), .eventSourceMapping(.topic), .eventSourceMapping(.broker), .eventSourceMapping(.changeStream),
            .synchronous:
            return false
        case .asynchronous:
            switch spec.trigger {
            case nil, .sns, .s3: return true
            default: return false
            }
        }
    }

    /// Whether an invocation `depth` deep in its chain is stopped (L2, L6): L3's "more than
    /// 16", invocations 1–16 run and the 17th is stopped (`recursion-threshold`, §17).
    func recursionStops(depth: Int) -> Bool {
        guard spec.function.loops, depth > spec.assumptions.recursionThreshold else { return false }
        guard loopIsTracked, !spec.function.recursiveLoopAllowed else { return false }
        assume(.recursionThreshold)
        return true
    }

    /// Records a stopped chain (L3, L4) and counts it (L5: `RecursiveInvocationsDropped`).
    func recordRecursionStopped(_ items: [Int], depth: Int) {
        stats.recursionStopped += 1
        record(.recursionStopped(items: items, depth: depth), rules: [.L1, .L3, .L4, .L5])
    }

    /// A number for an event the function sent itself, after every scheduled input.
    func takeLoopEventID() -> Int {
        stats.loopEvents += 1
        return spec.arrivals.reduce(0) { $0 + $1.count } + stats.loopEvents
    }

    /// An asynchronous run succeeded and sends its event back to its trigger: a new event of
    /// the same chain, one invocation deeper (L1); a stopped one goes where failures go (L4).
    /// Through SNS or S3 the service hands it to Lambda as any other event, so a refused
    /// hand-off is retried or lost by the service's own policy (R2–R4, R9).
    @inline(__always)
    func asyncLoopsBack(_ parent: AsyncItem) {
        guard spec.function.loops else { return }
        sendLoopEvent(parent)
    }

    /// `asyncLoopsBack`'s work, out of line: every asynchronous run asks, few loop.
    @inline(never)
    private func sendLoopEvent(_ parent: AsyncItem) {
        let item = takeLoopEventID()
        record(.arrival(item: item, size: Int64(parent.size), shard: nil, group: nil), rules: [.L1])
        if handsOff || (isServiceTrigger && spec.assumptions.handOffLatency > 0) {
            serviceReceived(HandOff(id: item, size: Int64(parent.size), group: parent.group, firstAt: now, depth: parent.depth &+ 1))
            return
        }
        record(.response(item: item, status: 202, error: nil, reason: nil), rules: [.A1])
        record(.enqueued(item: item), rules: [.A1])
        var child = AsyncItem(id: item, enqueuedAt: now, size: parent.size, group: parent.group)
        child.depth = parent.depth &+ 1
        schedule(.asyncReady(child), after: spec.assumptions.firstAttemptDelay)
    }
}
