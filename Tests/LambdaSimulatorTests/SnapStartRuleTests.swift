import LambdaSimulator
import Testing

/// The billing of `Init` (X8) and SnapStart (X13), rules of reference §11 with the §17
/// `snapstart-restore` assumption.
@Suite struct SnapStartRuleTests {
    static let coldStarts = EnvironmentRuleTests.coldStarts

    @Test func x8_initIsBilledWithTheColdInvocationAndAtProvisionedAllocation() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 60_000)]
                $0.function.initDuration = 800
                $0.function.durations = [100]
            })
        // Billed duration = Init + handler for the cold one, the handler alone when warm:
        // what each invocation held its environment for, its latency.
        #expect(trace.facts.latencyColumn.kept == [900, 100])
        let cold = try #require(trace.entries.first { if case .coldStart = $0.event { true } else { false } })
        #expect(cold.rules.contains(.X8))

        let unused = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = []
                $0.function.initDuration = 800
                $0.function.provisionedConcurrency = 2
            })
        // Two Inits billed at 0 s though no request ever runs.
        let allocation = try #require(unused.entries.first { if case .provisioned = $0.event { true } else { false } })
        #expect(allocation.event == .provisioned(instances: [1, 2], initDuration: 800))
        #expect(allocation.rules.contains(.X8))
        #expect(unused.stats.attempts == 0)
    }

    @Test func x13_snapStartRestoresInsteadOfRunningInit() throws {
        let spec = Scenarios.sync {
            $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 60_000)]
            $0.function.initDuration = 5_000
            $0.function.snapStart = true
            $0.assumptions.snapstartRestore = 300
            $0.function.durations = [100]
        }
        let trace = try Simulator.simulate(spec)
        // Init (5 s) ran at publish: the first request waits for the 300 ms Restore only, the
        // second is warm.
        #expect(Self.coldStarts(trace) == ["0@1+300"])
        #expect(trace.facts.latencyColumn.kept == [400, 100])
        #expect(trace.assumptionsUsed.contains(.snapstartRestore))
        #expect(trace.rulesFired.contains("X13"))
        #expect(trace.entries.first?.event == .note("SnapStart: Init ran when the version was published; a new environment restores from its snapshot instead"))

        var defaulted = spec
        defaulted.assumptions = Assumptions()
        let instant = try Simulator.simulate(defaulted)
        #expect(Self.coldStarts(instant) == ["0@1+0"], "§17: the restore takes 0 s unless set")

        var longInit = spec
        longInit.function.initDuration = 60_000
        longInit.function.timeoutSeconds = 3
        #expect(try Self.coldStarts(Simulator.simulate(longInit)) == ["0@1+300"], "X3: the 10 s on-demand limit does not apply")
    }

    @Test(arguments: [InvocationMode.async, .sqs, .kinesis])
    func x13_aRestoreOver10SecondsFailsTheInvocationInEveryMode(_ mode: InvocationMode) throws {
        var spec = ScenarioSpec(mode: mode)
        spec.arrivals = [Scenarios.group(at: 0)]
        spec.function.snapStart = true
        spec.function.timeoutSeconds = 30
        spec.assumptions.snapstartRestore = 12_000
        spec.until = 15_000
        let trace = try Simulator.simulate(spec)
        // The after-restore hooks time out at 10 s: SnapStartTimeoutException, an error.
        #expect(Self.coldStarts(trace).first == "0@1+10000 failed")
        #expect(trace.ends.first.map { "\($0.time) \($0.result)" } == "10000 error")
    }

    @Test func x13_initFailuresHaveNoRequestWithSnapStart() {
        let spec = Scenarios.sync {
            $0.function.snapStart = true
            $0.function.initFails = .always
        }
        #expect(
            ScenarioValidator.validate(spec).map(\.description) == [
                "function.init-fails: with SnapStart, Init runs when the version is published, not on a request [X13]"
            ])
    }

    /// A SnapStart version with a 5 s `Init`, last invoked `ago` before the scenario.
    static func inactive(ago: Int64?, _ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        Scenarios.sync {
            $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 2_000), Scenarios.group(at: 10_000)]
            $0.function.initDuration = 5_000
            $0.function.snapStart = true
            $0.function.lastInvoked = ago
            configure(&$0)
        }
    }

    @Test func x13_aVersionNotInvokedFor14DaysIsInactiveUntilReactivated() throws {
        let trace = try Simulator.simulate(Self.inactive(ago: 15 * 86_400_000))
        // The invoke at 0 s finds it Inactive and starts the re-activation (its Init, 5 s):
        // it and the one at 2 s get 409; the one at 10 s runs.
        #expect(
            trace.responses.map { "\($0.time) \($0.status) \($0.error ?? "")" } == [
                "0 409 SnapStartNotReadyException", "2000 409 SnapStartNotReadyException", "10100 200 ",
            ])
        #expect(trace.throttleTimes == [0, 2_000])
        #expect(trace.startTimes == [10_000])
        #expect(trace.outcomes[1] == [.errorReturned])
        #expect(trace.outcomes[3] == [.ok])
        #expect(trace.assumptionsUsed.contains(.snapstartReactivation))
        #expect(trace.rulesFired.contains("X13"))

        var quick = Self.inactive(ago: 15 * 86_400_000)
        quick.assumptions.snapstartReactivation = 1_000
        #expect(try Simulator.simulate(quick).throttleTimes == [0], "active again at 1 s")
        let recent = try Simulator.simulate(Self.inactive(ago: 13 * 86_400_000))
        #expect(recent.throttleTimes.isEmpty, "13 days: still Active")
        #expect(!recent.assumptionsUsed.contains(.snapstartReactivation))
    }

    @Test func x13_fourteenIdleDaysAcrossTheScenarioStartAndTheCallersThatRetry() throws {
        // Last invoked 10 days before the scenario: a request 4 days in meets 14 idle days.
        func firstRequest(at time: Int64) throws -> Trace {
            try Simulator.simulate(Self.inactive(ago: 10 * 86_400_000) { $0.arrivals = [Scenarios.group(at: time)] })
        }
        #expect(try firstRequest(at: 4 * 86_400_000 - 1_000).throttleTimes.isEmpty)
        #expect(try firstRequest(at: 4 * 86_400_000).throttleTimes == [4 * 86_400_000])

        // The CLI does not retry a 409 (R13); a Step Functions retrier does (R14, R15).
        let cli = try Simulator.simulate(
            Self.inactive(ago: 15 * 86_400_000) {
                $0.arrivals = [Scenarios.group(at: 0)]
                $0.trigger = .cli
            })
        #expect(cli.throttleTimes == [0])
        #expect(cli.facts.callerRetries == 0)
        var retrier = StepFunctionsRetrier(errorEquals: ["Lambda.SnapStartNotReadyException"])
        retrier.intervalSeconds = 3
        let stepFunctions = try Simulator.simulate(
            Self.inactive(ago: 15 * 86_400_000) {
                $0.arrivals = [Scenarios.group(at: 0)]
                $0.trigger = .stepFunctions
                $0.caller.retriers = [retrier]
            })
        // 409 at 0 s and 3 s; the third try, 6 s later, finds the version Active.
        #expect(stepFunctions.throttleTimes == [0, 3_000])
        #expect(stepFunctions.startTimes == [9_000])
        #expect(stepFunctions.outcomes[1] == [.ok])
    }

    @Test func x13_lastInvokedIsForSynchronousSnapStartVersionsOnly() {
        var plain = Scenarios.sync()
        plain.function.lastInvoked = 86_400_000
        var async = Scenarios.async()
        async.function.snapStart = true
        async.function.lastInvoked = 86_400_000
        let message =
            "function.last-invoked: last-invoked makes a SnapStart version Inactive (X13), which AWS documents for synchronous invocations only (mode: sync with SnapStart) [X13]"
        #expect(ScenarioValidator.validate(plain).map(\.description) == [message])
        #expect(ScenarioValidator.validate(async).map(\.description) == [message])
    }
}
