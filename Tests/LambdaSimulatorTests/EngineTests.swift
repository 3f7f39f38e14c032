import LambdaSimulator
import Testing

/// The engine itself: determinism, limits, horizons and streaming summaries.
@Suite struct EngineTests {
    @Test func theSameSpecificationGivesTheSameTrace() throws {
        let spec = Scenarios.sqs(count: 50) {
            $0.function.fails = .rate(perMille: 300)
            $0.seed = 42
            $0.queue.maxReceiveCount = 2
        }
        #expect(try Simulator.simulate(spec).dump == Simulator.simulate(spec).dump)
    }

    @Test func theSeedChangesRateFailures() throws {
        let a = try Simulator.simulate(
            Scenarios.async {
                $0.arrivals = [Scenarios.group(at: 0, count: 100)]; $0.function.fails = .rate(perMille: 500); $0.seed = 1
            })
        let b = try Simulator.simulate(
            Scenarios.async {
                $0.arrivals = [Scenarios.group(at: 0, count: 100)]; $0.function.fails = .rate(perMille: 500); $0.seed = 2
            })
        #expect(a.stats.attempts != b.stats.attempts || a.dump != b.dump)
    }

    @Test func whatIsOpenAtTheHorizonIsPending() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.until = 30_000
            })
        #expect(trace.outcomes[1] == [.pending])
        #expect(trace.stats.endTime == 30_000)
    }

    @Test func aStepLimitStopsWithAnErrorThatNamesIt() {
        var spec = Scenarios.async { $0.arrivals = [Scenarios.group(at: 0, count: 1_000)] }
        spec.limits.maximumSteps = 100
        #expect(throws: SimulationError.limitExceeded(.steps, value: 100, at: 0)) { try Simulator.simulate(spec) }
    }

    @Test func tooManyInputsAreRejectedBeforeSimulating() {
        var spec = Scenarios.async { $0.arrivals = [Scenarios.group(at: 0, count: 2_000_000_000_000)] }
        spec.limits.maximumInputs = 1_000_000
        #expect(throws: SimulationError.self) { try Simulator.simulate(spec) }
        #expect(
            ScenarioValidator.validate(spec).map(\.description) == [
                "events.1.count: the scenario has 2000000000000 events; the limit is 1000000 (limits.records)"
            ])
    }

    @Test func summariesKeepOnlyCounts() throws {
        var summary = TraceSummary()
        let result = try Simulator.simulate(Scenarios.async { $0.arrivals = [Scenarios.group(at: 0, count: 10)] }, into: &summary, keepingEntries: false)
        #expect(summary.entryCount == 0)
        #expect(summary.outcomes == [.ok: 10])
        #expect(result.stats.attempts == 10)
    }
}
