import LambdaSimulator
import Testing

/// Concurrency and scaling, rules C1–C5 of reference/lambda-semantics.md.
@Suite struct ConcurrencyRuleTests {
    private func burst(_ count: Int, _ configure: (inout ScenarioSpec) -> Void = { _ in }) throws -> Trace {
        try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0, count: count)]
                $0.function.durations = [1_000]
                configure(&$0)
            })
    }

    @Test func c1_theAccountQuotaCapsEveryFunction() throws {
        let trace = try burst(1_001)
        #expect(trace.stats.attempts == 1_000)
        #expect(trace.responses.filter { $0.status == 429 }.map(\.reason) == ["ConcurrentInvocationLimitExceeded"])
    }

    @Test func c2_reservedConcurrencyCapsTheFunction() throws {
        let trace = try burst(11) { $0.function.reservedConcurrency = 10 }
        #expect(trace.stats.maxConcurrency == 10)
        #expect(trace.responses.filter { $0.status == 429 }.map(\.reason) == ["ReservedFunctionConcurrentInvocationLimitExceeded"])
        let issues = ScenarioValidator.validate(Scenarios.sync { $0.function.reservedConcurrency = 901 })
        #expect(
            issues.map(\.description) == [
                "function.ReservedConcurrentExecutions: ReservedConcurrentExecutions must be 0–900 (at least 100 of the account's 1000 must stay unreserved) (AWS limit), not 901 [C2]"
            ])
    }

    @Test func c3_newEnvironmentsAreLimitedTo1000Per10Seconds() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.accountConcurrency = 5_000
                $0.function.durations = [30_000]
                $0.function.timeoutSeconds = 60
                $0.arrivals = [Scenarios.group(at: 0, count: 1_200), Scenarios.group(at: 1_000, count: 150)]
            })
        #expect(trace.stats.attempts == 1_100, "1,000 at once, then 100 refilled in the next second")
        #expect(trace.responses.filter { $0.status == 429 }.first?.reason == "FunctionInvocationRateLimitExceeded")
        #expect(trace.rulesFired.contains("C3"))
    }

    @Test func c4_requestRateIsTenTimesTheQuota() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.accountConcurrency = 10
                $0.function.durations = [0]
                $0.arrivals = [Scenarios.group(at: 0, count: 101)]
            })
        #expect(trace.stats.attempts == 100)
        #expect(trace.rulesFired.contains("C4"))
    }

    @Test func c5_oneEnvironmentServesOneRequestAtATime() throws {
        let overlapping = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0, count: 3, every: 10)]
            })
        #expect(Set(overlapping.starts.map(\.instance)) == [1, 2, 3])
        let sequential = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0, count: 3, every: 200)]
            })
        #expect(Set(sequential.starts.map(\.instance)) == [1], "a warm environment is reused")
        #expect(sequential.stats.maxConcurrency == 1)
    }
}
