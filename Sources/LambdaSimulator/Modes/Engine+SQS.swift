/// Event source mapping on SQS standard and FIFO queues: rules Q1–Q13 (with E1–E7).
extension Engine {
    /// Concurrent batches the mapping may reach (Q8 default 1,000; Q9 MaximumConcurrency;
    /// Q10 provisioned pollers, about 10 invokes each).
    var queueLaneCap: Int {
        if let maximum = spec.mapping.provisionedMaximum { return maximum * 10 }
        return spec.mapping.maximumConcurrency ?? 1_000
    }

    /// Concurrent batches when polling starts (Q8: five; Q10: the minimum pollers).
    var queueInitialLanes: Int {
        min(queueLaneCap, spec.mapping.provisionedMinimum.map { $0 * 10 } ?? 5)
    }

    /// The visibility timeout a received message gets (Q2), stretched to window + timeout
    /// + 30 s when the window and the function timeout would outlast it (Q3).
    var effectiveVisibilityTimeout: Int64 {
        let visibility = spec.queue.visibilityTimeoutSeconds * 1_000
        let timeout = spec.function.timeoutSeconds * 1_000
        if batchingWindow > 0, batchingWindow + timeout > visibility {
            return batchingWindow + timeout + 30_000
        }
        return visibility
    }

    /// The first pollers start with the mapping at t = 0, and so do their batching windows
    /// (E3, reference §10: the window opens when the mapping is enabled, not at the first
    /// message); pollers added by scaling (Q8) open theirs when they start.
    func prepareQueue() {
        source.activeLanes = queueInitialLanes
        guard batchingWindow > 0 else { return }
        assume(.windowStart)
        guard spec.mapping.enabled else { return }
        for index in 0..<queueInitialLanes {
            source.lanes.append(PollerLane(index: index, windowOpenedAt: 0))
        }
    }

    func queueArrival(_ arrival: ArrivalStream.Arrival) {
        let fifoGroup = spec.mode == .sqsFIFO ? (spec.arrivals[arrival.group].group ?? "default") : nil
        record(.arrival(item: arrival.id, size: arrival.size, shard: nil, group: fifoGroup))
        let message = SourceRecord(
            id: arrival.id, arrival: now, size: arrival.size, shard: 0, group: fifoGroup.map(groupID), pollLatency: spec.assumptions.pollLatency)
        source.records[arrival.id] = message
        makeVisible(message)
        if source.scalingSince == nil { source.scalingSince = max(now, 0) }
        source.deferredPump = true
    }

    /// Lets free pollers take visible messages (Q1, Q5, Q8).
    func pumpQueue() {
        guard spec.mapping.enabled else { return }
        if now < 0 {
            schedulePump(at: 0)
            return
        }
        updateActiveLanes()
        if source.lanes.capacity < source.activeLanes {
            // The first lanes get room for themselves; once Q8 adds lanes as the minutes pass,
            // room for many at once, not grown by doubling (each doubling moved every lane).
            let room = source.activeLanes <= queueInitialLanes ? source.activeLanes : max(Self.reservedQueueLanes, 2 * source.activeLanes)
            source.lanes.reserveCapacity(min(queueLaneCap, room))
        }
        while source.lanes.count < source.activeLanes {
            let index = source.lanes.count
            source.lanes.append(PollerLane(index: index, windowOpenedAt: batchingWindow > 0 ? max(now, 0) : nil))
        }
        var allBusy = true
        for lane in 0..<source.activeLanes where !source.lanes[lane].busy {
            // Lanes gathering a batch have a wake-up at their deadline; a free lane that
            // finds nothing to take means no later lane will either.
            let before = source.lanes[lane].batch.count
            fillQueueLane(lane)
            if !source.lanes[lane].busy {
                allBusy = false
                if source.lanes[lane].batch.count == before { break }
            }
        }
        if allBusy, source.activeLanes < queueLaneCap, hasTakeableMessages, let since = source.scalingSince {
            // Q8: 300 more concurrent batches per minute while messages remain.
            let next = since + Int64(source.activeLanes - queueInitialLanes + 1) * 60_000 / 300
            schedulePump(at: max(next, now + 1))
        }
    }

