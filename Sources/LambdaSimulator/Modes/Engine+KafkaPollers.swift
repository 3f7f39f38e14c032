import NotesCore

/// Kafka event pollers and their scaling: on-demand (KF7) and provisioned mode (KF8).
///
/// A batch needs a poller to be sent: each poller keeps up to `kafka-poller-batches` batches
/// in flight (§17-style assumption; AWS's example in KF8 gives 5), and a partition whose
/// batch closed while every poller was full waits for one, first come first served. Once a
/// minute Lambda evaluates the offset lag (KF7): a batch that had to wait adds a poller, a
/// throttled function or a topic with no lag removes one; the change lands
/// `kafka-scaling-delay` after the evaluation (AWS: within three minutes). On demand the
/// pollers range from `kafka-pollers` (2022 text: one consumer) to one per partition (KF7);
/// in provisioned mode from MinimumPollers to MaximumPollers, capped at the partitions (KF8).
extension Engine {
    /// The rule that governs the poller count: provisioned mode (KF8) or on demand (KF7).
    private var pollerRule: RuleSet { spec.mapping.provisionedMinimum == nil ? .KF7 : .KF8 }

    /// The fewest and the most pollers the mapping may have (KF7, KF8).
    var kafkaPollerRange: ClosedRange<Int> {
        let partitions = max(1, spec.topic.partitions)
        guard let minimum = spec.mapping.provisionedMinimum else {
            return 1...partitions
        }
        // KF8: Lambda caps MaximumPollers at the topic's partition count.
        let maximum = min(spec.mapping.provisionedMaximum ?? 200, partitions)
        return min(minimum, maximum)...maximum
    }

    /// Batches the current pollers can keep in flight.
    private var pollerSlots: Int { source.scaling.pollers * max(1, spec.assumptions.kafkaPollerBatches) }

    func preparePollers() {
        let range = kafkaPollerRange
        let initial = spec.mapping.provisionedMinimum == nil ? spec.assumptions.kafkaPollers : range.lowerBound
        source.scaling.pollers = min(max(initial, range.lowerBound), range.upperBound)
        source.scaling.holds = Array(repeating: false, count: source.lanes.count)
    }

    /// Takes a poller for a partition's closed batch; false when every poller is full and the
    /// partition now waits for one (KF7, KF8).
    func acquirePoller(lane: Int, trigger: BatchTrigger) -> Bool {
        if source.scaling.holds[lane] { return true }
        if source.scaling.inFlight < pollerSlots {
            source.scaling.inFlight += 1
            source.scaling.holds[lane] = true
            return true
        }
        if spec.mapping.provisionedMinimum == nil { assume(.kafkaPollers) }
        assume(.kafkaPollerBatches)
        record(
            .note("partition \(lane) waits for an event poller (\(source.scaling.pollers) poller(s), \(source.scaling.inFlight) batch(es) in flight)"),
            rules: pollerRule)
        source.scaling.waiting.append((lane, trigger))
        source.scaling.waitedSinceEvaluation = true
        return false
    }

    /// A partition's batch ended (or paused for a retry): its poller takes the next waiting
    /// partition's batch.
    func releasePoller(lane: Int) {
        guard source.scaling.holds[lane] else { return }
        source.scaling.holds[lane] = false
        source.scaling.inFlight -= 1
        serveWaitingPartitions()
    }

    /// Sends the batches that waited, oldest first, while pollers have room.
    private func serveWaitingPartitions() {
        while source.scaling.hasWaiting, source.scaling.inFlight < pollerSlots {
            let next = source.scaling.popWaiting()
            invokeKafkaBatch(lane: next.lane, trigger: next.trigger)
        }
    }

    /// Schedules the next once-a-minute evaluation of the offset lag after `now` (KF7),
    /// counted from when polling started.
    func scheduleLagEvaluation() {
        guard source.scaling.evaluationAt == nil else { return }
        let start = kafkaPollingStart
        let minutes = max(0, (now - start) / 60_000) + 1
        let time = start + minutes * 60_000
        source.scaling.evaluationAt = time
        schedule(.pollerEvaluation, at: time)
    }

    /// The once-a-minute evaluation (KF7): a batch that waited for a poller adds one; a
    /// throttled function, or no lag at all, removes one; one change at a time, landing
    /// `kafka-scaling-delay` later.
    func evaluateLag() {
        source.scaling.evaluationAt = nil
        let waited = source.scaling.waitedSinceEvaluation || source.scaling.hasWaiting
        let throttled = stats.throttles > source.scaling.throttlesAtEvaluation
        source.scaling.waitedSinceEvaluation = false
        source.scaling.throttlesAtEvaluation = stats.throttles
        let current = source.scaling.pollers
        let range = kafkaPollerRange
        if source.scaling.changeAt == nil {
            var target = current
            if throttled {
                target -= 1  // KF7: Lambda reduces pollers when the function is throttled.
            } else if waited {
                target += 1
            } else if source.records.isEmpty {
                target -= 1
            }
            target = min(max(target, range.lowerBound), range.upperBound)
            if target != current {
                assume(.kafkaPollers)
                assume(.kafkaScalingDelay)
                let at = now + max(0, spec.assumptions.kafkaScalingDelay)
                source.scaling.changeAt = at
                let why = throttled ? "the function was throttled" : waited ? "a partition's batch waited for a poller" : "no offset lag"
                note("offset lag evaluated: \(why); event pollers \(current) → \(target) at \(SimTime(milliseconds: at))", rules: pollerRule)
                schedule(.pollerChange(count: target), at: at)
            }
        }
        if !source.records.isEmpty || source.scaling.pollers > range.lowerBound || source.scaling.changeAt != nil {
            scheduleLagEvaluation()
        }
    }

    /// A scaling change lands: the mapping now has `count` pollers (KF7, KF8).
    func changePollers(to count: Int) {
        source.scaling.changeAt = nil
        let before = source.scaling.pollers
        source.scaling.pollers = count
        note("event pollers \(before) → \(count)", rules: pollerRule)
        serveWaitingPartitions()
    }
}
