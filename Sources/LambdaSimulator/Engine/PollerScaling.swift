/// The event pollers of a Kafka mapping: how many there are, the batches they keep in flight,
/// the partitions whose closed batch waits for one, and the scaling change underway (KF7,
/// KF8).
///
/// Why a state of its own: AWS scales a Kafka mapping's pollers on a one-minute evaluation
/// with changes that land within three minutes, so a partition can have a batch ready and no
/// poller to send it; what a reader then sees is batches that start late, and fewer in flight.
struct PollerScaling {
    /// Event pollers now.
    var pollers = 1
    /// Batches sent by a poller that have not ended yet (a throttled batch keeps its poller).
    var inFlight = 0
    /// Whether each partition's current batch holds a poller, indexed by lane.
    var holds: [Bool] = []
    /// Partitions whose closed batch waits for a poller, first come first served, with what
    /// closed the batch.
    var waiting: [(lane: Int, trigger: BatchTrigger)] = []
    var waitingHead = 0
    /// A batch waited for a poller since the last evaluation (the lag that scales up).
    var waitedSinceEvaluation = false
    /// `stats.throttles` at the last evaluation (throttles scale down, KF7).
    var throttlesAtEvaluation = 0
    /// When the next evaluation is scheduled, if one is.
    var evaluationAt: Int64?
    /// When the change decided at an evaluation takes effect, if one is underway.
    var changeAt: Int64?

    var hasWaiting: Bool { waitingHead < waiting.count }

    /// The next waiting partition, first come first served.
    mutating func popWaiting() -> (lane: Int, trigger: BatchTrigger) {
        let next = waiting[waitingHead]
        waitingHead += 1
        if waitingHead == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingHead = 0
        }
        return next
    }
}