    /// The queue lanes a mapping makes room for when it first grows past its first ones.
    static var reservedQueueLanes: Int { 256 }

    /// Whether a new poller would find a message to take (Q8 scales only then).
    private var hasTakeableMessages: Bool {
        if spec.mode == .sqsFIFO {
            return nextFIFOMessage(for: -2) != nil
        }
        while source.availableHead < source.available.count {
            if let message = source.records[source.available[source.availableHead]], message.state == .waiting {
                return message.availableAt <= now
            }
            source.availableHead += 1
        }
        return false
    }

    private func updateActiveLanes() {
        if source.records.isEmpty {
            source.scalingSince = nil
            source.activeLanes = max(source.activeLanes, queueInitialLanes)
            return
        }
        let since = source.scalingSince ?? now
        let grown = queueInitialLanes + Int((now - since) * 300 / 60_000)
        source.activeLanes = max(source.activeLanes, min(queueLaneCap, grown))
    }

    private func schedulePump(at time: Int64) {
        if let scheduled = source.pumpScheduledAt, scheduled <= time, scheduled >= now { return }
        source.pumpScheduledAt = time
        schedule(.laneWake(lane: -1), at: time)
    }

    /// Gathers messages into a lane's batch and invokes when BatchSize, 6 MB or the window
    /// closes it (E2, E3, Q5, Q6).
    func fillQueueLane(_ lane: Int) {
        guard !source.lanes[lane].busy else { return }
        if batchingWindow > 0, source.lanes[lane].windowOpenedAt == nil {
            source.lanes[lane].windowOpenedAt = now
        }
        // An empty lane with nothing to take has nothing to close either.
        if source.lanes[lane].batch.isEmpty, nextQueueMessage(for: lane) == nil { return }
        // Q5: without a window a batch is what one ReceiveMessage returns, at most 10.
        let limit = batchingWindow > 0 ? batchSize : min(batchSize, 10)
        // Only a full trace lists what each receive returned; summaries skip the array.
        var received: [Int] = []
        // A new lane's first batch: room for it at once, not grown from one by doubling (later
        // batches keep this storage, `resetQueueLane`).
        if source.lanes[lane].batch.capacity == 0 { source.lanes[lane].batch.reserveCapacity(min(limit, 16)) }
        while source.lanes[lane].batch.count < limit, let id = nextQueueMessage(for: lane) {
            var message = source.records[id]!
            let bytes = message.size + spec.assumptions.recordOverhead
            if source.lanes[lane].batchBytes + bytes > payloadLimit, !source.lanes[lane].batch.isEmpty {
                recordReceived(received)
                assume(.recordOverhead)
                invokeQueueBatch(lane: lane, trigger: .payload)
                return
            }
            receive(&message, by: lane)
            if keepsEntries {
                // Room for what one receive returns at once, not grown from one by doubling.
                if received.isEmpty { received.reserveCapacity(min(limit - source.lanes[lane].batch.count, 16)) }
                received.append(id)
            }
            source.lanes[lane].batch.append(id)
            source.lanes[lane].batchBytes += bytes
        }
        recordReceived(received)
        if let trigger = closingTrigger(lane: lane, receiveLimit: limit, window: queueWindow) {
            invokeQueueBatch(lane: lane, trigger: trigger)
        }
    }

    /// The batching window of a queue lane, stretched on a very quiet queue (Q6: Lambda may
    /// wait up to 20 s even with a shorter window).
    private func queueWindow() -> Int64 {
        guard batchingWindow > 0, spec.assumptions.sqsLowTrafficWait > batchingWindow else { return batchingWindow }
        assume(.sqsLowTrafficWait)
        return spec.assumptions.sqsLowTrafficWait
    }

    private func recordReceived(_ items: [Int]) {
        guard !items.isEmpty else { return }
        record(.received(items: items, receiveCounts: items.map { source.records[$0]?.receiveCount ?? 0 }), rules: [.Q2])
    }

