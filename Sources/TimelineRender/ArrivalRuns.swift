import LambdaSimulator

/// Runs of arrivals the event log writes as one line, as the figure draws them as one run
/// of dots: a burst at one instant, or one arrival per instant at a regular pace.
///
/// Why: a scenario's `records: { count: 500, every: 50ms }` made 500 lines of
/// `arrival #k 1024 B`, 43 % of a heavy log's rows and nothing a reader could not read from
/// one line that gives the first and last time and the pace. Only runs that lose nothing are
/// joined: consecutive items, alike in size, shard, group and rules, and (spread over time)
/// nothing else shown at their instants.
///
/// The entries are the log's, read in place (`EventLog.write`).
enum ArrivalRuns {
    /// The fewest arrivals spread over time written as one line.
    static let shortestSpread = 3

    /// How many entries from `start` are arrivals of consecutive items at one instant, alike
    /// in size, shard, group and rules (1 when the entry is not such a run's first).
    static func atOneInstant(_ entries: UnsafeBufferPointer<TraceEntry>, from start: Int) -> Int {
        guard case .arrival(let first, let size, let shard, let group) = entries[start].event else { return 1 }
        var next = start + 1
        while next < entries.count, entries[next].time == entries[start].time, entries[next].rules == entries[start].rules,
            case .arrival(let item, size, shard, group) = entries[next].event, item == first + (next - start)
        {
            next += 1
        }
        return next - start
    }

    /// The run of arrivals starting at `start`, one per instant at a regular pace, when at
    /// least `shortestSpread` long: how many, the time between two, and the index after the
    /// last. Receives (which the log does not show) may come between them; anything else
    /// shown at one of their instants ends the run before that instant.
    static func spread(_ entries: UnsafeBufferPointer<TraceEntry>, from start: Int) -> (count: Int, every: Int64, end: Int)? {
        guard case .arrival(let first, let size, let shard, let group) = entries[start].event else { return nil }
        var count = 1
        // The index after the last arrival taken, and after the one before it.
        var end = start + 1
        var endBefore = start
        var every: Int64 = 0
        var index = start + 1
        while true {
            // The next shown entry, and whether the last arrival had its instant to itself.
            while index < entries.count, case .received = entries[index].event { index += 1 }
            let lastTime = entries[end - 1].time
            guard index < entries.count, entries[index].time != lastTime else {
                if index < entries.count {
                    // The last arrival shares its instant: the run ends before it.
                    count -= 1
                    end = endBefore
                }
                break
            }
            guard case .arrival(let item, size, shard, group) = entries[index].event, item == first + count,
                entries[index].rules == entries[start].rules, every == 0 || entries[index].time - lastTime == every
            else { break }
            every = entries[index].time - lastTime
            count += 1
            index += 1
            (endBefore, end) = (end, index)
        }
        guard count >= shortestSpread else { return nil }
        return (count, every, end)
    }
}
