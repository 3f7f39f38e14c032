import Testing

@testable import LambdaSimulator

/// Issue 18, point 1: a run keeps at most its detail limit of entries, claim facts in
/// bounded lists and counts over time, so that what it keeps does not grow with how long
/// the scenario runs; and what it keeps agrees with the complete trace.
@Suite struct BoundedTraceTests {
    /// An SQS message that fails forever, retried every visibility timeout (Q2) for a day.
    static func retryLoop(hours: Int64) -> ScenarioSpec {
        var spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0)]
        spec.queue.visibilityTimeoutSeconds = 3
        spec.function.fails = .always
        spec.function.durations = [100]
        spec.until = hours * 3_600_000
        return spec
    }

    @Test func aLongRunKeepsItsFirstEntriesAndCountsTheRest() throws {
        let trace = try Simulator.simulate(Self.retryLoop(hours: 24), detailLimit: 2_000)
        #expect(trace.entries.count == 2_000)
        #expect(trace.entryCount > 100_000)
        #expect(!trace.isComplete)
        #expect(trace.facts.startTimes.count == trace.stats.attempts)
        #expect(trace.facts.startTimes.kept.count == ClaimFacts.listLimit)
        #expect(trace.facts.starts.kept.count == ClaimFacts.listLimit)
        #expect(trace.facts.startTimes.isTruncated)
        #expect(trace.aggregates.total(.attemptsError) == trace.facts.endTimes.count)
        #expect(trace.aggregates.usedBuckets <= TraceAggregates.bucketCount)
        #expect(trace.aggregates.usedBuckets > TraceAggregates.bucketCount / 2)
    }

    /// Cold starts (X6, X7) in a long run: counted over all of it, kept as the first ones.
    @Test func coldStartsOfALongRunAreCountedAndBounded() throws {
        var spec = Self.retryLoop(hours: 24)
        spec.function.initDuration = 800
        spec.assumptions.idleLifetime = 1_000
        let trace = try Simulator.simulate(spec, detailLimit: 2_000)
        #expect(trace.entries.count == 2_000)
        #expect(trace.stats.coldStarts == trace.stats.attempts, "every retry comes after the environment was reclaimed")
        #expect(trace.facts.coldStartTimes.count == trace.stats.coldStarts)
        #expect(trace.facts.coldStartTimes.kept.count == ClaimFacts.listLimit)
        #expect(trace.facts.latencies.count == ClaimFacts.listLimit)
    }

    @Test func whatIsKeptDoesNotGrowWithTheLengthOfTheRun() throws {
        let day = try Simulator.simulate(Self.retryLoop(hours: 12), detailLimit: 2_000)
        let twoDays = try Simulator.simulate(Self.retryLoop(hours: 24), detailLimit: 2_000)
        #expect(twoDays.entryCount > day.entryCount)
        #expect(twoDays.entries.count == day.entries.count)
        #expect(twoDays.facts.startTimes.kept.count == day.facts.startTimes.kept.count)
        #expect(twoDays.aggregates.usedBuckets <= TraceAggregates.bucketCount)
        #expect(twoDays.exemplars.map { $0.entries.count } == day.exemplars.map { $0.entries.count })
    }

    @Test func claimFactsAreTheSameWithOrWithoutTheDetailLimit() throws {
        var spec = ScenarioSpec(mode: .kinesis)
        spec.arrivals = [ArrivalGroup(at: 0, count: 300, every: 10)]
        spec.mapping.batchSize = 7
        spec.mapping.maximumRetryAttempts = 2
        spec.mapping.bisectBatchOnFunctionError = true
        spec.function.fails = .records([5, 150], times: nil)
        let complete = try Simulator.simulate(spec)
        let bounded = try Simulator.simulate(spec, detailLimit: 50)
        #expect(complete.isComplete && !bounded.isComplete)
        #expect(bounded.facts.startTimes.kept == complete.starts.map(\.time))
        #expect(bounded.facts.endTimes.kept == complete.ends.map(\.time))
        #expect(bounded.facts.batchTimes.kept == complete.batches.map(\.time))
        #expect(bounded.facts.results == complete.facts.results)
        #expect(bounded.facts.orderViolation == complete.facts.orderViolation)
        #expect(bounded.facts.deliveries.count == complete.deliveries.count)
        #expect(bounded.aggregates == complete.aggregates)
        #expect(bounded.exemplars == complete.exemplars)
    }

    @Test func exemplarsAreTheFirstInputTheFirstFailureAndTheFirstOfEachEnd() throws {
        var spec = ScenarioSpec(mode: .async)
        spec.arrivals = [ArrivalGroup(at: 0, count: 50, every: 100)]
        spec.function.fails = .attempts([1])
        spec.eventInvokeConfig.maximumRetryAttempts = 0
        spec.deadLetter = .sqs
        let trace = try Simulator.simulate(spec, detailLimit: 10)
        let reasons = trace.exemplars.map { "#\($0.item) " + $0.reasons.map { "\($0)" }.joined(separator: ",") }
        #expect(reasons.first == "#1 first,firstFailure,firstOutcome(LambdaSimulator.Outcome.dlq)")
        let complete = try Simulator.simulate(spec)
        for exemplar in trace.exemplars {
            let own = complete.entries.filter { $0.event.names(exemplar.item) }
            #expect(exemplar.entries == Array(own.prefix(Exemplar.entryLimit)))
            #expect(exemplar.entryCount == own.count)
        }
    }

    @Test func bucketsDoubleTheirWidthAndKeepEveryCount() {
        var aggregates = TraceAggregates()
        let times: [Int64] = [0, 1, 127, 128, 255, 256, 1_000_000]
        for time in times { aggregates.add(TraceEntry(time: time, event: .arrival(item: 1, size: 1, shard: nil, group: nil), rules: [])) }
        #expect(aggregates.total(.arrivals) == times.count)
        #expect(aggregates.bucketWidth == 8_192)
        #expect(aggregates.usedBuckets == 123)
        #expect(aggregates.count(.arrivals, bucket: 0) == 6)
        #expect(aggregates.count(.arrivals, bucket: 122) == 1)
    }

    @Test func concurrencyPerBucketIsThePeakOfHandlersRunning() {
        var aggregates = TraceAggregates()
        let start = { (time: Int64, invocation: Int) in
            TraceEntry(time: time, event: .start(invocation: invocation, instance: invocation, items: [invocation], attempt: 1), rules: [])
        }
        let end = { (time: Int64, invocation: Int) in
            TraceEntry(time: time, event: .end(invocation: invocation, instance: invocation, items: [invocation], result: .ok, reported: []), rules: [])
        }
        for entry in [start(0, 1), start(1, 2), end(2, 1), end(3, 2), start(100, 3), end(101, 3)] { aggregates.add(entry) }
        #expect(aggregates.peakConcurrency == 2)
        #expect(aggregates.concurrency(bucket: 0) == 1)
        #expect(aggregates.concurrency(bucket: 1) == 2)
        #expect(aggregates.concurrency(bucket: 50) == 0)
        #expect(aggregates.concurrency(bucket: 100) == 1)
        #expect(aggregates.total(.attemptsOK) == 3)
    }
}