    /// The next message a lane may take: standard queues in order of visibility; FIFO the
    /// oldest message of a group no other lane holds (Q11).
    private func nextQueueMessage(for lane: Int) -> Int? {
        if spec.mode == .sqsFIFO { return nextFIFOMessage(for: lane) }
        while source.availableHead < source.available.count {
            let id = source.available[source.availableHead]
            if let message = source.records[id], message.state == .waiting {
                if message.availableAt > now {
                    // Q1: no poll returns it yet; later messages became available later still.
                    schedulePump(at: message.availableAt)
                    return nil
                }
                if !hasExpired(message) { return id }
                messageExpired(id)
            }
            source.availableHead += 1
        }
        if source.availableHead > 4_096 {
            source.available.removeFirst(source.availableHead)
            source.availableHead = 0
        }
        return nil
    }

    private func nextFIFOMessage(for lane: Int) -> Int? {
        var best: Int?
        for group in source.groupOrder.indices {
            let holder = source.heldGroups[group]
            if holder != SourceState.noHolder, holder != lane { continue }
            for id in source.groupOrder[group] {
                guard let record = source.records[id] else { continue }
                if record.state == .waiting, record.availableAt > now {
                    // Q1: the group's next message is not returned by a poll yet.
                    if lane != -2 { schedulePump(at: record.availableAt) }
                    break
                }
                if record.state == .waiting {
                    if best == nil || id < best! { best = id }
                    break
                }
                if lane < 0 || !source.lanes[lane].batch.contains(id) { break }
            }
        }
        return best
    }

    private func receive(_ message: inout SourceRecord, by lane: Int) {
        assume(.pollLatency)
        message.receiveCount += 1
        message.lastReceive = now
        message.state = .taken
        source.records[message.id] = message
        if let group = message.group { source.heldGroups[group] = lane }
    }

    /// Invokes the function with a lane's batch, or backs off when throttled (Q12).
    func invokeQueueBatch(lane: Int, trigger: BatchTrigger) {
        source.lanes[lane].phase = .invoking
        let items = source.lanes[lane].batch
        let invocationNumber = nextInvocation
        if trigger != .retry {
            record(
                .batch(invocation: invocationNumber, items: items, trigger: trigger, lane: lane),
                rules: [.E2, trigger == .window && batchingWindow > 0 ? .E3 : .E1])
        }
        if spec.function.loops, let depth = items.compactMap({ source.records[$0].map { Int($0.depth) } }).max(), recursionStops(depth: depth) {
            // L4: the poller gets RecursiveInvocationException; the messages are not
            // processed and return after their visibility timeout (Q2), then the DLQ (Q4).
            recordRecursionStopped(items, depth: depth)
            for id in items { markFailed(id) }
            resetQueueLane(lane)
            pumpQueue()
            return
        }
        let plan = batchPlan(items: items)
        var refusal: (reason: String, rule: RuleSet)?
        var started: (instance: Int, runtime: Int64, result: AttemptResult)?
        switch plan {
        case .refused(let kind):
            refusal = (kind == .serviceError ? "ServiceException" : "ConcurrentInvocationLimitExceeded", .Q12)
        case .runs(let runtime, let result):
            switch pool.acquire(at: now) {
            case .failure(let refused): refusal = (refused.reason, refused.rule)
            case .success(let instance): started = (instance, runtime, result)
            }
        }
        if let started {
            source.lanes[lane].refusals = 0
            let invocation = takeInvocationNumber()
            stats.attempts += 1
            var attempt = 1
            for id in items { attempt = max(attempt, source.records[id]?.receiveCount ?? 1) }
            record(.start(invocation: invocation, instance: started.instance, items: items, attempt: attempt), rules: [.E1])
            let (runtime, result) = startInEnvironment(started.instance, invocation: invocation, items: items, runtime: started.runtime, result: started.result)
            schedule(.laneEnd(lane: lane, invocation: invocation, instance: started.instance, result: result), after: runtime)
            return
        }
        guard let refusal else { return }
        // Q12: Lambda keeps retrying a throttled batch until the messages' visibility timeout
        // passes; then they reappear in the queue.
        let delay = backOff(lane: lane, items: items, reason: refusal.reason, rules: [.Q12, refusal.rule])
        if now + delay >= earliestVisible(items) {
            for id in items { markFailed(id) }
            resetQueueLane(lane)
            pumpQueue()
            return
        }
        record(.retryScheduled(items: items, reason: .throttled, delay: delay), rules: [.Q12])
        source.lanes[lane].phase = .throttled
        wake(lane: lane, at: now + delay)
    }

