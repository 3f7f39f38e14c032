import Testing

@testable import LambdaSimulator

/// `SimulationStats`' maps of outcomes and deliveries, kept as counters by position.
@Suite struct SimulationStatsCountTests {
    @Test func theMapsHoldTheCountersAboveZero() {
        var stats = SimulationStats()
        stats.outcomeCounts.increment(Outcome.dlq.ordinal)
        stats.outcomeCounts.increment(Outcome.dlq.ordinal)
        stats.outcomeCounts.increment(Outcome.ok.ordinal)
        stats.deliveryCounts.increment(Delivery.Route.callerDLQ.ordinal)
        #expect(stats.outcomes == [.dlq: 2, .ok: 1])
        #expect(stats.deliveries == [.callerDLQ: 1])
        #expect(SimulationStats().outcomes.isEmpty)
    }

    @Test func settingAMapSetsTheCounters() {
        var stats = SimulationStats()
        stats.outcomes = [.pending: 3, .rejected: 0]
        stats.deliveries[.onSuccess, default: 0] += 2
        #expect(stats.outcomes == [.pending: 3])
        #expect(stats.outcomeCounts[Outcome.pending.ordinal] == 3)
        #expect(stats.deliveries == [.onSuccess: 2])
    }

    @Test func countersMadeFromAMapReadBackAsTheMap() {
        let counts = InlineCounts([Delivery.Route.dlq: 4, .redrive: 1], \.ordinal)
        #expect(counts[Delivery.Route.dlq.ordinal] == 4)
        #expect(counts.map(Delivery.Route.allCases, \.ordinal) == [.dlq: 4, .redrive: 1])
    }
}