    /// A batch invocation ended: delete what succeeded (Q1, Q7); the rest reappears after the
    /// visibility timeout (Q2).
    func queueLaneEnd(_ lane: Int, invocation: Int, instance: Int, result: AttemptResult) {
        let (items, response) = endBatch(lane, invocation: invocation, instance: instance, result: result)
        if response.result == .ok {
            // No set and no depth lookups on the common path: every message succeeded and
            // the function sends nothing back.
            let failed = response.reported.isEmpty ? [] : Set(response.reported)
            for id in items {
                if !failed.isEmpty, failed.contains(id) {
                    markFailed(id)
                } else if spec.function.loops {
                    let depth = source.records[id]?.depth ?? 1
                    delete(id)
                    queueLoopsBack(depth: depth)
                } else {
                    delete(id)
                }
            }
        } else {
            // Q2: the wait is what is left of the visibility timeout counted from the receive,
            // not the whole timeout: the handler ran for part of it.
            record(.retryScheduled(items: items, reason: .functionError, delay: max(0, earliestVisible(items) - now)), rules: [.Q2])
            for id in items { markFailed(id) }
        }
        resetQueueLane(lane)
        if response.result != .ok, spec.assumptions.sqsErrorBackoff > 0 {
            assume(.sqsErrorBackoff)
            source.lanes[lane].phase = .pausing
            wake(lane: lane, at: now + spec.assumptions.sqsErrorBackoff)
        }
        pumpQueue()
    }

    private func resetQueueLane(_ lane: Int) {
        source.lanes[lane].batch.removeAll(keepingCapacity: true)
        source.lanes[lane].batchBytes = 0
        source.lanes[lane].phase = .free
        // E3: the next window begins when the previous invocation completes.
        source.lanes[lane].windowOpenedAt = batchingWindow > 0 ? now : nil
    }

    /// A processed message is sent back to its own queue, one invocation deeper (L1).
    private func queueLoopsBack(depth: Int32) {
        guard spec.function.loops else { return }
        let item = takeLoopEventID()
        let fifoGroup: String? = spec.mode == .sqsFIFO ? "loop" : nil
        record(.arrival(item: item, size: spec.arrivals.first?.size ?? 1_024, shard: nil, group: fifoGroup), rules: [.L1])
        var message = SourceRecord(
            id: item, arrival: now, size: spec.arrivals.first?.size ?? 1_024, shard: 0, group: fifoGroup.map(groupID),
            pollLatency: spec.assumptions.pollLatency)
        message.depth = depth &+ 1
        source.records[item] = message
        makeVisible(message)
        source.deferredPump = true
    }

    private func delete(_ id: Int) {
        guard let message = source.records.removeValue(forKey: id) else { return }
        if let group = message.group { releaseGroup(group, message: id) }
        settle(id, [.ok])
    }

    /// When the first of `items` is visible again: its last receive plus the visibility
    /// timeout (Q2), or now for items already gone.
    private func earliestVisible(_ items: [Int]) -> Int64 {
        items.compactMap { source.records[$0].map { $0.lastReceive + effectiveVisibilityTimeout } }.min() ?? now
    }

    private func markFailed(_ id: Int) {
        guard var message = source.records[id] else { return }
        if message.lastReceive + effectiveVisibilityTimeout <= now {
            // The timeout already passed while the handler ran: the message is visible now.
            message.state = .invisible
            source.records[id] = message
            messageVisible(id, receiveCount: message.receiveCount)
            return
        }
        message.state = .invisible
        source.records[id] = message
        if let group = message.group { source.heldGroups[group] = -1 }
        // Q2: it reappears when the visibility timeout of its last receive runs out.
        schedule(.messageVisible(item: id, receiveCount: message.receiveCount), at: message.lastReceive + effectiveVisibilityTimeout)
    }

    /// A received message's visibility timeout ran out (Q2); at maxReceiveCount it moves to
    /// the queue's dead-letter queue instead (Q4).
    func messageVisible(_ id: Int, receiveCount: Int) {
        guard var message = source.records[id], message.receiveCount == receiveCount, message.state == .invisible else { return }
        if hasExpired(message) {
            messageExpired(id)
            return
        }
        if let maximum = spec.queue.maxReceiveCount, message.receiveCount >= maximum {
            assume(.redriveAt)
            source.records[id] = nil
            if let group = message.group { releaseGroup(group, message: id) }
            countDelivery(.redrive)
            record(
                .delivery(
                    Delivery(
                        route: .redrive, target: spec.mode == .sqsFIFO ? .sqsFIFO : .sqs, condition: nil, items: [id],
                        approximateInvokeCount: message.receiveCount,
                        fields: ["body": .size(message.size), "attributes.ApproximateReceiveCount": .int(Int64(message.receiveCount))],
                        delivered: true
                    )), rules: [.Q4])
            settle(id, [.dlq])
            pumpQueue()
            return
        }
        message.state = .waiting
        message.availableAt = now + spec.assumptions.pollLatency
        source.records[id] = message
        record(.visible(items: [id]), rules: [.Q2])
        if let group = message.group, source.heldGroups[group] == -1 { source.heldGroups[group] = SourceState.noHolder }
        makeVisible(message)
        source.deferredPump = true
    }

    /// A message outlived the queue's retention period and is gone.
    func messageExpired(_ id: Int) {
        guard let message = source.records[id], message.state != .taken else { return }
        source.records[id] = nil
        if let group = message.group { releaseGroup(group, message: id) }
        record(.discarded(items: [id], reason: .retentionExpired))
        settle(id, [.discarded])
    }

    private func makeVisible(_ message: SourceRecord) {
        let id = message.id
        if let group = message.group {
            Self.insertOnce(id, into: &source.groupOrder[group])
        } else {
            source.available.append(id)
        }
    }

    /// The index of a FIFO message group name.
    ///
    /// A few names are searched in order, more are hashed: nearly every message of a FIFO
    /// queue names the group the one before it named.
    private func groupID(_ name: String) -> Int {
        if source.groupNames.count <= 8 {
            if let id = source.groupNames.firstIndex(of: name) { return id }
        } else if let id = source.groupIDs[name] {
            return id
        }
        source.groupNames.append(name)
        source.groupIDs[name] = source.groupNames.count - 1
        source.groupOrder.append([])
        source.heldGroups.append(SourceState.noHolder)
        return source.groupNames.count - 1
    }

    /// Adds `id` to a group's ids, which stay ascending and without repeats (a message that
    /// becomes visible again is already there): appended when it is the newest, as nearly
    /// every id is, else put in its place, found by halving.
    private static func insertOnce(_ id: Int, into ids: inout [Int]) {
        guard let last = ids.last, id <= last else {
            ids.append(id)
            return
        }
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        if ids[low] != id { ids.insert(id, at: low) }
    }

    /// Whether a message outlived the queue's retention period (checked when it would be
    /// received or become visible, so no timer per message is needed).
    func hasExpired(_ message: SourceRecord) -> Bool {
        now - message.arrival >= spec.queue.messageRetentionSeconds * 1_000
    }

    private func releaseGroup(_ group: Int, message id: Int) {
        // Ids are kept once each, so the first is the only one (and nearly always the oldest).
        if let index = source.groupOrder[group].firstIndex(of: id) { source.groupOrder[group].remove(at: index) }
        // Held: some message of the group is taken or invisible (neither waiting nor gone).
        let stillHeld = source.groupOrder[group].contains { source.records[$0].map { $0.state != .waiting } ?? false }
        if !stillHeld { source.heldGroups[group] = SourceState.noHolder }
    }
}
